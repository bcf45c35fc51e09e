"""evalviz.conventions.compare against the real Keras 3 and torchmetrics.

Needs the ``parity`` extra (``pip install "evalviz[parity]"``): torch, keras and
torchmetrics. Without them the whole module is skipped with a reason. Keras runs
on the torch backend, chosen here before keras is imported.

Every random case (binary, multi-class, one-hot and multi-label, 200 of each)
is fed to the real metric objects with their default arguments, exactly as a
user would type them, and each number must equal the ``keras`` or
``torchmetrics`` cell of ``compare``. Where the real library raises, the cell
must be an ``"error: ..."`` string.
"""

from __future__ import annotations

import os
import warnings

import numpy as np
import pytest

os.environ["KERAS_BACKEND"] = "torch"

_REASON = (
    'needs the parity extra: pip install "evalviz[parity]" (torch, keras, torchmetrics)'
)
torch = pytest.importorskip("torch", reason=_REASON)
keras = pytest.importorskip("keras", reason=_REASON)
torchmetrics = pytest.importorskip("torchmetrics", reason=_REASON)

from convention_cases import cases  # noqa: E402

from evalviz.conventions import compare  # noqa: E402

pytestmark = [
    pytest.mark.parity,
    # Keras' torch backend converts tensors with np.array(x) (a numpy 2 notice).
    pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning"),
]

N_CASES = 200
KERAS_TOL = dict(rtol=2e-5, atol=2e-6)  # Keras computes in float32
TORCH_TOL = dict(rtol=1e-6, atol=1e-7)  # counting ratios come back as float32

if keras.backend.backend() != "torch":  # pragma: no cover - depends on the machine
    pytest.skip(
        f"keras was imported with the {keras.backend.backend()!r} backend before "
        "this module set KERAS_BACKEND=torch",
        allow_module_level=True,
    )


# ---------------------------------------------------------------------------
# The real libraries, called with their defaults
# ---------------------------------------------------------------------------

_MODELS: dict = {}


def _keras_compiled_accuracy(y_true, y_score, loss):
    """``model.compile(loss=..., metrics=["accuracy"])`` on an identity model."""
    width = y_score.shape[1]
    key = (width, loss)
    if key not in _MODELS:
        inputs = keras.Input(shape=(width,))
        model = keras.Model(inputs, keras.layers.Identity()(inputs))
        model.compile(loss=loss, metrics=["accuracy"])
        _MODELS[key] = model
    result = _MODELS[key].evaluate(
        y_score, y_true, batch_size=y_score.shape[0], verbose=0, return_dict=True
    )
    return result["accuracy"]


def _keras_metric(metric, y_true, y_score):
    try:
        metric.update_state(y_true, y_score)
        value = metric.result()
    except Exception as exc:  # noqa: BLE001 - any failure is "Keras raises"
        return exc
    return np.asarray(keras.ops.convert_to_numpy(value), dtype=np.float64)


def keras_values(kind, y_true, y_score, threshold):
    """What Keras reports, per metric name."""
    s = np.asarray(y_score, dtype=np.float32)
    if kind == "binary":
        y2 = y_true.astype(np.float32)[:, None]
        s2 = s[:, None]
        if threshold == 0.5:
            acc = _keras_compiled_accuracy(
                y_true.astype(np.float32), s2, "binary_crossentropy"
            )
        else:
            acc = _keras_metric(
                keras.metrics.BinaryAccuracy(threshold=threshold), y2, s2
            )
    elif kind == "multiclass":
        y2 = np.eye(s.shape[1], dtype=np.float32)[y_true]
        s2 = s
        acc = _keras_compiled_accuracy(y_true, s2, "sparse_categorical_crossentropy")
    else:
        y2 = y_true.astype(np.float32)
        s2 = s
        loss = (
            "categorical_crossentropy" if kind == "one-hot" else "binary_crossentropy"
        )
        acc = _keras_compiled_accuracy(y2, s2, loss)
    return {
        "accuracy": acc,
        "precision": _keras_metric(
            keras.metrics.Precision(thresholds=threshold), y2, s2
        ),
        "recall": _keras_metric(keras.metrics.Recall(thresholds=threshold), y2, s2),
        "F1": _keras_metric(keras.metrics.F1Score(), y2, s2),
        "AUC": _keras_metric(keras.metrics.AUC(), y2, s2),
        "top-k": _keras_metric(keras.metrics.TopKCategoricalAccuracy(), y2, s2),
    }


def _tm(metric, preds, target):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return float(metric(preds, target))
        except Exception as exc:  # noqa: BLE001
            return exc


def torchmetrics_values(kind, y_true, y_score, threshold):
    """What torchmetrics reports, per metric name (float64 tensors)."""
    preds = torch.from_numpy(np.asarray(y_score, dtype=np.float64))
    if kind == "binary":
        args = dict(task="binary", threshold=threshold)
        target = torch.from_numpy(y_true.astype(np.int64))
        auroc = torchmetrics.AUROC(task="binary")
    elif kind in ("multiclass", "one-hot"):
        k = y_score.shape[1]
        labels = y_true if kind == "multiclass" else y_true.argmax(axis=1)
        args = dict(task="multiclass", num_classes=k)
        target = torch.from_numpy(labels.astype(np.int64))
        auroc = torchmetrics.AUROC(task="multiclass", num_classes=k)
    else:
        k = y_score.shape[1]
        args = dict(task="multilabel", num_labels=k, threshold=threshold)
        target = torch.from_numpy(y_true.astype(np.int64))
        auroc = torchmetrics.AUROC(task="multilabel", num_labels=k)
    values = {
        "accuracy": _tm(torchmetrics.Accuracy(**args), preds, target),
        "precision": _tm(torchmetrics.Precision(**args), preds, target),
        "recall": _tm(torchmetrics.Recall(**args), preds, target),
        "F1": _tm(torchmetrics.F1Score(**args), preds, target),
        "AUC": _tm(auroc, preds, target),
    }
    if kind in ("multiclass", "one-hot"):
        # The "top-k" a torchmetrics user gets by default: top_k=1.
        values["top-k"] = _tm(torchmetrics.Accuracy(**args), preds, target)
    return values


def _check(table, library, expected, tol, context):
    for name, want in expected.items():
        got = table.loc[name, library]
        where = f"{library} {name} ({context})"
        if isinstance(want, Exception):
            assert isinstance(got, str) and got.startswith("error:"), (
                f"{where}: the library raises {want!r} but compare says {got!r}"
            )
            continue
        assert not isinstance(got, str), (
            f"{where}: library gives {want}, compare {got!r}"
        )
        np.testing.assert_allclose(got, want, **tol, err_msg=where)


def _context(kind, y_true, y_score, threshold):
    return (
        f"{kind}, y_true {y_true.shape}, y_score {y_score.shape}, threshold {threshold}"
    )


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------

KINDS = ("binary", "multiclass", "one-hot", "multilabel")


@pytest.mark.parametrize("kind", KINDS)
def test_keras_matches_compare(kind):
    n = 0
    for y_true, y_score, threshold in cases(kind, N_CASES, seed=11):
        table = compare(y_true, y_score, threshold=threshold)
        assert table.kind == kind
        expected = keras_values(kind, y_true, y_score, threshold)
        _check(
            table,
            "keras",
            expected,
            KERAS_TOL,
            _context(kind, y_true, y_score, threshold),
        )
        n += 1
    assert n == N_CASES


@pytest.mark.parametrize("kind", KINDS)
def test_torchmetrics_matches_compare(kind):
    n = 0
    for y_true, y_score, threshold in cases(kind, N_CASES, seed=12):
        table = compare(y_true, y_score, threshold=threshold)
        expected = torchmetrics_values(kind, y_true, y_score, threshold)
        _check(
            table,
            "torchmetrics",
            expected,
            TORCH_TOL,
            _context(kind, y_true, y_score, threshold),
        )
        # torchmetrics has top_k only for task="multiclass".
        no_top_k = table.loc["top-k", "torchmetrics"]
        assert isinstance(no_top_k, str) == (kind in ("binary", "multilabel"))
        n += 1
    assert n == N_CASES


def test_keras_accuracy_string_ignores_the_loss():
    """Keras 3 picks 'accuracy' from shapes: multi-label gets CategoricalAccuracy."""
    y_true = np.array(
        [[0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0], [1, 0, 1]], np.float32
    )
    y_score = np.array(
        [[1, 0, 0], [1, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 1]], np.float32
    )
    compiled = _keras_compiled_accuracy(y_true, y_score, "binary_crossentropy")
    categorical = _keras_metric(keras.metrics.CategoricalAccuracy(), y_true, y_score)
    binary = _keras_metric(keras.metrics.BinaryAccuracy(), y_true, y_score)
    assert compiled == pytest.approx(float(categorical))
    assert float(binary) == pytest.approx(10 / 15)
    table = compare(y_true, y_score * 0.9 + 0.05)
    assert table.loc["accuracy", "keras"] == pytest.approx(compiled)
    assert table.loc["accuracy", "torchmetrics"] == pytest.approx(10 / 15)
    assert table.loc["accuracy", "sklearn"] == pytest.approx(0.6)


def test_seed_one_hot_counts_give_one_number_three_times():
    """Two softmax columns, one-hot labels: Keras precision = recall = accuracy."""
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 400)
    p1 = np.clip(0.5 + (y - 0.5) * 0.5 + rng.normal(0, 0.25, 400), 0.01, 0.99)
    score = np.stack([1 - p1, p1], axis=1).astype(np.float32)
    onehot = np.eye(2, dtype=np.float32)[y]
    got = keras_values("one-hot", onehot, score, 0.5)
    assert float(got["precision"]) == pytest.approx(float(got["accuracy"]), abs=1e-6)
    assert float(got["recall"]) == pytest.approx(float(got["accuracy"]), abs=1e-6)
    table = compare(onehot, score)
    assert table.loc["precision", "keras"] == pytest.approx(
        float(got["precision"]), abs=1e-6
    )
    assert table.loc["precision", "sklearn"] != pytest.approx(
        table.loc["recall", "sklearn"]
    )
