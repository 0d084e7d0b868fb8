"""Self-check fingerprints and hints for module 06 (``course/06_guess_what_he_dislikes``)."""

from ._registry import register

register(
    '06.try_category', str,
    '596b78e2ddcd33318c315299a0e5aeb644b75e27713750dda307f971b4a84305',
    'Read the reason again: what did she leave the clinic without?',
    {
        'a7bb71fd6812ab34ffca7f97f46948080cc2d9411a85c4ef07fa62bee99fef25':
            'Nobody was rude to her. What did nobody do before she left?',
        'a923ab7d6f5fcd81f4d8aff28519c7cf14e36b01cbc06dfca86cae22bae2662b':
            'Nothing is wrong with the medicine itself. What did nobody do before she left?',
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
