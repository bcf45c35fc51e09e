"""scikit-learn's own ranking tests, run against evalviz.

The installed ``sklearn/metrics/tests/test_ranking.py`` is executed as a module
while ``sklearn.metrics`` serves the functions of ``sklearn_ranking_adapter``
(``roc_auc_score``, ``average_precision_score``, ``roc_curve``,
``precision_recall_curve``, ``top_k_accuracy_score``), so its imports, its
lists of curve functions and its parametrisations bind evalviz's metrics.
scikit-learn is restored right after. Its test functions are then re-exported
here for pytest to collect. Tests of functions evalviz does not have
(``det_curve``, ``ndcg_score``, ``label_ranking_loss``, ``auc`` ...) still call
scikit-learn's own; run with ``EVALVIZ_SUITE_CALLS=1 pytest -s`` to print the
tests that reached evalviz (120 of the 248 with scikit-learn 1.9).

``EXPECTED_DIFFERENCES`` lists, with the reason, every test expected to fail
through the adapter; each is marked ``xfail(strict=True)``, so a listed test
that starts to pass fails the run and the list stays honest.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

# The expected differences below are those of scikit-learn 1.9's test file.
pytest.importorskip(
    "sklearn",
    minversion="1.9",
    reason="written for scikit-learn 1.9's API and test files (the floor job installs an older scikit-learn; the main job runs this file)",
)

import sklearn  # noqa: E402
import sklearn_ranking_adapter as adapter  # noqa: E402

_SOURCE = Path(sklearn.__file__).parent / "metrics" / "tests" / "test_ranking.py"


def _load_sklearn_tests():
    spec = importlib.util.spec_from_file_location("_sklearn_test_ranking", _SOURCE)
    module = importlib.util.module_from_spec(spec)
    with adapter.serving_sklearn_metrics():
        spec.loader.exec_module(module)
    return module


_SK = _load_sklearn_tests()

_ORDER = (
    "labels= may list the classes in any order: evalviz reads the score "
    "columns in the order given, where scikit-learn requires sorted labels"
)
_INT_COLUMNS = (
    "integer labels 0..k-1 name the score columns directly (a class may be "
    "absent from y_true), so no column-count error is raised: the absent class "
    "is undefined (NaN and a warning with undefined='warn', a clear error by "
    "default) and one-vs-one averages the pairs of the classes present"
)
_TIES = (
    "tie rule by design: among equal scores the lowest class index ranks first "
    "(numpy's argmax), so top-1 equals argmax accuracy; scikit-learn ranks the "
    "highest index first"
)
_BYTES = (
    "evalviz reads bytes labels as text; scikit-learn refuses them with a TypeError"
)
_K_TOO_LARGE = (
    "k >= n_classes: evalviz returns 1.0 silently at k = n_classes and raises a "
    "clear ValueError above it, where scikit-learn warns (UndefinedMetricWarning)"
)

#: Test id (function name, or name[parameters]) -> why evalviz differs.
EXPECTED_DIFFERENCES: dict[str, str] = {
    "test_roc_auc_score_multiclass_labels_error[ovo-Parameter 'labels' must be "
    "ordered-y_true3-labels3]": _ORDER,
    "test_roc_auc_score_multiclass_labels_error[ovr-Parameter 'labels' must be "
    "ordered-y_true3-labels3]": _ORDER,
    "test_top_k_accuracy_score_error[y_true3-y_score3-labels3-Parameter 'labels' "
    "must be ordered.]": _ORDER,
    "test_roc_auc_score_multiclass_labels_error[ovo-Number of classes in y_true not "
    "equal to the number of columns in 'y_score'-y_true2-None]": _INT_COLUMNS,
    "test_roc_auc_score_multiclass_labels_error[ovr-Number of classes in y_true not "
    "equal to the number of columns in 'y_score'-y_true2-None]": _INT_COLUMNS,
    "test_top_k_accuracy_score_error[y_true6-y_score6-None-`y_true` is binary while "
    "y_score is 2d with 3 classes. If `y_true` does not contain all the labels, "
    "`labels` must be provided]": _INT_COLUMNS,
    "test_top_k_accuracy_score_ties": _TIES,
    "test_top_k_accuracy_score_warning": _K_TOO_LARGE,
    "test_confusion_matrix_at_thresholds_implicit_bytes_pos_label": _BYTES,
}


@pytest.fixture
def global_random_seed():
    """scikit-learn's fixture: the seed of its random tests (42 unless set).

    scikit-learn reads ``SKLEARN_TESTS_GLOBAL_RANDOM_SEED``; so does this one
    (a single integer).
    """
    return int(os.environ.get("SKLEARN_TESTS_GLOBAL_RANDOM_SEED", "42"))


def _test_id(node) -> str:
    return node.name


@pytest.fixture(autouse=True)
def _expected_difference(request):
    """Mark the listed tests xfail(strict=True) and record evalviz's calls."""
    name = _test_id(request.node)
    reason = EXPECTED_DIFFERENCES.get(name) or EXPECTED_DIFFERENCES.get(
        request.node.originalname
    )
    if reason:
        request.node.add_marker(pytest.mark.xfail(strict=True, reason=reason))
    adapter.reset_calls()
    yield
    if os.environ.get("EVALVIZ_SUITE_CALLS") and adapter.CALLS:
        print(f"\nEVALVIZ-CALLED {name}")


for _name, _obj in vars(_SK).items():
    if _name.startswith("test_") and callable(_obj):
        globals()[_name] = _obj
del _name, _obj


def test_the_suite_runs_against_evalviz_and_sklearn_is_restored():
    import sklearn.metrics as skm

    for name in adapter.REPLACED:
        assert getattr(_SK, name) is getattr(adapter, name)
        assert getattr(skm, name) is not getattr(adapter, name)
    assert adapter.roc_curve in _SK.CURVE_FUNCS


def test_every_listed_difference_names_a_test_of_the_suite():
    for key in EXPECTED_DIFFERENCES:
        assert callable(getattr(_SK, key.split("[", 1)[0], None)), key
