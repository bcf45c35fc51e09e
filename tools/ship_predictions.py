"""Copy the course's model predictions into the package, with their SHA-256.

The notebooks load these shipped files (verified by checksum) instead of
training on a first run, so every machine shows the same numbers. Run after
retraining on purpose (for example after a scikit-learn upgrade changes the
cache keys), then regenerate the notebooks:

    evalviz train && python tools/ship_predictions.py && evalviz regenerate
"""

from __future__ import annotations

import hashlib
import os
import shutil
from importlib.metadata import version
from pathlib import Path

from evalviz import models

TARGET = Path(__file__).resolve().parent.parent / "evalviz" / "course_predictions"


def main() -> None:
    # Train (or load from the prediction cache) with this scikit-learn, never
    # copying the shipped files onto themselves.
    os.environ["EVALVIZ_IGNORE_SHIPPED"] = "1"
    runs = [
        models.baseline_predictions(),
        models.baseline_predictions(scale=False),
        models.outfits_predictions(),
        models.pair_predictions(),
    ]
    for old in TARGET.glob("*.npz"):
        old.unlink()
    lines = []
    for run in runs:
        dest = TARGET / run.path.name
        shutil.copyfile(run.path, dest)
        digest = hashlib.sha256(dest.read_bytes()).hexdigest()
        lines.append(f"{digest}  {dest.name}")
        print(f"{dest.name}: {dest.stat().st_size:,} bytes")
    (TARGET / "SHA256SUMS").write_text("\n".join(sorted(lines)) + "\n")
    # The shipped files are looked up with this version's cache key, whatever
    # scikit-learn a learner has installed.
    (TARGET / "SKLEARN_VERSION").write_text(version("scikit-learn") + "\n")


if __name__ == "__main__":
    main()
