"""Self-check fingerprints and hints for module 05 (``course/05_nps``)."""

from ._registry import register

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
