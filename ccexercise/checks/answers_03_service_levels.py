"""Self-check fingerprints and hints for module 03 (``course/03_service_levels``)."""

from ._registry import register
from ..service_levels import ServiceLevel

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
    '03.best_reply', int,
    '119d09ac0f25c967c751f622b250bcb7773c348f59f314d1e1d50f03abadf81a',
    'Pick the reply that gives the customer a little more than she asked for, at almost no cost to the shop.',
    {
        'a0ce8c9e88464a8d745c72085303943c26cc7ac6d0cc592791d2124e73ab4dad':
            'Would she expect to be sent off to search the rails on her own? Compare what she gets with what she asked for.',
        'bb300f387fcd73966fd2842420c764d94ae5a56516ffa85738d31faf3f9ffae8':
            'A discount costs the shop real money and answers a complaint she never made. '
            'Look for a reply that gives her more of what she came for, at almost no cost.',
        '5783e82203d00e5888bb89792f55c08d6976d14341979e66f9336f63d5f0c603':
            'That reply is fine: she gets exactly what she asked for, and nothing to remember. '
            'Is there one that gives a little more, at almost no cost?',
        'd75568c82a1d5359a93520790fae0efc2595fa66d831c9bbeeeedcfcbe00ea3d':
            'She asked for a bigger size, and this reply turns to selling her something else. '
            'Look for a reply that helps with what she came for, a little more than she expected.',
    },
)
register(
    '03.hotel_guest', int,
    'bbb85a27e3d4b70e25df58fd1ed336981c29d43dd1d46cc241bc436c351bd2e7',
    'A WOW is more than the customer expected. Compare what each traveller expected before arriving.',
    {
        'eb459925ecd47cf508fafcb62f03e619f4e56f75aade4b3286652e5ebb918858':
            'The student expected to do everything herself, so this is far more than she expected. '
            'Look for the traveller for whom this is simply what the place always does.',
        '6c8edab54354df18466845b95c660a97df8477c3dde173752604e6cc12179b2d':
            'The family expected a key and nothing more. Which traveller expected this kind of care before arriving?',
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
    '03.cheap_wow', int,
    '749c431ced54195d98a5e4fc71dbf32e7a03aa5569df675cc7655b4ff1cb40ec',
    'Look at what parents say is the worst part of the visit, and at what each idea costs.',
    {
        'db53c7fcc9f1d6aaaa409fdb92cb4885cc4a64d73d71e69f2bb964035aec22c4':
            'A discount costs a lot every month, and the bored little ones are still there. '
            'Look for the idea that fixes the worst part of the visit.',
        'd28710288b2836af545f2013589db092dd09fea99786e8c8f4cbbdd12eacb686':
            'That may help one day, but it is costly and slow, and parents wait today. '
            'Look for something small the centre could start this week.',
        'd2a5567698f3a548885c21fd2aead1ae4a62ab370d6b343e6da9a6996b542dda':
            'A brochure tells parents about the centre; it does nothing for the wait. Which idea changes how the wait feels?',
    },
)
register(
    '03.wow_plan', int,
    '085716255eb656d034ded29502c380d784a7b25525ee8e892ca278df0cc1c8c8',
    'A WOW only works on top of a visit that meets expectations. Which plan deals with the let-downs first?',
    {
        '1b0e05cb9595ea15f9063e694306e81dfa70763f0e299288a781ae194e5513a4':
            'Free cake every time soon becomes what customers expect, it costs money every day, '
            'and the lukewarm coffee is still there. Which plan fixes the basics first?',
        '0c889bfec62ccadb6c008ec1e96292f793924ec84e43f342a6a0997bbca5eab8':
            'A customer with a lukewarm coffee after a fifteen-minute wait is let down, music or not. '
            'Look for the plan that deals with the let-downs first.',
        '0fb1213c60d23b55690be0d031993cb61f7666c63b575572f701698f8157ceb8':
            'The sign asks customers to put up with the wait; it changes nothing they get. '
            'Look for the plan that changes the service.',
    },
)
register(
    '03.harmful_line', int,
    'b6b63af51b48a53650ed23bcead483a8c8189f896c8329bcdf9eda12abdebd67',
    'Look for a promise nobody can keep, or words that make the customer trust the company less.',
    {
        '526b203190b21bc46747c557d3f82712268d8ed7befe9f9a53dca45590ac66bd':
            'A greeting that names the problem is ordinary good service. '
            'Look for a promise one person cannot keep, or a remark that runs the company down.',
        '3bc4645ee6b380743d6fffeedf6a9443d8b385a9d08e0a30ad51f625d92630e8':
            'Saying plainly what was wrong and that it is fixed is good service. '
            'Look for a promise one person cannot keep, or a remark that runs the company down.',
        '9ab89ba365ce45cfdd7efab91cb38a0c8246a17db14d110f14fb818f8a403b9a':
            'Offering a little help the customer did not ask for, at small cost, is what a WOW looks like. '
            'Look for a promise one person cannot keep, or a remark that runs the company down.',
        '24f5c54f92cb4aca169fbeca09b2a4d60c940cf8e631721c82574723198b6fc3':
            'Thanking the customer for her time is good service. '
            'Look for a promise one person cannot keep, or a remark that runs the company down.',
    },
)
register(
    '03.skit_diagnosis', int,
    '5d16afae9c64556b18265f2f9775e7b111c7557cf32d5a3d303f4f1d004e2183',
    'Compare what the customer said she expected with what the baker did, and look at her emotions.',
    {
        '058c6cee1bf71c6a4b4e67b66273f9b32fcf44dd8891d57dd3b701c441feed49':
            'Look at her emotions: calm is not unhappy. Compare what she expected with what the baker did.',
        '98d39aa6f808076283f0358f556c66ecf3041e90317315eea0fc11a89fb37603':
            'If she had got less than she expected, which emotions would she have picked? Look at the emotions column.',
        '88b965483a7ffd464feb8d352b7ce50761f1a0d8ea075bcc1527602ea3deddbd':
            "The customer's own emotions and her wish to come back tell the same story as the room. "
            'Compare what she expected with what she got.',
    },
)
register(
    '03.maturity_scenes', list,
    '73a33a0507178d42e5bfffea83e8ef6cdcbfefd62b2aa8ef3f26bbe9a4aa6d00',
    'For each scene ask: is a problem solved once the customer raises it (stage 2)? '
    'Does the company act before anyone asks (stage 3)? If neither, is there courtesy (stage 1)?',
    {
        'cf2919200e312e64bc5d6c448406ef9292992369679aa724dd849ef94f9244ac':
            'In scene A the staff are polite, but is the customer\'s problem solved once she raises it?',
        'f28880a39e45b754b4ffa84e206ba475fa6f3148fb737fd8c12be92bd05b63ff':
            'In scene B, did any customer have to raise the problem first? Look at who acts first.',
        'f49233e4fd583e9085cd194ea13136dbe334b05e9fa8de00b43282af2cc83b5a':
            'In scene C, who started: the customer or the company? Look at who raised the problem.',
        '9336fb75843adb32c1ee11e346e861153780457b72913bc940b32fb0937cfa94':
            'In scene C the assistant solved an unusual problem herself. Is that more than courtesy?',
        '8df21dc5ca52d151106d37f6f5f5986988e43689cbf6f2a816e5a4a7b00692d7':
            'The scenes are not in stage order. Look at each one on its own: who acts first, and is a problem solved?',
    },
)

# The tasks of the exercise as released before issue 19 (levels named from a
# description, a count, an average and a difference read off a table). They
# stay registered so that a cohort still working on that release gets its
# self-checks; solutions/ no longer uses them.
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
