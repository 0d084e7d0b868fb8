"""Tests for ccexercise.cards.printing and ``ccexercise cards``: the A4 PDFs of card decks.

Page counts and positions are worked out by hand from A4 (210 x 297 mm)
and the card sizes; pages are read back with poppler (``pdfinfo``,
``pdftotext -bbox``, ``pdftoppm``) to check what a printer would get.
"""

import math
import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from ccexercise.cards import KINDS, Card, CardError, Deck, load_deck
from ccexercise.cards.printing import deck_pdf, layout_for, print_problems, write_deck_pdf
from ccexercise.cli import main

MM_PER_PT = 25.4 / 72


@pytest.fixture(scope="module", autouse=True)
def poppler():
    """Skip, or with CI=true fail, when poppler-utils is missing."""
    if not all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext", "pdftoppm")):
        message = ("poppler-utils (pdfinfo, pdftotext, pdftoppm) is not installed: "
                   "run tools/system-deps.sh or apt-get install poppler-utils")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: a skipped PDF test is a failure here)")
        pytest.skip(message)


@pytest.fixture(scope="module")
def dislike_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "dislike.pdf"
    write_deck_pdf(load_deck("dislike"), path)
    return path


def pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def page_text(path, page) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path),
                           "-"], capture_output=True, text=True, check=True).stdout


def words(path, page) -> list[tuple[str, float, float]]:
    """(word, x, y) in mm of every word on a page, from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path),
                          "-"], capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)
    return [(unescape(w), float(x) * MM_PER_PT, float(y) * MM_PER_PT) for x, y, w in found]


def render(path, page, dpi=72) -> np.ndarray:
    """The page as a grey image (0 = black, 255 = white)."""
    prefix = Path(path).with_suffix("")
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(path), str(prefix)], check=True)
    return np.asarray(Image.open(f"{prefix}.pgm"))


class TestLayout:
    def test_big_cards_by_hand(self):
        """Dislike cards: 2 x 2 of 95 x 138 mm, centred: 10 mm and 10.5 mm margins."""
        layout = layout_for("dislike")
        assert layout.per_page == 4
        assert layout.box(0) == (10.0, 10.5, 95.0, 138.0)
        assert layout.box(3) == (105.0, 148.5, 95.0, 138.0)

    def test_backs_mirror_columns(self):
        """The back of the top-left card goes top right, so duplex puts it behind its front."""
        layout = layout_for("dislike")
        assert layout.box(0, back=True) == (105.0, 10.5, 95.0, 138.0)
        assert layout.box(2, back=True) == (105.0, 148.5, 95.0, 138.0)

    def test_small_cards_by_hand(self):
        """Other games: 2 x 4 cards of 95 x 69 mm (top margin (297 - 276) / 2)."""
        layout = layout_for("yes_and")
        assert (layout.per_page, layout.box(7)) == (8, (105.0, 217.5, 95.0, 69.0))

    def test_unknown_kind(self):
        """An unknown kind is refused."""
        with pytest.raises(ValueError, match="^kind must be one of dislike"):
            layout_for("joke")


class TestPages:
    def test_page_count_dislike(self, dislike_pdf):
        """34 cards at 4 a page: 9 sheets, each a front page and a back page = 18 pages."""
        assert pages(dislike_pdf) == 2 * math.ceil(34 / 4) == 18

    def test_page_count_fronts_only(self, tmp_path):
        """Yes-and has no backs: 26 cards at 8 a page = 4 pages."""
        path = write_deck_pdf(load_deck("yes_and"), tmp_path / "y.pdf")
        assert pages(path) == math.ceil(26 / 8) == 4

    def test_cards_per_page(self, dislike_pdf):
        """Page 1 holds the fronts of D01-D04, page 2 their backs; page 17 only D33, D34."""
        ids = [c.id for c in load_deck("dislike")]
        for page, expected in ((1, ids[0:4]), (2, ids[0:4]), (17, ids[32:34]),
                               (18, ids[32:34])):
            found = sorted(set(re.findall(r"\bD\d\d\b", page_text(dislike_pdf, page))))
            assert found == sorted(expected), page

    def test_front_has_no_hidden_reason(self, dislike_pdf):
        """No front page holds any card's hidden reason; its back page does."""
        deck = load_deck("dislike")
        front = " ".join(page_text(dislike_pdf, 1).split())
        back = " ".join(page_text(dislike_pdf, 2).split())
        for card in deck.cards[:4]:
            first_words = " ".join(card.hidden_reason.split()[:4])
            assert first_words not in front
            assert first_words in back

    def test_fronts_hold_no_key_word_of_the_reason(self, dislike_pdf):
        """On every printed front, the words inside a card's box share no key word with its
        reason, bar the setting's and the customer's (the deck check's rule)."""
        from ccexercise.cards import key_words

        deck = load_deck("dislike")
        layout = layout_for("dislike")
        for sheet in range(math.ceil(len(deck) / 4)):
            on_page = words(dislike_pdf, 2 * sheet + 1)
            for slot, card in enumerate(deck.cards[4 * sheet:4 * sheet + 4]):
                x0, y0, w, h = layout.box(slot)
                text = " ".join(word for word, x, y in on_page
                                if x0 <= x < x0 + w and y0 <= y < y0 + h)
                assert card.id in text.split()
                context = key_words(card.setting) | key_words(card.persona)
                leaked = (key_words(text) & key_words(card.hidden_reason)) - context
                assert not leaked, (card.id, sorted(leaked))

    def test_duplex_alignment(self, dislike_pdf):
        """The back of card k sits behind its front: same row, mirrored column, same inset."""
        layout = layout_for("dislike")
        for sheet in range(9):
            front_words = words(dislike_pdf, 2 * sheet + 1)
            back_words = words(dislike_pdf, 2 * sheet + 2)
            for slot in range(4):
                card_id = f"D{4 * sheet + slot + 1:02d}"
                if int(card_id[1:]) > 34:
                    break
                ((fx, fy),) = [(x, y) for w, x, y in front_words if w == card_id]
                ((bx, by),) = [(x, y) for w, x, y in back_words if w == card_id]
                x0, y0, _w, _h = layout.box(slot)
                bx0, by0, _w, _h = layout.box(slot, back=True)
                # On paper the back page is flipped about the vertical axis.
                assert 210 - (bx0 + 95) == pytest.approx(x0)
                assert by0 == y0
                assert fy - y0 == pytest.approx(by - by0, abs=0.5)
                assert fx > x0 and bx > bx0
                assert bx - bx0 == pytest.approx(5.0, abs=0.5)  # the back's header starts it


def max_card(kind, card_id="MAX1", word="customer"):
    """A card with every field as long as the checker allows, in ordinary words."""
    def text(n):
        return (f"{word} " * n)[:n].strip().ljust(n, "x")
    values = {"id": card_id}
    for f in kind.fields:
        if f.allowed:
            values[f.name] = max(f.allowed, key=len)
        elif f.many:
            values[f.name] = tuple(text(f.max_chars // f.max_items) for _ in range(f.max_items))
        else:
            values[f.name] = text(f.max_chars)
    return Card(kind.name, values)


class TestNoOverflow:
    @pytest.mark.parametrize("word", ["customer", "manager", "клиент ждёт"])
    @pytest.mark.parametrize("kind", list(KINDS))
    def test_longest_allowed_card_fits(self, kind, word):
        """A card of ordinary words at every length limit fits when printed.

        (The length limits are the first check; print_problems measures the
        real text, so unusually wide text is still caught before printing.)
        """
        deck = Deck("max", kind, (max_card(KINDS[kind], word=word),))
        assert print_problems(deck) == []

    def test_too_long_card_reported_not_clipped(self):
        """A card longer than the page is reported with its id, and no PDF is made."""
        card = max_card(KINDS["dislike"], word="Overlong")
        values = dict(card.values, hidden_reason="word " * 150)
        deck = Deck("bad", "dislike", (Card("dislike", values, source="mine.csv, line 7"),))
        with pytest.raises(CardError) as caught:
            deck_pdf(deck)
        (problem,) = caught.value.problems
        assert (problem.file, problem.line, problem.card) == ("mine.csv", 7, "MAX1")
        assert problem.reason.startswith("the back does not fit on a printed card: its text "
                                         "needs ")

    def test_nothing_drawn_outside_the_card_boxes(self, tmp_path):
        """Rendered pages: ink only inside the card boxes' text areas, on borders, and on marks.

        Cards at their length limits, one with a 150-letter word, and the
        built-in deck are printed; on each page, everything outside the card
        boxes (bar the cut marks on the grid lines) and the 1-4 mm band inside
        each card's border must be white.
        """
        kind = KINDS["dislike"]
        long_word = max_card(kind, "LONG")
        values = dict(long_word.values, persona="W" * 150)
        cards = (max_card(kind, "MAX1"), Card("dislike", values),
                 max_card(kind, "MAX2", word="клиент ждёт"),
                 *load_deck("dislike").cards[:5])
        path = write_deck_pdf(Deck("stress", "dislike", cards), tmp_path / "stress.pdf")
        layout = layout_for("dislike")
        dpi = 72
        px = dpi / 25.4  # pixels per mm
        for page in range(1, pages(path) + 1):
            image = render(path, page, dpi)
            ink = image < 200
            allowed = np.zeros_like(ink)
            for slot in range(4):
                x, y, w, h = layout.box(slot)
                allowed[int((y - 0.5) * px):int((y + h + 0.5) * px) + 1,
                        int((x - 0.5) * px):int((x + w + 0.5) * px) + 1] = True
            # Cut marks: short lines just outside the grid, on its grid lines.
            for c in range(3):
                gx = 10 + 95 * c
                allowed[:, int((gx - 0.7) * px):int((gx + 0.7) * px) + 1] |= True
            for r in range(3):
                gy = 10.5 + 138 * r
                allowed[int((gy - 0.7) * px):int((gy + 0.7) * px) + 1, :] |= True
            assert not (ink & ~allowed).any(), f"page {page}: ink outside the card boxes"
            for slot in range(4):
                x, y, w, h = layout.box(slot)
                inner = np.zeros_like(ink)
                inner[int((y + 1) * px):int((y + h - 1) * px),
                      int((x + 1) * px):int((x + w - 1) * px)] = True
                text_area = np.zeros_like(ink)
                text_area[int((y + 4) * px):int((y + h - 4) * px) + 1,
                          int((x + 4) * px):int((x + w - 4) * px) + 1] = True
                band = inner & ~text_area
                assert not (ink & band).any(), f"page {page}, card {slot}: text past its margin"
            assert ink.any()  # the page is not blank

    def test_any_alphabet_prints(self, tmp_path):
        """Greek and Cyrillic text comes back out of the PDF unchanged (the font covers it)."""
        kind = KINDS["yes_and"]
        card = Card("yes_and", {"id": "U1", "title": "Застряли в лифте",
                                "situation": "Ελληνικά: κολλήσαμε στο ασανσέρ.",
                                "first_line": "Да, и ..."})
        path = write_deck_pdf(Deck("u", kind.name, (card,)), tmp_path / "u.pdf")
        text = page_text(path, 1)
        assert "Застряли в лифте" in text and "Ελληνικά" in text


class TestCommand:
    def test_print_builtin(self, tmp_path, capsys):
        """`ccexercise cards print professions --out F` writes the PDF and says so."""
        out = tmp_path / "prof.pdf"
        assert main(["cards", "print", "professions", "--out", str(out)]) == 0
        assert pages(out) == math.ceil(18 / 8)
        assert f"wrote {out} (18 cards)" in capsys.readouterr().out

    def test_five_mistakes_all_reported_and_nothing_printed(self, tmp_path, capsys):
        """A trainer's CSV with five different mistakes gets all five, and no PDF."""
        path = tmp_path / "mine.csv"
        path.write_text(
            "id,title,situation,first_line\n"
            "Y1,Lift,,Yes and\n"                           # 1: empty situation
            "Y1,Forest,Lost in a forest,Yes and\n"         # 2: repeated id
            "Y 3,Island,On an island,Yes and\n"            # 3: bad id
            f"Y4,{'t' * 60},On a boat,Yes and\n"           # 4: title too long
            "Y5,Hostage,Pirates,Yes and,extra\n",          # 5: a stray comma
            encoding="utf-8")
        out = tmp_path / "mine.pdf"
        assert main(["cards", "print", str(path), "--out", str(out)]) == 1
        err = capsys.readouterr().err
        assert f"{path}: 5 problems; nothing was printed" in err
        for line, field in ((2, "situation"), (3, "id"), (4, "id"), (5, "title")):
            assert re.search(fr"line {line}, card '[^']*', field '{field}'", err)
        assert "line 6, card 'Y5': has 5 cells" in err
        assert not out.exists()

    def test_check(self, capsys):
        """`ccexercise cards check dislike` reports a clean deck."""
        assert main(["cards", "check", "dislike"]) == 0
        assert "dislike: 34 cards, no problems" in capsys.readouterr().out

    def test_unknown_deck(self, capsys):
        """An unknown deck name is a clear error, exit status 2."""
        assert main(["cards", "check", "jokes"]) == 2
        assert "deck must be a built-in deck" in capsys.readouterr().err
