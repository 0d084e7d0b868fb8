"""Satisfaction = Perception - Expectation: the gap, by survey item and service dimension.

A customer is satisfied when what they perceive is at least what they
expected. On a 1-7 rating scale, expecting 6 and perceiving 4 is a gap of
-2: expectations not met.

>>> satisfaction(4, 6)
-2
>>> satisfaction(7, 5, scale=(1, 10))
2
>>> satisfaction(8, 5)
Traceback (most recent call last):
    ...
ValueError: perception must be on the scale 1 to 7, got 8

The survey items are grouped into five service dimensions (tangibles,
reliability, responsiveness, assurance, empathy); :func:`gap_analysis`
gives the gap per item, per dimension and overall, optionally weighted by
how much each dimension matters to the customers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._validate import _is_real, check_number

__all__ = [
    "DIMENSIONS",
    "GapAnalysis",
    "SURVEY_ITEMS",
    "SurveyItem",
    "gap_analysis",
    "item_gaps",
    "normalise_weights",
    "respondent_gaps",
    "satisfaction",
    "weakest_dimension",
]

#: The five service dimensions, in the order charts show them.
DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")


@dataclass(frozen=True)
class SurveyItem:
    """One survey statement: its column code, its dimension and its wording."""

    code: str
    dimension: str
    text: str


#: The course's own survey statements (plain words, two per dimension). A
#: respondent rates each twice on 1-7: what they expect from a good supplier,
#: and what they get from this one.
SURVEY_ITEMS = (
    SurveyItem("tangibles_1", "tangibles",
               "The premises, vehicles and equipment look clean and in good order."),
    SurveyItem("tangibles_2", "tangibles",
               "Invoices, price lists and delivery papers are clear and easy to read."),
    SurveyItem("reliability_1", "reliability", "Orders arrive on the day that was promised."),
    SurveyItem("reliability_2", "reliability", "What arrives is exactly what was ordered."),
    SurveyItem("responsiveness_1", "responsiveness", "Calls and messages get a quick answer."),
    SurveyItem("responsiveness_2", "responsiveness", "A complaint is dealt with without delay."),
    SurveyItem("assurance_1", "assurance",
               "Staff know the products and can answer technical questions."),
    SurveyItem("assurance_2", "assurance", "I feel safe doing business with this company."),
    SurveyItem("empathy_1", "empathy",
               "Staff take the time to understand what my business needs."),
    SurveyItem("empathy_2", "empathy", "Contact hours suit my working day."),
)


# --------------------------------------------------------------------------
# The formula
# --------------------------------------------------------------------------

def _check_scale(scale) -> tuple[float, float]:
    if (not isinstance(scale, (tuple, list)) or len(scale) != 2
            or not all(_is_real(v) for v in scale)):
        raise TypeError(f"scale must be a pair of numbers (lowest, highest) such as (1, 7), "
                        f"got {scale!r}")
    low, high = (check_number("scale", v) for v in scale)
    if low >= high:
        raise ValueError(f"scale must go from a lower to a higher number, got {scale!r}")
    return low, high


def _scale_text(low: float, high: float) -> str:
    return f"{low:g} to {high:g}"


def _check_rating(name: str, value, low: float, high: float):
    """A scalar rating on the scale, returned as given (int stays int)."""
    check_number(name, value)
    if not low <= value <= high:
        raise ValueError(f"{name} must be on the scale {_scale_text(low, high)}, got {value!r}")
    return value.item() if isinstance(value, np.generic) else value


def _check_ratings(name: str, values, low: float, high: float):
    """A Series or DataFrame of ratings, all numbers on the scale."""
    frame = values.to_frame() if isinstance(values, pd.Series) else values
    for column in frame.columns:
        series = frame[column]
        if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            where = name if isinstance(values, pd.Series) else f"{name} column {column!r}"
            raise TypeError(f"{where} must hold numbers, got dtype {series.dtype}")
        numbers_ = series.to_numpy(dtype=float, na_value=np.nan)
        where = name if isinstance(values, pd.Series) else f"{name} column {column!r}"
        for bad, reason in ((np.isnan(numbers_), "is empty (NaN)"),
                            (~np.isnan(numbers_) & ((numbers_ < low) | (numbers_ > high)),
                             f"is off the scale {_scale_text(low, high)}")):
            if bad.any():
                rows = list(series.index[bad][:5])
                more = f" and {bad.sum() - 5} more" if bad.sum() > 5 else ""
                raise ValueError(f"{where} {reason} in {bad.sum()} row(s): index {rows}{more}")
    return values


def satisfaction(perception, expectation, *, scale=(1, 7)):
    """Satisfaction as the gap ``perception - expectation``.

    Both ratings are on ``scale`` (lowest, highest), 1 to 7 by default.
    Each is one number, a pandas Series or a DataFrame; a number combines
    with a Series or DataFrame (the same expectation for everyone). Two
    Series must have the same index, two DataFrames the same rows and
    columns. A positive gap means expectations were exceeded, zero met,
    negative not met. Inputs are never changed.

    >>> satisfaction(6, 6)
    0
    >>> satisfaction(pd.Series([7, 3]), pd.Series([5, 5])).tolist()
    [2, -2]
    >>> satisfaction(pd.Series([7, 3]), 5).tolist()
    [2, -2]
    >>> satisfaction(5, 6, scale=(1, 5))
    Traceback (most recent call last):
        ...
    ValueError: expectation must be on the scale 1 to 5, got 6
    """
    low, high = _check_scale(scale)
    pandas_types = (pd.Series, pd.DataFrame)
    checked = {}
    for name, value in (("perception", perception), ("expectation", expectation)):
        if isinstance(value, pandas_types):
            checked[name] = _check_ratings(name, value, low, high)
        elif isinstance(value, (list, tuple, np.ndarray, dict)):
            raise TypeError(f"{name} must be a number, a pandas Series or a DataFrame, got "
                            f"{value!r} (a {type(value).__name__}); wrap a list in pd.Series")
        else:
            checked[name] = _check_rating(name, value, low, high)
    p, e = checked["perception"], checked["expectation"]
    if isinstance(p, pandas_types) and isinstance(e, pandas_types):
        if type(p) is not type(e):
            raise TypeError("perception and expectation must both be Series or both be "
                            f"DataFrames, got a {type(p).__name__} and a {type(e).__name__}")
        if not p.index.equals(e.index):
            raise ValueError("perception and expectation must have the same rows (index); "
                             "they differ")
        if isinstance(p, pd.DataFrame):
            if list(p.columns) != list(e.columns):
                raise ValueError("perception and expectation must have the same columns, got "
                                 f"{list(p.columns)} and {list(e.columns)}")
            return p - e
        gap = p - e
        gap.name = "gap"
        return gap
    gap = p - e
    if isinstance(gap, pd.Series):
        gap.name = "gap"
    return gap


# --------------------------------------------------------------------------
# Importance weights
# --------------------------------------------------------------------------

def normalise_weights(points) -> pd.Series:
    """Importance points per dimension (out of 100) as shares that add up to 1.

    ``points`` maps each of the five dimensions to 0 or more points. The
    usual way is to share 100 points; other totals are scaled the same way.

    >>> normalise_weights({"tangibles": 10, "reliability": 30, "responsiveness": 20,
    ...                    "assurance": 20, "empathy": 20}).tolist()
    [0.1, 0.3, 0.2, 0.2, 0.2]
    >>> normalise_weights({"tangibles": 100})
    Traceback (most recent call last):
        ...
    ValueError: points is missing the dimensions ['reliability', 'responsiveness', 'assurance', 'empathy']; give points for all five
    """
    if isinstance(points, pd.Series):
        points = points.to_dict()
    if not isinstance(points, dict):
        raise TypeError("points must be a dict of dimension -> points, such as "
                        f"{{'reliability': 30, ...}}, got a {type(points).__name__}")
    unknown = [key for key in points if key not in DIMENSIONS]
    if unknown:
        raise ValueError(f"points has unknown dimensions {unknown}; the dimensions are "
                         f"{list(DIMENSIONS)}")
    missing = [d for d in DIMENSIONS if d not in points]
    if missing:
        raise ValueError(f"points is missing the dimensions {missing}; give points for all five")
    values = [check_number(f"points[{d!r}]", points[d], minimum=0) for d in DIMENSIONS]
    total = sum(values)
    if total == 0:
        raise ValueError("points must not all be 0; share 100 points among the dimensions")
    return pd.Series([v / total for v in values], index=pd.Index(DIMENSIONS, name="dimension"),
                     name="weight")


# --------------------------------------------------------------------------
# Gap analysis of a survey
# --------------------------------------------------------------------------

def _item_columns(survey: pd.DataFrame, side: str) -> list[str]:
    return [f"{item.code}_{side}" for item in SURVEY_ITEMS]


def _check_survey(survey) -> None:
    if not isinstance(survey, pd.DataFrame):
        raise TypeError(f"survey must be a pandas DataFrame, got a {type(survey).__name__}")
    needed = _item_columns(survey, "expected") + _item_columns(survey, "perceived")
    missing = [c for c in needed if c not in survey.columns]
    if missing:
        raise ValueError(f"survey is missing the columns {missing[:4]}"
                         + (f" and {len(missing) - 4} more" if len(missing) > 4 else "")
                         + "; load it with cc.datasets.load('04_satisfaction_formula')")
    if survey.empty:
        raise ValueError("survey has no rows")


def item_gaps(survey: pd.DataFrame, *, scale=(1, 7)) -> pd.DataFrame:
    """The gap (perceived - expected) of every respondent on every item.

    Returns one row per respondent (same index as ``survey``) and one
    column per item code (``tangibles_1``, ...).

    >>> row = {f"{i.code}_expected": 5 for i in SURVEY_ITEMS}
    >>> row.update({f"{i.code}_perceived": 4 for i in SURVEY_ITEMS})
    >>> item_gaps(pd.DataFrame([row]))[["tangibles_1", "empathy_2"]]
       tangibles_1  empathy_2
    0           -1         -1
    """
    _check_survey(survey)
    perceived = survey[_item_columns(survey, "perceived")]
    expected = survey[_item_columns(survey, "expected")]
    codes = [item.code for item in SURVEY_ITEMS]
    return satisfaction(perceived.set_axis(codes, axis=1), expected.set_axis(codes, axis=1),
                        scale=scale)


def respondent_gaps(survey: pd.DataFrame, *, weights=None, scale=(1, 7)) -> pd.DataFrame:
    """Each respondent's gap per dimension (the mean of its items) and overall.

    ``overall`` is the mean of the five dimension gaps, or with ``weights``
    (importance points, see :func:`normalise_weights`) their weighted sum.
    Pass ``overall`` to :func:`ccexercise.service_level` to see where the
    respondents fall among Low, Standard and WOW.

    >>> row = {f"{i.code}_expected": 5 for i in SURVEY_ITEMS}
    >>> row.update({f"{i.code}_perceived": 5 for i in SURVEY_ITEMS})
    >>> row.update({"reliability_1_perceived": 1, "reliability_2_perceived": 3})
    >>> respondent_gaps(pd.DataFrame([row])).loc[0].tolist()
    [0.0, -3.0, 0.0, 0.0, 0.0, -0.6]
    """
    gaps = item_gaps(survey, scale=scale)
    by_dimension = pd.DataFrame(
        {d: gaps[[i.code for i in SURVEY_ITEMS if i.dimension == d]].mean(axis=1)
         for d in DIMENSIONS}, index=survey.index)
    if weights is None:
        by_dimension["overall"] = by_dimension[list(DIMENSIONS)].mean(axis=1)
    else:
        shares = normalise_weights(weights)
        by_dimension["overall"] = (by_dimension[list(DIMENSIONS)] * shares).sum(axis=1)
    return by_dimension.round(3)


@dataclass(frozen=True, eq=False)
class GapAnalysis:
    """Gaps of a survey by item, by dimension and overall.

    ``items``: per item its ``dimension``, ``text`` and mean ``expected``,
    ``perceived`` and ``gap``. ``dimensions``: per dimension the mean
    ``expected``, ``perceived`` and ``gap`` (the mean of its items), plus
    ``weight`` and ``weighted_gap`` (weight x gap) when weights were given.
    ``overall``: the mean of the dimension gaps, or the sum of the
    weighted gaps when weighted. ``weakest``: the dimension with the most
    negative (weighted) gap. ``respondents``: how many rows were analysed.
    """

    items: pd.DataFrame
    dimensions: pd.DataFrame
    overall: float
    weakest: str
    respondents: int
    weighted: bool

    def __repr__(self) -> str:
        return (f"GapAnalysis(overall={self.overall!r}, weakest={self.weakest!r}, "
                f"respondents={self.respondents!r})")

    def summary(self) -> str:
        """One plain-English sentence for the result."""
        kind = "weighted overall gap" if self.weighted else "overall gap"
        return (f"{self.respondents} respondents: the {kind} is {self.overall:+.2f} points; "
                f"the weakest dimension is {self.weakest}.")

    def _repr_html_(self) -> str:
        return f"<p>{self.summary()}</p>" + self.dimensions.to_html(float_format="{:.2f}".format)


def gap_analysis(survey: pd.DataFrame, *, weights=None, scale=(1, 7)) -> GapAnalysis:
    """Gap per item, per dimension and overall for a survey table.

    ``survey`` has the columns ``<item>_expected`` and ``<item>_perceived``
    for every item of :data:`SURVEY_ITEMS` (as the bundled survey does).
    ``weights`` are optional importance points per dimension (see
    :func:`normalise_weights`). Gaps are rounded to 3 decimals.

    >>> row = {f"{i.code}_expected": 6 for i in SURVEY_ITEMS}
    >>> row.update({f"{i.code}_perceived": 6 for i in SURVEY_ITEMS})
    >>> row["reliability_1_perceived"] = 3
    >>> result = gap_analysis(pd.DataFrame([row]))
    >>> result.dimensions["gap"].tolist()
    [0.0, -1.5, 0.0, 0.0, 0.0]
    >>> result
    GapAnalysis(overall=-0.3, weakest='reliability', respondents=1)
    """
    gaps = item_gaps(survey, scale=scale)
    codes = [item.code for item in SURVEY_ITEMS]
    items = pd.DataFrame({
        "dimension": [item.dimension for item in SURVEY_ITEMS],
        "text": [item.text for item in SURVEY_ITEMS],
        "expected": survey[_item_columns(survey, "expected")].mean().to_numpy(),
        "perceived": survey[_item_columns(survey, "perceived")].mean().to_numpy(),
        "gap": gaps.mean().to_numpy(),
    }, index=pd.Index(codes, name="item"))
    dimensions = (items.groupby("dimension", sort=False)[["expected", "perceived", "gap"]]
                  .mean().reindex(list(DIMENSIONS)))
    if weights is not None:
        dimensions["weight"] = normalise_weights(weights)
        dimensions["weighted_gap"] = dimensions["weight"] * dimensions["gap"]
        score = dimensions["weighted_gap"]
        overall = float(score.sum())
    else:
        score = dimensions["gap"]
        overall = float(score.mean())
    items[["expected", "perceived", "gap"]] = items[["expected", "perceived", "gap"]].round(3)
    dimensions = dimensions.round(3)
    weakest = str(score.idxmin())
    return GapAnalysis(items, dimensions, round(overall, 3), weakest, len(survey),
                       weights is not None)


def weakest_dimension(survey: pd.DataFrame, *, by: str = "segment", weights=None,
                      scale=(1, 7)) -> pd.DataFrame:
    """The weakest dimension for each group of ``by`` (a column of ``survey``).

    Returns one row per group (in order of first appearance), with the mean
    gap of each dimension, the ``weakest`` dimension and its ``gap``.

    >>> rows = []
    >>> for segment, bad in (("end user", "reliability_1"), ("wholesaler", "empathy_1")):
    ...     row = {f"{i.code}_{side}": 5 for i in SURVEY_ITEMS for side in ("expected", "perceived")}
    ...     row.update({"segment": segment, f"{bad}_perceived": 2})
    ...     rows.append(row)
    >>> weakest_dimension(pd.DataFrame(rows))[["weakest", "gap"]]
                    weakest  gap
    segment
    end user    reliability -1.5
    wholesaler      empathy -1.5
    """
    _check_survey(survey)
    if not isinstance(by, str):
        raise TypeError(f"by must be a column name, got {by!r} (a {type(by).__name__})")
    if by not in survey.columns:
        raise ValueError(f"by={by!r} is not a column of survey; the columns include "
                         f"{[c for c in survey.columns if not c.endswith(('_expected', '_perceived'))]}")
    if survey[by].isna().any():
        rows = list(survey.index[survey[by].isna()][:5])
        raise ValueError(f"survey column {by!r} is empty in some rows: index {rows}")
    rows = []
    for group, part in survey.groupby(by, sort=False):
        result = gap_analysis(part, weights=weights, scale=scale)
        column = "weighted_gap" if weights is not None else "gap"
        row = result.dimensions[column].to_dict()
        row.update({by: group, "weakest": result.weakest,
                    "gap": result.dimensions.loc[result.weakest, column],
                    "respondents": result.respondents})
        rows.append(row)
    return pd.DataFrame(rows).set_index(by)[[*DIMENSIONS, "weakest", "gap", "respondents"]]

