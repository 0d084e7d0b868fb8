"""Self-check fingerprints and hints for module 06 (``course/06_guess_what_he_dislikes``)."""

from ._registry import register

register(
    '06.try_category', str,
    '596b78e2ddcd33318c315299a0e5aeb644b75e27713750dda307f971b4a84305',
    'Read the reason again: what did she leave the clinic without?',
    {
        'a7bb71fd6812ab34ffca7f97f46948080cc2d9411a85c4ef07fa62bee99fef25':
            'Nobody was rude to her. What did nobody do before she left?',
        'a923ab7d6f5fcd81f4d8aff28519c7cf14e36b01cbc06dfca86cae22bae2662b':
            'Nothing is wrong with the medicine itself. What did nobody do before she left?',
    },
)
register(
    '06.signals_match', str,
    '76a001179fff0742b0627da5197e646369423e70220d0a5bcd3734e3fc7a512f',
    'Take the signals one at a time and ask which reason would make a customer act like that.',
    {
        '6134a8d00b8a2ec09370a54cf8eb14bd45b4e468b917ffea2939a6c0bf96d3bd':
            'Take the signals one at a time: which reason would make someone watch the clock?',
        '3fd93c3b8630d01a903f191f011ef5159fb924f00cac5d3ed3cb5ad011797989':
            'Nobody mentions the temperature: reason D fits none of the signals.',
    },
)
register(
    '06.best_move', int,
    '0cbe7686eddf9ffeea3810dc7ba9963aaadc1311a3270f3fc3d969a9aa70e3ec',
    'Look at her signals: which reply follows one of them up with a question she can answer '
    'in her own words?',
    {
        'f38a71673d72535710d213cd3ed1177af4b53211907a5a27684babc6888f9828':
            'She has just said the hotel was lovely. A guess she has already ruled out tells her '
            'nobody was listening. Which reply follows up something she showed?',
        '806859e6bfc0521d938a8ceb4c97eb1603ee5179a62d78388d09a86ef0c63ac5':
            'A discount before you know what went wrong treats every problem as a price problem, '
            'and she still does not feel understood. What could the manager ask instead?',
        'c4b55b9e267e559f21717353d0dde1f872c18eb6d3b79e0278c9aed0ca326b8f':
            'Quoting good ratings defends the company and tells her that her holiday is the odd '
            'one out. Which reply lets her tell her own story?',
    },
)
register(
    '06.harmful_line', int,
    '4236e0116eb9197d589c59554c831525910d261c63ef05c02615f2776b11c7c0',
    'Read each of the manager\'s lines from her side of the counter: after which one would she '
    'feel it was her own fault?',
    {
        '2a209d5f6af6061582fe635a200dd961a1036ffced5751b3c5b10ca0700e2d6b':
            'A seat and a look at the statement together is a good start. Read the lines again '
            'from her side: which one tells her the fault is hers?',
        'f2744659b6fc74fe532c5218705518b52d1bf188627d269af739991a3ea75376':
            'That line answers her question with a plain fact, which is what she asked for. '
            'Which line tells her the fault is hers?',
        'fb37e39e7d56c401d204a633dfd957c142cfebe394ee683960f0935d8e380fd1':
            'An apology for not telling her, and an offer to check what she really uses, is what '
            'she needed. Which line tells her the fault is hers?',
        '51eef6592f6f333c36b52881f3a32fa11999bd45ad6ab13581089e95430bea54':
            'Taking time for someone who finds banking hard is good service. Which line tells her '
            'the fault is hers?',
    },
)
register(
    '06.debrief_best_worst', list,
    'cdae8b548ab9a7f964ef5128753a06a7b00df08d4f8085429450360bca4f477b',
    'Two numbers, best first, then worst. For the best, think of the debrief questions in the '
    'rules of the game; for the worst, look for an option that leaves the room believing '
    'something untrue.',
    {
        '915fa0b7abf83b879e40f144cd68d3d2dd17f6abe3063d3f6a4219b2ff5b77db':
            'Your best is right. Moving on to the next pair wastes the round, but does it teach '
            'anyone something false? Look for a claim that is not true.',
        '8528bed24e0ee4a97f8f5eac4387d97acb406be7493710523e1e9616d64fcf31':
            'Your best is right. Reading the signals aloud still teaches something. Look for a '
            'claim that is not true.',
        '896dfbae0d92bbf9c8776be8e7e2f25aee056807066ac0ffea3df45960113e91':
            'Your worst is right. Telling Tom the answer and moving on ends the learning. Which '
            'option lets the players find the signs themselves?',
        '1fbcbb30296f0df4990193ecc8e4ef011465a9e6a9a5b6b8cdf3d210dfa59170':
            'Your worst is right. Reading the card aloud helps, but the card does the thinking. '
            'Which option lets the players find the signs themselves?',
        'b1815bb90f5d7555016654771d51cacc4087db2f40c0e67bf36a83431c9ffcac':
            'Is the claim about price true? Look at the deck\'s categories: how many of them '
            'are about price?',
        '187179889a08e67f65de666ab393fe22f659bf6895eca69b52b41a80cef4de1e':
            'Is the claim about price true? Look at the deck\'s categories: how many of them '
            'are about price?',
        '1ef4154d621b70c11864bba2a8883e1ba858290200077c541c3ac7d26e61e47b':
            'Is the claim about price true? Look at the deck\'s categories: how many of them '
            'are about price?',
    },
)
register(
    '06.games_for_teams', list,
    'fe914b4a2d60c4a5a29b4ee63a5ec3419f1909ca13a454befffb19b7b356e206',
    'Take the teams one at a time: what exactly goes wrong, and which game in the lesson\'s '
    'table trains that?',
    {
        '5f862346039fa9267458050490a2a96128e4e95fd552237eec9c61402b2900aa':
            'The first and third teams need different games. In one, the listener lacks the '
            'everyday words; in the other, the sellers lack the listener\'s trade words.',
        'ff2f3709a05ccffcf8351072a835812d5afa1f531e9144a4928bc4b6750286e5':
            'The hotel staff are friendly enough. What goes wrong is the first word of their '
            'answer to a request: which game trains that?',
        'b0e0c35cc1e3e3d9163951d4e49e2ddc270ba0df32034fd1939ab7ceb21882ea':
            'The steel sellers have no trouble starting a conversation. What goes wrong is the '
            'words they answer the engineers with.',
        'b79ee391c9435063018da09217bc739cf24bb41a22b21267bff03abd08359a1d':
            'The furniture customers leave without saying why. Which game trains staff to read '
            'what a customer does not say?',
    },
)
register(
    '06.small_talk_opening', int,
    '015b42454c02487c46413f2577399c2d8765988eefd75aaf7ffe036681f0a6c1',
    'Small talk is about the person in the chair, not about what you sell. Which opening '
    'could only be said to her?',
    {
        'f2f8545f8febd692d16159138b62fb4667792f63b255913f8bc7bccbb6efe6be':
            'That is a sales offer, not small talk: it asks for her money before the '
            'conversation has begun. Which opening is about her?',
        '68a3b66070e84a42bde58fcc2a3e3587e4fef2b16be60c6b15b47b2f65eda68d':
            'Loud, general praise sounds like a script, and the whole salon hears it. Which '
            'opening could only be said to her?',
        'a643e901b6aa0046e87e12bb8b0aa96be04062239b1ca671796cc7f6ab3947a3':
            'Safe, but anyone could say it to anyone. Which opening could only be said to her?',
    },
)

# The checks below belong to the exercise as released before issue 19 (three category
# look-ups, a round score and a count of pairs). They stay registered so that notebooks
# handed out from that release still run their "check yourself" cells.
register(
    '06.category_pressure', str,
    'cb741d584e055a34df6c5a4ae02a8d22f089b81b2a8312e0a08bf85e865539e7',
    'Pick one of the categories listed above, written exactly as there.',
    {
        '53fe42acc94341057d7662b118181589cdae6adc8a14793b08fe4c1ec1aec8bf':
            'The seller is polite enough: what is she really doing to the customer?',
    },
)
register(
    '06.category_fee', str,
    '370b0d5084736bd94d42c10bf65ffb99bda477d264983cba4392eab894ca3a44',
    'Pick one of the categories listed above, written exactly as there.',
    {
        '9ff016227b747762e108d7e894eecc75df9cacfac2aad295cce4a6bbb14542cf':
            'Not being told plays a part, but what hurts is what the customer has to pay.',
    },
)
register(
    '06.category_technician', str,
    '68aedb36cfac77dcfb006b4a549dd5f82104b04b2e80de98084edf08c58e8b62',
    'Pick one of the categories listed above, written exactly as there.',
    {
        'b15bbdb63dd19a8bee41713add964ca9b9d7c3fe74a00e3a6d57bbd23e3f32b1':
            'The waiting is what follows. What did the company say that did not come true?',
    },
)
register(
    '06.round_score', float,
    'e6eeb98f01b745cbee3c1ad9620254a094fa454c1ec6a072bdcff97ed47fcaa7',
    'Found is 1 point, partly found 0.5, missed 0: add up the four rounds.',
    {
        '30c50640eb523ff772a1a029684d0d9281e86efa67627912575ff83fc431ae40':
            'Partly found counts half a point, not a whole one.',
        '2569e7033488edf3dd7bd2dba0d4a80751ae1ab27ce5313810d85789bc16ab3a':
            'Partly found still earns half a point.',
    },
)
register(
    '06.pairs', int,
    'd516d107651812860772f8285d519c689c457e8b3ef0ec89e4bd5d29d8a2662f',
    'Every listener can be paired with every product.',
    {
        'e596e983f540630c4e25a62703b6ec913a04c2d5a221ac0a4426f9ed12fdcf14':
            "Each listener can meet each product: multiply, don't add.",
    },
)
