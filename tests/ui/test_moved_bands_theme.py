"""Moved pairs' bands in the link map, as painted, in the light and the dark theme: faint
but visible when not selected (a dashed outline that stands out from the map's
background), and the selected one clearly stronger."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from .longpair import long_pair


@pytest.fixture
def long_paths(write):
    left, right = long_pair()
    return write("left-long.txt", left), write("right-long.txt", right)


def luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue())


def lightness(c: QColor) -> float:
    """CIE L* (0 black .. 100 white): equal steps look equal, on dark as on light."""
    y = luminance(c)
    return 116 * (y ** (1 / 3) if y > 0.008856 else 7.787 * y + 16 / 116) - 16


def contrast(a: QColor, b: QColor) -> float:
    """How far apart two colours look in lightness (ΔL*). The WCAG ratio flatters dark
    colours: the old dark theme's band measured 2.2:1, like the light theme's 2.0:1,
    and could hardly be seen."""
    return abs(lightness(a) - lightness(b))


def band_contrast(img: QImage, path, background: QColor) -> float:
    """The strongest contrast with the background along a band's outline (a dashed line:
    half the points fall in its gaps), pixels as painted."""
    best = 0.0
    for k in range(400):
        pt = path.pointAtPercent(k / 399)
        x, y = int(pt.x()), int(pt.y())
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if 0 <= x + dx < img.width() and 0 <= y + dy < img.height():
                    c = QColor(img.pixel(x + dx, y + dy))
                    if c.green() > max(c.red(), c.blue()) + 15:  # the moved green, not a
                        best = max(best, contrast(c, background))  # band under it
    return best


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_moved_bands_are_faint_but_visible_and_the_selected_one_stands_out(
    window, qtbot, long_paths, open_pair, theme
):
    try:
        window.set_theme(theme)
        cmp = open_pair(*long_paths)
        qtbot.waitUntil(lambda: window.layout_complete, timeout=20000)
        moved = [n for n, p in enumerate(cmp.pairs) if p.moved]
        assert len(moved) >= 2  # the long pair's moved paragraph: several moved sentences
        window.show_pair(moved[0])  # in view, not selected
        window.select_pair(None)
        QApplication.processEvents()
        lm = window.linkmap
        img = lm.grab().toImage()
        background = lm.palette().color(lm.backgroundRole())
        drawn = dict(lm._bands)
        faint = [band_contrast(img, drawn[n], background) for n in moved if n in drawn]
        assert faint, "no moved band in view"
        # visible, yet faint. A thin dashed light line on a dark ground needs more
        # lightness difference to be seen than a dark one on white: the dark theme's old
        # band (ΔL* 22) could hardly be seen, the light theme's (25) can
        least = {"light": 20, "dark": 28}[theme]
        assert least <= min(faint) and max(faint) <= 40, (theme, faint)
        window.select_pair(moved[0], scroll=False)
        QApplication.processEvents()
        img = lm.grab().toImage()
        selected = band_contrast(img, dict(lm._bands)[moved[0]], background)
        assert selected > max(faint), (theme, selected, faint)
    finally:
        window.set_theme("system")
