"""Self-check fingerprints and hints for module 00 (``course/00_what_is_customer_focus``)."""

from ._registry import register

register(
    '00.try_level', str,
    'fd3f43d8a13b580e8ebfd469f1e711cc3ed6d4247befc5f900dabd5fe875679f',
    'Ask two questions: did the guest expect it, and did the hotel say in advance it would happen?',
    {
        'a471c51ca672bb3e1bbf8896a4ca91eeec61cae223b55e77d6ba245a7518e0c9':
            'Would a guest expect a cot and a bottle warmer they never asked for? Look again at'
            ' what level 2 adds.',
        'c97659852657af4f28881107eb7caf81d255269ee793f57575dbe8c7b60e5f6a':
            'Nothing here is a one-off promotion, a giveaway at a loss or a rule against the '
            'guest. Which level is it?',
    },
)
register(
    '00.situations', list,
    '67500f6a2a2d9e19659bb35cf853aac41037f41635ebee912dca05ad7d8cb8d6',
    "Take the situations one at a time. Is it a system for the business's own customers? Does "
    'it meet what they expect, or go beyond it unasked?',
    {
        '132f909e1a985368858f00151880e0c1cf46d22a9be0bd1e2ddad59e5abd9fea':
            'Situation 1: a café that wants every kind of customer at once is not choosing its '
            'own customers.',
        'abb5700ae3dd23116579b57b26e9e4d70e571a6b49c6cd024326980237eeae1f':
            'Situation 2: did the driver ask for the worn tyre to be checked? Look at what '
            'level 2 adds.',
        '325b9131f3f53be1fcbd981bda31ee3d09e8def3ba8b457f52fbf2f2b5e2a9fd':
            'Situation 4: a refund at a loss because "the customer is always right" is one of '
            'the things that look like customer focus.',
        '853ea931de9f9b4b7d130a75830e74ee555f3250716a8f6bf21acc6f59fb9eaf':
            'Situation 3: the shop kept a promise the customer expected it to keep. Is that '
            'beyond expectations?',
    },
)
register(
    '00.broken_principle', int,
    '56bded2eddc45106823a3f307e8b6d8adfc822dcd968316e3f521cabf8639a97',
    'The receptionist understood and wanted to help. What stopped her?',
    {
        'f4874f1dc881b5ccbbc6ae1e3ee1a78a0524e8b10fc9e93e569b8391a148bec9':
            "The receptionist understood the guest's problem well. What stopped her from "
            'solving it?',
        'c59c9792e9b57ffaa7635bf2ee9344ab6ba2608671340316e1bfebbadac740cd':
            'The receptionist cared and wanted to help. What stopped her from doing it?',
        'eeac2c5b78b9920002727f8c8496fc855b79bc058b6a473adb1d4a88c2280bec':
            'The problem is not that the guest was treated like everyone else. What stopped the'
            ' receptionist?',
        '2e5a314bf295e8895b5f519dc56c6de7a6e3faf96c79f91b570f3448d270beb5':
            'A surprise is not what the guest needed tonight. What stopped the receptionist '
            'from solving the problem?',
    },
)
register(
    '00.transfer_fix', int,
    'f35d1f996f7a621d9ffe76fc26fe6207290d7a1aaadb271d4608d0f21da3937b',
    'Follow the late bus back inside the company: who depends on whom before the customer ever '
    'boards it?',
    {
        '40d1dbdcc83d670711f83e146b43a953179bd62e44a1e14886baadd82aa1d9d4':
            'A voucher makes up for one late bus; the next group will wait too. Where does the '
            'delay start?',
        'e3196eec43d5a74ce2db3409016d7912808ad97f5454a38ad4118139683f5dbb':
            'A nicer apology does not bring the bus any sooner. Where does the delay start?',
        '69c1b385611253d6521d9e847b558ce49e1cd2df6d5742ceb6b7628530dfab09':
            'More customers means more people waiting for late buses. Where does the delay start?',
    },
)
register(
    '00.always_right', int,
    '667dbd1c3bb2669bfef70a81b9f988bebfb403202969b5acde49cd3c28eb20b5',
    'Look for the reply that takes him seriously and is also fair to the shop.',
    {
        '465357c690f394d77a0da704980b941fa2f1e0ae6524cfdf94a268f49bf6b266':
            'Paying for months of site work out of the shop\'s pocket is "the customer is always'
            ' right" at any cost. Which reply works for both sides?',
        '035cc7a539f3aca385ff35cc6ba303035c355dbc717cdd0ea5542ec71aaa77be':
            'The shop may be right about the warranty, but this reply loses a regular customer.'
            ' Which reply works for both sides?',
        'f90428c4f7b0fbbfef3f163a9505281a2a01ef985fcfd872dd02fd70ed6dbfe2':
            'Sending him elsewhere leaves him with the problem. Which reply works for both sides?',
    },
)
register(
    '00.staff_best_worst', list,
    '91a18c9539f6c8cb70b57f08818533a49d11a08d107065874cfa39dcf3c00e7f',
    'Best: what would treat the checkout staff as customers too? Worst: which option makes '
    'their day harder and only asks for smiles?',
    {
        '02720af075d99170e3a000c56478f6498b78a4a5491c46a2d40b4e30cfc9fc4d':
            'The best is right. A one-day course changes little, but is it the worst? Which '
            "option makes the staff's day harder?",
        '13453dfbb1108fccdcbeb80295e4cf32cd4415ff6f4e69a5d5949f8fd5e3f885':
            'The best is right. Mystery shoppers find problems but do not make them worse. '
            "Which option makes the staff's day harder?",
        '46b9a50b1404482c6a556cc6ab7bdddb06e4568c2c160cdde36604eb43d97f91':
            'The worst is right. A one-day course, then business as usual, is a one-off. Which '
            'option changes what makes the shifts hard?',
        '786cbf35ea9457755b56116a16582dae7f707da47bb812020f864df07e313e4a':
            'You have them the wrong way round: which option treats the staff as customers?',
    },
)
register(
    '00.weakest', str,
    '8995e5efae133a4e80e55031130c210c69844c2d1ed1907224f15c0c10ea0cdf',
    "Look for the lowest rating in the profile, then give that principle's name as it appears "
    'in the table.',
    {
        '08695ea163cc20b29f9d755ce73275c7b910f5a37ba71c65dbd171b5887dd5bc':
            'Open leaders is rated 2. Is any principle rated lower?',
        'bef4ee7c7ceb09c794114dd70b72310beb336019942281efd9b7844faf8ef237':
            'That is the strongest principle, not the weakest.',
        '446193943a8c71c266fcd1a573ef91a97c9dd0e9ea307a4411c145b7ed0201d6':
            'That is the strongest principle, not the weakest.',
    },
)
