"""Dataset loaders: Fashion-MNIST, CIFAR-10 and the multi-label outfits.

The loaders live in private modules of the data layer, imported here at the top
(no import cycle): ``_fashion`` (Fashion-MNIST and the fixed validation rows),
``_cifar`` (CIFAR-10 from the official binary archive), ``_outfits`` (outfit
images built from Fashion-MNIST items); ``_data_files`` holds what they share
(user cache, verified downloads, the errors).

Where Fashion-MNIST comes from, in this order (the first place that has all
files wins): the ``data_home`` argument, ``$EVALVIZ_DATA``, the repository's
``data/`` folder (in a source checkout), the user cache (:func:`user_cache_dir`,
named by ``platformdirs``), Debian's
``dataset-fashion-mnist`` package, then a download from the official location.
Every file is checked against its checksum before use; downloads go through
``pooch``, which checks the archives' published MD5.

The outfit gallery is a display: :func:`evalviz.multilabel.outfit_gallery`.
"""

from __future__ import annotations

from ._cifar import CIFAR10_CLASSES, load_cifar10
from ._data_files import (
    REPO_DATA_DIR,
    ChecksumError,
    DataNotFoundError,
    user_cache_dir,
)
from ._fashion import (
    DEBIAN_FASHION_MNIST_DIR,
    FASHION_MNIST_CLASSES,
    FASHION_MNIST_URL,
    download_fashion_mnist,
    find_fashion_mnist,
    load_fashion_mnist,
    read_idx,
)
from ._outfits import OUTFIT_SIDE, OUTFIT_SPLITS, default_outfit_count, make_outfits

__all__ = [
    "CIFAR10_CLASSES",
    "DEBIAN_FASHION_MNIST_DIR",
    "FASHION_MNIST_CLASSES",
    "FASHION_MNIST_URL",
    "OUTFIT_SIDE",
    "OUTFIT_SPLITS",
    "REPO_DATA_DIR",
    "ChecksumError",
    "DataNotFoundError",
    "default_outfit_count",
    "download_fashion_mnist",
    "find_fashion_mnist",
    "load_cifar10",
    "load_fashion_mnist",
    "make_outfits",
    "read_idx",
    "user_cache_dir",
]
