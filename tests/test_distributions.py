"""Score distributions and the AUC-as-ranking pair demo."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn import metrics as skm  # noqa: E402

from evalviz.distributions import auc_pairs, score_distribution  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _softmax_data(seed=0, n=2000, k=4, sharp=6.0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, n)
    logits = rng.normal(size=(n, k))
    logits[np.arange(n), y] += rng.uniform(0, sharp, n)
    p = np.exp(logits * 3)
    p /= p.sum(axis=1, keepdims=True)
    return y, p.astype(np.float32)


def test_counts_match_direct_counting():
    y, p = _softmax_data()
    d = score_distribution(y, p, pos_label=2, thresholds=[0.5, 0.99999], bins=30)
    pos, neg = p[y == 2, 2], p[y != 2, 2]
    assert d.n_pos == pos.size and d.n_neg == neg.size
    assert d.pos_counts.sum() == pos.size and d.neg_counts.sum() == neg.size
    np.testing.assert_array_equal(
        d.pos_counts, np.histogram(pos.astype(float), bins=d.edges)[0]
    )
    t = d.thresholds.set_index("threshold")
    for cut in (0.5, 0.99999):
        assert t.loc[cut, "tp"] == np.sum(pos.astype(float) >= cut)
        assert t.loc[cut, "fp"] == np.sum(neg.astype(float) >= cut)
        assert t.loc[cut, "recall"] == pytest.approx(np.mean(pos.astype(float) >= cut))
        assert t.loc[cut, "fpr"] == pytest.approx(np.mean(neg.astype(float) >= cut))
    frame = d.to_frame()
    assert list(frame.columns) == ["score_from", "score_to", "positives", "negatives"]
    assert frame["positives"].sum() == pos.size


def test_threshold_point_lies_on_the_roc_curve():
    y, p = _softmax_data(1)
    d = score_distribution(y, p, pos_label=0, thresholds=0.9)
    fpr, tpr, _ = skm.roc_curve(y == 0, p[:, 0], drop_intermediate=False)
    row = d.thresholds.iloc[0]
    assert np.any(np.isclose(fpr, row["fpr"]) & np.isclose(tpr, row["recall"]))


def test_plot_draws_counts_threshold_and_legend():
    y, p = _softmax_data(2)
    names = ["cat", "dog", "frog", "ship"]
    d = score_distribution(
        y, p, pos_label="dog", display_labels=names, thresholds=0.99999
    )
    assert d.class_name == "dog"
    out = d.plot(log_counts=True)
    assert out is d and d.ax_.get_yscale() == "log"
    artists = {a.get_gid(): a for a in d.ax_.patches}
    np.testing.assert_array_equal(artists["positives"].get_data().values, d.pos_counts)
    np.testing.assert_array_equal(artists["negatives"].get_data().values, d.neg_counts)
    lines = {line.get_gid(): line for line in d.ax_.lines}
    assert lines["threshold:0.99999"].get_xdata()[0] == pytest.approx(0.99999)
    texts = " ".join(t.get_text() for t in d.ax_.get_legend().get_texts())
    tp, fp = d.thresholds["tp"].iloc[0], d.thresholds["fp"].iloc[0]
    assert f"{tp:,} of {d.n_pos:,} positives" in texts
    assert f"{fp:,} of {d.n_neg:,} negatives" in texts
    assert "dog" in d.ax_.get_title()


def test_logit_scale():
    y, p = _softmax_data(3)
    p[0] = 0.0  # rows stay probabilities: one exact 1, one exact 0
    p[0, 1] = 1.0
    p[1, 1] = 0.0
    p[1] /= p[1].sum()
    d = score_distribution(y, p, pos_label=1, thresholds=0.99999, scale="logit")
    s = p[:, 1].astype(float)
    low, high = s <= 1e-9, s >= 1 - 1e-9
    assert low.any() and high.any()
    # exact 0 / 1 (and anything within 1e-9) are counted apart, not in the bins
    assert d.pos_at_ends == (np.sum(low & (y == 1)), np.sum(high & (y == 1)))
    assert d.neg_at_ends == (np.sum(low & (y != 1)), np.sum(high & (y != 1)))
    assert d.pos_counts.sum() + sum(d.pos_at_ends) == d.n_pos
    assert d.neg_counts.sum() + sum(d.neg_at_ends) == d.n_neg
    inner = s[~(low | high)]
    lg = np.log10(inner) - np.log10(1 - inner)
    assert d.edges[0] == pytest.approx(lg.min()) and d.edges[-1] == pytest.approx(
        lg.max()
    )
    d.plot()
    ax = d.ax_
    x = [ln for ln in ax.lines if ln.get_gid() == "threshold:0.99999"][0].get_xdata()
    assert x[0] == pytest.approx(np.log10(0.99999 / 0.00001))
    labels = [t.get_text() for t in ax.get_xticklabels()]
    # the end ticks say "0" / "1" only when every score there is exactly 0 / 1
    zero = "0" if np.all(s[low] == 0) else "<1e-9"
    assert zero == "<1e-9" and np.all(s[high] == 1)
    assert "0.5" in labels and "0.9999" in labels and "1" in labels and zero in labels
    assert "0.99" in labels and "0.999" not in labels  # ticks two 9s apart
    assert "two more 9s per tick" in ax.get_xlabel()
    assert 'score exactly 1 (tick "1")' in " ".join(
        t.get_text() for t in ax.get_legend().get_texts()
    )
    # end bars past a marked break, at the ticks labelled "0" and "1"
    patches = {a.get_gid(): a for a in ax.patches}
    top = patches["positives:end1"].get_data()
    assert top.values[0] == d.pos_at_ends[1]
    assert top.edges[0] > d.edges[-1]
    ticks = dict(zip(labels, ax.get_xticks(), strict=True))
    assert top.edges[0] < ticks["1"] < top.edges[1]
    assert patches["negatives:end0"].get_data().values[0] == d.neg_at_ends[0]
    assert ticks["<1e-9"] < patches["negatives:end0"].get_data().edges[1]
    assert sum(t.get_gid() == "axis_break" for t in ax.texts) == 2
    texts = " ".join(t.get_text() for t in ax.get_legend().get_texts())
    assert "both (bars overlap)" in texts

    def plural(n, word):
        return f"{n} {word}" + ("" if n == 1 else "s")

    assert (
        f"{plural(d.pos_at_ends[1], 'positive')}, {plural(d.neg_at_ends[1], 'negative')}"
        in texts
    )
    frame = d.to_frame()
    assert frame["score_from"].iloc[0] == 0.0
    assert frame["score_to"].iloc[0] == pytest.approx(1e-9)
    assert frame["score_to"].iloc[-1] == 1.0
    assert frame["positives"].sum() == d.n_pos
    assert frame["negatives"].iloc[-1] == d.neg_at_ends[1]
    with pytest.raises(ValueError, match="logit"):
        score_distribution(y, p * 5 - 1, pos_label=1, scale="logit")


def test_overlap_colour_in_legend_is_the_drawn_blend():
    from matplotlib.colors import to_hex, to_rgb

    y, p = _softmax_data(8)
    d = score_distribution(y, p, pos_label=0).plot()
    fills = {a.get_gid(): a for a in d.ax_.patches}
    a_pos = fills["positives:fill"].get_alpha()
    a_neg = fills["negatives:fill"].get_alpha()
    pos = np.array(to_rgb(fills["positives:fill"].get_facecolor()))
    neg = np.array(to_rgb(fills["negatives:fill"].get_facecolor()))
    under = a_neg * neg + (1 - a_neg)  # negatives drawn first, over white
    expected = to_hex(a_pos * pos + (1 - a_pos) * under)
    legend = d.ax_.get_legend()
    texts = [t.get_text() for t in legend.get_texts()]
    patch = legend.get_patches()[texts.index("both (bars overlap)")]
    assert to_hex(patch.get_facecolor()) == expected


def test_binary_and_multilabel_input():
    rng = np.random.default_rng(4)
    y = rng.integers(0, 2, 300)
    s = rng.random(300) * 0.5 + y * 0.4
    d = score_distribution(y, s, thresholds=0.5)
    assert d.n_pos == y.sum() and d.class_name == "1"
    Y = (rng.random((300, 3)) < 0.3).astype(int)
    Y[0] = 1
    Y[1] = 0
    S = rng.random((300, 3))
    d = score_distribution(Y, S, pos_label=2)
    assert d.n_pos == Y[:, 2].sum()


def test_errors():
    y, p = _softmax_data(5)
    with pytest.raises(ValueError, match="pos_label"):
        score_distribution(y, p)
    with pytest.raises(ValueError, match="pos_label"):
        score_distribution(y, p, pos_label=7)
    with pytest.raises(ValueError, match="pos_label"):
        score_distribution(y, p, pos_label="horse", display_labels=list("abcd"))
    with pytest.raises(ValueError, match="scale"):
        score_distribution(y, p, pos_label=0, scale="log")
    with pytest.raises(ValueError, match="n_pairs"):
        auc_pairs(y, p, pos_label=0, n_pairs=0)


@pytest.mark.parametrize("seed", range(10))
def test_pairs_estimate_converges_to_auc(seed):
    y, p = _softmax_data(seed, n=600, k=3, sharp=1.0)
    if seed % 2:
        p = np.round(p, 1)  # many ties: they count one half
        p /= p.sum(axis=1, keepdims=True)
    pairs = auc_pairs(y, p, pos_label=1, n_pairs=20_000, seed=seed)
    exact = skm.roc_auc_score(y == 1, p[:, 1])
    assert pairs.auc == pytest.approx(exact, abs=1e-12)
    # 20,000 pairs: standard error below 0.0036, so 5 of them is generous
    assert abs(pairs.estimate[-1] - exact) < 0.018
    pos, neg = p[y == 1, 1], p[y != 1, 1]
    assert np.isin(pairs.pos_scores, pos).all() and np.isin(pairs.neg_scores, neg).all()
    expected = (pairs.pos_scores > pairs.neg_scores) + 0.5 * (
        pairs.pos_scores == pairs.neg_scores
    )
    np.testing.assert_array_equal(pairs.outcome, expected)
    if seed % 2:
        assert np.any(pairs.outcome == 0.5)


def test_all_pairs_mean_is_exactly_auc():
    # the identity behind the demo: the mean over every pair is the AUC
    y, p = _softmax_data(8, n=300, k=3, sharp=1.0)
    p = np.round(p, 2)
    p /= p.sum(axis=1, keepdims=True)
    pos, neg = p[y == 0, 0].astype(float), p[y != 0, 0].astype(float)
    wins = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
    assert wins.mean() == pytest.approx(auc_pairs(y, p, pos_label=0).auc, abs=1e-12)


def test_pairs_reproducible_and_tables():
    y, p = _softmax_data(6)
    a = auc_pairs(y, p, pos_label=0, n_pairs=5000, seed=3)
    b = auc_pairs(y, p, pos_label=0, n_pairs=5000, seed=3)
    np.testing.assert_array_equal(a.outcome, b.outcome)
    frame = a.to_frame()
    assert list(frame.index) == [10, 100, 1000, 5000]
    assert frame.loc[5000, "fraction (ties half)"] == pytest.approx(a.estimate[-1])
    row = frame.loc[100]
    assert row["positive higher"] + row["tie"] + row["negative higher"] == 100
    assert (frame["exact AUC"] == a.auc).all()


def test_pair_plots():
    y, p = _softmax_data(7)
    a = auc_pairs(y, p, pos_label="b", display_labels=list("abcd"), n_pairs=2000)
    a.plot()
    lines = {line.get_gid(): line for line in a.ax_.lines}
    np.testing.assert_array_equal(lines["estimate"].get_ydata(), a.estimate)
    assert lines["auc"].get_ydata()[0] == pytest.approx(a.auc)
    assert a.ax_.get_xscale() == "log"
    texts = [t.get_text() for t in a.ax_.get_legend().get_texts()]
    assert f"exact AUC over all pairs = {a.auc:.4f}" in texts
    a.plot_pairs(n=25)
    pair_lines = [ln for ln in a.ax_.lines if str(ln.get_gid()).startswith("pair:")]
    assert len(pair_lines) == 25
    for i, line in enumerate(pair_lines):
        assert line.get_xdata().tolist() == [a.neg_scores[i], a.pos_scores[i]]
        lo, hi = line.get_ydata()
        assert abs(lo) < 0.2 and abs(hi - 1) < 0.2 and hi - lo == pytest.approx(1)
    texts = " ".join(t.get_text() for t in a.ax_.get_legend().get_texts())
    assert f"positive higher ({int(np.sum(a.outcome[:25] == 1))} of 25)" in texts
    # the dots of one row do not all sit on one line, and wrong pairs are not
    # drawn in the negatives' colour
    lines = {ln.get_gid(): ln for ln in a.ax_.lines}
    assert np.unique(lines["negatives"].get_ydata()).size == 25
    wrong = [i for i in range(25) if a.outcome[i] == 0]
    for i in wrong:
        assert lines[f"pair:{i}"].get_color() != lines["negatives"].get_color()
    a.plot_pairs(n=10, scale="logit")


def test_logit_tick_labels_do_not_collide():
    rng = np.random.default_rng(9)
    y = np.repeat([0, 1], 500)
    odds = rng.normal(np.where(y == 1, 4.0, -4.0), 2.5)
    s = 1 / (1 + 10.0**-odds)  # float64: scores up to 1 - 1e-9 and beyond
    s[:5] = 1.0
    s[-5:] = 0.0
    d = score_distribution(y, s, scale="logit").plot()
    fig = d.figure_
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = sorted(
        (
            t.get_window_extent(renderer)
            for t in d.ax_.get_xticklabels()
            if t.get_text()
        ),
        key=lambda b: b.x0,
    )
    assert len(boxes) >= 5
    for left, right in zip(boxes, boxes[1:], strict=False):
        assert left.x1 <= right.x0
    labels = [t.get_text() for t in d.ax_.get_xticklabels()]
    assert labels[0] == "<1e-9" and labels[-1] == ">1-1e-9"


def test_logit_plot_inside_a_subfigure():
    y, p = _softmax_data(10)
    fig = plt.figure(figsize=(12, 8))
    top, _ = fig.subfigures(2, 1)
    ax = top.subplots()
    d = score_distribution(y, p, pos_label=1, scale="logit").plot(ax=ax)
    assert d.ax_ is ax
    assert [t.get_text() for t in ax.get_xticklabels()]


def test_logit_pairs_on_a_narrow_range_get_a_tick_per_power_of_ten():
    rng = np.random.default_rng(3)
    y = np.r_[np.ones(50), np.zeros(500)].astype(int)
    s = np.r_[rng.uniform(1e-3, 0.3, 50), rng.uniform(1e-4, 1e-2, 500)]
    a = auc_pairs(y, s, n_pairs=200, seed=0).plot_pairs(n=30, scale="logit")
    labels = [t.get_text() for t in a.ax_.get_xticklabels()]
    assert len(labels) >= 4
    assert "1e-3" in labels and "1e-2" in labels
    assert "one more 9" in a.ax_.get_xlabel()


# --------------------------------------------------------------------------
# One reading of the inputs, display contract (issue 10)


def test_labels_one_and_two_and_strings():
    y = [1, 1, 2, 2, 1, 2]
    s = [0.1, 0.3, 0.8, 0.6, 0.4, 0.9]
    with pytest.raises(ValueError, match="pos_label"):
        score_distribution(y, s)
    d = score_distribution(y, s, pos_label=2, thresholds=0.5)
    assert d.class_name == "2" and d.n_pos == 3
    assert d.thresholds[["tp", "fp"]].values.tolist() == [[3, 0]]
    pairs = auc_pairs(y, s, pos_label=2, n_pairs=100)
    assert pairs.auc == skm.roc_auc_score(np.array(y) == 2, s) == 1.0
    words = ["no", "no", "yes", "yes", "no", "yes"]
    d = score_distribution(words, s, pos_label="yes")
    assert d.class_name == "yes"
    np.testing.assert_array_equal(np.sort(d.pos_scores), [0.6, 0.8, 0.9])
    with pytest.raises(ValueError, match="pos_label"):
        score_distribution(words, s)


def test_multiclass_string_labels_and_predict_proba():
    y, p = _softmax_data(11, n=400, k=3)
    names = np.array(["cat", "dog", "emu"])[y]
    d = score_distribution(names, p, pos_label="dog")
    assert d.class_name == "dog" and d.n_pos == np.sum(y == 1)
    np.testing.assert_array_equal(np.sort(d.pos_scores), np.sort(p[y == 1, 1]))
    a = auc_pairs(names, p, pos_label="emu")
    assert a.auc == pytest.approx(skm.roc_auc_score(y == 2, p[:, 2]), abs=1e-12)
    rng = np.random.default_rng(12)
    yb = rng.integers(0, 2, 100)
    p1 = rng.random(100)
    two = np.column_stack([1 - p1, p1])
    assert auc_pairs(yb, two).auc == auc_pairs(yb, p1).auc
    assert score_distribution(yb, two).n_pos == yb.sum()


def test_logits_are_refused():
    y, p = _softmax_data(13, n=300, k=3)
    logits = np.log(p.astype(float)) + 2.0
    with pytest.raises(ValueError, match="not probabilities"):
        score_distribution(y, logits, pos_label=0)
    with pytest.raises(ValueError, match="not probabilities"):
        auc_pairs(y, logits, pos_label=0)


def test_display_contract_and_repr():
    from evalviz.distributions import AucPairs, ScoreDistribution

    y, p = _softmax_data(14, n=500, k=3)
    d = ScoreDistribution.from_predictions(
        y, p, pos_label=1, thresholds=[0.5], log_counts=True
    )
    assert d.ax_ is not None and d.ax_.get_yscale() == "log"
    assert d.figure_.get_layout_engine() is not None
    assert d.lines_["0.5"].get_xdata()[0] == 0.5
    text = repr(d)
    assert text == (
        f"ScoreDistribution('1': {d.n_pos} positives, {d.n_neg} negatives, 1 threshold)"
    )
    direct = ScoreDistribution(p[y == 1, 1], p[y != 1, 1], class_name="1")
    np.testing.assert_array_equal(direct.pos_counts, d.pos_counts)
    a = AucPairs.from_predictions(y, p, pos_label=1, n_pairs=1000)
    np.testing.assert_array_equal(a.lines_["estimate"].get_ydata(), a.estimate)
    assert "\n" not in repr(a) and "0x" not in repr(a)
    assert repr(a).startswith("AucPairs('1': exact AUC ")


def test_threshold_keyword_is_deprecated():
    y, p = _softmax_data(15, n=200, k=3)
    with pytest.warns(DeprecationWarning, match="thresholds="):
        d = score_distribution(y, p, pos_label=0, threshold=0.5)
    assert list(d.thresholds["threshold"]) == [0.5]


def test_threshold_texts_never_print_a_false_one():
    y, p = _softmax_data(16, n=300, k=3)
    d = score_distribution(y, p, pos_label=0, thresholds=0.99999999).plot()
    texts = " ".join(t.get_text() for t in d.ax_.get_legend().get_texts())
    assert "score >= 0.99999999:" in texts
    assert "score >= 1:" not in texts
