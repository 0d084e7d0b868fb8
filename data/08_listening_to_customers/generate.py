"""Make ``conversations.csv``, the invented five-by-five conversation log for module 08.

The story: the owner of a wholesale building-materials firm follows the
texts' advice. For one working week (Monday 3 to Friday 7 March 2025) she
stands on the sales floor herself and asks five customers a day one
question, "What should we improve in the way we work with you?", and writes
down the answer in a spreadsheet: the date, who it was, what they said,
and a theme she picks afterwards.

What the log is built to show: waiting at the warehouse and at the till
comes up most often (7 of 25), then missing or wrong items in orders (5),
then the accounting department (4); one customer's wish fits no theme
("other"). The top three themes match three stages of the texts' wholesale
mystery-shop walk-through.

Everything is made up: the customers, their words and the firm. The
answers are written by hand below; the fixed seed only decides the order
in which the day's five customers were met, so running the script again
gives a byte-identical file::

    .venv/bin/python data/08_listening_to_customers/generate.py          # rewrite it
    .venv/bin/python data/08_listening_to_customers/generate.py other.csv
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

SEED = 808
OUT = Path(__file__).with_name("conversations.csv")
COLUMNS = ["date", "customer", "improve", "theme"]

#: Per day, the five conversations: (customer, what they said, theme).
DAYS = {
    "2025-03-03": [
        ("Roofing crew, Petrov", "I waited 40 minutes at the warehouse for six sheets of plywood",
         "waiting and speed"),
        ("Irina, kitchen fitter", "The invoice never matches the delivery note",
         "invoices and accounting"),
        ("Novak Builders", "Two of the ten boxes of tiles were missing again",
         "stock and orders"),
        ("Mr Ahmed, private", "Your staff spot on the car park is where I want to park",
         "finding us and parking"),
        ("Hillside Renovation", "Tell us when a truck is being unloaded, so we know to wait",
         "waiting and speed"),
    ],
    "2025-03-04": [
        ("Decor Plus shop", "The price tags on the floor are older than the website prices",
         "prices and paying"),
        ("Roofing crew, Petrov", "Open the warehouse at 7, we start work at 7:30",
         "waiting and speed"),
        ("Sofia, interior designer", "Nobody answers in accounting after 3 pm",
         "invoices and accounting"),
        ("Novak Builders", "When something is out of stock, call us before we drive here",
         "stock and orders"),
        ("Lake Street Hardware", "A coffee machine while we wait would be nice", "other"),
    ],
    "2025-03-05": [
        ("Green Gardens", "The queue at the till is too long at lunchtime", "waiting and speed"),
        ("Ivan, electrician", "Your website search cannot find cable by its size",
         "website and phone"),
        ("Hillside Renovation", "The order had the wrong colour of paint", "stock and orders"),
        ("Mrs Kovacs, private", "The man at the counter was short with me when I asked twice",
         "staff and manners"),
        ("Decor Plus shop", "Let us pay by card at the warehouse window too",
         "prices and paying"),
    ],
    "2025-03-06": [
        ("Builders' Co-op", "Loading takes too long: one forklift for everyone",
         "waiting and speed"),
        ("Irina, kitchen fitter", "A credit note took three calls to get",
         "invoices and accounting"),
        ("Ivan, electrician", "The sign to the warehouse is hidden behind the containers",
         "finding us and parking"),
        ("Lake Street Hardware", "Half the order was on back order and nobody said so",
         "stock and orders"),
        ("Mr Ahmed, private", "Staff chat among themselves while I wait to be served",
         "staff and manners"),
    ],
    "2025-03-07": [
        ("Green Gardens", "The warehouse says 'do not enter', so we stand outside in the rain",
         "waiting and speed"),
        ("Sofia, interior designer", "Accounting sends reminders for bills we already paid",
         "invoices and accounting"),
        ("Builders' Co-op", "Let the same person handle our orders every time",
         "staff and manners"),
        ("Novak Builders", "Give us a time slot to collect, so we do not queue",
         "waiting and speed"),
        ("Hillside Renovation", "Check the order before it is loaded, not after",
         "stock and orders"),
    ],
}


def rows() -> list[list[str]]:
    """Every conversation, a day's five in the order they were met (fixed seed)."""
    rng = random.Random(SEED)
    out = []
    for date, talks in DAYS.items():
        talks = list(talks)
        rng.shuffle(talks)
        out += [[date, customer, improve, theme] for customer, improve, theme in talks]
    return out


def main(path: Path = OUT) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows())
    return path


if __name__ == "__main__":
    print(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
