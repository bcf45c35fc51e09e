"""Training runs compared: the epoch table, the summary and the drawn lines."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from evalviz.training import compare_runs  # noqa: E402


class _Run:
    def __init__(self, loss, acc, test):
        self.loss_curve = np.asarray(loss)
        self.val_accuracy_curve = np.asarray(acc)
        self.test_accuracy = test


def _runs():
    return {
        "scaled": _Run([0.5, 0.3, 0.2], [0.85, 0.87, 0.88], 0.88),
        "raw": {"loss_curve": [2.0, 0.6, 0.4], "val_accuracy_curve": [0.8, 0.82, 0.85]},
    }


def test_epoch_table_and_summary():
    runs = compare_runs(_runs())
    table = runs.to_frame()
    assert list(table.index) == [1, 2, 3]
    assert list(table.columns) == [
        "loss, scaled",
        "loss, raw",
        "val. accuracy, scaled",
        "val. accuracy, raw",
    ]
    assert table.loc[1, "loss, raw"] == 2.0
    summary = runs.summary()
    assert summary.loc["raw", "first-epoch loss"] == 2.0
    assert summary.loc["scaled", "last-epoch loss"] == 0.2
    assert summary.loc["raw", "final val. accuracy"] == 0.85
    assert summary.loc["scaled", "test accuracy"] == 0.88
    assert np.isnan(summary.loc["raw", "test accuracy"])


def test_plot_draws_every_epoch():
    runs = compare_runs(_runs()).plot()
    loss_ax, acc_ax = runs.ax_
    assert loss_ax.get_yscale() == "log"
    np.testing.assert_array_equal(loss_ax.lines[1].get_ydata(), [2.0, 0.6, 0.4])
    np.testing.assert_array_equal(acc_ax.lines[0].get_xdata(), [1, 2, 3])
    np.testing.assert_array_equal(acc_ax.lines[0].get_ydata(), [0.85, 0.87, 0.88])
    assert [t.get_text() for t in loss_ax.get_legend().get_texts()] == [
        "scaled",
        "raw",
    ]
    plt.close(runs.figure_)
    only_loss = compare_runs({"a": {"loss_curve": [1.0, 0.5]}}).plot(logy=False)
    assert len(only_loss.ax_) == 1 and only_loss.ax_[0].get_yscale() == "linear"
    plt.close(only_loss.figure_)


def test_checks():
    with pytest.raises(ValueError, match="non-empty mapping"):
        compare_runs({})
    with pytest.raises(ValueError, match="no loss_curve"):
        compare_runs({"a": {"val_accuracy_curve": [0.5]}})
    with pytest.raises(ValueError, match="different numbers of epochs"):
        compare_runs({"a": {"loss_curve": [1, 2]}, "b": {"loss_curve": [1]}})
    with pytest.raises(ValueError, match="one value per epoch"):
        compare_runs({"a": {"loss_curve": [1, 2], "val_accuracy_curve": [0.5]}})
    with pytest.raises(ValueError, match="1-D"):
        compare_runs({"a": {"loss_curve": [[1, 2]]}})


def test_from_runs_draws_with_a_layout_engine_and_repr_has_numbers():
    runs = compare_runs(_runs())
    assert repr(runs) == (
        "TrainingRunsDisplay(2 runs, 3 epochs, last-epoch loss scaled 0.2, raw 0.4)"
    )
    drawn = runs.from_runs(_runs())
    assert drawn.figure_.get_layout_engine() is not None
    assert len(drawn.lines_) == 4
    np.testing.assert_array_equal(drawn.lines_[3].get_ydata(), [0.8, 0.82, 0.85])
    labels = [t.get_text() for t in drawn.ax_[0].get_yticklabels(minor=True)]
    assert "0.3" in labels  # plain numbers on the log axis, not 3e-01
    plt.close(drawn.figure_)
