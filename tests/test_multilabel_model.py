"""evalviz._multilabel_model: the outfit MLP's cached multi-label predictions."""

from __future__ import annotations

import numpy as np
import pytest

from evalviz._multilabel_model import _features, outfits_predictions

pytestmark = pytest.mark.slow

TINY = dict(hidden_layer_sizes=(8,), epochs=2, pool=4, progress=False)


def test_features_mean_pool_and_scale():
    images = np.zeros((2, 56, 56), dtype=np.uint8)
    images[0, :2, :2] = 255
    images[1, :2, :2] = [[255, 0], [0, 0]]
    feats = _features(images, 2)
    assert feats.shape == (2, 28 * 28)
    assert feats[0, 0] == pytest.approx(1.0)
    assert feats[1, 0] == pytest.approx(0.25)
    assert feats[:, 1:].max() == 0


def test_predictions_are_cached_and_keyed_by_parameters(tmp_path, monkeypatch):
    monkeypatch.setenv("EVALVIZ_CACHE", str(tmp_path))
    first = outfits_predictions(**TINY)
    assert not first.from_cache
    assert first.y_val.shape == first.proba_val.shape == (1500, 10)
    assert first.y_test.shape == first.proba_test.shape == (2500, 10)
    assert set(np.unique(first.y_test).tolist()) == {0, 1}
    assert (first.proba_test >= 0).all() and (first.proba_test <= 1).all()
    # One sigmoid per label: rows do not sum to one.
    assert not np.allclose(first.proba_test.sum(axis=1), 1.0)
    assert len(first.loss_curve) == 2
    assert first.class_names[0] == "T-shirt/top"
    assert "labels=10" in repr(first)
    about = first.describe()
    assert about["training outfits"] == 13500
    assert about["validation outfits"] == 1500 and about["test outfits"] == 2500
    assert about["hidden layer"] == "8 units, ReLU activation"
    assert "0.25" in about["outfit"]
    assert about["inputs"].startswith("14 x 14 = 196 pixels")
    # Every text fits in 50 characters, so pandas shows it whole.
    assert max(len(str(v)) for v in about) <= 50

    again = outfits_predictions(**TINY)
    assert again.from_cache and again.path == first.path
    np.testing.assert_array_equal(again.proba_test, first.proba_test)

    other = outfits_predictions(**{**TINY, "epochs": 1})
    assert not other.from_cache and other.path != first.path
    assert len(list(tmp_path.glob("outfits-mlp-*.npz"))) == 2


def test_bad_pool_is_refused():
    with pytest.raises(ValueError, match="pool must divide 56"):
        outfits_predictions(pool=3, cache=False)
