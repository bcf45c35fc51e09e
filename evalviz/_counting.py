"""Counting metrics: confusion matrices, precision, recall, F1, reports."""

__all__: list[str] = []
