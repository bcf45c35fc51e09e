"""Random differential check of the agreement metrics and losses against scikit-learn.

Each seed draws problems (binary, multi-class integers, strings, multi-label
indicators where the metric takes them; sample weights none, integer with
zeros, or float; ``labels=`` with absent classes; probabilities that do or do
not sum to one) and compares every number, every undefined-metric warning and
every refusal with scikit-learn's. Then a few fixed cases pin the documented
edge cases to scikit-learn's values.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import evalviz.metrics as ev

pytest.importorskip(
    "sklearn",
    minversion="1.9",
    reason="written for scikit-learn 1.9's API and test files (the floor job installs an older scikit-learn; the main job runs this file)",
)
skm = pytest.importorskip("sklearn.metrics")

_STRINGS = np.array(["ant", "bee", "cat", "dog"])


def _labels_case(rng, multilabel_ok=True):
    kinds = ["binary", "multiclass", "strings"] + (
        ["multilabel"] if multilabel_ok else []
    )
    kind = rng.choice(kinds)
    n = int(rng.integers(1, 30))
    if kind == "multilabel":
        k = int(rng.integers(2, 5))
        y_true = (rng.random((n, k)) < 0.4).astype(int)
        y_pred = (rng.random((n, k)) < 0.4).astype(int)
        return y_true, y_pred, kind
    k = 2 if kind == "binary" else int(rng.integers(2, 5))
    values = _STRINGS[:k] if kind == "strings" else np.arange(k)
    y_true = rng.choice(values, n)
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.choice(values, n))
    return y_true, y_pred, kind


def _weights(rng, n):
    pick = rng.integers(0, 3)
    if pick == 0:
        return None
    if pick == 1:
        return rng.integers(0, 4, n)
    return rng.random(n) + 0.01


def _outcome(fn, *args, **kwargs):
    """(value or exception type name, sorted undefined-metric warning messages)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = fn(*args, **kwargs)
        except (ValueError, ZeroDivisionError) as exc:
            value = type(exc).__name__
    messages = sorted(
        str(w.message)
        for w in caught
        if w.category.__name__ == "UndefinedMetricWarning"
    )
    return value, messages


def _same(ours, theirs, what):
    (a, wa), (b, wb) = ours, theirs
    if isinstance(b, str) or isinstance(a, str):
        assert a == b, f"{what}: evalviz {a!r}, scikit-learn {b!r}"
    else:
        np.testing.assert_allclose(
            np.asarray(a, float), np.asarray(b, float), rtol=1e-10, atol=1e-12,
            err_msg=what,
        )  # fmt: skip
    assert len(wa) == len(wb), f"{what}: warnings {wa} vs {wb}"


@pytest.mark.parametrize("seed", range(25))
def test_agreement_metrics_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    for _ in range(10):
        y_true, y_pred, kind = _labels_case(rng)
        sw = _weights(rng, len(y_true))
        what = f"seed {seed}, {kind}, weights {sw is not None}"
        both = [("hamming_loss", {}), ("zero_one_loss", {"normalize": True}),
                ("zero_one_loss", {"normalize": False})]  # fmt: skip
        if kind != "multilabel":
            both += [("matthews_corrcoef", {}), ("balanced_accuracy_score", {}),
                     ("balanced_accuracy_score", {"adjusted": True})]  # fmt: skip
        for name, kw in both:
            _same(
                _outcome(getattr(ev, name), y_true, y_pred, sample_weight=sw, **kw),
                _outcome(getattr(skm, name), y_true, y_pred, sample_weight=sw, **kw),
                f"{name}{kw} {what}",
            )
        averages = [None, "micro", "macro", "weighted"]
        averages += ["samples"] if kind == "multilabel" else []
        averages += ["binary"] if kind == "binary" else []
        for average in averages:
            for zd in ("warn", 0.0, 1.0):
                kw = {"average": average, "zero_division": zd, "sample_weight": sw}
                if kind == "binary" and rng.random() < 0.3:
                    kw["labels"] = [1]
                _same(
                    _outcome(ev.jaccard_score, y_true, y_pred, **kw),
                    _outcome(skm.jaccard_score, y_true, y_pred, **kw),
                    f"jaccard_score {kw} {what}",
                )


@pytest.mark.parametrize("seed", range(30))
def test_kappa_and_likelihood_ratios_match_sklearn(seed):
    rng = np.random.default_rng(1000 + seed)
    for _ in range(10):
        y_true, y_pred, kind = _labels_case(rng, multilabel_ok=False)
        sw = _weights(rng, len(y_true))
        present = np.unique(np.concatenate([y_true, y_pred])).tolist()
        labels = None
        if rng.random() < 0.4:
            labels = rng.permutation(present)[: int(rng.integers(1, len(present) + 1))]
            labels = labels.tolist()
        for weights in (None, "linear", "quadratic"):
            for undefined in (np.nan, 0.0):
                kw = {"labels": labels, "weights": weights, "sample_weight": sw,
                      "replace_undefined_by": undefined}  # fmt: skip
                _same(
                    _outcome(ev.cohen_kappa_score, y_true, y_pred, **kw),
                    _outcome(skm.cohen_kappa_score, y_true, y_pred, **kw),
                    f"cohen_kappa_score {kw} seed {seed} {kind}",
                )
        if kind != "binary" or len(present) < 2:
            continue
        for undefined in (np.nan, 1.0, {"LR+": 5.0, "LR-": 0.5}):
            kw = {"sample_weight": sw, "replace_undefined_by": undefined}
            if rng.random() < 0.5:
                kw["labels"] = present[::-1]
            _same(
                _outcome(ev.class_likelihood_ratios, y_true, y_pred, **kw),
                _outcome(skm.class_likelihood_ratios, y_true, y_pred, **kw),
                f"class_likelihood_ratios {kw} seed {seed}",
            )


def _proba_case(rng):
    """(y_true, y_proba, labels, pos_label) for a random probabilistic problem."""
    n = int(rng.integers(2, 30))
    k = int(rng.integers(2, 5))
    strings = rng.random() < 0.3
    values = _STRINGS[:k] if strings else np.arange(k)
    y_true = rng.choice(values, n)
    labels = None
    if len(np.unique(y_true)) < k or rng.random() < 0.2:
        labels = values.tolist()
    proba = rng.dirichlet(np.ones(k), n)
    if rng.random() < 0.15:
        proba = proba * 1.3 / proba.max()  # rows not summing to one
        proba = np.clip(proba, 0, 1)
    if rng.random() < 0.1:
        proba[rng.integers(0, n)] = np.eye(k)[0]  # certain, possibly wrong
    return y_true, proba, labels, values


@pytest.mark.parametrize("seed", range(25))
def test_losses_match_sklearn(seed):
    rng = np.random.default_rng(2000 + seed)
    for _ in range(8):
        y_true, proba, labels, values = _proba_case(rng)
        sw = _weights(rng, len(y_true))
        what = f"seed {seed}, {len(values)} classes, labels {labels}"
        for normalize in (True, False):
            kw = {"labels": labels, "sample_weight": sw, "normalize": normalize}
            _same(
                _outcome(ev.log_loss, y_true, proba, **kw),
                _outcome(skm.log_loss, y_true, proba, **kw),
                f"log_loss {what}",
            )
        for name in ("brier_score_loss", "d2_brier_score", "d2_log_loss_score"):
            _same(
                _outcome(getattr(ev, name), y_true, proba, labels=labels,
                         sample_weight=sw),
                _outcome(getattr(skm, name), y_true, proba, labels=labels,
                         sample_weight=sw),
                f"{name} {what}",
            )  # fmt: skip
        # one column: the positive class of a binary problem
        y_bin = rng.choice(values[:2], len(y_true))
        p1 = rng.random(len(y_true))
        pos = values[1] if values.dtype.kind == "U" else None
        for name in ("brier_score_loss", "d2_brier_score"):
            _same(
                _outcome(getattr(ev, name), y_bin, p1, pos_label=pos, sample_weight=sw),
                _outcome(
                    getattr(skm, name), y_bin, p1, pos_label=pos, sample_weight=sw
                ),
                f"{name} binary {what}",
            )


@pytest.mark.parametrize("seed", range(20))
def test_hinge_loss_matches_sklearn(seed):
    rng = np.random.default_rng(3000 + seed)
    for _ in range(10):
        n, k = int(rng.integers(2, 25)), int(rng.choice([2, 3, 4]))
        y_true = rng.integers(0, k, n)
        sw = _weights(rng, n)
        if k == 2:
            decision = rng.normal(size=n) * 2
            labels = None
        else:
            decision = rng.normal(size=(n, k)) * 2
            labels = list(range(k)) if len(np.unique(y_true)) < k else None
        _same(
            _outcome(ev.hinge_loss, y_true, decision, labels=labels, sample_weight=sw),
            _outcome(skm.hinge_loss, y_true, decision, labels=labels, sample_weight=sw),
            f"hinge_loss seed {seed}, k {k}",
        )


# ---------------------------------------------------------------------------
# Fixed cases: the edge cases named in the docstrings
# ---------------------------------------------------------------------------


def test_mcc_is_zero_when_undefined_and_refuses_multilabel():
    assert ev.matthews_corrcoef([1, 1, 1], [1, 1, 1]) == 0.0
    assert skm.matthews_corrcoef([1, 1, 1], [1, 1, 1]) == 0.0
    with pytest.raises(ValueError, match="multilabel-indicator is not supported"):
        ev.matthews_corrcoef([[0, 1], [1, 0]], [[0, 1], [1, 1]])


def test_kappa_names_the_label_that_is_missing():
    with pytest.raises(ValueError, match="At least one label in `labels`"):
        ev.cohen_kappa_score(["a", "b"], ["a", "b"], labels=[1, 2])
    with pytest.raises(ValueError, match="replace_undefined_by"):
        ev.cohen_kappa_score([0, 1], [0, 1], replace_undefined_by=2.0)
    with pytest.warns(ev.UndefinedMetricWarning, match="only one label in common"):
        value = ev.cohen_kappa_score([0, 0], [0, 0], replace_undefined_by=0.25)
    assert value == 0.25


def test_likelihood_ratios_edge_cases_match_sklearn():
    # no false positive: LR+ undefined and replaced as asked
    y_true, y_pred = [0, 0, 1, 1], [0, 0, 1, 0]
    with pytest.warns(ev.UndefinedMetricWarning, match="ill-defined"):
        ours = ev.class_likelihood_ratios(
            y_true, y_pred, replace_undefined_by={"LR+": 10.0, "LR-": 0.0}
        )
    with pytest.warns(UserWarning):
        theirs = skm.class_likelihood_ratios(
            y_true, y_pred, replace_undefined_by={"LR+": 10.0, "LR-": 0.0}
        )
    assert ours == theirs == (10.0, 0.5)
    with pytest.raises(ValueError, match="LR\\+"):
        ev.class_likelihood_ratios(y_true, y_pred, replace_undefined_by={"LR+": 0.5})
    with pytest.raises(ValueError, match="only supports binary"):
        ev.class_likelihood_ratios([0, 1, 2], [0, 1, 2])
    with pytest.raises(ValueError, match="single class"):
        ev.class_likelihood_ratios([1, 1], [1, 1])


def test_balanced_accuracy_warns_for_predicted_classes_absent_from_truth():
    with pytest.warns(UserWarning, match="y_pred contains classes not in y_true"):
        ours = ev.balanced_accuracy_score([0, 0, 1], [0, 2, 1])
    with pytest.warns(UserWarning):
        theirs = skm.balanced_accuracy_score([0, 0, 1], [0, 2, 1])
    assert ours == theirs == 0.75


def test_losses_refuse_bad_probabilities_and_keep_the_old_name():
    with pytest.raises(ValueError, match="greater than 1"):
        ev.log_loss([0, 1], [[0.5, 0.5], [-0.1, 1.1]])
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        ev.brier_score_loss([0, 1, 1], [0.2, 0.7])
    with pytest.raises(ValueError, match="pos_label is not specified"):
        ev.brier_score_loss(["no", "yes"], [0.2, 0.7])
    with pytest.warns(FutureWarning, match="renamed to `y_proba`"):
        old = ev.log_loss([0, 1], y_pred=[0.2, 0.7])
    assert old == pytest.approx(skm.log_loss([0, 1], [0.2, 0.7]), rel=1e-12)
    with pytest.raises(ValueError, match="Cannot use both"):
        ev.log_loss([0, 1], [0.2, 0.7], y_pred=[0.2, 0.7])


def test_d2_scores_are_nan_below_two_samples():
    with pytest.warns(ev.UndefinedMetricWarning, match="less than two samples"):
        assert np.isnan(ev.d2_brier_score([1], [0.8]))
    with pytest.warns(ev.UndefinedMetricWarning, match="less than two samples"):
        assert np.isnan(ev.d2_log_loss_score([1], [[0.2, 0.8]]))


def test_certain_wrong_prediction_costs_the_clipped_loss():
    # p clipped to eps: -log(eps) for float64 is 36.04
    value = ev.log_loss([0, 1], [[1.0, 0.0], [1.0, 0.0]])
    assert value == pytest.approx(
        skm.log_loss([0, 1], [[1.0, 0.0], [1.0, 0.0]]), rel=1e-12
    )
    assert value == pytest.approx(-np.log(np.finfo(float).eps) / 2, rel=1e-9)


@pytest.mark.parametrize(
    "name, pred",
    [
        ("log_loss", "proba"),
        ("brier_score_loss", "proba"),
        ("hinge_loss", "score"),
        ("hamming_loss", "label"),
        ("zero_one_loss", "label"),
    ],
)
def test_all_zero_sample_weight_is_a_clear_error(name, pred):
    y = np.array([0, 1, 1, 0])
    p = np.array([0.2, 0.7, 0.6, 0.4])
    second = {"proba": p, "score": p - 0.5, "label": (p > 0.5).astype(int)}[pred]
    fn = getattr(ev, name)
    with pytest.raises(ValueError, match="sample_weight is 0 for all 4 samples"):
        fn(y, second, sample_weight=np.zeros(4))
    w = np.array([0.0, 1.0, 2.0, 0.0])
    want = getattr(skm, name)(y, second, sample_weight=w)
    assert fn(y, second, sample_weight=w) == pytest.approx(want)


def test_multilabel_hamming_loss_all_zero_weight_is_a_clear_error():
    y = np.array([[0, 1], [1, 1]])
    with pytest.raises(ValueError, match="sample_weight is 0 for all 2 samples"):
        ev.hamming_loss(y, [[0, 0], [1, 1]], sample_weight=[0.0, 0.0])
