"""Self-check fingerprints and hints for module 03 (``course/03_service_levels``)."""

from ._registry import register
from ..service_levels import ServiceLevel

register(
    '03.try_level', str,
    '8cafd00a06df6f9d9b4ad75b8842bfb028045d1afc2c25834ae4144300ddf102',
    'Work out the gap: what they found (9) minus what they expected (5). Is it below, about or above zero?',
    {
        '352f96f4de9d14cdcc609da512bc2c2e3bacb548f0f8141f6c2a47d2ff465e47':
            'The gap is 4 points: far outside the small band that still counts as met.',
        '6c48df3864b978d8d39c3d42fbde1e632e97f65306083660e3ef066c36925008':
            'That level means less than expected. Here they got more: subtract what they expected from what they found.',
    },
)
register(
    '03.level_shoe_shop', str,
    'b92989872d459c14fca8597d845bca14665d59b3fe288691392ae9bfde437cd4',
    'Did the customer get less than, exactly or more than they expected?',
    {
        '0fbbff41c2a6cc30b5b2a49e50bfb16f6d8ffeae51d05ed06ab4ec4a93c696a2':
            'Would you expect a seller to send you off on your own? The customer got less than expected.',
        '46e25e457eb359d9c14a7edfc1d01ce460580bc36c209f43437f76c760f8dd6e':
            'Nothing here goes beyond what the customer expected: quite the opposite.',
    },
)
register(
    '03.level_cafe', str,
    '5f971b6dc701e365beedfa9e16c1f7884ad80d8b8125e08d4e3f63926cad0f7c',
    'Did the customer get less than, exactly or more than they expected?',
    {
        '6ede1c80ebfe2f40a2e72db04729b3650b63bd23a8e55c92affb39d340f675f1':
            'Hot coffee in three minutes with a thank-you is what every café gives: was anything more than expected?',
        '9ce4b74ce6a6f30520b52c94bed52ab5860845c5058736baeaa49199ed4255db':
            'Nothing went wrong: the customer got what they expected.',
    },
)
register(
    '03.level_pizza_queue', str,
    '84eb588cd5682fe52ecd9f0f4ddeaeb478f27a76d2213278d2b0f86d9849c411',
    'Did the customer get less than, exactly or more than they expected?',
    {
        '7700a67b44bfa982b5f4e7583adb449cc6fd5946ebd7d67b3a16e69e17fedab6':
            'Does anyone expect chairs and free water in a queue? That is more than expected.',
        '541467de3e5f455ebc4f9392af677bff7f0843d6ccd002f97a0995c37e7463a1':
            'The wait is long, but look at what the staff add to it.',
    },
)
register(
    '03.gap_taxi', int,
    'acd59a991bad0226e6f8eceb07c8d6e8b01a410d36a082e43224db8dee2bf16f',
    'Take what they found (5) minus what they expected (8).',
    {
        '7f1864408c07b95a2f9c3c3775fc4c16dfd373102c005f8b2f3bca7ffc2bb0ed':
            'Subtract the other way round: what they got minus what they expected. A let-down gives a gap below zero.',
        '51f441bf5569571617ab632c55c1a6db9515a15c2be995b5e7b078d5b7c2a4c6':
            "Subtract, don't add: what they got minus what they expected.",
    },
)
register(
    '03.taxi_level', ServiceLevel,
    '37f7d3e894976df27910dd6b1012af3ed98d8178c1c74e751b4703c535dca352',
    'Write cc.service_level(gap_taxi).',
    {
        '3509477619511e11dbf27312ab8ca43e96f5a61ada556726af5a7986f8fb3943':
            'A gap of 3 points is well outside the half-point band that counts as met. Did you use the right gap?',
        '8546d070959bc13b9230e429e52dd30927df9c6217f2c33d780da03a1f933e2c':
            'A gap above zero would be a WOW. Check the sign of gap_taxi in task 4.',
    },
)
register(
    '03.wow_count', int,
    '4e795319b3a566ca65bdf35fd1a281609b5a964cfe0b0f50ed7216ec130d52c8',
    'Count the gaps bigger than 1 (a gap of exactly 1 is still within the band).',
    {
        '9de0ccbea114b924f0d076fbc26bbe692c0ae3eb73130d79b7363394717b6744':
            'That is the count with the default half-point band. The shop uses a tolerance of 1: gaps of exactly 1 count as met.',
        '9a9c3aab61a1d67a7094b182c7a8ef904aad74877227d64db14ca25937aa9afd':
            'That is the number of visits that just met expectations. Count the WOW row.',
        '0be45ce59992dec014ca4cb13d0da2069ec7c51617381d47d6035a974c4b472b':
            'A gap of exactly 1 is inside the band (met). Count only the gaps bigger than 1.',
    },
)
register(
    '03.maturity_stage_number', int,
    'bde020b030f478166c53fa72f240c0fe91287c1f019e5c3a2f7ce23fc309bf2b',
    'Count the yes answers per stage: a stage needs at least two, and every stage before it too.',
    {
        '1a42d8470bbbb24e46942415435cb5396f2c71c55c52ae0d3c43a96bf028b74d':
            'Stage 3 has two yes answers, but the stage before it is not reached, so it does not count.',
        'ff9cc5ed3a8a06afb0571f4ee2b593cf96c8fdc8a1d3280c4b304ae37c24d030':
            'Stage 2 has only one yes answer: at least two are needed.',
    },
)
register(
    '03.wow_room_average', float,
    '9a9ab59ac4bd951a9f806e95a8b00fceeccffecf4cbe9a71fd9e20153a7402fa',
    'Read the room_mean of Team 3, the WOW skit: skits.loc["Team 3", "room_mean"].',
    {
        '209e97997fe85fc21e71742aad3939ef21ee90b1137b0f90734022dbed2c1947':
            "That is the customer's own wish to come back. The question asks for the room's average.",
        'a06b500f39f60671fc59b398a885793080407d848eaeb2bd691d1b6d43dd2d3b':
            'Keep the decimals: the average of these four ratings is not a whole number.',
    },
)
register(
    '03.come_back_difference', int,
    'bf3e9035991396f7b52117805d1688aab020e99d954a0e9debf8fcc9f1228fba',
    "Take the WOW customer's come_back (Team 3) minus the Low customer's (Team 1).",
    {
        '9e0a72dedb20dfdbde22e8248dff526caa81000d795cf8299528e76a3ea9fd54':
            'Subtract the other way round: the WOW score minus the Low score.',
        'a5a332449fc8bbe1c602b73be2ead25ddd5ee54bab798fed4c9d042cf60c6f1b':
            "Subtract, don't add: the WOW score minus the Low score.",
        '550d43cba09f49dc6bbdd4e3eb04e42bb0b14fb371fb709bb125e2cf97b0ec17':
            'That is the difference between the WOW skit and the middle one. The question compares WOW with Low.',
    },
)
