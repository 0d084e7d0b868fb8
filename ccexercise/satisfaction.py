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

from ._validate import _is_real, check_columns, check_number

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
    """A Series or DataFrame of ratings, all numbers on the scale (checked in one pass)."""
    frame = values.to_frame() if isinstance(values, pd.Series) else values

    def where(column):
        return name if isinstance(values, pd.Series) else f"{name} column {column!r}"

    for column, dtype in frame.dtypes.items():
        if not pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):
            raise TypeError(f"{where(column)} must hold numbers, got dtype {dtype}")
    grid = frame.to_numpy(dtype=float, na_value=np.nan)
    empty = np.isnan(grid)
    off = ~empty & ((grid < low) | (grid > high))
    if empty.any() or off.any():
        for k, column in enumerate(frame.columns):  # the first bad column, as a person reads
            for bad, reason in ((empty[:, k], "is empty (NaN)"),
                                (off[:, k], f"is off the scale {_scale_text(low, high)}")):
                if bad.any():
                    rows = list(frame.index[bad][:5])
                    more = f" and {bad.sum() - 5} more" if bad.sum() > 5 else ""
                    raise ValueError(f"{where(column)} {reason} in {bad.sum()} row(s): "
                                     f"index {rows}{more}")
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
    check_columns("survey", survey,
                  _item_columns(survey, "expected") + _item_columns(survey, "perceived"),
                  what="a survey such as cc.datasets.load('04_satisfaction_formula')")
    if survey.empty:
        raise ValueError("survey has no rows")


def _ratings(survey: pd.DataFrame, scale) -> tuple[np.ndarray, np.ndarray]:
    """Expected and perceived ratings as two (respondents x items) arrays, checked."""
    _check_survey(survey)
    low, high = _check_scale(scale)
    columns = _item_columns(survey, "expected") + _item_columns(survey, "perceived")
    frame = survey[columns]
    numeric = all(pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)
                  for t in frame.dtypes)
    grid = frame.to_numpy(dtype=float, na_value=np.nan) if numeric else None
    if grid is None or np.isnan(grid).any() or (grid < low).any() or (grid > high).any():
        codes = [item.code for item in SURVEY_ITEMS]  # slow path: find and name the problem
        for name, side in (("expectation", "expected"), ("perception", "perceived")):
            _check_ratings(name, survey[_item_columns(survey, side)].set_axis(codes, axis=1),
                           low, high)
    half = len(SURVEY_ITEMS)
    return grid[:, :half], grid[:, half:]


def _by_dimension(per_item: np.ndarray) -> np.ndarray:
    """Mean over each dimension's items (last axis: items in SURVEY_ITEMS order)."""
    groups = [[k for k, item in enumerate(SURVEY_ITEMS) if item.dimension == d]
              for d in DIMENSIONS]
    return np.stack([per_item[..., g].mean(axis=-1) for g in groups], axis=-1)


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


def _weights_or_none(weights):
    return None if weights is None else normalise_weights(weights).to_numpy()


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
    expected, perceived = _ratings(survey, scale)
    shares = _weights_or_none(weights)
    by_dimension = _by_dimension(perceived - expected)
    overall = by_dimension.mean(axis=1) if shares is None else by_dimension @ shares
    table = np.column_stack([by_dimension, overall]).round(3)
    return pd.DataFrame(table, index=survey.index, columns=[*DIMENSIONS, "overall"])


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
        people = f"{self.respondents} respondent{'s' if self.respondents != 1 else ''}"
        return (f"{people}: the {kind} is {self.overall:+.2f} points; "
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
    expected, perceived = _ratings(survey, scale)
    shares = _weights_or_none(weights)
    mean_e, mean_p = expected.mean(axis=0), perceived.mean(axis=0)
    mean_gap = (perceived - expected).mean(axis=0)
    items = pd.DataFrame({
        "dimension": [item.dimension for item in SURVEY_ITEMS],
        "text": [item.text for item in SURVEY_ITEMS],
        "expected": mean_e.round(3), "perceived": mean_p.round(3), "gap": mean_gap.round(3),
    }, index=pd.Index([item.code for item in SURVEY_ITEMS], name="item"))
    gap = _by_dimension(mean_gap)
    columns = {"expected": _by_dimension(mean_e), "perceived": _by_dimension(mean_p), "gap": gap}
    if shares is not None:
        score = shares * gap
        columns.update({"weight": shares, "weighted_gap": score})
        overall = float(score.sum())
    else:
        score = gap
        overall = float(gap.mean())
    dimensions = pd.DataFrame(columns, index=pd.Index(DIMENSIONS, name="dimension")).round(3)
    weakest = DIMENSIONS[int(np.argmin(score))]
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
    check_columns("survey", survey, [by])
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

