"""scikit-learn's own classification tests, run against evalviz's metrics.

The installed ``sklearn/metrics/tests/test_classification.py`` is read, its
imports of the functions evalviz serves (``adapter.PROVIDED``: accuracy,
confusion matrices, precision / recall / F-beta / F1, the report, Matthews
correlation, Cohen's kappa, Jaccard, Hamming and zero-one losses, balanced
accuracy, likelihood ratios, log loss, Brier, hinge, the D2 scores and
average precision) are pointed at ``sklearn_classification_adapter`` (evalviz
behind scikit-learn's signatures), its ``UndefinedMetricWarning`` at evalviz's,
and the file is executed as a module. Every test function that uses one of
those functions (directly, through a parametrisation, or through a helper of
that file) is re-exported here, so pytest collects it with its
parametrisations. The tests of scikit-learn's private ``_check_targets`` would
only test scikit-learn, so they are not collected; an instance parametrised
with a scikit-learn metric evalviz does not serve would be skipped.

With scikit-learn 1.9.1: 262 of the file's 268 tests use a served function;
15 of them skip themselves (array-API checks); of the 247 others, 241 pass and
the 6 of ``EXPECTED_TO_DIFFER`` fail as listed.

``EXPECTED_TO_DIFFER`` lists, with a reason each, the tests whose outcome
differs by evalviz's design or because evalviz lacks the feature; they run as
``xfail(strict=True)`` restricted to the exception that the reason predicts.
"""

from __future__ import annotations

import ast
import importlib.util
import types
import warnings

import pytest

pytest.importorskip(
    "sklearn",
    minversion="1.9",
    reason="written for scikit-learn 1.9's API and test files (the floor job installs an older scikit-learn; the main job runs this file)",
)

import sklearn_classification_adapter as adapter  # noqa: E402

_SPEC = importlib.util.find_spec("sklearn.metrics.tests.test_classification")
if _SPEC is None or _SPEC.origin is None:  # pragma: no cover - tests not installed
    pytest.skip("scikit-learn's tests are not installed", allow_module_level=True)
_PATH = _SPEC.origin
COUNTING = frozenset(adapter.PROVIDED)


def _rewrite(tree: ast.Module) -> ast.Module:
    """Drop the counting names from sklearn's imports; the adapter supplies them."""
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            if node.module in ("sklearn.metrics", "sklearn.metrics._classification"):
                node.names = [a for a in node.names if a.name not in COUNTING]
            elif node.module == "sklearn.exceptions":
                node.names = [
                    a for a in node.names if a.name != "UndefinedMetricWarning"
                ]
    tree.body = [
        n for n in tree.body if not (isinstance(n, ast.ImportFrom) and not n.names)
    ]
    return tree


def _uses(tree: ast.Module) -> dict[str, set[str]]:
    """For each test function, the counting functions it reaches by name."""
    defs = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            defs[node.name] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    defs[target.id] = node
    memo: dict[str, set[str]] = {}

    def reach(name: str, path: tuple = ()) -> set[str]:
        if name not in memo:
            found = set()
            for sub in ast.walk(defs[name]):
                if isinstance(sub, ast.Name) and sub.id != name:
                    if sub.id in COUNTING:
                        found.add(sub.id)
                    elif sub.id in defs and sub.id not in path:
                        found |= reach(sub.id, (*path, name))
            memo[name] = found
        return memo[name]

    return {name: reach(name) for name in defs if name.startswith("test_")}


def _load():
    source = open(_PATH, encoding="utf-8").read()
    tree = ast.parse(source)
    uses = _uses(tree)
    module = types.ModuleType("sklearn_test_classification_on_evalviz")
    module.__file__ = _PATH
    for name in COUNTING:
        setattr(module, name, getattr(adapter, name))
    module.UndefinedMetricWarning = adapter.UndefinedMetricWarning
    code = compile(ast.fix_missing_locations(_rewrite(tree)), _PATH, "exec")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pytest.PytestUnknownMarkWarning)
        exec(code, module.__dict__)
    return module, uses


_MODULE, USES = _load()
#: The scikit-learn tests that exercise evalviz (name -> functions used).
COUNTING_TESTS = {name: used for name, used in USES.items() if used}
#: The other tests of that file: they call no function evalviz serves.
OTHER_TESTS = sorted(name for name, used in USES.items() if not used)


@pytest.fixture
def global_random_seed():
    """scikit-learn's default global seed (its conftest supplies this fixture)."""
    return 42


#: name or "name[param-id]" -> (reason, exception the difference raises). An
#: AssertionError is a failed ``assert`` (the NaN policy) or a
#: ``pytest.raises(match=...)`` whose regex does not match evalviz's wording.
EXPECTED_TO_DIFFER: dict[str, tuple[str, tuple[type[BaseException], ...]]] = {
    "test_confusion_matrix_normalize_single_class": (
        "policy: normalize='pred' with a class never predicted gives NaN for the "
        "empty column in evalviz (a share of nothing has no answer), 0 in "
        "scikit-learn, so the matrix's sum is NaN instead of 1",
        (AssertionError,),
    ),
    "test_confusion_matrix_dtype": (
        "policy: integer sample weights whose sum passes 2**63 - 1 raise a clear "
        "error in evalviz; the test asserts scikit-learn's silent int64 wrap-around",
        (ValueError,),
    ),
    "test_classification_report_labels_target_names_unequal_length": (
        "policy: names that do not match labels= in number raise a clear error in "
        "evalviz; scikit-learn warns and drops the rows without a name (the error "
        "escapes the test's pytest.warns block, which then reports DID NOT WARN)",
        (pytest.fail.Exception,),
    ),
    "test_classification_report_no_labels_target_names_unequal_length": (
        "wording: both raise ValueError for names that do not match the classes, "
        "but evalviz's message names its argument display_labels (scikit-learn's "
        "target_names), so the test's regex does not match",
        (AssertionError,),
    ),
    "test_hinge_loss_multiclass_no_consistent_pred_decision_shape": (
        "wording: both raise ValueError for a 1-D pred_decision with a "
        "multi-class target, but scikit-learn's message lacks a space ('1d "
        "arraywith a multiclass target') and the test matches that text exactly",
        (AssertionError,),
    ),
    "test_average_precision_score_tied_values[y_true0-y_score0]": (
        "policy: multi-class scores must be probabilities in evalviz's input "
        "model (rows summing to 1); this instance's rows sum to 1.6, which "
        "evalviz refuses with a clear error where scikit-learn's one-vs-rest "
        "average precision ranks any scores",
        (ValueError,),
    ),
}


def _sklearn_metric_param(node) -> str | None:
    """The name of a scikit-learn metric the test is parametrised with, if any."""
    callspec = getattr(node, "callspec", None)
    for value in () if callspec is None else callspec.params.values():
        func = getattr(value, "_score_func", value)  # make_scorer(...)
        func = getattr(func, "func", func)  # functools.partial
        if callable(func) and getattr(func, "__module__", "").startswith(
            "sklearn.metrics"
        ):
            return getattr(func, "__name__", repr(func))
    return None


@pytest.fixture(autouse=True)
def _expected_difference(request):
    """Mark the listed tests xfail(strict=True), limited to the predicted error.

    An instance parametrised with one of scikit-learn's own metrics (for
    example ``jaccard_score`` beside ``f1_score``) would test scikit-learn
    only, so it is skipped and not counted.
    """
    node = request.node
    other = _sklearn_metric_param(node)
    if other is not None:
        pytest.skip(f"this instance tests scikit-learn's {other}, not evalviz")
    base = node.originalname if hasattr(node, "originalname") else node.name
    for key in (node.name, base):
        if key in EXPECTED_TO_DIFFER:
            reason, raises = EXPECTED_TO_DIFFER[key]
            request.applymarker(
                pytest.mark.xfail(strict=True, reason=reason, raises=raises)
            )
            break


for _name in COUNTING_TESTS:
    globals()[_name] = getattr(_MODULE, _name)
del _name


def test_the_counting_tests_are_found():
    """The census of scikit-learn's file: a version change shows up here."""
    assert len(COUNTING_TESTS) + len(OTHER_TESTS) == len(USES)
    assert {"test_precision_recall_f1_score_multilabel_1"} <= set(COUNTING_TESTS)
    assert {"test_matthews_corrcoef", "test_log_loss"} <= set(COUNTING_TESTS)
    assert "test__check_targets" in OTHER_TESTS
    unknown = [k for k in EXPECTED_TO_DIFFER if k.split("[")[0] not in COUNTING_TESTS]
    assert unknown == []
