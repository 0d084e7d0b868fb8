"""Self-check fingerprints and hints for module 01 (``course/01_lost_customer_cost``)."""

from ._registry import register

register(
    '01.try_three_years', int,
    '215a86d6e70e978570cc30c3b4ef52092f47a4d2e28814290417088bdd82374e',
    'Add up what the customer buys in each of the three years.',
    {
        '79847e3cc0be44d2e7ddf858ba9aedf0171833ba77e7c8a6c1d9c6e7cb27580c':
            'Each year the customer buys 1,000 more than the year before: add up all three years.',
        '0335b5321d7ede3d77465fdd127d035ea622899135b87c5610b4c213c5768df1':
            'That is only the third year. Add the first and second years too.',
    },
)
register(
    '01.spend_in_year_5', int,
    '7db9ddd645c9ec0b72e2a64225d715a0a0416589d466f535200aad2698df2c78',
    'Start at 10,000 and add 2,000 for every year after the first.',
    {
        '275728d1b5e0723d62a32ed25f067c25732fc29f0ca72c4698e995e3dd9fdd9e':
            'Year 1 is 10,000, so year 5 has four raises of 2,000, not five.',
        '5b6d801dc62d8925559f4aaa16539d526b7026325cc5f099dde9086b3ea6cb12':
            'The amount grows by 2,000 every year: it is not the same as in year 1.',
    },
)
register(
    '01.lost_revenue_5_years', int,
    '1401740d649a7133abd7596f68ea61a8cd5abe07001e83befb72653fee92dc99',
    'Add up the five yearly amounts: year 1, year 2, ... year 5.',
    {
        '1890a8a33e7b15bc256d17230e11031f410f5d4dd7c5426b1a5164195d7b8f6c':
            'That is 10,000 five times. Remember the customer buys 2,000 more each year.',
        'a99836f33f254a94d295352624f25acd70fe4c484cd3905d464e7aecccb5c537':
            'Check year 1: it is 10,000, and the raises start in year 2.',
        '40cdd043ec5a9029f0cb7db908db7e295a98ba1d512429461e16086f6fe453ef':
            'That is only the fifth year. Add all five years together.',
    },
)
register(
    '01.margin', float,
    '1cc39a925408062e939663f50e740e1bcbe4a2256eeca9d1663fa74d60f55482',
    'Write the percentage as a share of 1: divide it by 100.',
    {
        '0c5497394b24e4675a33a1c042c55d7e51409ffa48bdffae3a4eae983514f633':
            'That is the percentage. Divide by 100 to get a share between 0 and 1.',
    },
)
register(
    '01.lost_profit_5_years', int,
    '4d2da5c15cf70a12d723c57f3f9c53456e05fd4913f312a964bf6cddbdca34ed',
    'Profit is revenue times the margin: lost revenue × 0.2.',
    {
        'b342c78e9ff2ebd2f4725bc61f120c969d9c1d62b366b3556122c441a4198743':
            'It looks like you multiplied by 20 instead of 0.2.',
        '5535b7148a056c0b0a885305cb6bb84f49b9b8b028ade45d668b70ac187b84e3':
            'That is the profit of year 1 only. Use the five-year revenue.',
    },
)
register(
    '01.tomas_revenue', float,
    '5cc726347fa4448b324661e054b2fcdb03e45457bc863c27f191cb829ae0559f',
    'Use first_year=25_000, growth_rate as a share (10% is 0.1) and years=4.',
    {
        'b7d6164bf5c1b34f86be1c65238765653d9915adf98879803c335c41e57fb152':
            'That is 25,000 four times. Did you forget growth_rate?',
        'ec58978f6467526624f4365852c80849a80b81b4052f628e089199c6a7239275':
            'That looks like 5 years. The question asks for 4.',
    },
)
register(
    '01.people_who_hear', int,
    '2f5c3c070e5e381f63f6b6124bba32a7dac4aefd97efb427fc2811549fce04e4',
    'Each angry customer tells 16 people. How many is that for 3 customers?',
    {
        '650e604f5366141e8d6a1d6856d60494e6da2ec2d5eed60510234a419daa0075':
            '9 is the figure for pleased customers. Angry ones tell 16.',
        'a27696b66d1819118700cffd3581bcd0a25ad5d62475a3d7a6e65a894ee76342':
            "Multiply, don't add: 3 customers each tell 16 people.",
    },
)
