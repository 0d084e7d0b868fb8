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
