"""evalviz._pair_model: the two-class logistic regression with two outputs."""

from __future__ import annotations

import numpy as np
import pytest

from evalviz._pair_model import pair_predictions

pytestmark = pytest.mark.slow


def test_two_softmax_style_columns_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("EVALVIZ_CACHE", str(tmp_path))
    pred = pair_predictions(max_iter=20)
    assert not pred.from_cache
    assert pred.class_names == ("T-shirt/top", "Shirt")
    # 1,000 test images of each class; 600 validation images of each.
    assert np.bincount(pred.y_test).tolist() == [1000, 1000]
    assert np.bincount(pred.y_val).tolist() == [600, 600]
    assert pred.proba_test.shape == (2000, 2)
    np.testing.assert_allclose(pred.proba_test.sum(axis=1), 1.0)
    assert pred.y_test_onehot.shape == (2000, 2)
    assert (pred.y_test_onehot.argmax(axis=1) == pred.y_test).all()
    assert np.mean(pred.proba_test.argmax(axis=1) == pred.y_test) > 0.7
    again = pair_predictions(max_iter=20)
    assert again.from_cache
    np.testing.assert_array_equal(again.proba_test, pred.proba_test)
    assert "'Shirt' (1)" in repr(pred)


def test_bad_classes_are_refused():
    with pytest.raises(ValueError, match="two different"):
        pair_predictions((3, 3), cache=False)
    with pytest.raises(ValueError, match="two different"):
        pair_predictions((0, 10), cache=False)
