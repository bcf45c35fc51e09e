"""The course's glossary: one source for the READMEs and ``explain``'s words."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

import evalviz as ev
from evalviz.explainer import _explanation
from evalviz.glossary import (
    ALSO_CALLED,
    LEADS_TO,
    TERMS,
    Glossary,
    UnknownTermError,
    define,
    glossary,
)

ROOT = Path(__file__).resolve().parent.parent

# Every term the course promises to define (any of its names).
COURSE_TERMS = """score probability logit pre-activation softmax sigmoid argmax
threshold|positive class|confusion matrix|true positive|false positive|true negative
|false negative|accuracy|balanced accuracy|precision|recall|sensitivity
|true-positive rate|specificity|false-positive rate|F1|F-beta|support|prevalence
|one-vs-rest|one-vs-one|macro average|micro average|weighted average|ROC curve
|ROC AUC|partial AUC|precision-recall curve|average precision|top-k accuracy
|precision@k|exact match|subset accuracy|Hamming loss|multi-label|multi-class
|calibration|reliability diagram|expected calibration error|Brier score|log loss
|temperature scaling|confidence interval|Wilson interval|bootstrap|DeLong
|McNemar test|paired comparison|p-value|validation set|test set|logit axis
|expected cost|one-hot|element-wise accuracy|operating point|standard error
|Holm's correction|chance level|epoch|cross-entropy|decision-based|ranking-based
|margin of error|simulated|training set|sample|class|label|confidence"""


def _course_terms():
    text = COURSE_TERMS.replace("\n|", "|").replace("\n", " ")
    head, *rest = text.split("|")
    return head.split() + rest


def _load_tool():
    spec = importlib.util.spec_from_file_location(
        "make_glossary", ROOT / "tools" / "make_glossary.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("term", _course_terms())
def test_every_course_term_is_defined(term):
    assert len(define(term).split()) >= 4


def test_definitions_use_only_terms_defined_above():
    """Teaching order: no definition names a term (or its other names) that
    the glossary defines further down."""
    order = list(TERMS)
    late = []
    for i, term in enumerate(order):
        for later in order[i + 1 :]:
            for name in (later, *ALSO_CALLED.get(later, ())):
                flags = re.I if len(name) > 3 else 0  # TP, FP, AP: exact case
                pattern = r"(?<![\w-])" + re.escape(name) + r"(?![\w-])"
                if re.search(pattern, TERMS[term], flags):
                    late.append(f"{term!r} uses {name!r}, defined later")
    assert not late, "\n".join(late)


def test_definitions_are_one_to_three_sentences():
    for term, text in TERMS.items():
        assert text[0].isupper() and text.endswith("."), term
        sentences = re.split(r"(?<=[.?!])\s+(?=[A-Z0-9])", text)
        assert 1 <= len(sentences) <= 3, (term, sentences)


def test_every_other_name_leads_to_one_term():
    pairs = [(n, t) for t, names in ALSO_CALLED.items() for n in names]
    pairs += list(LEADS_TO.items())
    seen = {}
    for name, term in pairs:
        assert term in TERMS
        assert name.lower() not in {t.lower() for t in TERMS}, name
        assert seen.setdefault(name.lower(), term) == term, name
        assert define(name) == TERMS[term]
    assert define("negative") == TERMS["positive class"]
    assert define("logits") == TERMS["logit"]


def test_only_other_names_are_shown_as_also_called():
    shown = glossary(["positive class", "recall"]).to_frame()["also called"]
    assert shown.tolist() == ["", "sensitivity, true-positive rate, TPR"]


def test_define_ignores_case_hyphens_and_spacing():
    assert define("True Positive Rate") == define("recall") == define("TPR")
    assert define("  roc   auc ") == TERMS["ROC AUC"]
    assert define("one vs the rest") == TERMS["one-vs-rest"]
    assert define("Multiclass") == TERMS["multi-class"]


def test_unknown_term_names_the_closest_terms():
    with pytest.raises(UnknownTermError, match=r"term='recal'.*did you mean 'recall'"):
        define("recal")
    with pytest.raises(KeyError):
        define("specifity")
    with pytest.raises(ValueError, match="did you mean 'specificity'"):
        define("specifity")
    with pytest.raises(ValueError, match=r"'zebra' is not in the glossary \("):
        define("zebra")
    with pytest.raises(KeyError, match="did you mean 'ROC AUC' or 'ROC curve'"):
        define("roc")  # a word of longer names
    with pytest.raises(KeyError, match="did you mean 'Hamming loss'"):
        define("hamming")
    with pytest.raises(TypeError, match="term must be a string.*got int 3"):
        define(3)
    with pytest.raises(UnknownTermError, match="terms='presicion'"):
        glossary(["recall", "presicion"])


def test_terms_cannot_be_changed_by_a_caller():
    with pytest.raises(TypeError):
        TERMS["recall"] = "anything"


def test_glossary_keeps_the_order_asked_and_shows_each_term_once():
    g = glossary(["TPR", "precision", "recall", "FPR"])
    assert g.terms == ("recall", "precision", "false-positive rate")
    assert repr(g) == "Glossary(3 terms: recall, precision, false-positive rate)"
    assert glossary("AUC").terms == ("ROC AUC",)
    full = glossary()
    assert full.terms == tuple(TERMS) and len(full) == len(TERMS)
    assert "\n" not in repr(full)


def test_glossary_table_text_and_frame_hold_the_same_definitions():
    g = glossary(["recall", "F1", "epoch"])
    md = g._repr_markdown_()
    rows = md.splitlines()
    assert rows[:2] == ["| term | meaning |", "|---|---|"] and len(rows) == 5
    assert rows[2].startswith("| **recall** | " + TERMS["recall"])
    assert "Also called: sensitivity, true-positive rate, TPR." in rows[2]
    assert rows[4] == f"| **epoch** | {TERMS['epoch']} |"
    text = str(g)
    assert text.splitlines()[0].startswith("recall: Of the samples of a class")
    assert " ".join(text.split()).count(" ".join(TERMS["F1"].split())) == 1
    frame = g.to_frame()
    assert list(frame.index) == ["recall", "F1", "epoch"]
    assert list(frame.columns) == ["definition", "also called"]
    assert frame.loc["F1", "definition"] == TERMS["F1"]
    assert frame.loc["epoch", "also called"] == ""


def test_markdown_cells_escape_pipes():
    g = Glossary(["precision"])
    assert g.to_markdown().count("|") == 6 + 3


def test_explain_words_used_come_from_the_glossary():
    """``explain``'s "Words used" quotes the glossary; no copy of its own."""
    assert not hasattr(_explanation, "_GLOSSARY")
    e = ev.explain(
        [0, 0, 1, 1, 2, 2],
        [[0.7, 0.2, 0.1]] * 2 + [[0.2, 0.6, 0.2]] * 2 + [[0.1, 0.3, 0.6]] * 2,
    )
    md = e._repr_markdown_()
    words = md.split("### Words used\n", 1)[1].strip().splitlines()
    expected = [f"- **{t}**: {m}" for t, m in glossary(_explanation._WORDS).items()]
    assert words == expected and len(words) == len(_explanation._WORDS) >= 10
    flat = " ".join(str(e).split("WORDS USED", 1)[1].split())
    for term in _explanation._WORDS:
        assert " ".join(TERMS[term].split()) in flat


def test_committed_readmes_equal_what_the_tool_writes():
    tool = _load_tool()
    for path in tool.READMES:
        text = path.read_text(encoding="utf-8")
        assert tool.render(text) == text, f"run python tools/make_glossary.py ({path})"
        block = text.split(tool.START, 1)[1].split(tool.END, 1)[0]
        for term in TERMS:
            assert f"| **{term}** | {TERMS[term]}" in block
        before = text.split(tool.START, 1)[0]
        assert before.rstrip().rsplit("\n## ", 1)[1].startswith("Glossary")


def test_the_tool_rewrites_a_stale_section_and_needs_its_markers():
    tool = _load_tool()
    stale = f"# x\n\n## Glossary\n\n{tool.START}\nSTALE TABLE\n{tool.END}\n\n## Next\n"
    new = tool.render(stale)
    assert "STALE TABLE" not in new and new.endswith(f"{tool.END}\n\n## Next\n")
    assert tool.render(new) == new
    assert glossary().to_markdown() in new
    with pytest.raises(ValueError, match="glossary markers"):
        tool.render("# no markers\n")


def test_the_tool_check_mode_passes_on_the_committed_readmes():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_glossary.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_glossary_stays_light():
    code = (
        "import sys, evalviz.glossary as g; g.define('recall'); "
        "print(sorted(m for m in ('pandas', 'numpy', 'matplotlib') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.strip() == "[]"
