"""Fingerprints of the right answers (and common mistakes) for the self-checks.

Generated from the model answers; each entry stores a SHA-256 digest, never
the answer. ``tests/unit/test_checks.py`` proves every model answer in
``solutions/`` passes its check.
"""

from .check_registry import register

# Module 01
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

# Module 03
from .service_levels import ServiceLevel  # noqa: E402

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

# Module 04
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
    'aae1b76ea5c4a43c7da2f9268b74dbefe4dc7ad458c14871d3f50123c2957794',
    "Read the 'reliability' column in the end user row; keep the minus sign.",
    {
        '96bc8f3ba966dfc941c26065fdb5c43ef65678fdece296fa0150a614610bc0b5':
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

# Module 06
register(
    '06.try_category', str,
    '0e612efc1dc03e116dd2fc403bdc7338e493a860120e80f3cc5776c6197cabad',
    'What bothered her most: the time, the people, the price, or the place itself?',
    {
        'f87572be21e11a77974f660ba05018c6deb83d3119501e0382a40753d94fd6a8':
            'She did wait, but read the reason again: what made the wait so hard?',
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

# Module 05
register(
    '05.try_nps', float,
    '94ae03a7954bbfec7a81d401241a841878b2b8a05e3d670e31d37ba02eac0e88',
    "Work out each group's share of the 20 answers, then take the share of answers 0 to 6 away from the share of answers 9 and 10.",
    {
        'e04afe83cd474ec4d88c2061e33f0488e9ed572edcc8d1868d7a4ac5cc44738d':
            "That is only the promoters' share. Take away the share of answers from 0 to 6.",
        '3866aca357779e3cd6eb502a2f30991f56751ac041d5b1f466103d9056d92e79':
            'Use shares of all 20 answers, not the counts: 12 of 20 is 60%.',
        'cf53b61a86b35fcb8834ce4d6470a42259b8b674d3cf7f98d046d39712fb80e0':
            'That is a share. The NPS is written in points: multiply by 100.',
        'f111d1f458243beeb1839eea7f8adb323e93e78dcf729e438ff2e363088a2ae7':
            "Passives are not added in: take the share of answers 0 to 6 away from the promoters' share.",
    },
)
register(
    '05.group_of_six', str,
    'ad9115afd1b18f988660163bbc4df63f7f1048ef21580ac4fdbb979e4a2f03f9',
    'Look at the table of groups: which group covers 0 to 6? Type it in quotes, e.g. "passive".',
    {
        '6fac62e542580b67677cb2d317c8f7cd9f3ba1672accfcc327e339560ea656f1':
            'Passives answer 7 or 8. A 6 is one step lower.',
        '4d56191c1b32f80f0cb202f557564588cc914bbba1cc40a543ba788c4c922d95':
            'Promoters answer 9 or 10.',
    },
)
register(
    '05.nps_from_counts', int,
    'fd8b1677f34cb8f708561af515c4a1857dfd27c1b13bec98bcf7e79f6f790952',
    "Out of 100 answers, each count is also a percentage: promoters' share minus the share of answers 0 to 6.",
    {
        '9d4aab73a26cfb9cbdbbef7f90ee1764579fece1be9bc2e0c819acc83bbec857':
            "That is only the promoters' share. Take away the share of answers from 0 to 6.",
        '524b32d9265b4652dedb9852231446b06b4f9665b26b5a45d470c89755a2a942':
            "Take the unhappy group away, don't add it.",
        '56010af69bd2e535349271c02f621f1e1629981f339fc9d7861ded8f374e10d1':
            "Passives are not added in: take the share of answers 0 to 6 away from the promoters' share.",
        '94d5d72ae2937fbbf797b7981dfca80b2a1185900f128f9260c73fa9364394c3':
            'Passives count as zero: leave them out of the difference.',
    },
)
register(
    '05.nps_chain', float,
    'cb284e95664cbc048c137faa62242a1daea6715807988643049001427168078b',
    'Pass the score column to the calculator: cc.nps(survey["score"]).',
    {
        '10d1df6b19da40a8306d711dd1e371b97e206cdd4663e799e498b5d700d559d7':
            'That is the average answer, not the NPS.',
        'a2ab9b14f1e4c220f627eb713d1a9632429d2ff2e8dd74c87d39dc39ccae1bdf':
            'That is the share of promoters. Take away the share of answers 0 to 6.',
        '02ab24fa206383541d2444321170878724601e072927b2bab871fa0241241618':
            'Write the NPS in points (from -100 to +100), not as a share.',
    },
)
register(
    '05.lowest_branch', str,
    'e8de59d48a389f5bf17272c5b9ee678fe9fe344c5d04413ac96c0a24c84bb1f1',
    'Look at the nps column of the table by branch, and type the branch name in quotes.',
    {
        'e9198e92894314d1e76183698b4783a7b79abb4056db61dd80e594a8d24a2961':
            'Station has the highest NPS, not the lowest.',
    },
)
register(
    '05.really_improved', str,
    '2360a13c5d8be527a94ba9aa006b61c66c7c72c5aad79093882f839700439ac3',
    'Which change has an interval that stays above zero?',
    {
        '0138b6d5b396617e4ac74db0228deab47bcbeb03e32332f2ca422e5afb6d201c':
            "That branch's NPS rose, but the interval of its change includes zero: it could be luck.",
        '72e83c23605a747291bf0ed8e40ead7b26e8ccf0dce6e2a51e63f61732504245':
            'Look at each interval: does it stay above zero?',
    },
)
register(
    '05.sample_size', int,
    '7891abb1bd510a2cf30bc5ed4bbc16b2e85746785643f8b8a243f66fa4eea40e',
    'Use cc.nps_sample_size with a margin of 5 and the two expected shares from the task.',
    {
        'f8aec42ba7df2a2568de35ccf9308a2b7a0b92787e248937a77ef7e19831df15':
            'That is the worst case. Give the calculator the shares you expect.',
        'd7b9657bdeb9ef1fe8267686856819b3db80092ff1287ada6624626307b01015':
            'Always round a sample size up, never down.',
        '9adff1315dc9ba0a5a18191a221d4e28a8927e0b0e635b554ffd7ff53a375e3c':
            'The margin asked for is 5 points, not 10.',
    },
)
register(
    '05.standard_error', float,
    '00f690b1ba3872ab33b3dcec7d2473091afd3d3e253ed8a83526f00cc612f55d',
    'Work out p + d - (p - d)^2, divide by n, take the square root, multiply by 100.',
    {
        'd752ef9317cd3238ef6112d5d705df86d7a6374b02ad8fae7f94aa49c01fce77':
            'That is a share. Multiply by 100 for points.',
        '725d895b9733fc592ec2d0de4e9e8ac6e1b13f9066d4dc0aeffe07ae7338bd6c':
            'That is a share. Multiply by 100 for points.',
        '3285c40ca368e152335de947bc5c658de502c3152c2fe57baa7cfbfc40b5c90e':
            'That is the margin of error (1.96 standard errors). The question asks for one standard error.',
        '0157d244389ef5b393e76f034c549b4bcd029bbf83842c14609845c84bd94df8':
            'Round to one decimal.',
    },
)
