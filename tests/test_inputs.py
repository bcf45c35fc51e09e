"""One test per kind of input problem (issue 10), each with the right value.

scikit-learn is the reference wherever it has the function; where evalviz's
documented rule differs (the tie rule of top-k) the test says so.
"""

import ast
import subprocess
import sys
import tracemalloc
import warnings
from pathlib import Path

import numpy as np
import pytest
from scipy.special import softmax
from sklearn import metrics as skm
from sklearn.preprocessing import label_binarize

from evalviz import metrics
from evalviz.metrics import _ranking

ROOT = Path(__file__).resolve().parents[1]


def _sk(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def _assert_curves_equal(ours, ref):
    for a, b in zip(ours, ref, strict=True):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)


# --- kind 1: ties -------------------------------------------------------------


def test_ties_top_1_equals_argmax_accuracy_everywhere():
    rng = np.random.default_rng(2)
    y = rng.integers(0, 10, 500)
    score = np.zeros((500, 10))
    score[::7] = rng.random((len(score[::7]), 10))  # some rows without ties
    argmax_acc = metrics.accuracy(y, score.argmax(axis=1))
    assert metrics.top_k_accuracy(y, score, 1) == argmax_acc
    assert np.mean(metrics.rank_of_true_class(y, score) == 1) == argmax_acc
    assert metrics.top_k_accuracy_curve(y, score, max_k=3)[0] == argmax_acc
    assert metrics.precision_at_k(y, score, 1) == argmax_acc
    onehot = np.eye(10, dtype=int)[y]
    assert metrics.top_k_accuracy(onehot, score, 1) == argmax_acc
    assert metrics.label_hits_at_k(onehot, score, 1).sum() == round(argmax_acc * 500)
    assert metrics.tied_predictions(score) == 500 - len(score[::7])
    assert argmax_acc == np.mean(y == np.argmax(score, axis=1)) == 0.092
    # scikit-learn's top-1 on the tied rows is the last class (documented).
    tied = np.ones(500, dtype=bool)
    tied[::7] = False
    sk_top1 = np.where(tied, 9, score.argmax(axis=1))
    sk = skm.top_k_accuracy_score(y, score, k=1, labels=range(10))
    assert sk == pytest.approx(np.mean(y == sk_top1))
    assert sk == pytest.approx(0.114)  # not 0.092: the tie rules differ


# --- kind 2: which class is positive -----------------------------------------

Y12 = np.array([1, 1, 2, 2, 1, 2])
S12 = np.array([0.1, 0.3, 0.8, 0.6, 0.4, 0.9])


@pytest.mark.parametrize(
    "call",
    [
        lambda **kw: metrics.roc_curve(Y12, S12, **kw),
        lambda **kw: metrics.precision_recall_curve(Y12, S12, **kw),
        lambda **kw: metrics.roc_auc(Y12, S12, **kw),
        lambda **kw: metrics.average_precision(Y12, S12, **kw),
        lambda **kw: metrics.counts_at_thresholds(Y12, S12, [0.5], **kw),
    ],
)
def test_labels_1_2_need_pos_label(call):
    with pytest.raises(ValueError, match=r"pass pos_label=.*y_true == 2"):
        call()
    call(pos_label=2)  # then it works


def test_labels_1_2_with_pos_label_match_sklearn():
    assert metrics.roc_auc(Y12, S12, pos_label=2) == 1.0
    assert skm.roc_auc_score(Y12, S12) == 1.0
    assert metrics.average_precision(Y12, S12, pos_label=2) == pytest.approx(
        skm.average_precision_score(Y12, S12, pos_label=2), abs=1e-12
    )
    _assert_curves_equal(
        metrics.roc_curve(Y12, S12, pos_label=2),
        skm.roc_curve(Y12, S12, pos_label=2, drop_intermediate=False),
    )
    _assert_curves_equal(
        metrics.precision_recall_curve(Y12, S12, pos_label=2),
        skm.precision_recall_curve(Y12, S12, pos_label=2),
    )
    row = metrics.counts_at_thresholds(Y12, S12, [0.5], pos_label=2).iloc[0]
    tn, fp, fn, tp = skm.confusion_matrix(Y12 == 2, S12 >= 0.5).ravel()
    assert (row.tp, row.fp, row.tn, row.fn) == (tp, fp, tn, fn) == (3, 0, 3, 0)


@pytest.mark.parametrize(
    "y",
    [
        np.array([-1, -1, 1, 1, -1, 1, 1, -1]),
        np.array([-1.0, -1.0, 1.0, 1.0, -1.0, 1.0, 1.0, -1.0]),
        np.array([False, False, True, True, False, True, True, False]),
        np.array([0, 0, 1, 1, 0, 1, 1, 0]),
    ],
    ids=["-1/1", "float -1/1", "bool", "0/1"],
)
def test_obvious_binary_labels_work_everywhere(y):
    s = np.array([0.2, 0.6, 0.55, 0.9, 0.1, 0.3, 0.7, 0.4])
    ref_auc = skm.roc_auc_score(y, s)
    assert metrics.roc_auc(y, s) == pytest.approx(ref_auc, abs=1e-12)
    assert metrics.roc_auc(y, s) == 0.8125
    assert metrics.average_precision(y, s) == pytest.approx(
        skm.average_precision_score(y, s), abs=1e-12
    )
    _assert_curves_equal(
        metrics.roc_curve(y, s), skm.roc_curve(y, s, drop_intermediate=False)
    )
    _assert_curves_equal(
        metrics.precision_recall_curve(y, s), skm.precision_recall_curve(y, s)
    )
    positive = y.max()
    row = metrics.counts_at_thresholds(y, s, 0.5).iloc[0]
    assert (row.tp, row.fp) == (
        np.sum((s >= 0.5) & (y == positive)),
        np.sum((s >= 0.5) & (y != positive)),
    )
    pred = np.where(s >= 0.5, y.max(), y.min()).astype(y.dtype)
    assert metrics.accuracy(y, pred) == skm.accuracy_score(y, pred)
    np.testing.assert_array_equal(
        metrics.confusion_matrix(y, pred), skm.confusion_matrix(y, pred)
    )


def test_binary_string_labels_match_sklearn():
    y = np.array(["no", "yes", "yes", "no", "yes", "no"])
    s = np.array([0.2, 0.8, 0.3, 0.4, 0.6, 0.7])
    assert metrics.roc_auc(y, s, pos_label="yes") == pytest.approx(
        skm.roc_auc_score(y == "yes", s)
    )
    assert metrics.average_precision(y, s, pos_label="yes") == pytest.approx(
        skm.average_precision_score(y, s, pos_label="yes")
    )
    _assert_curves_equal(
        metrics.roc_curve(y, s, pos_label="yes"),
        skm.roc_curve(y, s, pos_label="yes", drop_intermediate=False),
    )
    pred = np.where(s >= 0.5, "yes", "no")
    np.testing.assert_allclose(
        metrics.precision_recall_f1(y, pred, average="binary", pos_label="yes")[:3],
        skm.precision_recall_fscore_support(y, pred, average="binary", pos_label="yes")[
            :3
        ],
    )
    with pytest.raises(ValueError, match="pos_label='yes'"):
        metrics.precision_recall_f1(y, pred, average="binary")
    np.testing.assert_array_equal(
        metrics.confusion_matrix(y, pred), skm.confusion_matrix(y, pred)
    )
    assert metrics.accuracy(y, pred) == skm.accuracy_score(y, pred)


def _animals(seed=0, n=60):
    rng = np.random.default_rng(seed)
    classes = np.array(["cat", "dog", "emu"])
    y = classes[rng.integers(0, 3, n)]
    logits = rng.normal(size=(n, 3)) + 2.0 * (y[:, None] == classes)
    return y, softmax(logits, axis=1), classes


def test_multiclass_string_labels_match_sklearn():
    y, proba, classes = _animals()
    for average in ("macro", "weighted", None):
        np.testing.assert_allclose(
            metrics.roc_auc(y, proba, average=average),
            skm.roc_auc_score(y, proba, multi_class="ovr", average=average),
            atol=1e-12,
        )
    onehot = label_binarize(y, classes=classes)
    for average in ("macro", "micro", "weighted", None):
        np.testing.assert_allclose(
            metrics.average_precision(y, proba, average=average),
            skm.average_precision_score(onehot, proba, average=average),
            atol=1e-12,
        )
    for k in (1, 2):
        assert metrics.top_k_accuracy(y, proba, k) == pytest.approx(
            skm.top_k_accuracy_score(y, proba, k=k)
        )
    pred = classes[proba.argmax(axis=1)]
    np.testing.assert_array_equal(
        metrics.confusion_matrix(y, pred), skm.confusion_matrix(y, pred)
    )
    for average in ("macro", "micro", "weighted", None):
        ours = metrics.precision_recall_f1(y, pred, average=average)
        ref = skm.precision_recall_fscore_support(y, pred, average=average)
        for a, b in zip(ours, ref, strict=True):
            if b is not None:
                np.testing.assert_allclose(a, b, atol=1e-12)
    assert metrics.accuracy(y, pred) == skm.accuracy_score(y, pred)
    # labels= gives the column order: reversed columns, reversed labels, same AUC.
    assert metrics.roc_auc(y, proba[:, ::-1], labels=classes[::-1]) == pytest.approx(
        metrics.roc_auc(y, proba)
    )


def test_integer_scores_are_ranked_as_integers():
    big = np.array([2**53, 2**53 + 1])  # equal once converted to float64
    assert metrics.roc_auc([0, 1], big) == 1.0
    assert metrics.average_precision([0, 1], big) == 1.0
    fpr, tpr, thr = metrics.roc_curve([0, 1], big)
    assert len(thr) == 3  # two distinct scores (float64 would see one)
    np.testing.assert_array_equal(tpr, [0, 1, 1])
    score = np.array([[2**53, 2**53 + 1, 0], [2**53 + 1, 2**53, 0]])
    assert metrics.top_k_accuracy([1, 0], score, 1) == 1.0
    np.testing.assert_array_equal(metrics.rank_of_true_class([1, 0], score), [1, 1])


# --- kind 3: logits -------------------------------------------------------------


def test_multiclass_logits_are_refused_by_one_vs_rest_metrics():
    y, proba, _ = _animals(1)
    logits = np.log(proba) + np.arange(len(y))[:, None] % 3  # per-row offsets
    for average in ("macro", "weighted", None, "micro"):
        for fn in (metrics.roc_auc, metrics.average_precision):
            with pytest.raises(ValueError, match="not probabilities.*softmax"):
                fn(y, logits, average=average)
    with pytest.raises(ValueError, match="not probabilities"):
        metrics.micro_auc_by_label(y, logits)
    # The conversion the error shows gives scikit-learn's value.
    assert metrics.roc_auc(y, softmax(logits, axis=1)) == pytest.approx(
        skm.roc_auc_score(y, proba, multi_class="ovr"), abs=1e-9
    )
    # Top-k depends on the order within a row only: logits are fine.
    for k in (1, 2):
        assert metrics.top_k_accuracy(y, logits, k) == metrics.top_k_accuracy(
            y, proba, k
        )
    # Multi-label columns are judged one at a time: any real scores are fine.
    onehot = label_binarize(y, classes=np.unique(y))
    assert metrics.roc_auc(onehot, logits - logits.mean()) == pytest.approx(
        skm.roc_auc_score(onehot, logits)
    )


# --- kind 4: which classes count ----------------------------------------------


def test_one_class_set_for_every_macro_average():
    # Every prediction right, class 3 of four absent from y_true (and y_pred).
    y = np.array([0, 1, 2, 0, 1, 2, 2])
    assert metrics.precision_recall_f1(y, y, average="macro")[:3] == (1.0, 1.0, 1.0)
    assert skm.precision_recall_fscore_support(y, y, average="macro")[:3] == (
        1.0,
        1.0,
        1.0,
    )
    # Asking for four classes counts the absent one as zero_division, as sklearn.
    ours = metrics.precision_recall_f1(y, y, average="macro", labels=range(4))
    ref = _sk(
        skm.precision_recall_fscore_support, y, y, average="macro", labels=range(4)
    )
    np.testing.assert_allclose(ours[:3], ref[:3])
    assert ours[0] == 0.75
    assert metrics.confusion_matrix(y, y, labels=range(4)).shape == (4, 4)


@pytest.mark.parametrize("seed", range(20))
def test_labels_subsets_and_orders_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 5, 80)
    pred = np.where(rng.random(80) < 0.6, y, rng.integers(0, 5, 80))
    labels = rng.permutation(7)[: int(rng.integers(1, 7))]  # may name absent 5, 6
    if not np.isin(labels, np.r_[y, pred]).any():
        labels = np.r_[labels, y[0]]
    np.testing.assert_array_equal(
        metrics.confusion_matrix(y, pred, labels=labels),
        _sk(skm.confusion_matrix, y, pred, labels=labels),
    )
    for average in (None, "macro", "micro", "weighted"):
        ours = metrics.precision_recall_f1(y, pred, average=average, labels=labels)
        ref = _sk(
            skm.precision_recall_fscore_support,
            y,
            pred,
            average=average,
            labels=labels,
            zero_division=0.0,
        )
        for a, b in zip(ours, ref, strict=True):
            if b is not None:
                np.testing.assert_allclose(a, b, atol=1e-12)


def test_accuracy_labels_check_the_class_values():
    y = np.array(["b", "a", "c", "a"])
    pred = np.array(["b", "c", "c", "a"])
    assert metrics.accuracy(y, pred, labels=["c", "b", "a"]) == 0.75
    assert skm.accuracy_score(y, pred) == 0.75
    with pytest.raises(ValueError, match=r"\['c'\]"):
        metrics.accuracy(y, pred, labels=["a", "b"])


def test_undefined_auc_names_the_class_by_its_value():
    y = np.array(["a", "b", "c", "a", "b", "c"])
    proba = np.full((6, 4), 0.25)
    with pytest.raises(ValueError, match=r"class d has no positive samples"):
        metrics.roc_auc(y, proba, labels=["a", "b", "c", "d"])
    with pytest.raises(ValueError, match=r"class d has no positive samples"):
        metrics.average_precision(y, proba, labels=["a", "b", "c", "d"])
    with pytest.raises(ValueError, match=r"class 3 has no positive samples"):
        metrics.roc_auc([0, 1, 2, 0, 1, 2], proba)
    # One class present: a binary AUC is undefined, and says so.
    with pytest.raises(ValueError, match="no negative samples"):
        metrics.roc_auc([1, 1, 1], [0.2, 0.5, 0.9])
    np.testing.assert_array_equal(metrics.confusion_matrix([1, 1], [1, 1]), [[2]])


# --- kind 8: numbers users pass ---------------------------------------------


def test_bfloat16_tensors_work_in_every_metric():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(3)
    y = rng.integers(0, 4, 50)
    y[:4] = np.arange(4)
    logits = torch.tensor(rng.normal(size=(50, 4)) + 2 * np.eye(4)[y])
    p16 = torch.softmax(logits.to(torch.bfloat16), dim=1)
    p32 = p16.float().numpy()  # the same values, exactly
    yt = torch.tensor(y)
    onehot = torch.tensor(np.eye(4, dtype=np.int64)[y])
    calls = {
        "roc_auc": lambda s: metrics.roc_auc(yt, s),
        "average_precision": lambda s: metrics.average_precision(yt, s, average=None),
        "roc_auc multilabel": lambda s: metrics.roc_auc(onehot, s),
        "top_k_accuracy": lambda s: metrics.top_k_accuracy(yt, s, 2),
        "rank_of_true_class": lambda s: metrics.rank_of_true_class(yt, s),
        "top_k_accuracy_curve": lambda s: metrics.top_k_accuracy_curve(yt, s),
        "precision_at_k": lambda s: metrics.precision_at_k(onehot, s, 2),
        "recall_at_k": lambda s: metrics.recall_at_k(onehot, s, 2),
        "label_hits_at_k": lambda s: metrics.label_hits_at_k(onehot, s, 2),
        "micro_auc_by_label": lambda s: metrics.micro_auc_by_label(onehot, s),
        "tied_predictions": lambda s: metrics.tied_predictions(s),
        "roc_curve": lambda s: metrics.roc_curve(yt == 0, s[:, 0]),
        "precision_recall_curve": lambda s: metrics.precision_recall_curve(
            yt == 0, s[:, 0]
        ),
        "counts_at_thresholds": lambda s: metrics.counts_at_thresholds(
            yt == 0, s[:, 0], [0.5]
        ).to_numpy(),
        "roc_auc binary": lambda s: metrics.roc_auc(yt == 0, s[:, 0]),
    }
    for name, call in calls.items():
        ours, ref = call(p16), call(torch.from_numpy(p32))
        if not isinstance(ours, tuple):
            ours, ref = (ours,), (ref,)
        for a, b in zip(ours, ref, strict=True):
            np.testing.assert_array_equal(a, b, err_msg=name)
    pred = torch.argmax(p16, dim=1)
    assert metrics.accuracy(yt, pred) == skm.accuracy_score(y, pred.numpy())
    np.testing.assert_array_equal(
        metrics.confusion_matrix(yt, pred), skm.confusion_matrix(y, pred.numpy())
    )
    np.testing.assert_allclose(
        metrics.precision_recall_f1(yt, pred, average="macro")[:3],
        skm.precision_recall_fscore_support(y, pred.numpy(), average="macro")[:3],
    )
    # (scikit-learn's multi-class check refuses bfloat16 row sums; its
    # multi-label path computes the same one-vs-rest macro average.)
    assert metrics.roc_auc(yt, p16) == pytest.approx(
        skm.roc_auc_score(np.eye(4)[y], p32), abs=1e-12
    )


@pytest.mark.parametrize("pos_label", [None, 0])
def test_binary_predict_proba_matrix_uses_the_positive_column(pos_label):
    rng = np.random.default_rng(4)
    y = rng.integers(0, 2, 40)
    p1 = rng.random(40) * 0.6 + 0.4 * y
    proba = np.column_stack([1 - p1, p1])
    col = proba[:, 0] if pos_label == 0 else proba[:, 1]
    sk_pos = 1 if pos_label is None else 0
    kw = {} if pos_label is None else {"pos_label": pos_label}
    assert metrics.roc_auc(y, proba, **kw) == pytest.approx(
        skm.roc_auc_score(y == sk_pos, col)
    )
    assert metrics.average_precision(y, proba, **kw) == pytest.approx(
        skm.average_precision_score(y, col, pos_label=sk_pos)
    )
    _assert_curves_equal(
        metrics.roc_curve(y, proba, **kw),
        skm.roc_curve(y, col, pos_label=sk_pos, drop_intermediate=False),
    )
    _assert_curves_equal(
        metrics.precision_recall_curve(y, proba, **kw),
        skm.precision_recall_curve(y, col, pos_label=sk_pos),
    )


def test_string_predict_proba_matrix():
    y = np.array(["no", "yes", "yes", "no", "yes"])
    proba = np.array([[0.8, 0.2], [0.3, 0.7], [0.6, 0.4], [0.45, 0.55], [0.1, 0.9]])
    assert metrics.roc_auc(y, proba, pos_label="yes") == pytest.approx(
        skm.roc_auc_score(y == "yes", proba[:, 1])
    )
    assert metrics.roc_auc(y, proba, pos_label="no") == pytest.approx(
        skm.roc_auc_score(y == "no", proba[:, 0])
    )


def _string_constants(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def test_no_message_advises_a_fix_that_scrambles_the_classes():
    # np.unique(names, return_inverse=True)[1] sorts the names, so the indices
    # no longer match the score columns: a wrong number, silently.
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "evalviz").rglob("*.py"))
        if any("return_inverse" in text for text in _string_constants(path))
    ]
    assert offenders == []


# --- kind 7: one sweep, no pandas at import -----------------------------------


def test_importing_metrics_imports_no_pandas_and_no_matplotlib():
    code = (
        "import sys, evalviz.metrics; "
        "print('pandas' in sys.modules, 'matplotlib' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert out.stdout.split() == ["False", "False"]


def test_counts_at_thresholds_and_roc_curve_come_from_one_sweep():
    rng = np.random.default_rng(5)
    y = rng.integers(0, 2, 300)
    s = np.round(rng.random(300) + 0.3 * y, 2).astype(np.float32)
    fpr, tpr, thr = metrics.roc_curve(y, s)
    frame = metrics.counts_at_thresholds(y, s, thr[1:])
    np.testing.assert_allclose(frame["fpr"], fpr[1:], atol=1e-15)
    np.testing.assert_allclose(frame["recall"], tpr[1:], atol=1e-15)
    # float32 scores against float64 cuts: the cut compares exact values
    cut = float(s[0])
    row = metrics.counts_at_thresholds(y, s, cut).iloc[0]
    assert row.tp + row.fp == np.sum(s >= cut)


# --- speed: threads and float32 ------------------------------------------------


def test_threaded_chunks_give_identical_results(monkeypatch):
    rng = np.random.default_rng(6)
    truth = (rng.random((400, 70)) < 0.2).astype(np.int8)
    truth[0], truth[1] = 1, 0
    score = np.round(rng.random((400, 70)), 2).astype(np.float32)
    monkeypatch.setattr(_ranking, "_MIN_WIDTH", 3)
    monkeypatch.setattr(_ranking, "_CHUNK_CELLS", 1200)
    results = {}
    for workers in (1, 4):
        monkeypatch.setattr(_ranking, "_n_workers", lambda w=workers: w)
        results[workers] = (
            metrics.roc_auc(truth, score, average=None),
            metrics.average_precision(truth, score, average=None),
        )
    for a, b in zip(results[1], results[4], strict=True):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(
        results[4][0], skm.roc_auc_score(truth, score, average=None), atol=1e-12
    )


def test_float32_scores_are_not_copied_to_float64():
    rng = np.random.default_rng(7)
    truth = (rng.random((3000, 200)) < 0.1).astype(np.int8)
    truth[0], truth[1] = 1, 0
    score = rng.random((3000, 200), dtype=np.float32)
    tracemalloc.start()
    metrics.roc_auc(truth, score)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # A float64 copy alone would be 2x the float32 matrix.
    assert peak < 1.5 * score.nbytes


def _named_scores():
    rng = np.random.default_rng(1)
    y_idx = rng.integers(0, 3, 300)
    p = rng.dirichlet([1, 1, 1], 300)
    p[np.arange(300), y_idx] += 0.3
    p /= p.sum(axis=1, keepdims=True)
    return np.array(["a", "b", "c"])[y_idx], p


def test_dataframe_columns_named_after_classes_in_another_order_are_refused():
    pd = pytest.importorskip("pandas")
    import evalviz as ev

    y, p = _named_scores()
    shuffled = pd.DataFrame(p[:, [2, 0, 1]], columns=["c", "a", "b"])
    with pytest.raises(ValueError, match=r"not in class order.*\['a', 'b', 'c'\]"):
        metrics.roc_auc(y, shuffled)
    with pytest.raises(ValueError, match=r"y_score\[\['a', 'b', 'c'\]\]"):
        ev.roc(y, shuffled)
    want = skm.roc_auc_score(y, p, multi_class="ovr")
    assert metrics.roc_auc(y, shuffled[["a", "b", "c"]]) == pytest.approx(want)
    # Columns in class order, or not named after the classes, are read as before.
    assert metrics.roc_auc(
        y, pd.DataFrame(p, columns=["a", "b", "c"])
    ) == pytest.approx(want)
    assert metrics.roc_auc(
        y, pd.DataFrame(p, columns=["x", "y", "z"])
    ) == pytest.approx(want)
    # Integer classes, named by value; the binary (n, 2) predict_proba layout too.
    y_int = np.searchsorted(["a", "b", "c"], y)
    with pytest.raises(ValueError, match="not in class order"):
        metrics.roc_auc(y_int, pd.DataFrame(p[:, [1, 0, 2]], columns=[1, 0, 2]))
    y01 = (y_int == 0).astype(int)
    two = np.c_[1 - p[:, 0], p[:, 0]]
    with pytest.raises(ValueError, match="not in class order"):
        metrics.roc_auc(y01, pd.DataFrame(two[:, ::-1], columns=[1, 0]))
    assert metrics.roc_auc(y01, pd.DataFrame(two, columns=[0, 1])) == pytest.approx(
        skm.roc_auc_score(y01, p[:, 0])
    )
