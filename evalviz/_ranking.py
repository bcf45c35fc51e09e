"""Ranking metrics: ROC and PR curves, AUC, average precision, top-k."""

__all__: list[str] = []
