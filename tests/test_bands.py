"""Bootstrap bands of ROC and PR curves, checked against brute-force resampling."""

from __future__ import annotations

import warnings

import matplotlib
import numpy as np
import pytest
from sklearn.metrics import roc_curve

matplotlib.use("Agg")

import evalviz as ev  # noqa: E402
from evalviz.metrics import pr_band, roc_band  # noqa: E402


def _data(seed=3, n=120, rounding=1):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    s = np.round(rng.normal(y * 0.9, 1.0), rounding)  # many ties
    return y, s


def _tpr_at(y, s, grid):
    fpr, tpr, _ = roc_curve(y, s, drop_intermediate=False)
    return np.array([tpr[fpr <= x].max() for x in grid])


def _precision_at(y, s, grid):
    """Precision of the highest threshold whose recall reaches r (brute force)."""
    out = []
    cuts = np.unique(s)[::-1]
    tp = np.array([np.sum((s >= c) & (y == 1)) for c in cuts])
    pp = np.array([np.sum(s >= c) for c in cuts])
    recall = tp / y.sum()
    for r in grid:
        j = np.flatnonzero(recall >= r)[0]
        out.append(tp[j] / pp[j])
    return np.array(out)


def test_roc_estimate_is_max_tpr_at_fpr_at_most_x():
    y, s = _data()
    grid = np.linspace(0, 1, 21)
    band = roc_band(y, s, grid=grid, n_resamples=100)
    np.testing.assert_allclose(band.estimate[0], _tpr_at(y, s, grid))


def test_pr_estimate_is_precision_where_recall_first_reaches_r():
    y, s = _data(seed=5)
    grid = np.linspace(0, 1, 21)
    band = pr_band(y, s, grid=grid, n_resamples=100)
    np.testing.assert_allclose(band.estimate[0], _precision_at(y, s, grid))


@pytest.mark.parametrize("kind", ["roc", "pr"])
def test_stratified_band_equals_brute_force_resampling(kind):
    y, s = _data(seed=7, n=90)
    grid = np.linspace(0, 1, 11)
    n_resamples = 150
    fn, brute = (roc_band, _tpr_at) if kind == "roc" else (pr_band, _precision_at)
    band = fn(y, s, grid=grid, n_resamples=n_resamples, seed=11)
    # the same random streams: one child per class, positives then negatives,
    # each drawn as indices into that side's samples in decreasing score order
    rng = np.random.default_rng(11).spawn(1)[0]
    order = np.argsort(-s, kind="stable")
    pos, neg = s[order][y[order] == 1], s[order][y[order] == 0]
    ip = rng.integers(0, pos.size, size=(n_resamples, pos.size))
    ineg = rng.integers(0, neg.size, size=(n_resamples, neg.size))
    values = np.array(
        [
            brute(
                np.r_[np.ones(pos.size), np.zeros(neg.size)],
                np.r_[pos[a], neg[b]],
                grid,
            )
            for a, b in zip(ip, ineg, strict=True)
        ]
    )
    low, high = np.quantile(values, [0.025, 0.975], axis=0)
    np.testing.assert_allclose(band.low[0], low)
    np.testing.assert_allclose(band.high[0], high)


def test_unstratified_band_equals_brute_force_resampling():
    y, s = _data(seed=8, n=80)
    grid = np.linspace(0, 1, 11)
    band = roc_band(y, s, grid=grid, n_resamples=200, stratify=False, seed=2)
    rng = np.random.default_rng(2).spawn(1)[0]
    order = np.argsort(-s, kind="stable")
    ys, ss = y[order], s[order]
    idx = rng.integers(0, y.size, size=(200, y.size))
    values = []
    for i in idx:
        if ys[i].min() == ys[i].max():
            values.append(np.full(grid.size, np.nan))
        else:
            values.append(_tpr_at(ys[i], ss[i], grid))
    low, high = np.nanquantile(np.array(values), [0.025, 0.975], axis=0)
    np.testing.assert_allclose(band.low[0], low)
    np.testing.assert_allclose(band.high[0], high)


def test_band_brackets_the_curve_and_narrows_with_more_data():
    rng = np.random.default_rng(0)
    widths = []
    for n in (200, 3200):
        y = rng.integers(0, 2, n)
        s = rng.normal(y, 1.0)
        band = roc_band(y, s, n_resamples=300, grid=np.linspace(0.05, 0.95, 19))
        assert np.all(band.low <= band.estimate + 1e-12)
        assert np.all(band.estimate <= band.high + 1e-12)
        widths.append(np.mean(band.high - band.low))
    # 16 times the data: about a quarter of the width
    assert 0.15 < widths[1] / widths[0] < 0.4


def test_multiclass_band_has_one_row_per_class():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 3, 150)
    p = rng.dirichlet(np.ones(3), 150)
    band = roc_band(y, p, n_resamples=100, display_labels=["a", "b", "c"])
    assert band.names == ["a", "b", "c"]
    assert band.low.shape == (3, band.grid.size)
    frame = band.to_frame()
    assert list(frame.columns) == ["class", "fpr", "tpr", "low", "high"]
    assert len(frame) == 3 * band.grid.size


@pytest.mark.parametrize(
    ("kwargs", "error", "word"),
    [
        ({"confidence": 1.5}, ValueError, "confidence"),
        ({"confidence": 0}, ValueError, "confidence"),
        ({"n_resamples": 10}, ValueError, "n_resamples"),
        ({"n_resamples": 100.5}, TypeError, "n_resamples"),
        ({"grid": [0.1, 2.0]}, ValueError, "grid"),
    ],
)
def test_bad_arguments_name_themselves(kwargs, error, word):
    y, s = _data()
    with pytest.raises(error, match=word):
        roc_band(y, s, **kwargs)


def test_roc_display_draws_band_under_its_curve():
    y, s = _data(n=200)
    curves = ev.roc(y, s, confidence=0.9, n_resamples=200).plot()
    assert curves.band is not None and curves.band.confidence == 0.9
    poly = curves.lines_["band:1"]
    verts = poly.get_paths()[0].vertices
    table = curves.to_frame("band")
    np.testing.assert_allclose(verts[:, 1].max(), table["high"].max())
    np.testing.assert_allclose(verts[:, 1].min(), table["low"].min())
    labels = [t.get_text() for t in curves.ax_.get_legend().get_texts()]
    assert any(label.startswith("90% bootstrap band of TPR") for label in labels)


def test_band_legend_swatch_has_the_band_colour():
    from matplotlib.colors import to_rgb

    y, s = _data(n=200)
    curves = ev.roc(y, s, confidence=0.9, n_resamples=100).plot()
    fill = curves.lines_["band:1"].get_facecolor()[0]
    swatch = curves.lines_["band"]
    assert to_rgb(swatch.get_color()) == pytest.approx(tuple(fill[:3]))
    # the legend handle drawn for the entry is that colour too
    legend = curves.ax_.get_legend()
    labels = [t.get_text() for t in legend.get_texts()]
    k = next(i for i, t in enumerate(labels) if t.startswith("90% bootstrap band"))
    handle = legend.legend_handles[k]
    assert to_rgb(handle.get_color()) == pytest.approx(tuple(fill[:3]))


def test_pr_display_and_from_predictions_take_confidence():
    y, s = _data(n=200)
    curves = ev.curves.PrCurves.from_predictions(y, s, confidence=0.95)
    assert "band:1" in curves.lines_
    assert curves.to_frame("band")["precision"].between(0, 1).all()
    roc = ev.curves.RocCurves.from_predictions(y, s, confidence=0.95)
    assert roc.band.kind == "roc"


def test_no_band_without_confidence():
    y, s = _data()
    curves = ev.roc(y, s).plot()
    assert curves.band is None and not any(k.startswith("band") for k in curves.lines_)
    with pytest.raises(ValueError, match="confidence=0.95"):
        curves.to_frame("band")
    drawn = ev.roc(y, s, confidence=0.95, n_resamples=100).plot(band=False)
    assert "band:1" not in drawn.lines_


def test_band_on_log_axis_reaches_one_negative():
    y, s = _data(n=300)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        curves = ev.roc(y, s, confidence=0.95, n_resamples=100).plot(xscale="log")
    assert curves.band.grid[1] == pytest.approx(1 / np.sum(y == 0))
