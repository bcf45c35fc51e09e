"""Bad inputs a tester threw at the merged code: each kind with its right value."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn import metrics as skm

import evalviz as ev

# --- thresholds are compared in the score's own dtype ----------------------

BIG = 2**53
Y6 = np.array([0, 1, 0, 1, 0, 1])
SI = np.arange(BIG + 1, BIG + 7, dtype=np.int64)


def _sk_counts(y, pred):
    tn, fp, fn, tp = skm.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    return int(tp), int(fp), int(tn), int(fn)


def test_integer_scores_above_2_53_are_cut_exactly():
    right = _sk_counts(Y6, SI >= BIG + 4)
    assert right == (2, 1, 2, 1)
    row = ev.metrics.counts_at_thresholds(Y6, SI, [BIG + 4]).iloc[0]
    assert (row.tp, row.fp, row.tn, row.fn) == right
    assert int(row.threshold) == BIG + 4
    c = ev.metrics.confusion_at_threshold(Y6, SI, BIG + 4)
    assert (c["tp"], c["fp"], c["tn"], c["fn"]) == right
    n = ev.explain(Y6, SI, threshold=BIG + 4).numbers
    assert (n["true positives"], n["false positives"]) == (2, 1)
    curve = ev.threshold.threshold_curve(Y6, SI)
    assert curve["threshold"].tolist() == list(range(BIG + 1, BIG + 7))
    assert curve["fp"].tolist() == [3, 2, 2, 1, 1, 0]


def test_float_threshold_against_integer_scores_is_its_ceiling():
    s = np.array([1, 2, 3, 4])
    y = np.array([0, 0, 1, 1])
    row = ev.metrics.counts_at_thresholds(y, s, [2.5]).iloc[0]
    assert (row.tp, row.fp) == (2, 0)
    assert ev.metrics.confusion_at_threshold(y, s, 2.5)["fp"] == 0


def test_float32_scores_compare_with_the_float32_threshold():
    y = np.array([0, 1, 1, 0])
    s = np.float32([0.2, 0.7, 0.9, 0.1])
    assert _sk_counts(y, s >= np.float32(0.7))[0] == 2
    assert ev.metrics.counts_at_thresholds(y, s, [0.7]).tp.tolist() == [2]
    assert ev.metrics.confusion_at_threshold(y, s, 0.7)["tp"] == 2
    assert ev.explain(y, s, threshold=0.7).numbers["true positives"] == 2
    assert ev.metrics.binary_summary(y, s, threshold=0.7)["tp"] == 2


# --- an (n, 2) matrix for a binary problem must hold probability rows --------


def _binary_logits():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 60)
    L = rng.normal(size=(60, 2)) * 2
    L[:, 1] += y
    return y, L


@pytest.mark.parametrize(
    "call",
    [
        lambda y, s: ev.metrics.roc_auc(y, s),
        lambda y, s: ev.roc(y, s),
        lambda y, s: ev.explain(y, s),
        lambda y, s: ev.threshold.pick_threshold(y, s, recall=0.5),
        lambda y, s: ev.distributions.score_distribution(y, s),
        lambda y, s: ev.metrics.counts_at_thresholds(y, s, [0.5]),
        lambda y, s: ev.metrics.confusion_at_threshold(y, s, 0.5),
    ],
)
def test_binary_logit_matrix_is_refused_with_the_logit_difference(call):
    y, L = _binary_logits()
    with pytest.raises(ValueError, match=r"y_score\[:, 1\] - y_score\[:, 0\]"):
        call(y, L)


def test_binary_logit_difference_and_argmax_readers_work():
    y, L = _binary_logits()
    diff = L[:, 1] - L[:, 0]
    assert ev.metrics.roc_auc(y, diff) == pytest.approx(skm.roc_auc_score(y, diff))
    # argmax readers are offset-free and stay accepting
    assert ev.metrics.top_k_accuracy(y, L, 1) == pytest.approx(
        skm.accuracy_score(y, L.argmax(1))
    )
    P = np.exp(L) / np.exp(L).sum(axis=1, keepdims=True)
    assert ev.metrics.roc_auc(y, P) == pytest.approx(skm.roc_auc_score(y, P[:, 1]))


def test_rounded_probabilities_get_renormalise_advice_not_softmax():
    P = np.round(np.random.default_rng(1).dirichlet([1, 1, 1], 30), 2)
    P[0] = [0.34, 0.34, 0.33]  # sums to 1.01
    y = np.arange(30) % 3
    with pytest.raises(ValueError, match=r"sum\(axis=1, keepdims=True\)") as info:
        ev.metrics.roc_auc(y, P)
    assert "softmax(" not in str(info.value).split("distort")[0]
    with pytest.raises(ValueError, match="softmax"):
        ev.metrics.roc_auc(y, np.log(P + 0.01))


def test_binary_function_takes_one_class_against_the_rest_with_pos_label():
    rng = np.random.default_rng(2)
    y3 = rng.integers(0, 3, 80)
    P3 = rng.dirichlet([1, 1, 1], 80)
    got = ev.threshold.pick_threshold(y3, P3, recall=0.5, pos_label=1)
    assert got == ev.threshold.pick_threshold(y3 == 1, P3[:, 1], recall=0.5)
    curve = ev.threshold.threshold_curve(y3, P3, pos_label=2)
    ref = ev.threshold.threshold_curve(y3 == 2, P3[:, 2])
    assert curve["tp"].tolist() == ref["tp"].tolist()
    with pytest.raises(ValueError, match=r"pos_label=2"):
        ev.threshold.pick_threshold(y3, P3, recall=0.5)


# --- one class set: scikit-learn's (in y_true or predicted, unless labels=) --


def test_report_and_confusion_from_scores_count_scikit_learns_classes():
    y = np.array([0, 1, 2, 0, 1, 2, 0, 1])
    S = np.eye(4)[y] * 0.7 + 0.075  # class 3 never true, never predicted
    sk = skm.classification_report(y, S.argmax(1), output_dict=True)
    rep = ev.confusion.report(y, S).report
    assert rep.loc["macro avg", "f1-score"] == pytest.approx(
        sk["macro avg"]["f1-score"]
    )
    assert rep.loc["macro avg", "f1-score"] == 1.0
    assert list(rep.index[:3]) == ["0", "1", "2"]
    assert rep.loc["accuracy", "support"] == 8  # the number of samples
    assert rep.loc["accuracy", "precision"] == sk["accuracy"]
    assert ev.confusion.report(y, S.argmax(1)).report.equals(rep)
    d = ev.confusion.confusion_display(y, S)
    np.testing.assert_array_equal(
        d.confusion_matrix, skm.confusion_matrix(y, S.argmax(1))
    )
    # labels= keeps every listed class, as scikit-learn's labels=
    four = ev.confusion.report(y, S, labels=[0, 1, 2, 3]).report
    sk4 = skm.classification_report(
        y, S.argmax(1), labels=[0, 1, 2, 3], output_dict=True, zero_division=0
    )
    assert four.loc["macro avg", "f1-score"] == pytest.approx(
        sk4["macro avg"]["f1-score"]
    )


# --- pandas and object labels ---------------------------------------------

_YES_NO = ["no", "no", "yes", "yes", "no", "yes"]
_S6 = [0.1, 0.3, 0.8, 0.6, 0.4, 0.9]


@pytest.mark.parametrize(
    "y",
    [
        pd.Series(_YES_NO),
        pd.Series(_YES_NO).astype("string"),
        pd.Series(_YES_NO).astype("category"),
        np.array(_YES_NO, dtype=object),
    ],
)
def test_pandas_and_object_string_labels_are_read(y):
    right = skm.roc_auc_score(np.array(_YES_NO) == "yes", _S6)
    assert ev.metrics.roc_auc(y, _S6, pos_label="yes") == pytest.approx(right)
    assert right == 1.0


@pytest.mark.parametrize(
    "y, first",
    [
        (pd.Series(["no", None, "yes", "yes", "no", "yes"]), 1),
        (pd.Series([0, 1, None, 1, 0, 1], dtype="Int64"), 2),
        (np.array([0, 1, np.nan, 1, 0, 1.0]), 2),
        (pd.Series(["no", "no", "yes", pd.NA, "no", "yes"], dtype="string"), 3),
    ],
)
def test_missing_labels_are_named_as_missing(y, first):
    with pytest.raises(ValueError, match=rf"1 missing value.*index {first}\b"):
        ev.metrics.roc_auc(y, _S6, pos_label="yes" if first in (1, 3) else None)


def test_object_arrays_of_bools_and_ints_are_numbers():
    y = np.array([True, False, True], dtype=object)
    assert ev.metrics.accuracy(y, [True, True, True]) == pytest.approx(2 / 3)
    yi = np.array([0, 1, 1], dtype=object)
    assert ev.metrics.roc_auc(yi, [0.2, 0.9, 0.4]) == 1.0


# --- default k clamped to the number of classes ------------------------------


def test_topk_default_max_k_is_clamped_to_the_classes():
    y = np.array(["cat", "dog", "emu", "cat"])
    disp = ev.topk.topk(y, np.full((4, 3), 1 / 3))
    assert disp.accuracy.tolist() == pytest.approx([0.5, 0.75, 1.0])
    with pytest.raises(ValueError, match="max_k=5"):
        ev.topk.topk(y, np.full((4, 3), 1 / 3), max_k=5)


def test_label_groups_default_k_is_clamped():
    rng = np.random.default_rng(0)
    Y = (rng.random((60, 3)) < 0.4).astype(int)
    Y[0], Y[1] = 1, 0
    S = rng.random((60, 3))
    disp = ev.topk.label_groups(Y, S)
    assert disp.k == 3


# --- labels= given as names: one deprecation rule, one warning ---------------

_NAMES = ["cat", "dog", "emu"]


def test_labels_as_names_work_for_predicted_labels_with_one_warning():
    y = np.array([0, 1, 2, 0, 1, 2])
    p = np.array([0, 1, 1, 0, 2, 2])
    with pytest.warns(DeprecationWarning, match="display names"):
        got = ev.metrics.precision_recall_f1(y, p, average="macro", labels=_NAMES)
    right = skm.precision_recall_fscore_support(y, p, average="macro")
    assert got[:3] == pytest.approx(right[:3])
    with pytest.warns(DeprecationWarning):
        cm = ev.metrics.confusion_matrix(y, p, labels=_NAMES)
    np.testing.assert_array_equal(cm, skm.confusion_matrix(y, p))
    P = np.eye(3)[p] * 0.7 + 0.1
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ev.explain(y, P, labels=_NAMES)
    assert sum(w.category is DeprecationWarning for w in caught) == 1


# --- ax= on every from_predictions -------------------------------------------


def test_from_predictions_take_ax():
    import matplotlib.pyplot as plt

    y = np.array([0, 1, 1, 0, 1, 0, 1, 0] * 10)
    s = np.linspace(0.05, 0.95, 80)
    fig, ax = plt.subplots()
    with pytest.warns(DeprecationWarning):
        d = ev.confusion.ConfusionMatrixDisplay.from_predictions(y, y, ax=ax)
    assert d.ax_ is ax
    fig2, ax2 = plt.subplots()
    sweep = ev.widgets.PrevalenceSweep.from_predictions(y, s, ax=ax2)
    assert sweep.ax_ is ax2
    rng = np.random.default_rng(0)
    Y = (rng.random((80, 4)) < 0.4).astype(int)
    S = rng.random((80, 4))
    fig3, one = plt.subplots()
    g = ev.topk.LabelGroupsDisplay.from_predictions(Y, S, k=2, edges=(2,), ax=one)
    assert len(g.ax_) == 2 and g.figure_ is fig3
    fig4 = plt.figure()
    g = ev.topk.LabelGroupsDisplay.from_predictions(Y, S, k=2, edges=(2,), ax=fig4)
    assert g.figure_ is fig4 and len(fig4.axes) == 2
    plt.close("all")


def test_macro_curves_refuse_labels_and_scores_with_the_right_function():
    y = np.arange(30) % 3
    P = np.random.default_rng(0).dirichlet([1, 1, 1], 30)
    with pytest.raises(ValueError, match=r"roc_curves\(y_true, y_score\)\.macro"):
        ev.metrics.macro_roc_curve(y, P)
    with pytest.raises(ValueError, match=r"pr_curves\(y_true, y_score\)\.macro"):
        ev.metrics.macro_pr_curve(P, y)
    curves = ev.metrics.roc_curves(y, P)
    x, t, area = ev.metrics.macro_roc_curve(curves.x, curves.y)
    assert area == pytest.approx(skm.roc_auc_score(y, P, multi_class="ovr"))


@pytest.mark.parametrize("make", [ev.confusion.confusion_display, ev.confusion.report])
def test_confusion_errors_use_the_real_argument_name(make):
    y = np.array([0, 1, 1, 0])
    with pytest.raises(ValueError, match=r"y_pred_or_score.*y_score >= threshold"):
        make(y, np.array([0.2, 0.7, 0.9, 0.1]))
    with pytest.raises(ValueError, match=r"y_pred_or_score has shape \(4, 2, 2\)"):
        make(y, np.zeros((4, 2, 2)))
    with pytest.raises(ValueError, match=r"y_pred_or_score has 3;"):
        make(y, np.array([0, 1, 1]))


def test_pr_with_an_absent_class_names_average_precision():
    y = np.array([0, 1, 0, 1, 0, 1])
    S = np.random.default_rng(0).dirichlet([1, 1, 1], 6)
    with pytest.raises(ValueError, match=r"class '2'.*average precision is undefined"):
        ev.pr(y, S)
    with pytest.raises(ValueError, match=r"class '2'.*ROC AUC is undefined"):
        ev.roc(y, S)
    with pytest.raises(ValueError, match=r"average_precision\(y_true, y_score, aver"):
        ev.metrics.pr_curves(y, S)
    Y = np.eye(3)[y]
    assert ev.metrics.average_precision(y, S, average="micro") == pytest.approx(
        skm.average_precision_score(Y, S, average="micro")
    )


def test_pos_label_of_the_wrong_type_suggests_the_class():
    y = ["1", "1", "2", "2", "1", "2"]
    s = [0.1, 0.3, 0.8, 0.6, 0.4, 0.9]
    with pytest.raises(ValueError, match=r"pos_label='2'"):
        ev.metrics.roc_auc(y, s, pos_label=2)
    right = skm.roc_auc_score(np.array(y) == "2", s)
    assert ev.metrics.roc_auc(y, s, pos_label="2") == pytest.approx(right)


@pytest.mark.parametrize(
    "y, pos_label, name",
    [
        (np.array([0, 1, 1, 0, 1, 0]), None, "1"),
        (np.array([-1, 1, 1, -1, 1, -1]), None, "1"),
        (np.array([0, 1, 1, 0, 1, 0]), 1.0, "1"),
        (np.array([0.0, 1.0, 1.0, 0.0, 1.0, 0.0]), 1.0, "1"),
        (np.array(["n", "y", "y", "n", "y", "n"]), "y", "y"),
    ],
)
def test_positive_class_has_one_name_everywhere(y, pos_label, name):
    s = [0.1, 0.8, 0.7, 0.3, 0.6, 0.2]
    kw = {} if pos_label is None else {"pos_label": pos_label}
    assert ev.roc(y, s, **kw).class_names == [name]
    assert ev.pr(y, s, **kw).class_names == [name]
    assert ev.distributions.score_distribution(y, s, **kw).class_name == name


def test_threshold_explorer_cuts_in_the_score_dtype():
    pytest.importorskip("ipywidgets")
    ex = ev.widgets.threshold_explorer(Y6, SI, threshold=BIG + 4)
    assert [ex.state[k] for k in ("tp", "fp", "tn", "fn")] == [2, 1, 2, 1]
    y = np.array([0, 1, 1, 0])
    ex = ev.widgets.threshold_explorer(
        y, np.float32([0.2, 0.7, 0.9, 0.1]), threshold=0.7
    )
    assert ex.state["tp"] == 2
    y2, L = _binary_logits()
    with pytest.raises(ValueError, match=r"y_score\[:, 1\] - y_score\[:, 0\]"):
        ev.widgets.threshold_explorer(y2, L)
