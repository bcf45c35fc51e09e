"""evalviz.conventions: the scikit-learn column against scikit-learn itself,
the Keras and torchmetrics rules on hand-checked examples, and the display.

The comparison with the real Keras and torchmetrics lives in test_parity.py.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from convention_cases import KINDS, cases
from sklearn import metrics as skm

from evalviz import conventions, metrics
from evalviz.conventions import calls, compare, input_kind, keras_auc
from evalviz.multilabel import CellCountsDisplay, MultilabelThresholdDisplay

N_CASES = 200


# ---------------------------------------------------------------------------
# scikit-learn column == scikit-learn with its defaults
# ---------------------------------------------------------------------------


def _sk(fn, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return fn(*args)
        except ValueError as exc:
            return exc


def sklearn_values(kind, y_true, y_score, threshold):
    s = np.asarray(y_score, dtype=np.float64)
    if kind == "binary":
        y, pred, auc_score, topk_score = y_true, (s > threshold).astype(int), s, s
    elif kind == "multiclass":
        y, pred, auc_score, topk_score = y_true, s.argmax(axis=1), s, s
    elif kind == "one-hot":
        # The real calls, two-column scores included (scikit-learn refuses
        # those for AUC and top-k).
        y, pred = y_true.argmax(axis=1), s.argmax(axis=1)
        auc_score = topk_score = s
    else:
        y, pred, auc_score, topk_score = y_true, (s > threshold).astype(int), s, s
    return {
        "accuracy": _sk(skm.accuracy_score, y, pred),
        "precision": _sk(skm.precision_score, y, pred),
        "recall": _sk(skm.recall_score, y, pred),
        "F1": _sk(skm.f1_score, y, pred),
        "AUC": _sk(skm.roc_auc_score, y, auc_score),
        "top-k": _sk(skm.top_k_accuracy_score, y, topk_score),
    }


#: The metrics scikit-learn refuses (raises for) on at least one case of each kind.
SKLEARN_REFUSES = {
    "binary": set(),
    "multiclass": {"precision", "AUC"},
    "one-hot": {"AUC", "top-k"},
    "multilabel": {"precision", "recall", "F1", "top-k"},
}


@pytest.mark.parametrize("kind", KINDS)
def test_sklearn_column_matches_sklearn(kind):
    seen_errors = set()
    for y_true, y_score, threshold in cases(kind, N_CASES, seed=5):
        table = compare(y_true, y_score, threshold=threshold)
        assert table.kind == kind
        for name, want in sklearn_values(kind, y_true, y_score, threshold).items():
            got = table.loc[name, "sklearn"]
            if isinstance(want, Exception):
                assert isinstance(got, str) and got.startswith("error:"), (
                    name,
                    want,
                    got,
                )
                seen_errors.add(name)
            else:
                assert not isinstance(got, str), (name, want, got)
                assert got == pytest.approx(want, abs=1e-12, nan_ok=True), (name, kind)
    assert SKLEARN_REFUSES[kind] <= seen_errors


def _sklearn_error(fn, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ValueError) as info:
            fn(*args)
    return str(info.value)


@pytest.mark.parametrize("seed", range(20))
def test_two_softmax_columns_sklearn_auc_and_top_k_are_errors(seed):
    """scikit-learn refuses 0/1 labels with (n, 2) scores; compare says so."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(4, 300))
    y = rng.integers(0, 2, n)
    y[:2] = [0, 1]
    p1 = rng.random(n).astype(np.float32)
    score = np.stack([1 - p1, p1], axis=1)
    table = compare(np.eye(2, dtype=int)[y], score)
    auc_msg = _sklearn_error(skm.roc_auc_score, y, score)
    assert "1d array" in auc_msg
    assert table.loc["AUC", "sklearn"].startswith("error: y should be a 1d array")
    topk_msg = _sklearn_error(skm.top_k_accuracy_score, y, score)
    assert "binary while y_score is 2d with 2 classes" in topk_msg
    assert table.loc["top-k", "sklearn"].startswith("error:")
    # The fix the cell names gives scikit-learn's number, which torchmetrics
    # (exact one-vs-rest AUC, macro over the two columns) also reports.
    assert "y_score[:, 1]" in table.loc["AUC", "sklearn"]
    fixed = skm.roc_auc_score(y, score[:, 1])
    assert table.loc["AUC", "torchmetrics"] == pytest.approx(fixed, abs=1e-9)
    assert compare(y, score[:, 1]).loc["AUC", "sklearn"] == pytest.approx(fixed)


def test_two_softmax_columns_one_class_gives_nan_auc_like_sklearn():
    score = np.array([[0.2, 0.8], [0.6, 0.4], [0.3, 0.7]], dtype=np.float32)
    y = np.array([1, 1, 1])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert np.isnan(skm.roc_auc_score(y, score))
    table = compare(np.eye(2, dtype=int)[y], score)
    assert np.isnan(table.loc["AUC", "sklearn"])
    assert table.loc["top-k", "sklearn"].startswith("error:")


# ---------------------------------------------------------------------------
# The seeds
# ---------------------------------------------------------------------------

DEMO_TRUE = np.array([[0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0], [1, 0, 1]])
DEMO_PRED = np.array([[1, 0, 0], [1, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 1]])


def test_multilabel_demo_arrays_give_60_and_66_7():
    table = compare(DEMO_TRUE, DEMO_PRED.astype(float))
    assert table.kind == "multilabel"
    assert table.loc["accuracy", "sklearn"] == pytest.approx(0.6)
    assert table.loc["accuracy", "torchmetrics"] == pytest.approx(10 / 15)
    # Keras 3 'accuracy' -> CategoricalAccuracy: argmax rows 1,0,0,0,0 vs 0,0,0,0,0.
    assert table.loc["accuracy", "keras"] == pytest.approx(0.8)
    assert table.loc["precision", "sklearn"].startswith("error:")
    # 3 true positives, 1 false positive, 4 false negatives over the 15 cells.
    assert table.loc["precision", "keras"] == pytest.approx(3 / 4)
    assert table.loc["recall", "keras"] == pytest.approx(3 / 7)


def test_two_softmax_columns_make_precision_recall_accuracy_equal():
    y = np.array([0, 0, 0, 1, 1, 1, 1, 0, 1, 0])
    p1 = np.array([0.1, 0.2, 0.7, 0.9, 0.8, 0.4, 0.6, 0.3, 0.55, 0.65])
    score = np.stack([1 - p1, p1], axis=1)
    table = compare(np.eye(2, dtype=int)[y], score)
    assert table.kind == "one-hot"
    acc = np.mean((p1 > 0.5) == y)
    for name in ("accuracy", "precision", "recall"):
        assert table.loc[name, "keras"] == pytest.approx(acc)
        assert table.loc[name, "torchmetrics"] == pytest.approx(acc)
    pred = (p1 > 0.5).astype(int)
    assert table.loc["precision", "sklearn"] == pytest.approx(
        skm.precision_score(y, pred)
    )
    assert table.loc["recall", "sklearn"] == pytest.approx(skm.recall_score(y, pred))
    assert table.loc["precision", "sklearn"] != pytest.approx(
        table.loc["recall", "sklearn"]
    )


# ---------------------------------------------------------------------------
# Keras and torchmetrics rules on small examples
# ---------------------------------------------------------------------------


def test_keras_auc_known_value_and_close_to_exact():
    y = np.array([0, 0, 1, 1])
    s = np.array([0.1, 0.4, 0.35, 0.8])
    # Exact AUC 0.75; no two scores share a 1/199-wide bin, so Keras agrees.
    assert keras_auc(y, s) == pytest.approx(0.75, abs=1e-12)
    # Two scores in the same bin tie for Keras but not for the exact AUC.
    s2 = np.array([0.1, 0.401, 0.402, 0.8])
    assert skm.roc_auc_score(y, s2) == pytest.approx(1.0)
    assert keras_auc(y, s2) == pytest.approx(0.875)
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 5000)
    s = np.clip(rng.normal(0.4 + 0.2 * y, 0.2), 0, 1)
    assert abs(keras_auc(y, s) - skm.roc_auc_score(y, s)) < 2e-3


def test_keras_auc_pools_cells_and_clips():
    y = np.array([[1, 0], [0, 1], [1, 1]])
    s = np.array([[0.9, 0.2], [0.3, 0.7], [0.6, 0.1]])
    assert keras_auc(y, s) == pytest.approx(skm.roc_auc_score(y.ravel(), s.ravel()))
    labels = np.array([0, 2, 1])
    probs = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.5, 0.3]])
    assert keras_auc(labels, probs) == pytest.approx(
        skm.roc_auc_score(np.eye(3)[labels].ravel(), probs.ravel())
    )
    # Logits are clipped to [0, 1]: everything above 1 ties at the top.
    logits = np.array([-2.0, 3.0, 5.0, 4.0])
    assert keras_auc(np.array([0, 0, 1, 1]), logits) == pytest.approx(0.75)
    with pytest.raises(ValueError, match="num_thresholds"):
        keras_auc(np.array([0, 1]), np.array([0.2, 0.6]), num_thresholds=2)


def test_keras_f1_default_marks_every_sample_with_one_output():
    y = np.array([1, 0, 0, 1, 0, 0])
    s = np.array([0.9, 0.1, 0.2, 0.8, 0.3, 0.6])
    f1 = compare(y, s).loc["F1", "keras"]
    assert isinstance(f1, np.ndarray) and f1.shape == (1,)
    assert f1[0] == pytest.approx(2 * 2 / (2 * 2 + 4), abs=1e-6)


def test_keras_top_k_needs_five_columns_and_counts_ties():
    y = np.array([0, 1, 2, 3, 4, 5])
    s = np.full((6, 6), 0.1)
    s[np.arange(6), (y + 1) % 6] = 0.5
    table = compare(y, s)
    # Every true class ties at 0.1 with four others: in_top_k counts that as a hit.
    assert table.loc["top-k", "keras"] == pytest.approx(1.0)
    assert table.loc["top-k", "torchmetrics"] == pytest.approx(0.0)
    small = compare(np.array([0, 1, 2, 0]), np.eye(3)[[0, 1, 2, 1]] * 0.8 + 0.1)
    assert small.loc["top-k", "keras"].startswith("error: k=5")


def test_torchmetrics_applies_sigmoid_to_logits():
    y = np.array([0, 1, 1, 0, 1])
    logits = np.array([-1.0, 0.2, 2.0, 0.3, -0.1])
    table = compare(y, logits)
    # torchmetrics: sigmoid(logit) > 0.5  <=>  logit > 0.
    assert table.loc["accuracy", "torchmetrics"] == pytest.approx(3 / 5)
    # Keras and scikit-learn cut the raw logits at 0.5.
    assert table.loc["accuracy", "keras"] == pytest.approx(3 / 5)
    assert table.loc["recall", "keras"] == pytest.approx(1 / 3)
    assert table.loc["recall", "torchmetrics"] == pytest.approx(2 / 3)
    assert "sigmoid" in table.notes["torchmetrics"]


def test_torchmetrics_auroc_counts_a_class_without_positives_as_zero():
    y = np.array([0, 1, 0, 1, 0, 1])
    s = np.array(
        [[0.6, 0.3, 0.1], [0.2, 0.7, 0.1], [0.5, 0.2, 0.3]] * 2
    )  # class 2 never true
    table = compare(y, s)
    per_class = [skm.roc_auc_score(y == j, s[:, j]) for j in (0, 1)]
    assert table.loc["AUC", "torchmetrics"] == pytest.approx(sum(per_class) / 3)
    assert table.loc["AUC", "sklearn"].startswith("error:")
    assert table.loc["top-k", "sklearn"].startswith("error:")


def test_multiclass_micro_metrics_equal_accuracy_in_torchmetrics():
    rng = np.random.default_rng(2)
    y = rng.integers(0, 5, 300)
    s = rng.dirichlet(np.ones(5), 300)
    table = compare(y, s)
    acc = np.mean(s.argmax(axis=1) == y)
    for name in ("accuracy", "precision", "recall", "F1", "top-k"):
        assert table.loc[name, "torchmetrics"] == pytest.approx(acc)
    assert table.loc["top-k", "sklearn"] == pytest.approx(
        skm.top_k_accuracy_score(y, s, k=2)
    )


# ---------------------------------------------------------------------------
# Input handling and display
# ---------------------------------------------------------------------------


def test_input_kind():
    assert input_kind([0, 1, 1], [0.2, 0.4, 0.9])[0] == "binary"
    assert input_kind([0, 2, 1], np.eye(3))[0] == "multiclass"
    assert input_kind(np.eye(3, dtype=int), np.eye(3) * 0.7 + 0.1)[0] == "one-hot"
    # One-hot labels with scores that are not probability rows: multi-label.
    assert input_kind(np.eye(3, dtype=int), np.eye(3) * 0.9)[0] == "multilabel"
    assert input_kind(DEMO_TRUE, DEMO_PRED * 1.0)[0] == "multilabel"


def test_bad_threshold_and_shapes_raise_clear_errors():
    with pytest.raises(ValueError, match="threshold must lie in"):
        compare([0, 1], [0.2, 0.8], threshold=1.5)
    with pytest.raises(ValueError, match="y_score"):
        compare([0, 1, 2], [0.2, 0.8, 0.4])
    with pytest.raises(ValueError, match="pos_label"):
        compare([1, 2, 2, 1], [0.2, 0.8, 0.6, 0.4])  # which of 1 and 2 is positive?
    with pytest.raises(ValueError, match="pos_label"):
        compare(["no", "yes", "yes"], [0.2, 0.8, 0.6])


def test_table_is_a_dataframe_with_every_metric_and_library():
    table = compare(DEMO_TRUE, DEMO_PRED * 0.9 + 0.05)
    assert isinstance(table, pd.DataFrame)
    assert list(table.index) == list(conventions.METRIC_NAMES)
    assert list(table.columns) == ["sklearn", "keras", "torchmetrics", "why"]
    assert all(isinstance(w, str) and len(w) > 20 for w in table["why"])
    # Slices are plain DataFrames / Series.
    assert type(table[["sklearn", "keras"]]) is pd.DataFrame
    assert table.threshold == 0.5
    assert "5 samples x 3 labels" in table.description


def test_text_and_html_show_the_cells_of_the_table():
    table = compare(DEMO_TRUE, DEMO_PRED * 0.9 + 0.05, threshold=0.4)
    # repr: one line with the numbers, no memory address.
    line = repr(table)
    assert "\n" not in line and "0x" not in line
    assert line == (
        "ComparisonTable(multi-label input, 5 samples x 3 labels, threshold 0.4; "
        "accuracy: sklearn 0.6000, keras 0.8000, torchmetrics 0.6667)"
    )
    # str (print): the whole table and the reasons.
    text = str(table)
    assert "threshold 0.4" in text
    assert "0.6000" in text and "0.6667" in text
    assert "per label: [" in text
    assert "why:" in text and "subset accuracy" in text
    shown = table.formatted()
    assert shown.loc["accuracy", "sklearn"] == "0.6000"
    # HTML: one row per metric, each cell the formatted text, in column order.
    import html as html_lib
    import re

    html_text = table._repr_html_()
    body = re.search(r"<tbody>(.*)</tbody>", html_text).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", body)
    assert len(rows) == len(conventions.METRIC_NAMES)
    for row, (name, want) in zip(rows, shown.iterrows(), strict=True):
        cells = [
            html_lib.unescape(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        ]
        assert cells == [name, *want[list(conventions.LIBRARIES)], want["why"]]
    assert "0x" not in html_text


def test_one_sample_reads_right():
    table = compare([1], [0.8])
    assert table.description == "binary input, 1 sample"


def test_calls_lists_the_library_calls():
    frame = calls("multilabel")
    assert (
        frame.loc["accuracy", "torchmetrics"]
        == "Accuracy(task='multilabel', num_labels=k)"
    )
    assert "argmax" in calls("one-hot").loc["accuracy", "sklearn"]
    assert calls("multiclass").map(len).max().max() <= 50
    assert compare([0, 1], [0.3, 0.6]).calls.loc["AUC", "keras"] == "AUC()"
    with pytest.raises(ValueError, match="kind="):
        calls("ranking")


def test_conventions_module_imports_no_frameworks():
    import subprocess
    import sys

    code = (
        "import sys, numpy as np; from evalviz.conventions import compare; "
        "compare([0, 1, 1], [0.2, 0.6, 0.9]); "
        "bad = [m for m in ('torch', 'keras', 'torchmetrics', 'matplotlib', "
        "'evalviz.multilabel', 'evalviz.curves', 'evalviz.confusion') "
        "if m in sys.modules]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


# ---------------------------------------------------------------------------
# Multi-label summaries
# ---------------------------------------------------------------------------


def _random_multilabel(seed, n=300, labels=6):
    rng = np.random.default_rng(seed)
    y = (rng.random((n, labels)) < rng.random(labels) * 0.5 + 0.05).astype(int)
    score = np.clip(
        0.6 * rng.random((n, labels)) + 0.4 * y * rng.random((n, labels)), 0, 1
    )
    if seed % 3 == 0:
        score = np.round(score, 1)  # ties, also at the thresholds
    return y, score


@pytest.mark.parametrize("seed", range(30))
def test_multilabel_summary_matches_sklearn(seed):
    y, score = _random_multilabel(seed)
    rng = np.random.default_rng(seed + 100)
    for threshold in (0.5, 0.3, rng.random(y.shape[1])):
        got = conventions.multilabel_summary(y, score, threshold=threshold)
        pred = (score > np.asarray(threshold)).astype(int)
        kw = dict(zero_division=0)
        assert got["exact_match"] == pytest.approx(skm.accuracy_score(y, pred))
        assert got["element_wise"] == pytest.approx(1 - skm.hamming_loss(y, pred))
        assert got["micro_precision"] == pytest.approx(
            skm.precision_score(y, pred, average="micro", **kw)
        )
        assert got["micro_recall"] == pytest.approx(
            skm.recall_score(y, pred, average="micro", **kw)
        )
        assert got["micro_F1"] == pytest.approx(
            skm.f1_score(y, pred, average="micro", **kw)
        )
        assert got["macro_F1"] == pytest.approx(
            skm.f1_score(y, pred, average="macro", **kw)
        )


def test_threshold_table_has_one_row_per_threshold():
    y, score = _random_multilabel(1)
    table = conventions.multilabel_threshold_table(y, score)
    assert list(table.index) == pytest.approx(
        [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
    )
    assert table.index.name == "threshold"
    assert list(table.columns) == [
        "exact_match",
        "element_wise",
        "micro_precision",
        "micro_recall",
        "micro_F1",
        "macro_F1",
    ]
    # Element-wise accuracy is never below exact-match accuracy.
    assert (table["element_wise"] >= table["exact_match"]).all()
    # Raising the threshold never raises micro recall.
    assert (np.diff(table["micro_recall"].to_numpy()) <= 1e-12).all()
    demo = conventions.multilabel_threshold_table(
        DEMO_TRUE, DEMO_PRED, thresholds=[0.5]
    )
    assert demo.loc[0.5, "exact_match"] == pytest.approx(0.6)
    assert demo.loc[0.5, "element_wise"] == pytest.approx(10 / 15)


def test_per_label_scores_match_sklearn():
    y, score = _random_multilabel(4)
    names = [f"L{j}" for j in range(y.shape[1])]
    frame = conventions.per_label_scores(y, score, threshold=0.4, display_labels=names)
    pred = (score > 0.4).astype(int)
    np.testing.assert_allclose(
        frame["F1"], skm.f1_score(y, pred, average=None, zero_division=0)
    )
    np.testing.assert_allclose(
        frame["precision"], skm.precision_score(y, pred, average=None, zero_division=0)
    )
    assert list(frame.index) == names
    assert frame["support"].tolist() == y.sum(axis=0).tolist()
    with pytest.raises(ValueError, match="names"):
        conventions.per_label_scores(y, score, display_labels=["a"])


def test_per_label_thresholds_maximise_each_label():
    y, score = _random_multilabel(7, n=500)
    grid = np.round(np.arange(1, 20) * 0.05, 2)
    chosen = conventions.per_label_thresholds(y, score)
    assert chosen.shape == (y.shape[1],)
    for j, t in enumerate(chosen):
        f1s = [skm.f1_score(y[:, j], score[:, j] > g, zero_division=0) for g in grid]
        assert skm.f1_score(y[:, j], score[:, j] > t, zero_division=0) == pytest.approx(
            max(f1s)
        )
    acc = conventions.per_label_thresholds(y, score, objective="accuracy")
    for j, t in enumerate(acc):
        accs = [np.mean((score[:, j] > g) == y[:, j]) for g in grid]
        assert np.mean((score[:, j] > t) == y[:, j]) == pytest.approx(max(accs))
    # Ties go to the threshold nearest 0.5: a perfectly separated label.
    sep_y = np.array([[0], [0], [1], [1]])
    sep_s = np.array([[0.1], [0.2], [0.8], [0.9]])
    assert conventions.per_label_thresholds(sep_y, sep_s)[0] == pytest.approx(0.5)
    with pytest.raises(ValueError, match="objective"):
        conventions.per_label_thresholds(y, score, objective="auc")


def test_multilabel_helpers_check_shapes():
    y, score = _random_multilabel(2)
    with pytest.raises(ValueError, match="one score column per label"):
        conventions.multilabel_summary(y, score[:, :3])
    with pytest.raises(ValueError, match="one threshold per label"):
        conventions.multilabel_summary(y, score, threshold=[0.5, 0.5])
    with pytest.raises(ValueError, match="indicator"):
        conventions.multilabel_summary(y[:, 0], score[:, 0])


# ---------------------------------------------------------------------------
# Cell counts (how Keras counts)
# ---------------------------------------------------------------------------


def test_cell_counts_two_softmax_columns():
    rng = np.random.default_rng(8)
    y = rng.integers(0, 2, 500)
    p1 = np.clip(0.5 + (y - 0.5) * 0.4 + rng.normal(0, 0.3, 500), 0.001, 0.999)
    score = np.stack([1 - p1, p1], axis=1)
    onehot = np.eye(2, dtype=int)[y]
    frame = conventions.cell_counts(onehot, score, display_labels=["neg", "pos"])
    assert list(frame.index) == ["neg", "pos", "all cells"]
    right = int(np.sum((p1 > 0.5) == y))
    total = frame.loc["all cells"]
    assert total["TP"] == total["TN"] == right
    assert total["FP"] == total["FN"] == 500 - right
    assert total["accuracy"] == total["precision"] == total["recall"] == right / 500
    table = compare(onehot, score)
    assert table.loc["precision", "keras"] == pytest.approx(total["precision"])
    pos = frame.loc["pos"]
    pred = (p1 > 0.5).astype(int)
    assert pos["precision"] == pytest.approx(skm.precision_score(y, pred))
    assert pos["recall"] == pytest.approx(skm.recall_score(y, pred))
    assert pos["TP"] == frame.loc["neg", "TN"] and pos["FP"] == frame.loc["neg", "FN"]


def test_cell_counts_other_inputs():
    labels = np.array([0, 2, 1, 1])
    probs = np.array(
        [[0.6, 0.3, 0.1], [0.2, 0.3, 0.5], [0.4, 0.4, 0.2], [0.1, 0.8, 0.1]]
    )
    frame = conventions.cell_counts(labels, probs)
    # Rows 1 and 2 have no cell above 0.5 (0.5 itself is not above): two FN, no FP.
    assert frame.loc["all cells", ["TP", "FP", "FN", "TN"]].tolist() == [2, 0, 2, 8]
    binary = conventions.cell_counts(np.array([0, 1, 1]), np.array([0.7, 0.9, 0.2]))
    # One score column, named by the positive class it scores.
    assert binary.loc["1", ["TP", "FP", "FN", "TN"]].tolist() == [1, 1, 1, 0]
    multi = conventions.cell_counts(DEMO_TRUE, DEMO_PRED, threshold=0.5)
    assert multi.loc["all cells", "accuracy"] == pytest.approx(10 / 15)


def test_threshold_display_draws_the_table():
    import matplotlib

    matplotlib.use("Agg")
    y, score = _random_multilabel(3)
    table = conventions.multilabel_threshold_table(y, score)
    summaries = {c: table[c].to_numpy() for c in table.columns}
    disp = MultilabelThresholdDisplay(table.index, summaries).plot(title="simulated")
    assert disp.figure_.get_layout_engine() is not None
    assert list(disp.lines_) == ["element_wise", "exact_match", "micro_F1", "macro_F1"]
    lines = disp.ax_.get_lines()
    assert len(lines) == 4 and disp.baseline_line_ is None
    np.testing.assert_allclose(
        disp.lines_["exact_match"].get_ydata(), table["exact_match"]
    )
    np.testing.assert_allclose(lines[0].get_xdata(), table.index)
    assert disp.ax_.get_title() == "simulated"
    assert "exact match" in disp.lines_["exact_match"].get_label()
    pd.testing.assert_frame_equal(disp.to_frame(), table)
    # The table itself is still accepted for one release, with a warning.
    with pytest.warns(DeprecationWarning, match="from_predictions"):
        old = MultilabelThresholdDisplay(table)
    pd.testing.assert_frame_equal(old.to_frame(), table)
    with pytest.raises(ValueError, match="not a column"):
        old.plot(columns=["accuracy"])
    with pytest.raises(ValueError, match="one value per threshold"):
        MultilabelThresholdDisplay([0.1, 0.2], {"exact_match": [0.5]})
    # plot(ax=...) draws on the given axes and returns the display.
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    assert disp.plot(ax=ax) is disp and disp.ax_ is ax and disp.figure_ is fig
    plt.close("all")


# ---------------------------------------------------------------------------
# Review additions: long per-class arrays, named threshold choices, wrong labels
# per sample, the all-"no" baseline, the mirror matrices
# ---------------------------------------------------------------------------


def test_long_per_label_arrays_are_listed_under_the_table():
    y, score = _random_multilabel(4)
    table = compare(y, score)
    f1 = table.loc["F1", "keras"]
    assert isinstance(f1, np.ndarray) and f1.size == y.shape[1] > 3
    shown = table.formatted()
    assert shown.loc["F1", "keras"] == f"per label: {f1.size} values, below"
    assert list(table.long_values()) == [("F1", "keras")]
    text = str(table)
    listed = "keras F1, one value per label: [" + ", ".join(f"{v:.4f}" for v in f1)
    assert listed in text
    assert listed in table._repr_html_()
    # Every line of the text table stays short.
    body = text.split("\n\n")[0].split("\n")[1:8]
    assert max(len(line) for line in body) < 120
    # Two values still fit in the cell.
    two = compare(
        np.eye(2, dtype=int)[[0, 1, 1]], np.array([[0.7, 0.3], [0.2, 0.8], [0.6, 0.4]])
    )
    assert two.formatted().loc["F1", "keras"].startswith("per class: [")
    assert two.long_values() == {}


def test_compare_thresholds_matches_multilabel_summary():
    y, score = _random_multilabel(5)
    per_label = np.linspace(0.3, 0.7, y.shape[1])
    frame = conventions.compare_thresholds(
        y, score, {"0.5": 0.5, "tuned": per_label, "all no": 1.0}
    )
    assert list(frame.columns) == ["0.5", "tuned", "all no"]
    pd.testing.assert_series_equal(
        frame["0.5"], conventions.multilabel_summary(y, score), check_names=False
    )
    pd.testing.assert_series_equal(
        frame["tuned"],
        conventions.multilabel_summary(y, score, threshold=per_label),
        check_names=False,
    )
    # A threshold of 1 predicts nothing: element-wise = share of 0 cells.
    assert frame.loc["element_wise", "all no"] == pytest.approx(1 - y.mean())
    assert frame.loc["exact_match", "all no"] == pytest.approx(
        np.mean(y.sum(axis=1) == 0)
    )
    with pytest.raises(ValueError, match="non-empty dict"):
        conventions.compare_thresholds(y, score, [0.5])


@pytest.mark.parametrize("seed", range(10))
def test_wrong_labels_per_sample_against_sklearn(seed):
    y, score = _random_multilabel(seed)
    t = [0.5, 0.3][seed % 2]
    counts = conventions.wrong_label_counts(y, score, threshold=t)
    pred = (score > t).astype(int)
    np.testing.assert_array_equal(counts, (pred != y).sum(axis=1))
    table = conventions.wrong_labels_per_sample(y, score, threshold=t)
    assert table.index.name == "wrong labels"
    assert table.index.tolist() == list(range(counts.max() + 1))
    assert table["samples"].sum() == len(y)
    assert table.loc[0, "share"] == pytest.approx(skm.accuracy_score(y, pred))
    wrong_cells = (table.index * table["samples"]).sum()
    assert 1 - wrong_cells / y.size == pytest.approx(1 - skm.hamming_loss(y, pred))


def test_threshold_display_baseline_line():
    import matplotlib

    matplotlib.use("Agg")
    y, score = _random_multilabel(6)
    disp = MultilabelThresholdDisplay.from_predictions(y, score)  # computes and draws
    assert disp.baseline == pytest.approx(1 - y.mean())
    assert disp.baseline == pytest.approx(metrics.all_no_element_wise(y))
    dashed = [ln for ln in disp.ax_.get_lines() if ln.get_linestyle() == "--"]
    assert dashed == [disp.baseline_line_]
    np.testing.assert_allclose(dashed[0].get_ydata(), [1 - y.mean()] * 2)
    assert "answering 'no' everywhere" in dashed[0].get_label()
    assert dashed[0].get_color() == disp.lines_["element_wise"].get_color()
    frame = disp.to_frame()
    np.testing.assert_allclose(frame["all_no_element_wise"], 1 - y.mean())
    table = conventions.multilabel_threshold_table(y, score)
    pd.testing.assert_frame_equal(frame.drop(columns="all_no_element_wise"), table)
    text = repr(disp)
    assert text.startswith("MultilabelThresholdDisplay(9 thresholds from 0.1 to 0.9")
    assert f"{table['exact_match'].max():.4f}" in text and "0x" not in text
    # Without a baseline: no dashed line.
    plain = MultilabelThresholdDisplay(table.index, dict(table.items())).plot()
    assert not [ln for ln in plain.ax_.get_lines() if ln.get_linestyle() == "--"]
    assert "all_no_element_wise" not in plain.to_frame()


def test_cell_counts_display_draws_mirror_matrices():
    import matplotlib

    matplotlib.use("Agg")
    y = np.array([0, 0, 0, 1, 1, 1, 1, 0, 1, 0])
    p1 = np.array([0.1, 0.2, 0.7, 0.9, 0.8, 0.4, 0.6, 0.3, 0.55, 0.65])
    score = np.stack([1 - p1, p1], axis=1)
    disp = CellCountsDisplay.from_predictions(
        np.eye(2, dtype=int)[y], score, display_labels=["neg", "pos"]
    )
    mats = disp.matrices()
    assert list(mats) == ["neg", "pos", "all cells"]
    pred = (p1 > 0.5).astype(int)
    np.testing.assert_array_equal(mats["pos"], skm.confusion_matrix(y, pred))
    np.testing.assert_array_equal(mats["neg"], skm.confusion_matrix(1 - y, 1 - pred))
    # Mirror images: TP of one column = TN of the other.
    assert mats["pos"][1, 1] == mats["neg"][0, 0]
    assert mats["pos"][0, 1] == mats["neg"][1, 0]
    np.testing.assert_array_equal(mats["all cells"], mats["pos"] + mats["neg"])
    assert disp.axes_.shape == (1, 3) and len(disp.images_) == 3
    assert disp.figure_.get_layout_engine() is not None
    for image, texts, tags, name in zip(
        disp.images_, disp.texts_, disp.tags_, ["neg", "pos", "all cells"], strict=True
    ):
        cm = mats[name]
        np.testing.assert_array_equal(image.get_array(), cm)
        assert [[t.get_text() for t in row] for row in texts] == cm.astype(str).tolist()
        assert [[t.get_text() for t in row] for row in tags] == [
            ["TN", "FP"],
            ["FN", "TP"],
        ]
    # The tags sit on the cells scikit-learn's binary matrix puts them on.
    assert disp.tags_[1][0, 0].get_position()[0] == 0  # TN: predicted negative
    assert disp.tags_[1][1, 1].get_position()[0] == 1  # TP: predicted positive
    ticks = [t.get_text() for t in disp.axes_[0, 1].get_xticklabels()]
    assert ticks == ["neg", "pos"]
    counts = conventions.cell_counts(
        np.eye(2, dtype=int)[y], score, display_labels=["neg", "pos"]
    )
    pd.testing.assert_frame_equal(disp.to_frame(), counts[["TP", "FP", "FN", "TN"]])
    total = counts.loc["all cells", ["TP", "FP", "FN", "TN"]].astype(int)
    assert repr(disp) == (
        f"CellCountsDisplay(2 columns; all cells: TP {total['TP']}, FP {total['FP']}, "
        f"FN {total['FN']}, TN {total['TN']})"
    )
    single = CellCountsDisplay.from_predictions(y, p1)
    assert single.axes_.shape == (1, 1)
    assert list(single.matrices()) == ["1", "all cells"]
    # The constructor takes the computed matrices; plot(ax=...) uses given axes.
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2)
    own = CellCountsDisplay(np.stack([mats["neg"], mats["pos"]])).plot(ax=axes)
    assert own.figure_ is fig and list(own.matrices()) == ["0", "1"]
    with pytest.raises(ValueError, match="total=True"):
        own.plot(total=True)
    with pytest.warns(DeprecationWarning, match="from_predictions"):
        old = CellCountsDisplay(counts)
    assert {k: v.tolist() for k, v in old.matrices().items()} == {
        k: v.tolist() for k, v in mats.items()
    }
    plt.close("all")


def test_cell_counts_old_labels_keyword_still_names_the_columns():
    y = np.array([0, 1, 1])
    s = np.array([[0.7, 0.3], [0.2, 0.8], [0.6, 0.4]])
    with pytest.warns(DeprecationWarning, match="display_labels"):
        old = conventions.cell_counts(np.eye(2, dtype=int)[y], s, labels=["a", "b"])
    new = metrics.cell_counts(np.eye(2, dtype=int)[y], s, display_labels=["a", "b"])
    pd.testing.assert_frame_equal(old, new)
    assert list(new.index) == ["a", "b", "all cells"]


def test_moved_names_are_the_metrics_functions():
    for name in (
        "cell_counts",
        "compare_thresholds",
        "multilabel_summary",
        "multilabel_threshold_table",
        "per_label_scores",
        "per_label_thresholds",
        "wrong_label_counts",
        "wrong_labels_per_sample",
    ):
        assert getattr(conventions, name) is getattr(metrics, name)


# ---------------------------------------------------------------------------
# Labels and ties: evalviz's one reading, each library's own rules
# ---------------------------------------------------------------------------


def _numbers(table):
    """The cells that are numbers (floats or arrays), as a dict."""
    out = {}
    for lib in conventions.LIBRARIES:
        for name, value in table[lib].items():
            if not isinstance(value, str):
                out[(name, lib)] = np.asarray(value, dtype=float)
    return out


def _assert_same_numbers(a, b):
    na, nb = _numbers(a), _numbers(b)
    assert na.keys() == nb.keys()
    for key in na:
        np.testing.assert_allclose(na[key], nb[key], err_msg=str(key))


def test_minus_one_one_labels_give_the_zero_one_numbers():
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 60)
    s = rng.random(60)
    table = compare(np.where(y == 1, 1, -1), s)
    _assert_same_numbers(table, compare(y, s))
    assert table.loc["AUC", "sklearn"] == pytest.approx(skm.roc_auc_score(y, s))


def test_one_two_labels_need_pos_label_then_match_y_true_equals_two():
    y = np.array([1, 1, 2, 2, 1, 2])
    s = np.array([0.1, 0.3, 0.8, 0.6, 0.4, 0.9])
    with pytest.raises(ValueError, match="pos_label") as info:
        compare(y, s)
    assert "y_true == 2" in str(info.value)
    table = compare(y, s, pos_label=2)
    _assert_same_numbers(table, compare(y == 2, s))
    assert table.loc["AUC", "sklearn"] == pytest.approx(1.0)  # sklearn: 1.0 too
    assert skm.roc_auc_score(y, s) == pytest.approx(1.0)


def test_string_labels_give_the_numbers_of_their_sorted_indices():
    rng = np.random.default_rng(4)
    names = np.array(["cat", "dog", "eel"])
    y = np.concatenate([[0, 1, 2], rng.integers(0, 3, 57)])
    s = rng.dirichlet(np.ones(3), 60)
    table = compare(names[y], s)
    _assert_same_numbers(table, compare(y, s))
    assert table.loc["accuracy", "sklearn"] == pytest.approx(
        skm.accuracy_score(names[y], names[s.argmax(axis=1)])
    )
    binary = compare(np.array(["no", "yes"])[y % 2], s[:, 0], pos_label="yes")
    _assert_same_numbers(binary, compare(y % 2, s[:, 0]))


def test_predict_proba_two_columns_read_as_one_column_per_class():
    rng = np.random.default_rng(5)
    y = np.concatenate([[0, 1], rng.integers(0, 2, 48)])
    p1 = rng.random(50)
    proba = np.stack([1 - p1, p1], axis=1)
    table = compare(y, proba)
    assert table.kind == "multiclass" and "2 score columns" in table.description
    # The numbers of the one-hot Keras set-up (the same scores, the same labels).
    _assert_same_numbers(table, compare(np.eye(2, dtype=int)[y], proba))
    assert table.loc["AUC", "sklearn"].startswith("error: y should be a 1d array")
    assert table.loc["accuracy", "sklearn"] == pytest.approx(
        skm.accuracy_score(y, proba.argmax(axis=1))
    )
    # {-1, 1} labels: the columns are the sorted classes, -1 then 1.
    _assert_same_numbers(compare(np.where(y == 1, 1, -1), proba), table)


def test_sklearn_top_k_keeps_its_own_tie_rule():
    # Every row ties all five classes: scikit-learn ranks the higher index first.
    y = np.array([0, 1, 2, 3, 4, 4, 3, 0])
    s = np.zeros((8, 5))
    table = compare(y, s)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = skm.top_k_accuracy_score(y, s, k=2)
    assert want == pytest.approx(4 / 8)  # classes 4 and 3 are the two "top" ones
    assert table.loc["top-k", "sklearn"] == pytest.approx(want)
    assert conventions.sklearn_top_k_accuracy(y, s, k=1) == pytest.approx(2 / 8)
    # Argmax predictions (scikit-learn's predict, torchmetrics) take the lowest index.
    assert table.loc["accuracy", "sklearn"] == pytest.approx(2 / 8)
    assert table.loc["top-k", "torchmetrics"] == pytest.approx(2 / 8)


def test_cell_counts_and_keras_auc_read_labels_like_compare():
    y = np.array([1, 2, 2, 1, 2])
    s = np.array([0.2, 0.9, 0.4, 0.6, 0.7])
    with pytest.raises(ValueError, match="pos_label"):
        metrics.cell_counts(y, s)
    frame = metrics.cell_counts(y, s, pos_label=2)
    assert list(frame.index) == ["2", "all cells"]  # the positive class's column
    # Predicted 2 (score > 0.5): rows 1, 3, 4; truly 2: rows 1, 2, 4.
    assert frame.loc["2", ["TP", "FP", "FN", "TN"]].tolist() == [2, 1, 1, 1]
    pm = np.where(y == 2, 1, -1)
    assert keras_auc(pm, s) == pytest.approx(keras_auc(y == 2, s))
    assert keras_auc(y, s, pos_label=2) == pytest.approx(keras_auc(y == 2, s))
    # Multi-class string labels: one column per sorted class, named by it.
    names = np.array(["cat", "dog", "eel"])[[0, 1, 2, 2]]
    proba = np.array(
        [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6], [0.5, 0.3, 0.2]]
    )
    counts = metrics.cell_counts(names, proba)
    assert list(counts.index) == ["cat", "dog", "eel", "all cells"]
    # Row 3 has no cell above 0.5 (0.5 itself is not above): one FN, no FP.
    assert counts.loc["all cells", ["TP", "FP", "FN", "TN"]].tolist() == [3, 0, 1, 8]


def test_cell_counts_display_stays_bounded_with_many_columns():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rng = np.random.default_rng(9)
    y = np.concatenate([np.arange(100), rng.integers(0, 100, 400)])
    proba = rng.dirichlet(np.ones(100), 500)
    disp = CellCountsDisplay.from_predictions(y, proba)
    width, height = disp.figure_.get_size_inches()
    # 11 columns + the total: 4 rows of 3 panels of 2.7 x 3.1 inches, inside
    # the notebook column (8.3 inches at 100 dpi)
    assert width <= 8.3 and height <= 4 * 3.1 + 1
    assert len(disp.images_) == 12
    assert "first 11 of 100 columns shown" in disp.figure_._suptitle.get_text()
    np.testing.assert_array_equal(disp.images_[-1].get_array(), disp.total)
    plt.close("all")


def test_comparison_table_to_frame_is_a_plain_copy():
    from evalviz.conventions import compare

    table = compare([0, 1, 1, 0], [0.2, 0.9, 0.4, 0.6])
    frame = table.to_frame()
    assert type(frame) is pd.DataFrame
    assert frame.loc["accuracy", "sklearn"] == table.loc["accuracy", "sklearn"] == 0.5
    frame.loc["accuracy", "sklearn"] = 0.0
    assert table.loc["accuracy", "sklearn"] == 0.5
