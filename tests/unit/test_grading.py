"""The strict comparisons hidden tests rely on."""

import re

import numpy as np
import pytest

from ccexercise.grading import exactly, expect_type


class Liar(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


class FloatLiar(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


class StrLiar(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


class TestExactly:
    @pytest.mark.parametrize("answer,expected", [(70000, 70000), (0.2, 0.2), ("price", "price"),
                                                 (True, True), (np.int64(428), 428),
                                                 (np.float64(0.5), 0.5), ([1, 2], [1, 2]),
                                                 ({"a": 1}, {"a": 1})])
    def test_equal_values_of_the_exact_type_pass(self, answer, expected):
        """Same type (or its plain NumPy twin) and same value pass."""
        assert exactly(answer, expected) is True

    @pytest.mark.parametrize("answer,expected", [
        (70000.0, 70000), (70000, 70000.0), ("70000", 70000), (True, 1), (1, True),
        (Liar(5), 70000), (FloatLiar(1.0), 0.2), (StrLiar("x"), "price"),
        (np.bool_(True), 1), ([1, 2], (1, 2)), ([1, 2.0], [1, 2]), (float("nan"), float("nan")),
        (None, 0), (..., 0), ({"a": 1.0}, {"a": 1})])
    def test_wrong_type_or_lying_values_fail(self, answer, expected):
        """Floats for ints, bools for numbers, subclasses that lie, and NaN never pass."""
        assert exactly(answer, expected) is False

    def test_tolerance_applies_to_floats(self):
        """A float within the tolerance passes; outside it fails."""
        assert exactly(100.004, 100.0, tolerance=0.01)
        assert not exactly(100.02, 100.0, tolerance=0.01)

    def test_wrong_value_fails(self):
        """A different number of the right type fails."""
        assert not exactly(69999, 70000)


class TestExpectType:
    def test_right_type_returns_none(self):
        """Nothing happens for an answer of the right type."""
        assert expect_type(3, int, name="x") is None

    @pytest.mark.parametrize("answer,expected_type,message", [
        (..., int, "x is still ... : replace the ... with your answer and run that cell again."),
        ("12", int, "x should be a whole number (like 42), but it is text in quotes ('12'). "
                    "Remove the quotes."),
        (12.0, int, "x should be a whole number (like 42), but it is a decimal number (12.0). "
                    "Write it without a decimal point."),
        (12, float, "x should be a decimal number (like 4.2), but it is a whole number (12). "
                    "Write it with its decimals, e.g. 0.25 or 1234.5."),
        (12, str, 'x should be a piece of text in quotes (like "price"), but it is a int (12). '
                  "Put the text inside quotes."),
        (Liar(3), int, "x should be a whole number (like 42), but it is a Liar."),
    ])
    def test_wrong_type_explains_the_fix(self, answer, expected_type, message):
        """Each kind of wrong answer gets a message saying what to change."""
        with pytest.raises(AssertionError, match=re.escape(message)):
            expect_type(answer, expected_type, name="x")


def test_exactly_tells_enum_members_apart():
    """Two different members of one Enum are not "exactly" equal (object.__eq__ says
    NotImplemented for them, which must not count as a match)."""
    import ccexercise as cc

    assert exactly(cc.ServiceLevel.STANDARD, cc.ServiceLevel.STANDARD)
    assert not exactly(cc.ServiceLevel.STANDARD, cc.ServiceLevel.LOW)
    assert not exactly("STANDARD", cc.ServiceLevel.STANDARD)
