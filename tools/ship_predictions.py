"""Copy the course's model predictions into the package, with their SHA-256.

The notebooks load these shipped files (verified by checksum) instead of
training on a first run, so every machine shows the same numbers. Run after
retraining on purpose (for example after a scikit-learn upgrade changes the
cache keys), then regenerate the notebooks:

    evalviz train && python tools/ship_predictions.py && evalviz regenerate
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from evalviz import models

TARGET = Path(__file__).resolve().parent.parent / "evalviz" / "course_predictions"


def main() -> None:
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


if __name__ == "__main__":
    main()
