"""Confusion display, report heatmap and error gallery: numbers and drawn text."""

import io
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from sklearn import metrics as skm  # noqa: E402

from evalviz import confusion as evc  # noqa: E402
from evalviz import metrics as ev  # noqa: E402

NAMES = [f"class {i}" for i in range(10)]


def _data(seed=0, n=500, k=10):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, k, n)
    y_pred = np.where(rng.random(n) < 0.7, y_true, rng.integers(0, k, n))
    return y_true, y_pred


def _texts(ax):
    return [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("normalize", ["true", "pred", "all", None])
def test_normalize_confusion_matches_sklearn(seed, normalize):
    y_true, y_pred = _data(seed, n=int(np.random.default_rng(seed).integers(20, 300)))
    cm = ev.confusion_matrix(y_true, y_pred, n_classes=10)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = skm.confusion_matrix(
            y_true, y_pred, labels=range(10), normalize=normalize
        )
    ours = ev.normalize_confusion(cm, normalize)
    # sklearn writes 0 where a row/column is empty; we write NaN.
    np.testing.assert_allclose(np.nan_to_num(ours, nan=0.0), expected, atol=1e-12)


def test_normalize_confusion_empty_row_is_nan():
    shares = ev.normalize_confusion(np.array([[2, 0], [0, 0]]), "true")
    assert np.isnan(shares[1]).all() and shares[0, 0] == 1.0


def test_top_confusions_are_the_largest_off_diagonal_cells():
    y_true, y_pred = _data(3, n=2000)
    cm = ev.confusion_matrix(y_true, y_pred, n_classes=10)
    top = ev.top_confusions(cm, 4, labels=NAMES)
    off = cm.copy()
    np.fill_diagonal(off, 0)
    assert list(top["count"]) == sorted(off.ravel(), reverse=True)[:4]
    for row in top.itertuples():
        assert cm[row.true, row.predicted] == row.count
        assert row.true != row.predicted
        assert row.true_name == NAMES[row.true]
        assert row.share_of_true == pytest.approx(row.count / cm[row.true].sum())


def test_top_confusions_skips_zero_cells():
    top = ev.top_confusions(np.array([[5, 1], [0, 3]]), 10)
    assert len(top) == 1 and top.loc[0, "count"] == 1


def test_confusion_display_cells_hold_count_and_row_percent():
    y_true, y_pred = _data(1)
    disp = evc.ConfusionDisplay.from_predictions(y_true, y_pred, display_labels=NAMES)
    cm = skm.confusion_matrix(y_true, y_pred, labels=range(10))
    np.testing.assert_array_equal(disp.confusion_matrix, cm)
    texts = _texts(disp.ax_)
    assert len(texts) == 100
    assert disp.text_.shape == (10, 10) and disp.text_[2, 3].get_text() == texts[23]
    assert disp.im_ is disp.ax_.images[0]
    for i in range(10):
        for j in range(10):
            text = texts[i * 10 + j]
            count = cm[i, j]
            assert text.split("\n")[0] == str(count)
            if count:
                share = 100 * count / cm[i].sum()
                assert text.split("\n")[1] == f"{share:.1f}%" or share < 0.1
            else:
                assert text == "0"
    assert "rows = true class" in disp.ax_.get_title()
    assert "True class" in disp.ax_.get_ylabel()
    assert "Predicted class" in disp.ax_.get_xlabel()
    assert [t.get_text() for t in disp.ax_.get_yticklabels()] == NAMES
    assert disp.figure_ is disp.ax_.figure


def test_confusion_display_normalize_pred_uses_columns():
    cm = np.array([[8, 2], [2, 0]])
    disp = evc.ConfusionDisplay(cm, normalize="pred").plot()
    assert _texts(disp.ax_)[0] == "8\n80.0%"
    assert _texts(disp.ax_)[1] == "2\n100.0%"
    assert "predicted class" in disp.ax_.get_title()


def test_confusion_display_without_normalize_shows_counts_only():
    disp = evc.ConfusionDisplay(np.array([[3, 1], [0, 2]]), normalize=None)
    disp.plot(colorbar=False)
    assert _texts(disp.ax_) == ["3", "1", "0", "2"]


def test_confusion_display_to_frame_has_every_number():
    y_true, y_pred = _data(2)
    disp = evc.confusion_display(y_true, y_pred, display_labels=NAMES)
    assert not hasattr(disp, "ax_")  # the entry point does not draw
    frame = disp.to_frame()
    assert len(frame) == 100
    assert frame["count"].sum() == len(y_true)
    cm = disp.confusion_matrix
    row = frame[(frame["true"] == NAMES[3]) & (frame["predicted"] == NAMES[5])].iloc[0]
    assert row["count"] == cm[3, 5]
    assert row["share_of_true"] == pytest.approx(cm[3, 5] / cm[3].sum())
    assert row["share_of_pred"] == pytest.approx(cm[3, 5] / cm[:, 5].sum())
    assert row["share_of_all"] == pytest.approx(cm[3, 5] / cm.sum())


def test_confusion_display_draws_on_given_axes():
    fig, ax = plt.subplots()
    disp = evc.ConfusionDisplay.from_predictions([0, 1, 1], [0, 1, 0], ax=ax)
    assert disp.ax_ is ax and disp.figure_ is fig


def test_confusion_checks_inputs():
    with pytest.raises(ValueError, match="2 names but the data has 3 classes"):
        evc.confusion_display([0, 1, 2], [0, 1, 2], display_labels=["a", "b"])
    with pytest.raises(ValueError, match="normalize"):
        evc.confusion_display([0, 1], [0, 1], normalize="row")
    with pytest.raises(ValueError, match="same samples"):
        evc.confusion_display([0, 1, 1], [0, 1])
    with pytest.raises(ValueError, match="not among the classes"):
        evc.confusion_display(["a", "b"], ["a", "c"], labels=["a", "b"])


def test_report_display_matches_classification_report():
    y_true, y_pred = _data(4, n=800)
    disp = evc.ClassificationReportDisplay.from_predictions(
        y_true, y_pred, display_labels=NAMES
    )
    expected = pd.DataFrame(
        skm.classification_report(y_true, y_pred, target_names=NAMES, output_dict=True)
    ).T
    # scikit-learn's "accuracy" is one number; in a frame its support is the count
    expected.loc["accuracy", "support"] = len(y_true)
    pd.testing.assert_frame_equal(disp.to_frame(), expected, check_exact=False)
    texts = _texts(disp.ax_)
    # 12 rows (10 classes + macro + weighted) x 3 values, one support per row,
    # plus the "support" header.
    assert len(texts) == 12 * 4 + 1
    assert texts[0] == f"{expected.loc[NAMES[0], 'precision']:.3f}"
    assert texts[3] == str(int(expected.loc[NAMES[0], "support"]))
    assert "support" in texts
    assert [t.get_text() for t in disp.ax_.get_yticklabels()][-2:] == [
        "macro avg",
        "weighted avg",
    ]
    assert f"accuracy {expected.loc['accuracy', 'precision']:.3f}" in (
        disp.ax_.get_title()
    )


def test_report_display_from_confusion():
    cm = np.array([[5, 1], [2, 2]])
    disp = evc.ClassificationReportDisplay.from_confusion(
        cm, display_labels=["no", "yes"]
    )
    assert disp.accuracy == pytest.approx(0.7)
    assert disp.report.loc["yes", "precision"] == pytest.approx(2 / 3)


def test_report_display_rejects_other_frames():
    with pytest.raises(ValueError, match="report_from_confusion"):
        evc.ClassificationReportDisplay(pd.DataFrame({"a": [1]}))


def _images(n, rng):
    return rng.integers(0, 256, (n, 6, 6)).astype(np.uint8)


def test_error_gallery_top_confusions_most_confident_first():
    rng = np.random.default_rng(5)
    y_true, y_pred = _data(5, n=600)
    score = rng.dirichlet(np.ones(10), y_true.size)
    images = _images(y_true.size, rng)
    gallery = evc.ErrorGallery.from_predictions(
        images, y_true, y_pred, y_score=score, display_labels=NAMES, top=2, n_images=4
    )
    cm = ev.confusion_matrix(y_true, y_pred, n_classes=10)
    expected = ev.top_confusions(cm, 2)
    expected["true_name"] = [NAMES[i] for i in expected["true"]]
    expected["predicted_name"] = [NAMES[i] for i in expected["predicted"]]
    pd.testing.assert_frame_equal(gallery.cells, expected)
    frame = gallery.to_frame()
    for r, cell in expected.iterrows():
        shown = frame[frame["row"] == r]
        assert len(shown) == min(4, cell["count"])
        assert (y_true[shown["index"]] == cell["true"]).all()
        assert (y_pred[shown["index"]] == cell["predicted"]).all()
        scores = score[shown["index"], cell["predicted"]]
        np.testing.assert_allclose(shown["score"], scores)
        assert list(scores) == sorted(scores, reverse=True)
        # No unshown mistake in this cell is more confident than the last shown.
        idx = np.flatnonzero((y_true == cell["true"]) & (y_pred == cell["predicted"]))
        assert score[idx, cell["predicted"]].max() == scores[0]
    axes = gallery.ax_
    assert axes.shape == (2, 4)
    assert "true: " + expected.loc[0, "true_name"] in axes[0, 0].get_ylabel()
    first = frame.iloc[0]
    np.testing.assert_array_equal(
        axes[0, 0].images[0].get_array(), images[first["index"]]
    )


def test_error_gallery_one_cell_in_data_order():
    y_true = np.array([0, 1, 1, 1, 0, 1])
    y_pred = np.array([0, 0, 0, 1, 0, 0])
    images = _images(6, np.random.default_rng(0))
    gallery = evc.error_gallery(images, y_true, y_pred, cell=(1, 0), n_images=2)
    assert list(gallery.to_frame()["index"]) == [1, 2]
    assert gallery.cells.loc[0, "count"] == 3
    gallery.plot()
    assert len(gallery.ax_[0, 0].images) == 1


def test_error_gallery_checks_inputs():
    images = np.zeros((3, 4, 4))
    with pytest.raises(ValueError, match="images must have shape"):
        evc.error_gallery(np.zeros((3, 16)), [0, 1, 1], [0, 1, 0])
    with pytest.raises(ValueError, match="cell"):
        evc.error_gallery(images, [0, 1, 1], [0, 1, 0], cell=(0, 5))
    with pytest.raises(ValueError, match="one column per class"):
        evc.error_gallery(images, [0, 1, 1], [0, 1, 0], y_score=np.ones(3) / 3)
    with pytest.raises(ValueError, match="3 columns"):
        evc.error_gallery(
            images, [0, 1, 1], [0, 1, 0], y_score=np.ones((3, 3)) / 3, labels=[0, 1]
        )
    with pytest.raises(ValueError, match="NaN"):
        evc.error_gallery(
            images, [0, 1, 1], [0, 1, 0], y_score=[[np.nan, 1], [0, 1], [0, 1]]
        )


def test_error_gallery_several_cells():
    y_true, y_pred = _data(6, n=800)
    images = _images(y_true.size, np.random.default_rng(6))
    gallery = evc.error_gallery(
        images, y_true, y_pred, display_labels=NAMES, cell=[(6, 0), (4, 2)], n_images=3
    ).plot()
    assert gallery.cells[["true", "predicted"]].values.tolist() == [
        [6, 0],
        [4, 2],
    ]
    cm = ev.confusion_matrix(y_true, y_pred, n_classes=10)
    assert list(gallery.cells["count"]) == [cm[6, 0], cm[4, 2]]
    assert gallery.ax_.shape == (2, 3)
    with pytest.raises(ValueError, match="list of pairs"):
        evc.error_gallery(images, y_true, y_pred, cell=[(1, 2, 3)])


def test_confusion_cell_text_is_projector_sized():
    y_true, y_pred = _data(9)
    disp = evc.ConfusionDisplay.from_predictions(y_true, y_pred, display_labels=NAMES)
    assert min(t.get_fontsize() for t in disp.ax_.texts) >= 11
    # as large as the cap allows: 8.3 x 7.6 inches, 841 pixels at 100 dpi in
    # the 848-pixel column of a 1280-px JupyterLab (tests/test_figure_widths.py)
    assert tuple(disp.figure_.get_size_inches()) == (8.3, 7.6)
    plt.close(disp.figure_)


def test_report_display_has_a_colour_bar():
    y_true, y_pred = _data(4, n=300)
    disp = evc.report(y_true, y_pred, display_labels=NAMES).plot()
    assert disp.colorbar_.mappable.get_clim() == (0.0, 1.0)
    assert "precision, recall, F1" in disp.colorbar_.ax.get_xlabel()
    plt.close(disp.figure_)
    plain = evc.report(y_true, y_pred).plot(colorbar=False)
    assert not hasattr(plain, "colorbar_")
    plt.close(plain.figure_)


def test_error_gallery_captions_show_four_decimals():
    rng = np.random.default_rng(2)
    y_true = np.array([0, 0, 1, 1])
    y_pred = np.array([1, 1, 1, 1])
    score = np.array([[0.0, 1.0], [0.12346, 0.87654], [0.0, 1.0], [0.0, 1.0]])
    score[0] = [0.00001, 0.99999]
    gallery = evc.error_gallery(
        _images(4, rng), y_true, y_pred, y_score=score, cell=(0, 1), n_images=2
    ).plot()
    titles = [gallery.ax_[0, c].get_title() for c in range(2)]
    assert titles == ["#0\np>0.9999", "#1\np=0.8765"]
    assert gallery.ax_[0, 0].title.get_fontsize() >= 12
    plt.close(gallery.figure_)


def test_error_scores_use_every_image_of_the_cell():
    rng = np.random.default_rng(11)
    n = 700
    y_true = rng.integers(0, 4, n)
    score = rng.dirichlet(np.ones(4) * 0.5, n)
    y_pred = score.argmax(axis=1)
    disp = evc.ErrorScoresDisplay.from_predictions(
        y_true,
        score,
        cell=[(1, 2), (3, 3)],
        display_labels=list("abcd"),
        levels=(0.5, 0.9),
    )
    frame = disp.to_frame()
    for r, (t, p) in enumerate([(1, 2), (3, 3)]):
        idx = np.flatnonzero((y_true == t) & (y_pred == p))
        values = score[idx, p]
        assert frame.loc[r, "count"] == idx.size
        assert frame.loc[r, "median score"] == pytest.approx(np.median(values))
        assert frame.loc[r, "share >= 0.5"] == pytest.approx(np.mean(values >= 0.5))
        assert frame.loc[r, "share >= 0.9"] == pytest.approx(np.mean(values >= 0.9))
        shown = disp.examples[disp.examples["row"] == r]
        assert sorted(shown["index"]) == list(idx)
        # drawn histogram: % of the cell's images in each bin of width 0.05
        counts, _ = np.histogram(values, bins=np.linspace(0, 1, 21))
        np.testing.assert_allclose(
            disp.ax_.patches[r].get_data().values, 100 * counts / idx.size
        )
    assert list(frame["predicted"]) == ["c", "d"]
    labels = [t.get_text() for t in disp.ax_.get_legend().get_texts()]
    assert labels[0].startswith("b -> c") and labels[1].startswith("correct d")
    plt.close(disp.figure_)


def test_error_scores_checks_inputs():
    score = np.full((3, 2), 0.5)
    with pytest.raises(ValueError, match="one column per class"):
        evc.error_scores([0, 1, 1], score[:, 0], cell=(0, 1))
    with pytest.raises(ValueError, match="cell"):
        evc.error_scores([0, 1, 1], score, cell=(0, 5))
    out = evc.error_scores([0, 1, 1], score, cell=(1, 0), y_pred=[0, 0, 1])
    assert out.to_frame().loc[0, "count"] == 1


def test_compare_reports_lines_up_classes_by_position():
    y_true, y_pred = _data(3, n=400)
    _, other = _data(4, n=400)
    named = evc.report(y_true, y_pred, display_labels=NAMES)
    numbered = ev.report_from_confusion(
        ev.confusion_matrix(y_true, other, n_classes=10)
    )
    table = evc.compare_reports(
        {"named": named, "numbered": numbered}, metrics=["recall", "f1-score"]
    )
    assert list(table.columns) == [
        "named: recall",
        "numbered: recall",
        "named: f1-score",
        "numbered: f1-score",
    ]
    assert list(table.index) == NAMES
    np.testing.assert_allclose(
        table["numbered: recall"], skm.recall_score(y_true, other, average=None)
    )
    np.testing.assert_allclose(
        table["named: f1-score"], skm.f1_score(y_true, y_pred, average=None)
    )
    with pytest.raises(ValueError, match="no column"):
        evc.compare_reports({"a": numbered}, metrics=["accuracy"])
    with pytest.raises(ValueError, match="different numbers of classes"):
        evc.compare_reports(
            {"a": numbered, "b": ev.report_from_confusion(np.eye(3, dtype=int))}
        )
    with pytest.raises(ValueError, match="empty"):
        evc.compare_reports({})


# --- one input model: string labels, labels=, ties -----------------------------

ANIMALS = np.array(["cat", "dog", "bird", "fish"])


def _animals(seed=0, n=300):
    rng = np.random.default_rng(seed)
    y_true = ANIMALS[rng.integers(0, 4, n)]
    y_pred = np.where(rng.random(n) < 0.6, y_true, ANIMALS[rng.integers(0, 4, n)])
    return y_true, y_pred


def test_string_labels_match_sklearn_sorted_classes():
    y_true, y_pred = _animals(1)
    disp = evc.confusion_display(y_true, y_pred)
    assert disp.display_labels == ["bird", "cat", "dog", "fish"]
    np.testing.assert_array_equal(
        disp.confusion_matrix, skm.confusion_matrix(y_true, y_pred)
    )


def test_labels_choose_class_values_and_order_as_in_sklearn():
    y_true, y_pred = _animals(2)
    order = ["dog", "cat", "fish", "bird"]
    disp = evc.confusion_display(y_true, y_pred, labels=order)
    assert disp.display_labels == order
    np.testing.assert_array_equal(
        disp.confusion_matrix, skm.confusion_matrix(y_true, y_pred, labels=order)
    )
    rep = evc.report(y_true, y_pred, labels=order, display_labels=list("DCFB"))
    expected = skm.classification_report(
        y_true, y_pred, labels=order, target_names=list("DCFB"), output_dict=True
    )
    assert rep.report.loc["F", "recall"] == pytest.approx(expected["F"]["recall"])
    assert rep.accuracy == pytest.approx(skm.accuracy_score(y_true, y_pred))


def test_binary_string_labels_with_predict_proba_need_no_pos_label():
    y_true = np.array(["no", "yes", "yes", "no", "yes"])
    proba = np.array([[0.8, 0.2], [0.3, 0.7], [0.6, 0.4], [0.5, 0.5], [0.1, 0.9]])
    disp = evc.confusion_display(y_true, proba)
    pred = np.array(["no", "yes"])[proba.argmax(axis=1)]
    np.testing.assert_array_equal(
        disp.confusion_matrix, skm.confusion_matrix(y_true, pred)
    )
    assert disp.n_tied == 1  # row 3 is a tie, decided for "no" (lowest index)
    assert disp.confusion_matrix[0, 0] == 2


def test_ties_go_to_the_lowest_class_and_are_counted():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 10, 1000)
    scores = np.zeros((1000, 10))  # every row tied
    disp = evc.ConfusionDisplay.from_predictions(y, scores)
    np.testing.assert_array_equal(disp.confusion_matrix[:, 0], np.bincount(y))
    assert disp.confusion_matrix[:, 1:].sum() == 0
    # argmax accuracy == top-1 accuracy under the one tie rule
    assert disp.accuracy == pytest.approx(np.mean(y == 0))
    assert disp.n_tied == 1000
    assert "1,000 tied rows" in repr(disp)
    assert "1,000 rows" in disp.ax_.get_title()
    assert disp.to_frame().attrs["n_tied_rows"] == 1000
    rep = evc.report(y, scores)
    assert rep.n_tied == 1000 and "1,000 tied rows" in repr(rep)
    plt.close(disp.figure_)


def test_scores_without_ties_say_nothing_about_ties():
    disp = evc.confusion_display([0, 1, 2], np.eye(3))
    assert disp.n_tied == 0 and "tied" not in repr(disp)


def test_reprs_are_one_line_with_numbers():
    disp = evc.ConfusionDisplay([[5, 1], [2, 2]], display_labels=["no", "yes"])
    assert repr(disp) == (
        "ConfusionDisplay(2 classes, 10 samples, accuracy 0.700, normalize='true')"
    )
    rep = evc.ClassificationReportDisplay(ev.report_from_confusion([[1, 0], [0, 0]]))
    assert repr(rep).startswith("ClassificationReportDisplay(2 classes, 1 sample,")
    images = np.zeros((4, 3, 3))
    gallery = evc.error_gallery(images, [0, 0, 1, 1], [0, 1, 1, 1], top=2)
    assert repr(gallery) == "ErrorGallery(1 cell, 1 image)"


# --- deprecated names (one release) -------------------------------------------


def test_old_names_warn_and_still_work():
    y_true, y_pred = _data(3)
    with pytest.warns(DeprecationWarning, match="confusion_display"):
        old = evc.confusion(y_true, y_pred)
    np.testing.assert_array_equal(
        old.confusion_matrix, evc.confusion_display(y_true, y_pred).confusion_matrix
    )
    with pytest.warns(DeprecationWarning, match="ConfusionDisplay"):
        disp = evc.ConfusionMatrixDisplay.from_matrix(
            [[3, 1], [0, 2]], labels=["no", "yes"]
        )
    assert isinstance(disp, evc.ConfusionDisplay)
    assert disp.labels == disp.display_labels == ["no", "yes"]
    assert not hasattr(disp, "ax_")  # the old classmethods did not draw
    with pytest.warns(DeprecationWarning, match="display_labels"):
        named = evc.confusion_display(y_true, y_pred, labels=NAMES)
    assert named.display_labels == NAMES


def test_old_names_as_labels_keep_absent_classes():
    # labels= as names (old meaning): one name per class index, class 2 absent
    with pytest.warns(DeprecationWarning):
        disp = evc.confusion_display([0, 1, 1], [0, 1, 0], labels=["a", "b", "c"])
    assert disp.confusion_matrix.tolist() == [[1, 0, 0], [1, 1, 0], [0, 0, 0]]


# --- many classes: bounded, fast, no per-cell artists --------------------------


def test_thousand_classes_draw_bounded_without_cell_texts():
    rng = np.random.default_rng(0)
    k, n = 1000, 100_000
    y = rng.integers(0, k, n)
    p = np.where(rng.random(n) < 0.7, y, rng.integers(0, k, n))
    names = [f"class number {i}" for i in range(k)]
    disp = evc.ConfusionDisplay.from_predictions(y, p, display_labels=names)
    width, height = disp.figure_.get_size_inches()
    assert width <= 10 and height <= 9
    assert len(disp.ax_.texts) == 0 and disp.text_ is None
    assert len(disp.ax_.images) == 1 and disp.im_.get_array().shape == (k, k)
    xticks = [t.get_text() for t in disp.ax_.get_xticklabels()]
    assert len(xticks) <= 30 and xticks[:2] == [names[0], names[34]]
    assert "every 34th of 1,000 named" in disp.ax_.get_title()
    buf = io.BytesIO()
    disp.figure_.savefig(buf, format="png", dpi=100)
    assert buf.tell() > 0
    plt.close(disp.figure_)
    rep = evc.ClassificationReportDisplay.from_predictions(y, p)
    width, height = rep.figure_.get_size_inches()
    assert width <= 10 and height <= 9
    assert len(rep.ax_.texts) == 0 and rep.text_ is None
    yticks = [t.get_text() for t in rep.ax_.get_yticklabels()]
    assert len(yticks) <= 32 and yticks[-2:] == ["macro avg", "weighted avg"]
    rep.figure_.savefig(io.BytesIO(), format="png", dpi=100)
    plt.close(rep.figure_)


@pytest.mark.parametrize("k", [2, 12, 30, 31])
def test_cell_texts_up_to_thirty_classes(k):
    cm = np.full((k, k), 3)
    disp = evc.ConfusionDisplay(cm).plot()
    assert len(disp.ax_.texts) == (k * k if k <= 30 else 0)
    assert disp.figure_.get_size_inches()[0] <= 10
    plt.close(disp.figure_)


# --- layout engine: saved figures keep long class names ------------------------


def _inside_after_savefig(fig, artists):
    fig.savefig(io.BytesIO(), format="png", dpi=100)
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    for artist in artists:
        ext = artist.get_window_extent(renderer)
        assert ext.x0 >= 0 and ext.y0 >= 0, artist.get_text()
        assert ext.x1 <= box.x1 and ext.y1 <= box.y1, artist.get_text()


@pytest.mark.parametrize("k", [3, 12, 60])
def test_saved_figures_do_not_cut_long_class_names(k):
    names = [f"a rather long class name number {i}" for i in range(k)]
    cm = np.random.default_rng(k).integers(0, 40, (k, k)) + np.eye(k, dtype=int)
    disp = evc.ConfusionDisplay(cm, display_labels=names, n_tied=2).plot()
    assert disp.figure_.get_layout_engine() is not None
    ax = disp.ax_
    ticks = ax.get_xticklabels() + ax.get_yticklabels()
    _inside_after_savefig(disp.figure_, [*ticks, ax.xaxis.label, ax.yaxis.label])
    plt.close(disp.figure_)
    rep = evc.ClassificationReportDisplay.from_confusion(cm, display_labels=names)
    ax = rep.ax_
    ticks = ax.get_xticklabels() + ax.get_yticklabels()
    _inside_after_savefig(rep.figure_, [*ticks, ax.title, *ax.texts])
    plt.close(rep.figure_)


def test_error_scores_ties_and_names_in_cells():
    y_true = np.array(["a", "b", "b", "c"])
    score = np.array([[0.5, 0.5, 0.0], [0.2, 0.8, 0.0], [0.6, 0.3, 0.1], [0, 0, 1.0]])
    disp = evc.error_scores(y_true, score, cell=[("b", "a"), ("b", "b")])
    assert disp.n_tied == 1
    frame = disp.to_frame()
    assert frame["count"].tolist() == [1, 1]
    assert frame["median score"].tolist() == [0.6, 0.8]


def test_report_and_compare_reports_read_old_names_with_a_warning():
    y_true, y_pred = _data(5, n=300)
    with pytest.warns(DeprecationWarning):
        old = evc.report(y_true, y_pred, labels=NAMES)
    assert list(old.report.index[:10]) == NAMES
    numbered = ev.report_from_confusion(ev.confusion_matrix(y_true, y_pred))
    with pytest.warns(DeprecationWarning, match="display_labels"):
        table = evc.compare_reports({"a": numbered}, labels=NAMES)
    assert list(table.index) == NAMES
    np.testing.assert_allclose(
        table["a: recall"], skm.recall_score(y_true, y_pred, average=None)
    )


def test_title_says_what_the_cells_show():
    small = evc.ConfusionDisplay(np.full((10, 10), 2)).plot()
    assert "cell: count and % of each true class" in small.ax_.get_title()
    assert small.ax_.texts[0].get_text() == "2\n10.0%"
    medium = evc.ConfusionDisplay(np.full((20, 20), 2)).plot()
    assert medium.ax_.texts[0].get_text() == "2"
    assert "cell: count; colour: % of each true class" in medium.ax_.get_title()
    large = evc.ConfusionDisplay(np.full((40, 40), 2)).plot()
    assert "colour: % of each true class" in large.ax_.get_title()
    assert "cell:" not in large.ax_.get_title()
    plt.close("all")


def test_cells_are_what_plot_draws_and_drop_shares_past_16_classes():
    cm = np.diag(np.arange(1, 18)) + 1
    disp = evc.ConfusionDisplay(cm)
    texts, colors, image = disp.cells()
    assert texts.shape == colors.shape == image.shape == (17, 17)
    assert texts[0, 0] == "2" and texts[16, 16] == "18"  # counts only past 16
    np.testing.assert_allclose(image.sum(axis=1), 1.0)
    disp.plot()
    assert [t.get_text() for t in disp.text_.ravel()] == list(texts.ravel())
    assert [t.get_color() for t in disp.text_.ravel()] == list(colors.ravel())
    small = evc.ConfusionDisplay([[3, 1], [0, 4]]).cells()[0]
    assert small[0, 0] == "3\n75.0%" and small[1, 0] == "0"
    plt.close(disp.figure_)
