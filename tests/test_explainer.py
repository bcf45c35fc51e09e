"""evalviz.explain: numbers checked against scikit-learn, reasons against the data."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import metrics as skm
from sklearn.preprocessing import label_binarize

import evalviz as ev
from evalviz import explainer
from evalviz._plotting import format_area


def _multiclass(seed=0, n=1500, k=6, weak=2):
    """Softmax-like scores; class `weak` is often confused with class 0."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, n)
    logits = rng.normal(size=(n, k))
    logits[np.arange(n), y] += 2.5
    confused = (y == weak) & (rng.random(n) < 0.5)
    logits[confused, 0] += 3.0
    p = np.exp(logits)
    p /= p.sum(axis=1, keepdims=True)
    return y, p


def _brute_share(pos, neg):
    return ((pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])).mean(
        axis=1
    )


@pytest.mark.parametrize("seed", range(6))
def test_multiclass_numbers_match_sklearn(seed):
    y, p = _multiclass(seed, k=4 + seed)
    if seed % 2:
        p = np.round(p, 2)  # ties
    k = p.shape[1]
    Y = label_binarize(y, classes=np.arange(k))
    e = ev.explain(y, p, k=3)
    pred = p.argmax(axis=1)
    frame = e.to_frame()
    assert frame.loc["accuracy", "value"] == pytest.approx(skm.accuracy_score(y, pred))
    prec, rec, f1, sup = skm.precision_recall_fscore_support(y, pred, zero_division=0)
    assert frame.loc["macro precision", "value"] == pytest.approx(prec.mean())
    assert frame.loc["macro recall", "value"] == pytest.approx(rec.mean())
    assert frame.loc["macro F1", "value"] == pytest.approx(f1.mean())
    assert frame.loc["ROC AUC, macro (one vs rest)", "value"] == pytest.approx(
        skm.roc_auc_score(Y, p, average="macro"), abs=1e-9
    )
    assert frame.loc["ROC AUC, micro", "value"] == pytest.approx(
        skm.roc_auc_score(Y, p, average="micro"), abs=1e-9
    )
    assert frame.loc["average precision, macro", "value"] == pytest.approx(
        skm.average_precision_score(Y, p, average="macro"), abs=1e-9
    )
    assert frame.loc["top-3 accuracy", "value"] == pytest.approx(
        skm.top_k_accuracy_score(y, p, k=3, labels=np.arange(k))
    )
    pc = e.per_class
    np.testing.assert_allclose(pc["recall"], rec)
    np.testing.assert_allclose(pc["precision"], prec)
    np.testing.assert_array_equal(pc["support"], sup)
    np.testing.assert_allclose(pc["ROC AUC"], skm.roc_auc_score(Y, p, average=None))
    np.testing.assert_allclose(
        pc["AP"], skm.average_precision_score(Y, p, average=None)
    )
    for j in range(k):
        share = _brute_share(p[y == j, j], p[y != j, j])
        # the mean share of negatives beaten is the AUC
        assert share.mean() == pytest.approx(pc["ROC AUC"].iloc[j], abs=1e-12)
        assert pc.iloc[j, -1] == pytest.approx(np.mean(share >= 0.9))
    kinds = frame["kind"].tolist()
    assert kinds[:4] == ["decision (argmax)"] * 4
    assert kinds[4:7] == ["ranking (no threshold)"] * 3
    assert kinds[7] == "ranking within each sample"


def test_low_recall_reason_is_found_in_the_data():
    y, p = _multiclass(1, k=5, weak=2)
    e = ev.explain(y, p, labels=["a", "b", "c", "d", "e"])
    pred = p.argmax(axis=1)
    rec = skm.recall_score(y, pred, average=None)
    c = int(np.argmin(rec))
    assert c == 2
    title, text = e.reasons[1]
    assert title == "Low recall, high AUC."
    name = "c"
    assert f"**{name}** has the lowest recall, {rec[c]:.3f}" in text
    tp = int(np.sum((y == c) & (pred == c)))
    n_pos = int(np.sum(y == c))
    assert f"only {tp:,} of its {n_pos:,} samples" in text
    auc = skm.roc_auc_score(y == c, p[:, c])
    assert f"ROC AUC is {auc:.3f}" in text
    share = _brute_share(p[y == c, c], p[y != c, c])
    missed = pred[y == c] != c
    high = int(np.sum(share >= 0.9))
    high_missed = int(np.sum(share[missed] >= 0.9))
    assert f"{high:,} of those {n_pos:,} samples" in text
    assert (
        f"so do {high_missed:,} of the {int(missed.sum()):,} that were missed" in text
    )
    # where the missed ones went: class 0 ("a") most often
    cm = skm.confusion_matrix(y, pred)
    assert f"most often a ({cm[c, 0]:,})" in text
    assert e.numbers["lowest recall class"] == "c"
    assert e.numbers["lowest recall"] == pytest.approx(rec[c])


def test_imbalance_and_topk_reasons():
    y, p = _multiclass(2, k=6)
    e = ev.explain(y, p, k=2)
    pred = p.argmax(axis=1)
    prec = skm.precision_score(y, pred, average=None)
    d = int(np.argmin(prec))
    fp = int(np.sum((pred == d) & (y != d)))
    n_neg = int(np.sum(y != d))
    text = dict(e.reasons)["Many easy negatives."]
    assert f"lowest precision, {prec[d]:.3f}" in text
    assert f"false positive rate of only {fp / n_neg:.4f} ({fp:,} / {n_neg:,})" in text
    topk = dict(e.reasons)["Top-k versus AUC."]
    order = np.argsort(-p, axis=1)
    rank = np.argmax(order == y[:, None], axis=1) + 1
    errors = int(np.sum(rank > 1))
    rescued = int(np.sum(rank == 2))
    assert f"rescues {rescued:,} of the {errors:,} argmax errors" in topk
    share = np.empty(len(y))
    for j in range(6):
        share[y == j] = _brute_share(p[y == j, j], p[y != j, j])
    miss_high = int(np.sum((rank > 2) & (share >= 0.9)))
    hit_low = int(np.sum((rank <= 2) & (share < 0.5)))
    assert miss_high > 1
    assert f"{miss_high:,} samples miss the top 2" in topk
    if hit_low:
        assert f"{hit_low:,} samples are top-2 hits" in topk
    else:
        assert "no top-2 hit has a true-class score" in topk and " 0 " not in topk
    assert "row" in topk and "column" in topk


def test_renderings():
    y, p = _multiclass(3)
    e = ev.explain(y, p)
    md = e._repr_markdown_()
    assert md.startswith("### What the numbers say")
    assert "| metric | value | kind | what it answers |" in md
    assert "### Why they disagree" in md and "### Words used" in md
    assert "### Per class" in md
    for word in ("ROC AUC", "precision", "recall", "top-k accuracy", "macro / micro"):
        assert f"**{word}" in md  # every term used is defined
    text = str(e)
    assert "**" not in text and "WHY THEY DISAGREE" in text
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "0x" not in repr(e) and repr(e).startswith("Explanation(accuracy=")
    # default k: 2 with up to ten classes
    assert "top-2 accuracy" in e.to_frame().index
    # the same numbers appear in both renderings
    acc = f"{e.numbers['accuracy']:.3f}"
    assert acc in md and acc in text


def test_many_classes_multilabel():
    rng = np.random.default_rng(4)
    n, k = 3000, 40
    freq = 1 / np.arange(1, k + 1) ** 1.1
    freq = freq / freq.sum() * 3
    Y = (rng.random((n, k)) < freq).astype(int)
    Y[:, -1] = 0  # a label with no positive sample
    S = 1 / (1 + np.exp(-(Y * 2.5 + rng.normal(size=(n, k)) - 3)))
    e = ev.explain(Y, S)
    keep = Y.sum(axis=0) > 0
    frame = e.to_frame()
    assert frame.loc["ROC AUC, macro (one vs rest)", "value"] == pytest.approx(
        skm.roc_auc_score(Y[:, keep], S[:, keep], average="macro"), abs=1e-9
    )
    assert frame.loc["ROC AUC, micro", "value"] == pytest.approx(
        skm.roc_auc_score(Y[:, keep], S[:, keep], average="micro"), abs=1e-9
    )
    pred = (S >= 0.5).astype(int)
    assert frame.loc["accuracy", "value"] == pytest.approx(skm.accuracy_score(Y, pred))
    assert frame.loc["macro recall", "value"] == pytest.approx(
        skm.recall_score(Y, pred, average="macro", zero_division=0)
    )
    assert frame.loc["macro precision", "value"] == pytest.approx(
        skm.precision_score(Y, pred, average="macro", zero_division=0)
    )
    # default k = 5 with more than ten classes; a hit = any true label in the top 5
    top5 = np.argsort(-S, axis=1)[:, :5]
    hits = np.take_along_axis(Y, top5, axis=1).any(axis=1).mean()
    assert frame.loc["top-5 accuracy", "value"] == pytest.approx(hits)
    assert e.notes and "1 class(es)" in e.notes[0]
    reasons = dict(e.reasons)
    text = reasons["Which classes drive each number."]
    n_pos = Y.sum(axis=0)
    order = np.argsort(-n_pos, kind="stable")
    share = n_pos[order[:4]].sum() / n_pos.sum()
    assert f"The 4 most frequent classes (10% of 39) hold {share:.0%}" in text
    md = e._repr_markdown_()
    assert "The 10 of 40 classes with the lowest recall" in md
    assert np.isnan(e.per_class["ROC AUC"].iloc[-1])


def test_binary():
    rng = np.random.default_rng(5)
    y = rng.integers(0, 2, 400)
    s = rng.random(400) * 0.6 + y * 0.3
    e = ev.explain(y, s, labels=["ham", "spam"], threshold=0.5)
    frame = e.to_frame()
    pred = (s >= 0.5).astype(int)
    assert frame.loc["accuracy", "value"] == pytest.approx(skm.accuracy_score(y, pred))
    assert frame.loc["precision", "value"] == pytest.approx(
        skm.precision_score(y, pred)
    )
    assert frame.loc["recall", "value"] == pytest.approx(skm.recall_score(y, pred))
    assert frame.loc["ROC AUC", "value"] == pytest.approx(skm.roc_auc_score(y, s))
    assert frame.loc["average precision", "value"] == pytest.approx(
        skm.average_precision_score(y, s)
    )
    assert e.per_class is None
    text = dict(e.reasons)["Missed, yet ranked high."]
    fn = int(np.sum((y == 1) & (pred == 0)))
    assert text.startswith(f"{fn:,} of the {int(y.sum()):,} spam samples")
    assert "spam vs the rest" in str(e)


def test_errors_and_shortcut():
    assert ev.explain is explainer.explain
    y, p = _multiclass(0, k=4)
    with pytest.raises(ValueError, match="k"):
        ev.explain(y, p, k=5)
    with pytest.raises(ValueError, match="labels"):
        ev.explain(y, p, labels=["a"])
    with pytest.raises(ValueError, match="threshold"):
        ev.explain(y, p, threshold="high")


def test_logits_are_accepted():
    y, p = _multiclass(6, k=5)
    logits = np.log(p) + 3.0  # rows no longer sum to one
    a = ev.explain(y, p).to_frame()["value"]
    b = ev.explain(y, logits).to_frame()["value"]
    np.testing.assert_allclose(a.to_numpy(), b.to_numpy(), atol=1e-12)


@pytest.mark.parametrize(
    "miss, low, wanted, unwanted",
    [
        (203, 0, ["203 samples miss the top 2", "no top-2 hit has"], ["0 samples"]),
        (0, 3, ["3 samples are top-2 hits", "no sample misses the top 2"], ["0 "]),
        (0, 0, ["no sample misses", "no top-2 hit"], ["0 "]),
        (
            1,
            1,
            ["1 sample misses the top 2 although its", "1 sample is a top-2 hit"],
            [],
        ),
    ],
)
def test_topk_disagreement_counts_read_naturally(miss, low, wanted, unwanted):
    from evalviz.explainer import _disagreement_counts

    text = _disagreement_counts(2, miss, low)
    for phrase in wanted:
        assert phrase in text
    for phrase in unwanted:
        assert phrase not in text


def test_near_perfect_numbers_are_not_rounded_to_one():
    rng = np.random.default_rng(11)
    y = np.repeat(np.arange(3), 1500)
    logits = rng.normal(size=(y.size, 3))
    logits[np.arange(y.size), y] += 4.0
    p = np.exp(logits)
    p /= p.sum(axis=1, keepdims=True)
    e = ev.explain(y, p)
    auc = e.per_class["ROC AUC"]
    assert ((auc > 0.9995) & (auc < 1)).any()
    md, text = e._repr_markdown_(), str(e)
    values = e.per_class.select_dtypes("number").to_numpy().ravel()
    if not np.any(values == 1.0):
        assert "1.000" not in md and "1.000" not in text
    for value in auc:
        assert format_area(value) in md
