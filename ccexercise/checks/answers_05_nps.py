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
    '05.nps_from_counts', int,
    '7e153ac179c3744bb0b75d715158d43b39d61686a56bf5d71cd9e332510fa65b',
    "Out of 100 answers, each count is also a percentage. Which answers make a customer a detractor? "
    "Check the table of groups in the lesson, then take the detractors' share away from the promoters'.",
    {
        'cf5e2764dcacfa2eb8c97e56d8b0719537710dfb2a828bf8b22c7a642687a398':
            "That is the spreadsheet's mistake. Which group does an answer of exactly 6 belong to?",
        '9d4aab73a26cfb9cbdbbef7f90ee1764579fece1be9bc2e0c819acc83bbec857':
            "That is only the promoters' share. Take away the share of answers from 0 to 6.",
        'b680ece30bac55fd499d329d3d6078e513d5a7705ff7d8387a6cbe49e684de1e':
            "Passives are not added in: take the share of answers 0 to 6 away from the promoters' share.",
        'f80ff9be37606e3d42e63dad20593fb6bf70d36ec7faf7ee4080b835b73173f5':
            "Passives are not added in: take the share of answers 0 to 6 away from the promoters' share.",
        '33226a202d33077123cc3877a7da725c11cf898f1bc2a639c462f78cc9df4b22':
            "The sign is the wrong way round: promoters minus detractors.",
    },
)
register(
    '05.margin_of_error', float,
    'a8e7b30e2d722a65ad6e4e29ae0bd0032570347bc791b9373c63c7f29a78c316',
    'Work out p + d - (p - d)^2, divide by n, take the square root, multiply by 100 for points, '
    'then by 1.96. Round to one decimal at the very end.',
    {
        'e5becaf18fe75f823edc15b0b51bb84f5da6c4e760e69d32312e5efb342cc7cf':
            'That is one standard error. The margin of error is 1.96 standard errors.',
        '564aeeeda7f2f9a92d77b29035ed5a62717e9f7bcbe93fc8f4c959ac11a21507':
            'That is a share. Multiply by 100 for points.',
        '37dc78e4754e5cf76781bec198a30c37d227ff97eca5336246133a7835e4ed09':
            'That is one standard error as a share. Multiply by 100 for points, then by 1.96.',
        'f65df15f3845576cb87b10ac38d6feff28ed6038f33a6e802849adb7ef77e758':
            'Inside the square root, take (p - d) squared away from p + d.',
        'b6171f81ad966145d0b010eb3e5062c0c3430ad916eb9bc5c8f2363564e9e614':
            'Square (p - d) before you take it away from p + d.',
    },
)
register(
    '05.report_line', int,
    '3773b854d4104352768584ae76350dece1d1b6376f4cb53201ea0460685ddad5',
    'Look for the sentence that gives the score together with how sure it can be, '
    'and reads no more into 80 answers than they can carry.',
    {
        'f57f8735ef23c647aed099a699bfadbd7e8244ee7c02dc74b05fe76d903f9946':
            'With 80 answers the margin of error you worked out in task 2 is wide. Is a fall of 7 points '
            'bigger than that? Blaming the team for it may be blaming them for luck.',
        'c13d004a9a88b4294f6162b0614b7e2c45517b4694b7ba49360dda43926cce83':
            'The average answer hides both the enthusiasts and the unhappy customers: it is not the NPS.',
        'a456b200b8e48c8dbf1fa8c5bc15bfb4b5b9ab9356cd8a09380044a29c191b79':
            'An uncertain number is still worth reporting. What would make it honest, rather than hidden?',
    },
)
register(
    '05.compare_branches', int,
    '949f38bd542f83f9e6b031ad669bbaa94e73087286647e0e1e4602b3d718dd54',
    'Look at each gap in the table: an interval that stays above zero is a real gap; '
    'one that crosses zero means the survey cannot tell yet.',
    {
        'd60f716c47daf6b5834cc91ccc68a2041fea614f0f963c5e403781f62a095126':
            "The order in the table is not the whole story. Does the interval of Harbour's gap to "
            "Market stay clear of zero?",
        'f8aa12cca048fdefd42ec88068b0c6b1fa219e0979c9ce24bb03e511039f8a94':
            'A margin of error does not make every gap luck. Look at the gaps that start with Central: '
            'do their intervals include zero?',
        '8544c8b5f6cb16dd14f3776b27d3a290267f0796ab4089474428a48c04647a45':
            'Averages sit close together because they hide the ends of the scale, where loyalty and '
            'complaints live. The lesson shows why the NPS is compared instead.',
    },
)
register(
    '05.market_drop', int,
    '0b64c5c78d9f51d4744c32286400f7d12048583b1a03ff7a92cfdcdc4833ed76',
    "Look at the interval of Market's change, and at what the unhappy customers wrote. "
    'Which advice takes both seriously?',
    {
        'e16b7867087c13f76008be03578ca22e0f051ff04448b22570785c1222bf6f1b':
            'Does the interval of the change stay below zero? If not, the fall may be luck, and a costly '
            'course for everyone may not touch what the comments complain about.',
        '6b3a0ab92c4936aa4d1643862418e7812e5c1f9e8854cc2e5c7f30c51d663afc':
            '"The survey cannot tell yet" is not "nothing is wrong". What do the comments under the '
            'interval say?',
        'c72e6263534ec494279730636ad1f101d5e840ddf1099eeb47c7c775dc0e6408':
            'A bonus for the score rewards the number, not the fix: it changes nothing that the unhappy '
            'customers named, and may tempt staff to chase answers.',
    },
)
register(
    '05.spot_line', int,
    '9153997031914c80583547a464fbb2576b663c392423de3d6ec56f80136c24ab',
    'Which line would make the survey hear less of what customers really think? '
    'Look for the one that changes the answers, not the service.',
    {
        '2d67bb0c1779287158b1895466aead1b65020d0b1fabe9623bdebec3d6105d6e':
            "That line reads the interval of the change correctly: it stays above zero, so praise is fair.",
        '3d43b77ce4b89b054e6415974bf0d65ade9fbddcd7f9f0914ac78dd26fa9061b':
            "Reading the unhappy customers' comments is how a score turns into a fix.",
        'a66b9f99b30522bc3136d936aac1e27b19918e0542b4d9716e6c1aefd2f58c63':
            'Talking to unhappy customers in person is what the lesson recommends.',
        '1a9633af56a2e855ffd88995586a2092563299f7c44c3aa925f8ae5711f0ffd4':
            'Hearing from every channel makes the survey more honest, not less.',
    },
)
register(
    '05.best_plan', int,
    '84557ea22c2f66afe7252803f257f9729dbb8c0f9f52ba3c74eb84073855f01f',
    'A score with no fix behind it is not customer focus. Which plan changes what the comments '
    'complain about, and then checks with customers that it worked?',
    {
        '24da531d9d34af27b6b22bcf5c907b3cac5ade021931190089a23202a5490eb8':
            'A voucher changes the answers, not the service: the next customer is still not called back.',
        'cfe0b9197ecb82f3a45b4a074b537163a3ab2267c3d62468e2f6b3ed3f840547':
            'The comments already say what is wrong. Asking again measures the problem; it does not fix it.',
        '6f24506639fc44a48b77cc97ea7c5714afbdca0531b0d6297a4e92aa0a900c0e':
            'Seeing the score tells staff a number, not what to do differently tomorrow morning.',
    },
)
register(
    '05.worst_plan', int,
    'f68194fc8356fda07e3806ba6ac62219d138485becee37c00d49ae25c5159dc5',
    'Look for the plan that spends money, fixes nothing, and makes the survey less honest.',
    {
        '1fc9a3caa964a126369819672df699db7bcba9ee8b8f83f03ef309aa4268225f':
            'An extra question fixes nothing, but it does no harm either. Which plan also bends the answers?',
        '84557ea22c2f66afe7252803f257f9729dbb8c0f9f52ba3c74eb84073855f01f':
            'That plan goes after the cause the customers named. Look for the one that only goes after the score.',
        'ad1252ca8a671ceede76346e390bddb2317a74787ae4619674d802fd365515ae':
            'A score on a screen changes little, but it harms no one. Which plan also bends the answers?',
    },
)
