"""Self-check fingerprints and hints for module 07 (``course/07_soco_self_assessment``)."""

from ._registry import register

register(
    '07.reversed_points', int,
    'd8c12e95c55e0b12eb3c4d73c5bd57184fe4b5e0481c183f3f4dcaae57e85155',
    "A selling-oriented statement counts against the score: its rating is turned round, so 'always' gives the fewest points. Work out 10 minus the rating.",
    {
        'a851dca84c58a261c7d4542a13507d3fd86bb487a0a6c0bcec100987110b75b8':
            'That is the rating itself. This statement is selling-oriented, so its rating is turned round before it is added.',
        'fb8ac16b49ffb8cb05263e0c30df96f4059ce4154dda51c12d532f50653f1dbb':
            'Points never go below 1: a selling-oriented rating is turned round as 10 minus the rating, not taken away.',
        'dd1d80c97ef0a1613dcdfd1e1ba4d2506a4fbe3fce6065caf58757de4a6763f7':
            "Close: 'always' (9) would give 1 point. Dana answered 8.",
    },
)
register(
    '07.selling_oriented', list,
    '63d70a651687a529ef70019c687146719dd82d3a3728a0836c040e5d65d88804',
    "For each statement ask: whose interest comes first here, the customer's or the sale's (and the seller's)?",
    {
        'e17b3f1aee32ef957d877c451acf716b74bbcd0676e17aee6f8a7e8f755ef444':
            'Look again at the warranty: is it offered because the customer needs it, or because of what it earns?',
        '17138825883a6e2e08bc9fa8412ec2848f83bc14693f56efacd8a239e1c35aed':
            "Look again at 'I keep talking until the customer agrees': who decides when the conversation ends?",
        '96c55fafc7b5c008b6b7fcee8afa186aec263a50fc14388bdc857e027a850612':
            "Look again at the price that 'goes up tomorrow': is it true, and what is it for?",
        '622eea2feb550b14dd79ac01dfc24c33e74cf828da38c1e7a25676bc2fd91f98':
            'Those two put the customer first: they are customer-oriented. The question asks for the others.',
        'c75ae2eee7b98e1ad0f1483741f085c5d6f7251bb5f9be577857a1c96d11effb':
            'Saying that the cheaper model does the job costs the seller a bigger sale: whose interest does it serve?',
    },
)
register(
    '07.first_step', int,
    '2b370c08a3b04b456d896fd00601448f284df18c50a8b8b7c775d06bc260096c',
    "Start where the team's own answers are weakest, and keep the answers anonymous.",
    {
        '8294d0d915c5f72e40dd53df0265647c3208dd4634e6329f89387b6972007c9e':
            "Nothing in the team's answers points at product knowledge. Which theme has the fewest points?",
        '7c451a43279fa471f89d34008181d5f0b74e841ec20e0af123a0cc197041ab53':
            'Complaints is where this team scores best. Start where the points are lowest.',
        '82523496494543b9953132b63b291e40a114e106836c575bd03f47cbdae2edac':
            'The answers are anonymous for a reason: hunting for the people behind low scores breaks that promise, and nobody would answer honestly again.',
    },
)
register(
    '07.tell_director', int,
    '36148ef259573a0cf2e61aa0ecdce44f5dd4450e935e72443bafdc6c22361d31',
    'Look at the interval of the difference: does it stay clear of zero?',
    {
        'cb19e70c5cafae30ecb0125bb6fa81a5f12bdec51fd1252f83dddb5c8144746c':
            'The interval of the difference reaches below zero: with twelve people, a rise of 6 could be chance.',
        '46279f759c7d1f972c8ab6939fc928b4f7fe6d8a280f8fb6ac65c22069fe00ae':
            "The interval also reaches well above zero: 'we cannot tell' is not the same as 'nothing changed'.",
        '1bec8bd472b7b97e6c2895474a5d87ae2f1072d3ef2e68dd3fa2e92077649dc1':
            'Asking again and again until the number looks good is fooling yourself; it also wears the team out.',
    },
)
register(
    '07.survey_design', int,
    '06d2b33d1611787e48267bbcdeada7dd2b5c3f93690ff64d65780e74a3f67a89',
    'Which design asks the question you want answered, and lets customers say why in their own words?',
    {
        '15df6ba7be9fc4035ae8910438bc80aef5e9623139e5a99607c9d82e81249a0b':
            'Many answers to a 1-10 score tell you how many are satisfied, not why they come back.',
        '35bd75969365f191b1fc4929eab3ba0534e03954d90dbf8a9cde683cc06c3bfb':
            'Only one of the two designs ever asks customers why they come back.',
    },
)
register(
    '07.not_by_itself', int,
    'cb01ae73b4caa4bbf5f7ab35c7391956f9dc958c018c1c7abff43f91676958dd',
    'Which one could a company have without thinking about what its customers need at all?',
    {
        '2926d6649c79e7eca57dfa80bbf831f154de152fe2cca183cd253f8476c946e6':
            'Letting staff put a problem right on the spot is customer focus in action.',
        'c7f6d13182948fbb744fb1436dc2b23c8ba0e53894a12a1d400c82ddd08b0655':
            'Feedback that is read, acted on and reported back is exactly what makes a feedback line customer focus.',
        '43ade97788ccb240683502414d4754018f9c4d69ae2322396cb9a5583e24c5e9':
            'Asking what the customer needs first is the heart of customer orientation.',
    },
)
register(
    '07.small_team', int,
    '06aa9e5b699ade326c5b343d2e1e0cce4e35f02013b12bbcf476f67745d55d67',
    'With four people, what could a team picture give away? Keep the promise and still have the conversation.',
    {
        '23baf5c9fbd28ea57eeed9caa7b502f067bf9e942bc0bc45b285519d3848f07f':
            "With four people, each person's answers are easy to guess from the picture, even if they agreed beforehand.",
        '065256a642f19b7fbc0888f972ef148cae20a21cf6791f73b5ae02c9ed485ab2':
            "A manager's answers change the team's picture and still leave four people easy to pick out.",
        '8f4218c70147a8b59b168eed913340afc7f13350235858427fc9bb709f60124d':
            'Reading scores aloud ends the anonymity, and people will answer for the room next time, not honestly.',
    },
)
