"""The course's shape: sizes a learner can read, an opening, an ending.

Every markdown cell is at most 200 words; notebook 04 is under 1,800; every
notebook opens with what the learner will be able to do and how long it takes;
the seed notebooks open with a short answer rendered from code (so its numbers
are this page's) and end with takeaways.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

COURSE = Path(__file__).resolve().parents[1] / "evalviz" / "course"
NOTEBOOKS = sorted(COURSE.glob("[0-9][0-9]_*.ipynb"))
SEED_NOTEBOOKS = ("01", "02", "03", "04", "05", "06", "07")
MAX_CELL_WORDS = 200
MAX_WORDS = {"04": 1800}


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _words(cell):
    return len(re.findall(r"\S+", "".join(cell["source"])))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_no_markdown_cell_over_200_words(path):
    long = [
        (i, _words(c))
        for i, c in enumerate(_cells(path))
        if c["cell_type"] == "markdown" and _words(c) > MAX_CELL_WORDS
    ]
    assert long == [], f"cells (index, words) over {MAX_CELL_WORDS} words: {long}"


@pytest.mark.parametrize("number", sorted(MAX_WORDS))
def test_notebook_word_budget(number):
    (path,) = COURSE.glob(f"{number}_*.ipynb")
    words = sum(_words(c) for c in _cells(path) if c["cell_type"] == "markdown")
    assert words < MAX_WORDS[number]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_opens_with_goals_and_time(path):
    first = _cells(path)[0]
    text = "".join(first["source"])
    assert first["cell_type"] == "markdown"
    assert "header" in first["metadata"].get("tags", [])
    assert "After this notebook you can" in text
    assert re.search(r"\*\*Time:\*\* about \d+(–\d+)? minutes", text), text[-300:]


def _heading_index(cells, heading):
    for i, c in enumerate(cells):
        if c["cell_type"] == "markdown" and re.search(
            rf"^#+ {heading}\s*$", "".join(c["source"]), re.M
        ):
            return i
    return None


@pytest.mark.parametrize("number", SEED_NOTEBOOKS)
def test_seed_notebook_opens_with_the_short_answer_rendered_from_code(number):
    (path,) = COURSE.glob(f"{number}_*.ipynb")
    cells = _cells(path)
    i = _heading_index(cells, "The short answer")
    assert i is not None and i <= 3, "no '## The short answer' near the top"
    shown = []
    for c in cells[i + 1 :]:
        if c["cell_type"] == "markdown" and "".join(c["source"]).lstrip().startswith(
            "#"
        ):
            break  # the next section: the short answer must come before it
        outputs = c.get("outputs", []) if c["cell_type"] == "code" else []
        shown += [o for o in outputs if "text/markdown" in o.get("data", {})]
    assert shown, "the short answer is not rendered from code"
    text = "".join(shown[0]["data"]["text/markdown"])
    assert re.search(r"\d\.\d{2}", text), "the short answer states no number"


@pytest.mark.parametrize("number", SEED_NOTEBOOKS)
def test_seed_notebook_ends_with_takeaways(number):
    (path,) = COURSE.glob(f"{number}_*.ipynb")
    cells = _cells(path)
    i = _heading_index(cells, "Takeaways")
    assert i is not None, "no '## Takeaways'"
    rest = json.dumps(cells[i:])
    assert re.search(r"\d\.\d{2}", rest), "the takeaways state no number"


def test_start_here_lists_every_notebook():
    (start,) = COURSE.glob("00_*.ipynb")
    text = json.dumps(_cells(start))
    missing = [p.stem for p in NOTEBOOKS if f"`{p.stem}`" not in text]
    assert missing == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_no_internal_jargon_in_the_text(path):
    # Learners never saw the project's list of source questions: no "seed 001".
    text = "\n".join(
        "".join(c["source"]) for c in _cells(path) if c["cell_type"] == "markdown"
    )
    found = re.findall(
        r"\bseed\s+\d{3}\b|\bseed\s+(?:lab|question|post)s?\b", text, re.I
    )
    assert found == []
