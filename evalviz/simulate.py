"""Simulated scores for controlled experiments.

Everything returned here is **simulated**: made-up model outputs with known
properties, not the output of a trained model. Notebooks and plot titles that
use them say so.

- :func:`from_report` rebuilds a multi-class problem from a published
  per-class precision / recall table (a ``classification_report``).
- :func:`multilabel_zipf` makes a large multi-label problem with Zipf-like label
  frequencies and a chosen separability.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_array

__all__ = ["confusion_from_report", "from_report", "multilabel_zipf"]


# ---------------------------------------------------------------------------
# from_report
# ---------------------------------------------------------------------------


def _check_report(precision, recall, support):
    p = as_array(precision, "precision").astype(np.float64).ravel()
    r = as_array(recall, "recall").astype(np.float64).ravel()
    s = as_array(support, "support").ravel()
    if np.ndim(support) == 0 or s.size == 1:
        s = np.full(p.size, int(s[0]))
    if not (p.size == r.size == s.size):
        raise ValueError(
            f"precision, recall and support must have one value per class; got "
            f"{p.size}, {r.size} and {s.size} values"
        )
    if p.size < 2:
        raise ValueError(f"precision has {p.size} value; a report needs 2+ classes")
    for name, arr in (("precision", p), ("recall", r)):
        if not np.all(np.isfinite(arr)) or arr.min() < 0 or arr.max() > 1:
            raise ValueError(
                f"{name} must hold fractions between 0 and 1, got {arr.tolist()}; "
                "pass 0.93 rather than 93"
            )
    if not np.all(s == np.round(s)) or s.min() < 1:
        raise ValueError(
            f"support must hold positive whole numbers (samples per class), got "
            f"{s.tolist()}"
        )
    s = s.astype(np.int64)
    if np.any((p == 0) != (np.round(r * s) == 0)):
        bad = int(np.flatnonzero((p == 0) != (np.round(r * s) == 0))[0])
        raise ValueError(
            f"class {bad} has precision {p[bad]} but recall {r[bad]}: one is zero "
            "and the other is not, which no confusion matrix can give"
        )
    return p, r, s


def _predicted_totals(p, diag, support):
    """Column sums (predictions per class) closest to the reported precision."""
    n_total = int(support.sum())
    cols = np.where(p > 0, np.round(diag / np.where(p > 0, p, 1.0)), 0).astype(np.int64)
    # A class's wrong predictions must come from the other classes' errors.
    errors = n_total - diag.sum()
    cap = errors - (support - diag) + diag
    cols = np.clip(cols, diag, np.maximum(cap, diag))
    # Rounding leaves the total a few predictions off: move them one at a time to
    # the class whose precision moves least.
    while cols.sum() != n_total:
        step = 1 if cols.sum() < n_total else -1
        new = cols + step
        with np.errstate(divide="ignore", invalid="ignore"):
            moved = np.abs(np.where(new > 0, diag / new, 0.0) - p)
        moved[(new < diag) | (new > cap)] = np.inf
        j = int(np.argmin(moved))
        if not np.isfinite(moved[j]):
            raise ValueError(
                "the report is inconsistent: no set of predictions per class gives "
                "these precisions with these supports"
            )
        cols[j] += step
    return cols


def _fill_off_diagonal(row_need, col_need, rng):
    """Integer matrix, zero diagonal, with the given row and column sums."""
    k = row_need.size
    weights = rng.gamma(1.0, 1.0, size=(k, k))
    np.fill_diagonal(weights, 0.0)
    m = weights
    # Iterative proportional fitting to the margins, then integer rounding.
    for _ in range(500):
        rs = m.sum(axis=1)
        m = m * np.divide(row_need, rs, out=np.zeros(k), where=rs > 0)[:, None]
        cs = m.sum(axis=0)
        m = m * np.divide(col_need, cs, out=np.zeros(k), where=cs > 0)[None, :]
    counts = np.floor(m).astype(np.int64)
    frac = m - counts
    row_left = row_need - counts.sum(axis=1)
    col_left = col_need - counts.sum(axis=0)
    order = np.dstack(np.unravel_index(np.argsort(-frac, axis=None), (k, k)))[0]
    while row_left.sum() > 0:
        placed = False
        for i, j in order:
            if i != j and row_left[i] > 0 and col_left[j] > 0:
                counts[i, j] += 1
                row_left[i] -= 1
                col_left[j] -= 1
                placed = True
        if not placed:
            # Only a diagonal cell (i, i) is left: swap through an off-diagonal
            # cell (a, b) so that both margins still hold.
            i = int(np.flatnonzero(row_left)[0])
            cells = [
                (a, b)
                for a in range(k)
                for b in range(k)
                if a != b and a != i and b != i and counts[a, b] > 0
            ]
            if not cells:
                raise ValueError(
                    "the report is inconsistent: class "
                    f"{i}'s misclassified samples cannot all go to other classes"
                )
            a, b = cells[int(rng.integers(len(cells)))]
            counts[a, b] -= 1
            counts[i, b] += 1
            counts[a, i] += 1
            row_left[i] -= 1
            col_left[i] -= 1
    return counts


def confusion_from_report(precision, recall, support, *, seed=0):
    """A confusion matrix consistent with a per-class precision / recall table.

    Parameters
    ----------
    precision, recall : array-like of shape (n_classes,)
        Per-class precision and recall as fractions (0.93, not 93).
    support : array-like of shape (n_classes,) or int
        Samples per true class (one number means every class has it).
    seed : int, default=0
        Seed for how the misclassified samples are spread over the other
        classes.

    Returns
    -------
    ndarray of int64, shape (n_classes, n_classes)
        Rows = true class, columns = predicted class.

    Raises
    ------
    ValueError
        If the report is not fractions of matching lengths, or is
        inconsistent (a class would need more errors than the other classes
        together can absorb).

    Notes
    -----
    The diagonal is ``round(recall * support)``; the column sums are the
    numbers of predictions closest to ``diagonal / precision`` that add up to
    the total support; the off-diagonal counts are spread at random (with the
    given seed) so that every row and column sum holds. A published report
    rounds to two decimals, so the rebuilt precisions agree to the nearest
    count, not digit for digit.

    Examples
    --------
    >>> from evalviz.simulate import confusion_from_report
    >>> confusion_from_report([0.9, 0.6], [0.75, 0.8], [100, 50])
    array([[75, 25],
           [10, 40]])
    """
    p, r, s = _check_report(precision, recall, support)
    rng = np.random.default_rng(seed)
    diag = np.round(r * s).astype(np.int64)
    cols = _predicted_totals(p, diag, s)
    row_need = s - diag
    col_need = cols - diag
    total = row_need.sum()
    if np.any(row_need + col_need > total):
        i = int(np.argmax(row_need + col_need - total))
        raise ValueError(
            f"the report is inconsistent: class {i} would need more errors than all "
            "the other classes together can absorb"
        )
    cm = _fill_off_diagonal(row_need, col_need, rng)
    cm[np.diag_indices_from(cm)] = diag
    return cm


def _positive_number(value, name: str, *, allow_zero: bool = False) -> float:
    """``value`` as a finite float above 0 (or at least 0), else a clear error."""
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not np.isfinite(out) or out < 0 or (out == 0 and not allow_zero):
        kind = "non-negative" if allow_zero else "positive"
        raise ValueError(f"{name} must be a {kind} number, got {out}")
    return out


def _report_logits(y_true, y_pred, k: int, rng, separation):
    """Logits whose argmax is ``y_pred``, the true class raised (see from_report)."""
    n = y_true.size
    rows = np.arange(n)
    logits = rng.normal(0.0, 1.0, size=(n, k))
    logits[rows, y_true] += 2.0 if separation is None else separation
    others = logits.copy()
    others[rows, y_pred] = -np.inf
    gap = 0.05 + rng.exponential(1.0, size=n)
    winner = others.max(axis=1) + gap
    if separation is not None:
        # A correct sample keeps its raised logit when it already wins clearly.
        right = y_true == y_pred
        winner[right] = np.maximum(winner[right], logits[rows[right], y_pred[right]])
    logits[rows, y_pred] = winner
    return logits


def from_report(precision, recall, support, *, seed=0, confidence=4.0, separation=None):
    """Simulated ``(y_true, y_score)`` whose argmax reproduces a per-class report.

    Parameters
    ----------
    precision, recall : array-like of shape (n_classes,)
        Per-class precision and recall as fractions, as printed by
        scikit-learn's ``classification_report``.
    support : array-like of shape (n_classes,) or int
        Samples per true class.
    seed : int, default=0
        Random seed (confusions, score noise, row order).
    confidence : float, default=4.0
        How peaked the simulated probabilities are: the logits are multiplied by
        ``confidence`` before the softmax. Around 1 gives soft rows (top score
        near 0.3 for 10 classes), 4 gives typical network outputs (top score
        mostly above 0.9), 10 and more gives scores piled up near 1.0.
    separation : float or None, default=None
        How far, in logits (before ``confidence``), a sample's true class is
        raised above the noise of the other classes, for correctly *and*
        wrongly classified samples alike. It controls how far a class's own
        samples score above the other samples *in that class's column*, and so
        the one-vs-rest ROC AUCs, without changing the argmax (the report is
        reproduced for every value). ``None`` keeps the original construction,
        in which that separation is fixed: with the CIFAR-10 report of the
        course's notebook 04 it gives per-class AUCs of about 0.92-0.99 whatever
        the confidence. A number switches to the construction described in the
        Notes. With that report and ``confidence=4``, the per-class AUCs
        span about 0.85-0.97 at 0, 0.94-0.99 at 2, 0.98-0.997 at 4,
        0.99-0.999 at 5 and 0.993-0.999 at 6: larger means closer to 1, and
        the lowest-recall class stays lowest.

    Returns
    -------
    y_true : ndarray of int64, shape (n_samples,)
        True class of each simulated sample.
    y_score : ndarray of float64, shape (n_samples, n_classes)
        **Simulated** softmax-like scores: each row sums to 1 and its argmax is
        the predicted class of the confusion matrix from
        :func:`confusion_from_report`.

    Raises
    ------
    ValueError
        When ``confidence`` is not positive, ``separation`` is negative, or
        the report cannot be reproduced (see :func:`confusion_from_report`).

    Notes
    -----
    The scores are simulated, not the output of a model. Per-class precision and
    recall of ``y_score.argmax(axis=1)`` reproduce the given ones to the nearest
    count. Beyond the argmax, a sample's true class gets a raised logit, so that
    a misclassified sample usually has its true class ranked second, as real
    networks do; one-vs-rest ROC AUCs therefore come out high even where recall
    is low.

    Logits start as standard normal noise. With ``separation=None`` the true
    class gets +2 and then the predicted class's logit is *set* to the largest
    other logit plus a gap (0.05 plus an exponential draw), for every sample;
    a correctly classified sample therefore sits only that gap above its
    runner-up, and the AUCs cannot move. With ``separation=s`` the true class
    gets +s; a misclassified sample's predicted class is set to the largest
    other logit (usually the true class's) plus the gap, and a correctly
    classified sample keeps its raised logit, lifted to the runner-up plus the
    gap only when it would not otherwise win. So a class's column holds
    scores near ``exp(-confidence * s)`` for most of the other classes'
    samples, and its own misclassified samples still score near
    ``exp(-confidence * gap)`` there.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.simulate import from_report
    >>> y_true, y_score = from_report([0.9, 0.6], [0.75, 0.8], [100, 50])
    >>> y_score.shape, np.bincount(y_true).tolist()
    ((150, 2), [100, 50])
    """
    confidence = _positive_number(confidence, "confidence")
    if separation is not None:
        separation = _positive_number(separation, "separation", allow_zero=True)
    cm = confusion_from_report(precision, recall, support, seed=seed)
    rng = np.random.default_rng([seed, 1])
    k = cm.shape[0]
    y_true = np.repeat(np.repeat(np.arange(k), k), cm.ravel())
    y_pred = np.repeat(np.tile(np.arange(k), k), cm.ravel())
    logits = _report_logits(y_true, y_pred, k, rng, separation)
    z = confidence * logits
    z -= z.max(axis=1, keepdims=True)
    score = np.exp(z)
    score /= score.sum(axis=1, keepdims=True)
    n = y_true.size
    order = rng.permutation(n)
    return y_true[order], score[order]


# ---------------------------------------------------------------------------
# multilabel_zipf
# ---------------------------------------------------------------------------


def multilabel_zipf(
    n_samples,
    n_labels,
    *,
    zipf_exponent=1.0,
    separability=4.0,
    labels_per_sample=2.0,
    seed=0,
):
    """Simulated multi-label targets and scores with a Zipf-like label frequency.

    Parameters
    ----------
    n_samples, n_labels : int
        Size of the simulated problem (for example 100_000 x 1000).
    zipf_exponent : float, default=1.0
        Label ``j`` (0-based) is present with probability proportional to
        ``1 / (j + 1) ** zipf_exponent``: label 0 is the most common and the
        tail is rare. 0 gives equally common labels.
    separability : float, default=4.0
        Gap between the logits of a label's positives and its negatives (the
        noise is standard logistic). Every label's expected ROC AUC is
        ``e^s (e^s - 1 - s) / (e^s - 1) ** 2`` for ``s = separability``:
        1 -> 0.66, 2 -> 0.79, 3 -> 0.89, 4 -> 0.94, 6 -> 0.99; 0 gives 0.5.
    labels_per_sample : float, default=2.0
        Average number of true labels per sample asked for. A label's
        prevalence is capped at 0.5, so with a steep Zipf law the realised mean
        is lower (and every sample then gets at least one label).
    seed : int, default=0
        Seed of the random generator: the same arguments give the same arrays.

    Returns
    -------
    y_true : ndarray of int8, shape (n_samples, n_labels)
        0/1 indicator matrix. Every sample has at least one label, and every
        label at least one positive and one negative (when n_samples >= 2).
    y_score : ndarray of float32, shape (n_samples, n_labels)
        **Simulated** sigmoid outputs, one independent probability per label.

    Raises
    ------
    ValueError
        If a size is not a positive integer, or a parameter is negative (or
        ``labels_per_sample`` is 0).

    Notes
    -----
    The scores are simulated. The logit of label ``j`` is its base rate's
    log-odds plus ``separability`` for positives plus standard logistic noise, so
    common labels score higher across the board, as a model trained with
    sigmoid outputs does. That is what makes top-k and AUC disagree: a rare
    label can be ranked well among its own samples (high AUC) and still rarely
    reach a sample's top 5.

    Examples
    --------
    >>> from evalviz.simulate import multilabel_zipf
    >>> y_true, y_score = multilabel_zipf(200, 5)
    >>> y_true.sum(axis=0).tolist()  # label 0 the most common
    [109, 95, 71, 50, 40]
    """
    n, m = _check_size(n_samples, "n_samples"), _check_size(n_labels, "n_labels")
    for name, value in (
        ("zipf_exponent", zipf_exponent),
        ("separability", separability),
        ("labels_per_sample", labels_per_sample),
    ):
        if not np.isfinite(float(value)) or float(value) < 0:
            raise ValueError(f"{name} must be a non-negative number, got {value!r}")
    if labels_per_sample <= 0:
        raise ValueError("labels_per_sample must be positive, got 0")
    rng = np.random.default_rng(seed)
    weight = 1.0 / np.arange(1, m + 1, dtype=np.float64) ** float(zipf_exponent)
    prevalence = np.minimum(0.5, weight * float(labels_per_sample) / weight.sum())
    y_true = np.zeros((n, m), dtype=np.int8)
    counts = rng.binomial(n, prevalence)
    if n >= 2:
        counts = np.clip(counts, 1, n - 1)
    for j in range(m):
        y_true[rng.choice(n, size=counts[j], replace=False), j] = 1
    empty = np.flatnonzero(~y_true.any(axis=1))
    if empty.size:
        y_true[empty, rng.choice(m, size=empty.size, p=weight / weight.sum())] = 1
        # In tiny problems that can leave a label on every sample: give it back a
        # negative from a sample that keeps another label.
        for j in np.flatnonzero(y_true.all(axis=0)):
            spare = np.flatnonzero(y_true.sum(axis=1) > 1)
            if spare.size:
                y_true[spare[0], j] = 0
    # Logit = base log-odds + separability (positives) + logistic noise, and
    # sigmoid(a + logit(u)) = u e^a / (1 + u (e^a - 1)): one uniform draw per cell.
    base = np.log(prevalence / (1 - prevalence))
    odds_neg = np.exp(base).astype(np.float32)
    odds_pos = np.exp(base + float(separability)).astype(np.float32)
    y_score = np.empty((n, m), dtype=np.float32)
    block = max(1, (1 << 20) // m)
    odds = np.empty((block, m), dtype=np.float32)
    u = np.empty((block, m), dtype=np.float32)
    for r0 in range(0, n, block):
        r1 = min(n, r0 + block)
        b = r1 - r0
        np.copyto(odds[:b], odds_neg)
        np.copyto(odds[:b], odds_pos, where=y_true[r0:r1].astype(bool))
        rng.random(out=u[:b], dtype=np.float32)
        num = np.multiply(u[:b], odds[:b], out=y_score[r0:r1])
        odds[:b] -= 1
        odds[:b] *= u[:b]
        odds[:b] += 1
        np.divide(num, odds[:b], out=num)
    return y_true, y_score


def _check_size(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)
