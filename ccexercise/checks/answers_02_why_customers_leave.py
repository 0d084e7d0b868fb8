"""Self-check fingerprints and hints for module 02 (``course/02_why_customers_leave``)."""

from ._registry import register

register(
    '02.try_vital_few_revenue', int,
    '1995a9874689233389f67c49017a0a41910fa2fe9640a8fabaaecaf452d9ce75',
    'Follow the running-share line of the lost-revenue chart from the left: count the bars until it reaches 80%.',
    {
        'b4f3d8ab2f4af10e465c2d3abb2096d5be2d256b6096ae35a14c47182716ab55':
            'Nearly: four reasons reach about 72% of the lost revenue. Count one more bar, until the line passes 80%.',
        'b041722e0e0baea7ee5346d7eea5daba82ea0d5508a2535cace784d2fdf389f9':
            'That is every reason. Count only the bars on the left until the line first reaches 80%.',
    },
)
register(
    '02.visit_reason', int,
    '430a5baa5dd8494e26bc5fd61334834e02dd4973d4936fef0e09baab336b7893',
    'She did not mind the wait or the price. Read again what the assistant said and did when she asked for help.',
    {
        'a26b500db1d8a1efc4c2c23e3af63009e0856434427852230391076eefcbc62d':
            'She waited a few minutes and said that was fine. What made her decide never to come back?',
        'c032c13309dfc1abcf436d0cfa21ef93d4af83ae0a56743687b2f515b6585431':
            'The price was the same as elsewhere: look at how she was treated.',
    },
)
register(
    '02.visit_category', int,
    'ab8742cda2393855e97eec3d457fcf8a748e33e553f0f593108cf2ca9794355d',
    'Everyone he speaks to is polite and helpful. So what keeps going wrong, month after month?',
    {
        '9af7e44885dd513070abc48caa7c64cadfc776a73c3040aefe92d1d245780ee6':
            'The staff he speaks to are polite and fix it every time. The mistake comes back: look at how the work is done, not at the people he meets.',
    },
)
register(
    '02.manager_first', int,
    '0a89be367ce0637c192527d26f113a34c5dcb4d7d8dfa91fec3ffebfc498c2b6',
    'He is leaving now. What would make him feel heard, today, by someone who can put things right?',
    {
        'ee3976756fd71eb4be2c8a1ecd6eff79d770d7d93de6ce72d104ff596a8cc3b2':
            'A voucher by email answers a problem he has not been asked about. Who should talk to him first, and how?',
        '11178815f4392a39c9cd800e17801a751bc36f2d26601cf6c94fc5dfe567c7c8':
            'Investigating matters, but he has told us he is leaving now: 30 days is too late.',
        '03daf1bfcc19b72c96c476f73d0d8ff17fd2c59020bd8f3116e7407291d2db87':
            'A reminder to the team helps the next customer, not this one.',
    },
)
register(
    '02.harmful_line', int,
    '94962c8b6421b8574d6ed392e43e9bb3e1fff2f649432899aade478739be0036',
    "Look for the line that puts the seller's problem on the customer's shoulders.",
    {
        '9a73ff0f2731754efd312c1b28914e72a024ba5c90a781ed627f2670ac29a5a8':
            'Offering another size after she asked for help is service, not pressure. Look for a line that makes her feel guilty.',
    },
)
register(
    '02.discount_rule', int,
    '364f36a6db5d262971ee0eae04bda80c4cb129ddec9b8807aea490574dd62f45',
    'While the seller waits for an answer, where does the customer go?',
    {
        '397e129f7599c66bba00d052c07feeb2446904a7442bc4c166ce2d9ec7d2174b':
            'Two days is long enough for the customer to order from a competitor.',
        '8287e0001193845e7bc24fdcc500f31d0f6f3bb56eb871d305f02391036ccbd5':
            'A discount for everyone gives away margin without being asked; the regular only needs a quick answer.',
    },
)
register(
    '02.actions_rank', list,
    'f786a64155bd5f3390ca8b0a295e590cf7e377ae9dd37083153c9263515c4efa',
    'For each action, multiply the lost profit of its reason by the share it keeps, then order the four results from largest to smallest.',
    {
        '822b5307dfa584ca9ca181e71579d586c0228e3597d0ebb4a4427bff824b6c92':
            'That ranks by how many customers left for each reason. The task asks what each action saves in profit: customers who leave over price spend more.',
        '50e6157fbcd455feb6f74db3f408e26ecc3b4b7b661f1946fe8ac2f95097c066':
            'That ranks by the share each action keeps. Multiply that share by the lost profit of its reason: 80% of a small loss is still small.',
    },
)
register(
    '02.vital_few', int,
    '61e678be255320a6e731b0fe9a9b78fb43e995039e14b75ccb738f1d20210cef',
    'Follow the running-share line of the customers chart from the left: count the bars until it reaches 80%.',
    {
        '1882129c75794d21f6f371c00ad585dfbb5b41b5a88d29e1981dc569b399277d':
            'Nearly: four reasons make up about 76% of those who left. Count one more bar.',
        'c81f88f0068317a33e725b03cf03c0eb5109a11f8159b3bd69bcd2e5448db163':
            'Three reasons make up about 65%. Count on until the line passes 80%.',
    },
)
