"""Self-check fingerprints and hints for module 04 (``course/04_satisfaction_formula``)."""

from ._registry import register

register(
    '04.try_gap', int,
    '61004a144fd3dca9ea35a02161e37155b7727bf7aef4b593b0270ffc05d76fc5',
    'Subtract the expectation from what the customer perceived.',
    {
        '8130cb1160b25fcf523a47d40279516ebd55c9ce26e4a4828be2d65cdec842e0':
            'Perception comes first: perceived minus expected, not the other way round.',
        'bf974752919874aaa16bbc7a45282077bdb6a5a3e215bd89fc5f6e686ddbf1a1':
            "Subtract, don't add: perceived minus expected.",
    },
)
register(
    '04.gap_calls', int,
    'bbf25cadf5afff8f70b99617daf8f59c71505b641fa57af3b38f3511578bb230',
    'Satisfaction = perceived - expected. Put a minus sign in front if it is below zero.',
    {
        'e3aa983efee7fb4855c3645936ff42001baf07b6075a7a776bd37a4098ba05c9':
            'The customer got less than expected, so the gap is below zero: put a minus sign in front.',
        '541899dd4154b64351c2d3c364a427811fa85af80d4af81ca999da08e063737a':
            "Subtract, don't add: perceived minus expected.",
    },
)
register(
    '04.promise_reply', str,
    'e5bc09c9f9efbc49e4f59802655be9de94ce3e9bf6a20c535530370d8d82d793',
    'Pick the promise the workshop can keep even in a slow week, and that still gives the customer a reason to choose you.',
    {
        'b37703e92f8820557d6bf0f9af0ef7f545bfe6b6cecb386add40d0334b97bc08':
            "'About a week' leaves the customer to decide what it means, and they will hear the shorter time. A good promise is a clear one you can keep.",
        '0095477801e95a5c6de93ecb392eb4b7501cfd3f15693efee941ee168f4dbc05':
            'Matching the competitor wins the call, not the customer: how long does a sofa really take in your workshop?',
        'ef0f8e3520d88d9e392b626bd0f158218bf44b5504599c5bf9b0c03425077ea7':
            'A promise far longer than the work needs is safe, but the customer will take the sofa elsewhere. Look for a promise that is safe and still attractive.',
    },
)
register(
    '04.harmful_line', int,
    '3bc28c77b9b699ca360b803052bbdc69c9a04fa91fcb19750096739981e13bfc',
    'Look for the line that creates an expectation the shop cannot meet, given what the clerk has just seen in the queue.',
    {
        'd3ad86b0a50c84d2d65de2bd8b18c4f2e6aaa7acc903f01aa57d4651d8a6bde2':
            "That line is the customer's request, not the clerk's. Which of the clerk's lines sets up a disappointment?",
        '5f6ec780ac3cc2d2dc1975dc42afc0fe9c36137f5919c6af8d01e2a1348a616a':
            'Telling the customer the real situation helps them plan: that is honest, not harmful. Look for a promise the queue does not allow.',
        '41d61c4fb66338e00ff4097f54c9e7be43e53b142add9dd0dbe2736bd8dae8be':
            'Part now and the rest later is a promise the shop can keep: it brings the expectation down to what is possible.',
        'b5be8b41a1c12b4e77a3563bb26031cd05246ef4a8c7b935345bd61f8aaaa5bb':
            'Warning early, before the deadline, is what to do when a deadline is at risk. Look for a promise the queue does not allow.',
    },
)
register(
    '04.price_rise', str,
    '403b2b1d5b4486b86ee929f4413ea6fd750fcd3a89eb58bb42f8480984729155',
    'Compare what changed with what the guests complain about. Satisfaction is perception minus expectation: which side moved?',
    {
        '5b0665181b194e47dbcf242c811746da7689b0e97f5bb2f5abe5a03850fed674':
            'Read the first review again: what do guests say about the rooms?',
        '6ebc1208ece579d35db466f17b1993dc4ed442fe597c6afaafe26ec248951e82':
            'The guests do not say the price is too high: they say what they expected for it. Price alone rarely decides.',
        'c2dbe7183851951a64a998cfa6453f4bd0b3a8ce34708db2fed77d23162c4c03':
            'Giving up ignores the formula: something here moved what guests expect. What changed a year ago?',
    },
)
register(
    '04.bike_best', str,
    '5bdedd948e45ca626338ee8b4256c91bb2ade7d110e526605a4bba7f35248fa3',
    'The best answer solves her real problem, a working bike on race day, without promising what the shop cannot do.',
    {
        'ddf47a02abc2baeb1213dfabf70920a5b5622654034473de351ca2b2cda2f676':
            'Honest, but it leaves her alone with her problem. Can you help her even though you cannot do the repair yourself?',
        '770f65c0decf4eff6864974f6eaa6227a882e5c3cf0cd2cfecf7daa0e3fe579a':
            'That promise rests on hope: what happens to her race if no booking is cancelled?',
        'a35fa3017b9a22636d692d333032da56cc5c1986e355514e23362256d1db4111':
            'A discount does not solve her problem: she needs the bike on Saturday. The problem comes before the price.',
    },
)
register(
    '04.bike_worst', str,
    '61bbc92cc68af892a7152d22bbab5a6fab84928bf2e450d9b1aba19b13e69601',
    'The worst answer is the one that lets her find out too late to do anything about it.',
    {
        'bd1c9f5235f5e750162390ebb72ec0e7325db9690f508e02b98ae1aae1575378':
            'Curt, but she knows where she stands and has three days to find another workshop. Is there an answer that leaves her worse off?',
        'a5bbdd78fcf6805d3530f4ba1ca1451f0009d29d1e39ad37c51eedf9c5d7f2de':
            'She does not need the discount, but she knows the truth and can still look elsewhere. Which answer keeps her hoping until it is too late?',
        '50d8df77d5ba33585323d0c93010537f3c95f723e26fc3c4510dc816eab64548':
            'That answer solves her problem. The task asks for the worst one.',
    },
)
register(
    '04.end_user_project', str,
    '97b34fe3ed6244b0e4f1fe5a5442b3cdadba676a8910f7201bf4ad938d6b2d23',
    'In the end user column, find the statement they expect most of and the biggest gap below zero. Which project works on it?',
    {
        '5d022636752903133e1a6e7ca1cb6ff83940fb22338db66032ed50a2f875cf20':
            'Complaints are a real gap for end users, but not their biggest one, nor what they expect most. And fewer wrong deliveries also means fewer complaints.',
        '18845cad90ecee1cd65a7597c4efd35ff575ff5d7b67711f58f8f795dab26c54':
            "Slow answers to calls and messages are the wholesalers' problem. Look at the end user column.",
        'df31fb4537d6054b5d469dc94d48964dbc9e6b9115f494886ec9d6fbb5356e26':
            'End users already get more than they expect on premises, vehicles and paperwork: their gaps there are above zero.',
    },
)
register(
    '04.wholesale_advice', str,
    '89069e5cd893f81c72092c90222fa10692fef8a96cfb43722213933cf4f8589a',
    'In the wholesaler column, compare the two responsiveness statements: calls and messages, and complaints.',
    {
        '3716fcaaf88b33e8667ed00a89806c98061aa71d97086bac81f3588413e5faf4':
            'Look at the gap on complaints in the wholesaler column: it is close to zero.',
        '86beba2d2708a9ad4af3d50aebed4166d90942629f668ecc24c1666f9c59860f':
            "Quality is the end users' big gap. Look at the quality statement in the wholesaler column.",
        '65fae8f91459cf6fc36707dddf9531246231af14dd236cebc91c9f9fe2c85523':
            "Smaller than the end users' gaps is still below zero: wholesalers get less than they expect, most of all on one statement they care a lot about.",
    },
)

# Checks of the exercise released before issue 19 (gap tasks, level look-ups and table
# copies, since replaced by situational-judgement tasks). They stay registered so that a
# notebook handed out earlier still runs its "check yourself" cells after an update.
register(
    '04.scenario_levels', list,
    'dd6c8fae1460930c824b9be1f1280a647dd5a4b05adfb5d877b14c1f7707bd8e',
    'For each scenario ask: did the customer get less than, exactly or more than they expected?',
    {
        '6a44e8071c80733d91cb9d14572f9c16dbf44b91796a00bf047f09511a080d3d':
            "Write the level names exactly as in the lesson: 'Low', 'Standard', 'WOW'.",
        'acb0e8111b3582668f2c47be5c5a8d7a77246dfa24c981d82504751ef0c894bb':
            'In scenario A the customer got exactly what was promised: that is met, not exceeded.',
        '14d755b69b6dd932c308b5b10a95590216baf1b7e05137b71c197ee8d5f20a19':
            'In scenario B the customer got something they did not expect at all.',
    },
)
register(
    '04.promise_for_wow', int,
    '129888bef820e17ba114ac59eb2cb61ac45f837ca44695767aa087ebd75a96cb',
    "The customer's expectation is the promise. Which promise lets the 4-day repair arrive early?",
    {
        '7ad023ba0f8f79f9b542fdc233e49472610af3d762e66b22ac63fb90e32a392d':
            'Promising exactly 4 days meets the expectation: that is Standard, not WOW.',
        '079db904191b04ef0f9a21c23f3aec34865c0fa19e5bfad0a0e5be715b07e7cb':
            'A 3-day promise is broken when the repair takes 4 days: that is Low.',
    },
)
register(
    '04.weakest_wholesalers', str,
    'aa59102fb0494e74f35a8531895b521b08116119357dc5aa2f4e27462b289b73',
    "Look at the 'weakest' column of the table, in the wholesaler row.",
    {
        '5166571132968d780cea8f387187e553a29d0aecc9e0a6ba9e243c7cf2a5182a':
            'Reliability is the weakest for end users. Look at the wholesaler row.',
        'd68bc9f82ac883b59da6ff772fa77f9108b1a3f18c529c41704b7b124ebd12a4':
            'Empathy is the weakest for retail shops. Look at the wholesaler row.',
    },
)
register(
    '04.end_user_reliability_gap', float,
    '53048d3bc39acee4f7dd28d9e06a56e5d4d9481fb0795e199ed07b25a8298fbc',
    "Read the 'reliability' column in the end user row; keep the minus sign.",
    {
        'dc1e25ef924640642be373c377802aaf01beb1c3d17ffee3b04ee27821631d28':
            'The gap is below zero: end users get less reliability than they expect. Keep the minus sign.',
        '9b577da1ab6c10333cef8e6f0931cf8c739a3aa25c08e648779a9d6a19a6a846':
            "That is the wholesalers' reliability gap. Look at the end user row.",
    },
)
register(
    '04.responses', list,
    '1cbfee231970f2677b0ef055a2b4144b0b81e893a5f11ec1221156c07d70ab14',
    'For each case ask: is this a customer we serve? Can we close the gap with reasonable effort? If neither, lower the expectation.',
    {
        'a27ead5c063538d1539ea7d7fcd8fff126c003a459f466c9417d7682e6021e8e':
            "Write the answers in small letters: 'lower', 'raise' or 'refer'.",
        '1b6f1379a885074aa6481446b7ae0ffd6972df9f4c02e565e363b2ebafc6e27e':
            'Case A is a need the bakery does not serve at all: who could help instead?',
        'd0e9df0423df52dbd83393b571810af3f6ed23963830766e2da32bd8168ae6a9':
            "In case C the supplier's timetable cannot be changed, so the gap cannot be closed.",
        '804d15a0d1e74936efd57e35aad9773f237cf9039e703d68be9c8b453bf4687b':
            'In case B a card terminal is cheap and many customers ask: the gap can be closed.',
    },
)
