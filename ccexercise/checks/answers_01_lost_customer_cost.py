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
    '01.lost_revenue_5_years', int,
    '1401740d649a7133abd7596f68ea61a8cd5abe07001e83befb72653fee92dc99',
    'Add up the five yearly amounts: year 1, year 2, ... year 5.',
    {
        '1890a8a33e7b15bc256d17230e11031f410f5d4dd7c5426b1a5164195d7b8f6c':
            'That is 10,000 five times. Remember the customer buys 2,000 more each year.',
        'a99836f33f254a94d295352624f25acd70fe4c484cd3905d464e7aecccb5c537':
            'Check year 1: it is 10,000, and the raises start in year 2.',
        '1a41838aeaa0548e89595ce21345ca7c4f5e9d7d859cee1503e611c96c47532c':
            'Check year 1: it is 10,000, and the raises start in year 2.',
        '40cdd043ec5a9029f0cb7db908db7e295a98ba1d512429461e16086f6fe453ef':
            'That is only the fifth year. Add all five years together.',
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
    '01.call_first', str,
    'd19189c99a19b5570b686784bd5d5d24a2718397ffddb302fb3f7717781719b7',
    'Work out all five years for each customer, not only this year: the calculator cell under the table can help.',
    {
        'f347bd18e5b103cc1cf52468c049278399d1658eba366bb708e0bd4662acac65':
            'The café spends most this year, but look at what each customer buys in years two to five as well.',
        'a11267f9c709f940075564db417ddc2dc1b85fa20d7d1fe52ae3b95e95811943':
            "Look at which way the school's orders are going: five years of a shrinking customer add up to less.",
    },
)
register(
    '01.short_delivery', str,
    'c94a28f51427779e11d21e805d7d0f2987af5939c0f557cf998fd97a0c2a51be',
    'Read each answer as the builder would: which one stops this happening a fourth time?',
    {
        '232ab1b15aec37e6a7fba2917cca00a792b0981108a1488dbdb1348375e5682c':
            'The discount pays for this mistake once. What happens with his next delivery?',
        'ac2d10a14a73cd95ceeec4b5f225290023264c047bad2f8d4ab7771fcbacf31b':
            'Look at who the builder has to deal with after this answer, and who owns his problem.',
        'd1a56c8db0bc567abe4262efc9ae0844881eb41dacfda8fdfaf9fe6de9a93ad9':
            'Would this answer make him less likely to try the other supplier, or more?',
    },
)
register(
    '01.harmful_line', int,
    'c0bda5aee02631c2bf64a8707a049282d1dc933d1ec1f63b1fd8473be3a49506',
    'Look for the line that treats a lost customer as no loss at all.',
    {
        'cf4fbd29dd23af847fb1dc67f8c160798a088c90984825b83a9c86c39d89908f':
            'That line is sound advice: it counts what a regular would have bought in the coming years.',
        '1400628793bebc135fdd1b27d79d83bbb91cfff5bb348ebb2c500480e0f82cc4':
            'Calling a regular who has gone quiet can keep them. Look for a line that gives customers up.',
        'efee4640b8ceec4eeca217484656d960caa0734feef0bc33e9bd755be7ccf41e':
            'That line is true and useful: a complaint is a chance to keep the customer.',
        '7d882f46e8c6e026edd2948918bce10da54287992da028b8f9b12740d3ab5468':
            'Knowing why customers leave is how a shop stops losing more. Look for a line that gives customers up.',
    },
)
register(
    '01.quiet_hour', str,
    '2a86885a47b54e453bc4ea915deff4a566ca2d623b0c81419268723ef15f1c92',
    'The goal is to keep the customers the branch already has. Which call would make one feel valued?',
    {
        '07d5a322b4af6a993a9b3e5c0d6f437f23beec8bd13e8a2ed28f54565a6c7983':
            'Look again at what the customer hears: a thank-you, or a sales pitch?',
        '8af3c07b44d47c95fc16733a3b8f4dbbdc0a4ff33bbbc412a883dfd44b91ddce':
            'Everybody gets the same small voucher. Does that tell any one customer that the branch values them?',
        '82711243bb9c4343e07bdc9b409c8e1f4c4c45ae5ceefa42ba180d5764de12d7':
            'The goal is to keep the customers the branch has. Winning new ones costs more than keeping old ones.',
    },
)
register(
    '01.clinic_prices', str,
    '29c20ee52e0f0d6f32ca897e09a0ec70bbf4a4b8209d26b54ad02b094d98c18d',
    "Look at where the clinic's new patients come from, and what makes patients recommend it.",
    {
        '147959d10874939f167841d1c5c5ed9c84b2cc2461d1089fb5bd31c9408d9f71':
            'Shorter appointments save money, but look at what makes patients recommend the clinic.',
        '2d3b8c8817bef4ba11391944aea71a2a14f463d60f8c1f918a5ed4d8712c95d1':
            'The follow-up call costs little. Look at what makes patients come back and recommend the clinic.',
        'b04ccc63bf078ab73d8cb0685eedbb82fd7127a67c3b12b62df238c65cbdc1b2':
            'Look at where new patients come from: most of them were sent by someone, not by an advert.',
    },
)
register(
    '01.fix_first', str,
    'aa2f1d350170faaf1eb8e457f960c31f8b0f7472cfc6f0c7949f99dd35a39b77',
    'Read the lost_profit column of the table: which reason costs most, and which project removes it?',
    {
        '41f913477d0afec0f24396c18d3c73ca617e0abcbcadd71c908145d71a1c42e3':
            'Price is a real reason, but check the lost_profit column: is it the biggest one?',
        'b06fac64bb089096170315d3c5cc4d0f7d067b34727e29a4df4b12f07e0bd9dc':
            'New customers replace none of the lost profit in the table, and winning them costs more than keeping customers.',
        'c8ec3aaf3cb691c0aa2154452b3d731d62f5b226cc37cd1108b68edcfaa8d076':
            'Slow service is a real reason, but check the lost_profit column: is it the biggest one?',
    },
)

# Checks of tasks dropped for issue 19 (the exercise no longer asks them). They stay
# registered so that notebooks released before that change still run their
# self-check cells.
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
    '01.margin', float,
    '1cc39a925408062e939663f50e740e1bcbe4a2256eeca9d1663fa74d60f55482',
    'Write the percentage as a share of 1: divide it by 100.',
    {
        '0c5497394b24e4675a33a1c042c55d7e51409ffa48bdffae3a4eae983514f633':
            'That is the percentage. Divide by 100 to get a share between 0 and 1.',
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
