"""Self-check fingerprints and hints for module 08 (``course/08_listening_to_customers``)."""

from ._registry import register

register(
    '08.try_stage', str,
    '87626604dfd57f83defe356fd6a05facc18c5f3fe252912e4e8644b122bcce95',
    'Where was the customer standing while they waited? Find that place among the nine stages.',
    {
        '92b990661517a4bd64b7b3a4ccd2d60ee3adf3adcbd3775235978e70a5d3b889':
            'Nothing was missing from the order yet: the customer was still waiting for it.',
        'e7659dc4ad2d22494ee38379aed42d51780fc560ad30575af95fc8c04f8b004c':
            'The customer had paid already. Where do they wait for the goods?',
    },
)
register(
    '08.survey_dearest', float,
    'c832c7ce2558cd9e86d3eb9050af5621244b76ea1a53c5df216625e7e74b8ebf',
    "Cost per improvement is the survey's cost divided by the improvements. The dearest case is the one with the fewest improvements.",
    {
        'f4449fe1118043e6294ca4fd7b57221020b072f6cdb730ea44254ec83af5d272':
            'That is the cheapest case, with the most improvements. Check the fewest and the most you typed.',
        '10e728890fd9347fbc7ba15fd4d4dcb2a8095bfdb2656331e8fe6adc7a30d3e9':
            "That is the whole survey's cost. Divide it by the number of improvements.",
        '932418416fa7f2fa2735aa8e052ecc664ca7e1981085030de231735c65097fc0':
            'That looks like 30 improvements. The question says 20 to 40.',
    },
)
register(
    '08.stage_of_problem', str,
    '48b0ee0420fa0199516c182fb3fcf89df53a5e62b7f7e737eb11c2d086aff81c',
    'Read the complaint as the customer lived it: what went wrong for them, and when did they notice it?',
    {
        '9e27c5ee24005a679781608e3bef82344f6ba032d894537720b106d783d4f1cc':
            'Nothing in the complaint happened on the website.',
        '1cc1f1ee06c34e7690849555e7074643e9eedf223abb952bfa6fba37e0c3c744':
            'The boxes were packed at the warehouse, but the customer was not waiting there: look at what they found on site and had to chase.',
        'bcd98c75d0e6bf5b4c6ac7447aed48ddd09ffaaa9d619622affab5b0224c4991':
            'No invoice or payment is mentioned. What did the customer have to phone about?',
    },
)
register(
    '08.useful_question', str,
    '09af667e289cd132865f89e867f5fe5f3df22b923a7d18ebe278df1157a98767',
    'Which question can a polite customer not answer with a single word, and which one asks for something to change?',
    {
        '04a16647145d768d5351fef02d065d0fdde1d1ee56a2909e2db1dd975a709bc8':
            'Most people answer “yes, fine” to be polite. What would you change after hearing that?',
        '30ec563b106d75093403f9d912a619371a983eb7b6656abb36838db0bf644a7b':
            'This question suggests its own answer. What does a customer say to it?',
        '8952a9b17ed7fa0787be49d5d795ea28df7401bbc5b9a118b09724845f3f541f':
            'A number tells you how they feel, not what to change.',
    },
)
register(
    '08.fix_first', str,
    'd2fc864d1a2181745a0f09c39e4c37d87742f9ff4d7b9503df4e85d9641f5e3f',
    'Look at the conversations column of the tally: which theme did the most customers raise?',
    {
        '79d3999bced878bbd8e482a8a1ac6c767c90691a40306311fb52543350c87312':
            'The angriest complaint is the one you remember best. How many of the 25 raised accounting, against the top theme?',
        '3a5c0c8962c751939fb8ed903e2e0708b9bdab1a5cf15d09deecf932399b4d56':
            "One customer in 25 asked for it, under 'other'. What did many customers ask for?",
        '45325152ad2f1379721462992e124e0e9d10fc83093ea3b10c525d328d7d1cda':
            'One customer in 25 raised the website. What did many customers raise?',
    },
)
register(
    '08.chocolates_paid', str,
    'de877df4e56d06c1d702ce7531a642597f75ad72728a8b0d15d2bbd2cd28c407',
    "Compare the survey's cost with the profit the kept customers bring over the years they stay (module 1's calculator).",
    {
        '8cb01d4ada5570158547b2b82dfdf0794381c4ed690e4c448a4ad2cef89fce56':
            'One year of sales is neither the profit nor the whole time a regular stays. Work out the profit over five years.',
        '67ac07e67d01ea03faa48e8741be7bf58cb28cc52ecad1a1eac56681202a573c':
            'The question says what the changes already did: look at the customers they kept.',
        '075905259acd1d4f613227b2475f1579725f21ac1f26c8d621e3c2805261d113':
            'The figures you need are all in the task: the cost, and what the kept customers bring.',
    },
)
register(
    '08.who_asks', str,
    '064072238efd9913fd2542863c1c7ebf574cb55a41a1d5dd01b036ba349ad154',
    'Think about who hears the answer, and how it reaches the person who can change things.',
    {
        'a14dd8e7671d19ea740caa2f4b190c673821639a94ef856b1e77456f4144fff7':
            'What reaches her through the managers has been filtered. Whose ears should hear it?',
        'f77c22eb526b283874ab8a42005868160f53b8fec4d9e28c6f2deb9a6ac2c4e1':
            'An email gets few, short answers, and no conversation. What do 25 real conversations give that a form does not?',
        'bb85e6c19389324cfe07ee8b7c686f227a9e4ac4cd0cb8a0eaea98ecbb6ad15c':
            'Twenty years of guessing is still guessing. What beats a hundred guesses?',
    },
)
register(
    '08.visit_window', str,
    '8b0463d22eb366ff38dfbf6daee09ef538ee0e01e14ac965dba4c92f700bf238',
    'Think of the customer who has to stay at home and wait: which promise costs them the least time and worry?',
    {
        '4399bbdd8f990d416e3d6c3d2e58093042b342bd1d37042ed548954ba30557d6':
            '“Any time today” keeps the customer at home all day.',
        'f465762203b116f6242f65e4c8c5c9c07fc5a2bc57430fe8ac85c342146d6c32':
            'That needs a second call from the customer. How many calls should it take?',
    },
)
