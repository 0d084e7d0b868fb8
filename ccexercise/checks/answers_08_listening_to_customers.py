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
