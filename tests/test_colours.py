"""Colours that read on white and on dark backgrounds, and for colour-blind readers.

The numbers are computed here from their definitions:
- contrast ratio: WCAG 2.1, (L1 + 0.05) / (L2 + 0.05) with sRGB relative
  luminance; 3:1 is WCAG's minimum for graphical objects (success criterion
  1.4.11), 4.5:1 its minimum for normal-size text;
- colour difference: CIEDE2000 (Sharma, Wu and Dalal 2005, whose published test
  pairs check the implementation below) in CIELAB, D65 white;
- colour vision deficiency: Machado, Oliveira and Fernandes (2009), severity 1,
  applied to linear RGB.
"""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgb

import evalviz as ev
from evalviz import _plotting as P
from evalviz._curves_display import _OTHER_COLOR

WHITE = "#FFFFFF"
DARK_BACKGROUNDS = ("#1E1E1E", "#111111", "#000000")  # JupyterLab dark, its page, mpl
MIN_CONTRAST = 3.0  # WCAG 2.1, 1.4.11 non-text contrast
MIN_TEXT_CONTRAST = 4.5  # WCAG 2.1, 1.4.3 text
MIN_DELTA_E = 19.0  # any two class colours, normal vision
MIN_DELTA_E_CVD = 9.0  # any two, as seen with deuteranopia or protanopia

# Machado et al. (2009), severity 1.0, for linear RGB.
CVD = {
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
}


def _linear(colour):
    c = np.asarray(to_rgb(colour) if isinstance(colour, str) else colour, float)[:3]
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def luminance(colour) -> float:
    """WCAG relative luminance of an sRGB colour."""
    return float(_linear(colour) @ [0.2126, 0.7152, 0.0722])


def contrast(a, b) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)))
    return (lb + 0.05) / (la + 0.05)


def _lab_from_linear(rgb_linear):
    m = np.array(
        [
            [0.4124564, 0.3575761, 0.1804375],
            [0.2126729, 0.7151522, 0.0721750],
            [0.0193339, 0.1191920, 0.9503041],
        ]
    )
    xyz = m @ rgb_linear / np.array([0.95047, 1.0, 1.08883])
    eps, kappa = 216 / 24389, 24389 / 27
    f = np.where(xyz > eps, np.cbrt(xyz), (kappa * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def lab(colour, deficiency=None):
    """CIELAB (D65) of an sRGB colour, optionally as seen with a deficiency."""
    rgb = _linear(colour)
    if deficiency is not None:
        rgb = np.clip(CVD[deficiency] @ rgb, 0, 1)
    return _lab_from_linear(rgb)


def ciede2000(lab1, lab2) -> float:
    """CIEDE2000 colour difference (Sharma, Wu and Dalal 2005, eqs. 1 to 22)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360 if c2p else 0.0
    dlp, dcp = l2 - l1, c2p - c1p
    dhp = h2p - h1p
    if c1p * c2p == 0:
        dhp = 0.0
    elif dhp > 180:
        dhp -= 360
    elif dhp < -180:
        dhp += 360
    dhp_big = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dhp / 2))
    lp_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_mean = (h1p + h2p) / 2
    else:
        hp_mean = (h1p + h2p + (360 if h1p + h2p < 360 else -360)) / 2
    t = (
        1
        - 0.17 * np.cos(np.radians(hp_mean - 30))
        + 0.24 * np.cos(np.radians(2 * hp_mean))
        + 0.32 * np.cos(np.radians(3 * hp_mean + 6))
        - 0.20 * np.cos(np.radians(4 * hp_mean - 63))
    )
    d_theta = 30 * np.exp(-(((hp_mean - 275) / 25) ** 2))
    r_c = 2 * np.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    s_l = 1 + 0.015 * (lp_mean - 50) ** 2 / np.sqrt(20 + (lp_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -np.sin(np.radians(2 * d_theta)) * r_c
    return float(
        np.sqrt(
            (dlp / s_l) ** 2
            + (dcp / s_c) ** 2
            + (dhp_big / s_h) ** 2
            + r_t * (dcp / s_c) * (dhp_big / s_h)
        )
    )


# --- the measuring tools, checked against published values -----------------


@pytest.mark.parametrize(
    "lab1, lab2, expected",
    [
        # Sharma, Wu and Dalal (2005), Table 1: pairs 1, 7, 17, 18, 25, 34
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((50.0, 2.5, 0.0), (61.0, -5.0, 29.0), 22.8977),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
    ],
)
def test_ciede2000_matches_published_pairs(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


def test_contrast_and_lab_match_known_values():
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    # #767676 is the lightest grey with 4.5:1 on white (a well-known WCAG value)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.005)
    assert contrast("#777777", "#FFFFFF") < 4.5
    np.testing.assert_allclose(lab("#FFFFFF"), [100, 0, 0], atol=1e-3)
    # sRGB red in CIELAB D65: (53.24, 80.09, 67.20)
    np.testing.assert_allclose(lab("#FF0000"), [53.24, 80.09, 67.20], atol=0.02)


# --- the palette ------------------------------------------------------------


def _chroma(colour) -> float:
    return float(np.hypot(*lab(colour)[1:]))


def test_ten_distinct_class_colours_and_the_palette_is_their_start():
    assert len(set(P.CLASS_COLORS)) == 10
    assert P.PALETTE == P.CLASS_COLORS[: len(P.PALETTE)]


@pytest.mark.parametrize("colour", P.CLASS_COLORS)
def test_class_colour_reads_on_white_and_dark(colour):
    for background in (WHITE, *DARK_BACKGROUNDS):
        ratio = contrast(colour, background)
        assert ratio >= MIN_CONTRAST, f"{colour} on {background}: {ratio:.2f}:1"


@pytest.mark.parametrize("colour", P.CLASS_COLORS)
def test_class_colour_is_not_grey_or_pale(colour):
    lightness, chroma = lab(colour)[0], _chroma(colour)
    assert chroma >= 35, f"{colour}: chroma {chroma:.1f}, greyish"
    assert lightness <= 65, f"{colour}: lightness {lightness:.1f}, pale"


@pytest.mark.parametrize("deficiency", [None, *CVD])
def test_class_colours_are_pairwise_distinguishable(deficiency):
    threshold = MIN_DELTA_E if deficiency is None else MIN_DELTA_E_CVD
    worst = min(
        (ciede2000(lab(a, deficiency), lab(b, deficiency)), a, b)
        for a, b in itertools.combinations(P.CLASS_COLORS, 2)
    )
    assert worst[0] >= threshold, f"{worst[1]} vs {worst[2]}: {worst[0]:.1f}"


def test_neutral_grey_reads_on_white_and_dark():
    for background in (WHITE, *DARK_BACKGROUNDS):
        assert contrast(P.NEUTRAL, background) >= MIN_CONTRAST
    assert _chroma(P.NEUTRAL) < 1  # grey: never mistaken for a class


# --- drawn figures under the default and the dark style -----------------------


def _data(seed=0, k=10, n=600):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, n)
    logits = rng.normal(size=(n, k)) + 2.5 * np.eye(k)[y]
    p = np.exp(logits)
    return y, p / p.sum(axis=1, keepdims=True)


def _displays():
    y, p = _data()
    names = [f"c{i}" for i in range(10)]
    yb, sb = y == 3, p[:, 3]
    marks = {"0.3": 0.3, "0.5": 0.5, "0.9": 0.9, "90% precision": 0.05}
    from evalviz.distributions import auc_pairs, score_distribution
    from evalviz.threshold import OperatingPointsDisplay, ThresholdDisplay

    yield ev.roc(y, p, display_labels=names, thresholds=[0.5]).plot()
    yield ev.pr(y, p, display_labels=names).plot(highlight=["c1", "c2"], iso_f1=True)
    yield OperatingPointsDisplay.from_predictions(yb, sb, thresholds=marks)
    yield ThresholdDisplay.from_predictions(yb, sb, thresholds=marks)
    yield score_distribution(yb, sb, pos_label=True, thresholds=[0.5, 0.9]).plot()
    pairs = auc_pairs(yb, sb, pos_label=True, n_pairs=500, seed=0)
    yield pairs.plot()
    yield pairs.plot_pairs(n=30)


# Background elements meant to be faint on white (grey classes, iso-F1 lines)
_FAINT = ("grey", "iso_f1")
_MIN_FAINT = 1.5


def _line_colours(ax):
    for line in ax.get_lines():
        if len(np.atleast_1d(line.get_xdata())) == 0:
            continue  # a legend proxy
        gid = str(line.get_gid() or "")
        yield gid, line.get_color(), line.get_markerfacecolor(), line.get_linestyle()


@pytest.mark.parametrize("style", ["default", "dark_background"])
def test_drawn_lines_and_texts_read_on_the_style_background(style):
    checked = 0
    with plt.style.context(style):
        for display in _displays():
            fig = display.figure_
            for ax in fig.axes:
                if ax.images:
                    continue  # texts on a colour map sit on its cells
                background = ax.get_facecolor()
                for gid, colour, face, linestyle in _line_colours(ax):
                    faint = gid.startswith(_FAINT) or colour == _OTHER_COLOR
                    shown = face if linestyle in ("None", "none", "") else colour
                    ratio = contrast(shown, background)
                    need = _MIN_FAINT if faint else MIN_CONTRAST
                    assert ratio >= need, (
                        f"{type(display).__name__} line {gid!r} {shown} on "
                        f"{background}: {ratio:.2f}:1"
                    )
                    checked += 1
                for text in ax.texts:
                    if not text.get_text().strip() or text.get_bbox_patch():
                        continue  # a boxed label sits on its own box
                    ratio = contrast(text.get_color(), fig.get_facecolor())
                    assert ratio >= MIN_TEXT_CONTRAST, (
                        f"{type(display).__name__} text {text.get_text()!r}: "
                        f"{ratio:.2f}:1"
                    )
                    checked += 1
            plt.close(fig)
    assert checked > 50


# --- the highlight colour ------------------------------------------------------

# What a highlight must stand apart from: the two sides of a one-vs-rest view
# (the explorers draw positives blue and negatives vermillion), the neutral grey
# of reference lines and the grey of classes not highlighted.
_HIGHLIGHT_NEIGHBOURS = (P.CLASS_COLORS[0], P.CLASS_COLORS[1], P.NEUTRAL, _OTHER_COLOR)


def test_highlight_reads_on_white_and_dark_and_is_not_grey():
    for background in (WHITE, *DARK_BACKGROUNDS):
        ratio = contrast(P.HIGHLIGHT, background)
        assert ratio >= MIN_CONTRAST, f"{P.HIGHLIGHT} on {background}: {ratio:.2f}:1"
    assert _chroma(P.HIGHLIGHT) >= 35
    assert P.HIGHLIGHT.upper() not in {"#999999", P.NEUTRAL.upper()}


@pytest.mark.parametrize("deficiency", [None, *CVD])
def test_highlight_differs_from_both_sides_and_the_greys(deficiency):
    threshold = MIN_DELTA_E if deficiency is None else MIN_DELTA_E_CVD
    for other in _HIGHLIGHT_NEIGHBOURS:
        d = ciede2000(lab(P.HIGHLIGHT, deficiency), lab(other, deficiency))
        assert d >= threshold, f"{P.HIGHLIGHT} vs {other} ({deficiency}): {d:.1f}"


def test_the_old_grey_highlight_would_fail():
    # the check above can fail: #999999, the old highlight, is a grey as close to
    # the neutral grey as 5 CIEDE2000 units
    assert ciede2000(lab("#999999"), lab(P.NEUTRAL)) < MIN_DELTA_E
    assert _chroma("#999999") < 35
