"""The bundled data sets: where they live (:func:`data_dir`, :func:`available`)
and what columns each has (:data:`SCHEMAS`).

A source checkout keeps them in ``data/`` beside the package, a wheel in
``ccexercise/_data``; the environment variable ``CCEXERCISE_DATA`` points
at another folder. :func:`ccexercise.datasets.load` loads them and checks
every row against :data:`SCHEMAS`.

To add the next module's data set, put its CSV in ``data/<module>/`` and
declare its columns in :data:`SCHEMAS` below; nothing else changes.
"""

from __future__ import annotations

import os
import types
from pathlib import Path

from ._schema import Column, Dataset, FilledWhen

__all__ = ["ENV_VAR", "SCHEMAS", "available", "data_dir"]

#: Environment variable that points at a folder of data sets to use instead.
ENV_VAR = "CCEXERCISE_DATA"


def data_dir() -> Path:
    """The folder that holds the bundled data sets, found from any working folder.

    Looks, in order, at the folder named by the environment variable
    ``CCEXERCISE_DATA``, at ``_data`` inside the installed package (a
    wheel), and at ``data`` beside the package (a source checkout).

    >>> (data_dir() / "01_lost_customer_cost" / "customers.csv").is_file()
    True
    """
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        folder = Path(chosen).expanduser()
        if not folder.is_dir():
            raise FileNotFoundError(f"{ENV_VAR} is set to {chosen!r}, which is not a folder; "
                                    f"unset it or point it at the folder holding the data sets")
        return folder
    package = Path(__file__).resolve().parent.parent  # ccexercise/
    tried = [package / "_data", package.parent / "data"]
    for folder in tried:
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"no bundled data found; looked in {', '.join(map(str, tried))}; "
                            f"set {ENV_VAR} to the folder holding the data sets")


def available() -> list[str]:
    """Names of the bundled data sets: the module folders that hold a CSV.

    >>> "01_lost_customer_cost" in available()
    True
    """
    return sorted(p.name for p in data_dir().iterdir()
                  if p.is_dir() and any(p.glob("*.csv")))


# --------------------------------------------------------------------------
# What columns each data set has (declared with Column, FilledWhen and
# Dataset from ccexercise.datasets._schema)
# --------------------------------------------------------------------------

_SEGMENTS = ("household", "trade", "business")
_REGIONS = ("North", "South", "East", "West", "Centre")
_EXIT_REASONS = ("rude or unhelpful staff", "slow service", "price", "product quality",
                 "moved away", "better offer elsewhere", "billing problem", "no reason given")
_SPEND = tuple(Column(f"spend_{year}", "float", f"amount the customer spent in {year} "
                      "(0 before they joined and after they left)", minimum=0)
               for year in range(2021, 2026))

#: Every data set's declaration, by name. Read-only.
SCHEMAS = types.MappingProxyType({
    "00_what_is_customer_focus": Dataset(
        "00_what_is_customer_focus", "statements.csv",
        "the sorter's statements, taken from the course texts' own examples, each with "
        "its verdict and the reason",
        (
            Column("statement_id", "text", "statement number, e.g. S01 (its room poll is "
                   "[s01])", unique=True),
            Column("statement", "text", "what a business does or says, in plain words"),
            Column("verdict", "choice", "where it belongs", allowed=(
                "customer focus (level 1)", "customer focus (level 2)",
                "not customer focus")),
            Column("reason", "text", "why, in one or two sentences"),
            Column("source", "text", "which course text the example comes from "
                   "(A, B, E, R, S: see the domain notes)"),
        ),
    ),
    "01_lost_customer_cost": Dataset(
        "01_lost_customer_cost", "customers.csv",
        "customers of a chain of home-and-garden stores, with five years of spend",
        (
            Column("customer_id", "text", "customer number, e.g. C00001", unique=True),
            Column("segment", "choice", "customer group", allowed=_SEGMENTS),
            Column("region", "choice", "region of the customer's store", allowed=_REGIONS),
            Column("joined", "int", "year of the first purchase", minimum=1900, maximum=2100),
            *_SPEND,
            Column("churned", "bool", "True if the customer stopped buying"),
            Column("left_in", "int", "first year with no spend after having spent "
                   "(empty if not churned)", minimum=1900, maximum=2100, required=False),
            Column("exit_reason", "choice", "why the customer left (empty if not churned)",
                   allowed=_EXIT_REASONS, required=False),
            Column("annual_spend", "float", "spend in the last year with spend", minimum=0),
            Column("growth_per_year", "float", "average yearly change of spend over "
                   "the years with spend (may be negative)"),
        ),
        rules=(FilledWhen("churned", ("left_in", "exit_reason")),),
    ),
    "02_why_customers_leave": Dataset(
        "02_why_customers_leave", "advice.csv",
        "statements for the harmful-advice game: harmful advice to shop staff and managers, "
        "the organisational reasons customers leave, and a few good habits to tell them from",
        (
            Column("advice_id", "text", "statement number: H01... harmful, G01... helpful",
                   unique=True),
            Column("who", "choice", "whom the statement is for",
                   allowed=("shop staff", "manager", "organisation")),
            Column("statement", "text", "the advice, as it would be given"),
            Column("harmful", "bool", "True if following the advice drives customers away"),
            Column("what_is_wrong", "text", "why it drives customers away (or why it is fine)"),
            Column("do_instead", "text", "what to do instead (or how to keep doing it well)"),
            Column("source", "choice", "which course text it comes from (see the domain notes)",
                   allowed=("R", "S")),
        ),
    ),
    "04_satisfaction_formula": Dataset(
        "04_satisfaction_formula", "survey.csv",
        "an invented service survey modelled on the steel supplier's case: each customer rates ten statements twice (1-7), "
        "what they expect and what they get",
        (
            Column("respondent_id", "text", "respondent number, e.g. R0001", unique=True),
            Column("date", "date", "day the survey was answered"),
            Column("branch", "choice", "branch that serves the customer",
                   allowed=("North", "South", "East", "West")),
            Column("segment", "choice", "kind of customer",
                   allowed=("end user", "wholesaler", "retail shop")),
            *(Column(f"{dimension}_{n}_{side}", "int",
                     f"{side} rating of {dimension} statement {n} (1 = very low, 7 = very high)",
                     minimum=1, maximum=7)
              for dimension in ("tangibles", "reliability", "responsiveness", "assurance",
                                "empathy")
              for n in (1, 2) for side in ("expected", "perceived")),
        ),
    ),
    "05_nps": Dataset(
        "05_nps", "survey.csv",
        "one year of answers to 'How likely are you to recommend us?' from five shops",
        (
            Column("respondent_id", "text", "respondent number, e.g. R00001", unique=True),
            Column("branch", "text", "the shop the answer is about"),
            Column("channel", "text", "how the customer dealt with us: in store, phone, web"),
            Column("date", "date", "day the customer answered"),
            Column("score", "int", "answer from 0 (not at all likely) to 10 (extremely "
                   "likely)", minimum=0, maximum=10, spaces=False),
            Column("comment", "text", "the customer's own words (often empty)",
                   required=False),
        ),
    ),
    "07_soco_self_assessment": Dataset(
        "07_soco_self_assessment", "answers.csv",
        "an invented sales team's anonymous self-assessment (the course's 24 statements, "
        "1 = never to 9 = always), before and after a training",
        (
            Column("respondent", "text", "anonymous form number within the data set, e.g. "
                   "B01 (before) or A01 (after); it cannot be traced to a person",
                   unique=True),
            Column("round", "choice", "before or after the training",
                   allowed=("before", "after")),
            *(Column(f"{side}{k:02d}", "int",
                     f"rating of {'customer' if side == 'c' else 'selling'}-oriented "
                     f"statement {side}{k:02d} (1 = never, 9 = always)",
                     minimum=1, maximum=9, spaces=False)
              for side in ("c", "s") for k in range(1, 13)),
        ),
    ),
    "08_listening_to_customers": Dataset(
        "08_listening_to_customers", "conversations.csv",
        "an invented five-by-five conversation log: five customers a day for five days, each "
        "asked what the firm should improve",
        (
            Column("date", "date", "day of the conversation"),
            Column("customer", "text", "who was asked (a name or a firm)"),
            Column("improve", "text", "what the customer said we should improve, in their words"),
            Column("theme", "choice", "what the improvement is about, for the tally",
                   allowed=("staff and manners", "waiting and speed", "stock and orders",
                            "prices and paying", "finding us and parking", "website and phone",
                            "invoices and accounting", "premises and display", "other")),
        ),
    ),
})
