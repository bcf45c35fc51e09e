"""Write the "Glossary" sections of the READMEs from ``evalviz.glossary``.

The glossary table of README.md and of evalviz/course/README.md (the learners'
README) is generated: it lies between the two marker comments below and is
rewritten from ``evalviz.glossary.TERMS``, so it cannot drift from the
definitions ``evalviz.explain`` and the notebooks show. Run from the repository
root after editing a definition:

    python tools/make_glossary.py          # rewrite both READMEs
    python tools/make_glossary.py --check  # exit 1 if either is out of date

tests/test_glossary.py fails when a committed README differs from what this
script writes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(ROOT))

from evalviz.glossary import glossary  # noqa: E402

START = "<!-- glossary:start (written by tools/make_glossary.py; edit evalviz/glossary.py) -->"
END = "<!-- glossary:end -->"
READMES = (ROOT / "README.md", ROOT / "evalviz" / "course" / "README.md")


def section() -> str:
    """The generated glossary block.

    Returns
    -------
    str
        The start marker, the table of every term, the end marker.
    """
    return f"{START}\n\n{glossary().to_markdown()}\n{END}"


def render(text: str, *, name: str = "README") -> str:
    """``text`` with its glossary block replaced by the generated one.

    Parameters
    ----------
    text : str
        A README holding the start and end markers once each.
    name : str, default="README"
        The file's name, for the error message.

    Returns
    -------
    str
        The same text with the block between the markers regenerated.

    Raises
    ------
    ValueError
        When the markers are missing or repeated.
    """
    if text.count(START) != 1 or text.count(END) != 1:
        raise ValueError(
            f"{name} must hold the two glossary markers once each, "
            f"{START!r} then {END!r}; add them under a '## Glossary' heading"
        )
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return head + section() + tail


def main(argv=None) -> int:
    """Rewrite (or with ``--check`` compare) the READMEs' glossary sections.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status: 1 when ``--check`` finds a stale README, else 0.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="report stale READMEs, write nothing"
    )
    args = parser.parse_args(argv)
    stale = []
    for path in READMES:
        text = path.read_text(encoding="utf-8")
        new = render(text, name=str(path.relative_to(ROOT)))
        if new != text:
            stale.append(path.relative_to(ROOT))
            if not args.check:
                path.write_text(new, encoding="utf-8")
    for path in stale:
        print(f"{'out of date' if args.check else 'rewrote'}: {path}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
