"""Input checks and the one input model, shared by every layer.

``_checks`` holds the small argument checks (each error names the argument,
what was received and the likely fix); ``_inputs`` holds :func:`read_inputs`,
through which every public function reads ``y_true``, ``y_score`` and
``y_pred``.
"""

from __future__ import annotations

from ._checks import (  # noqa: F401
    TargetKind,
    _describe,
    _from_objects,
    _is_missing,
    _looks_like_probabilities,
    _missing_error,
    _to_numpy,
    as_array,
    check_choice,
    check_confusion,
    check_has_both_classes,
    check_k,
    check_same_length,
    check_threshold,
)
from ._inputs import (  # noqa: F401
    _OBVIOUS_BINARY,
    PROBABILITY_TOLERANCE,
    Inputs,
    _class_name,
    _is_indicator,
    _label_values,
    _map_to_index,
    _names,
    _one_against_rest,
    _positive,
    _read_binary,
    _read_labels_arg,
    _read_multilabel,
    _read_pred_values,
    _read_sample_weight,
    _require_probabilities,
    _resolve_classes,
    _same_text_hint,
    _score_array,
    _show,
    class_index,
    read_inputs,
)
