"""The View ▸ Theme choice: follow the system, or force light or dark.

Qt draws with the application palette; a forced theme sets a complete palette (every
role, so no widget mixes light and dark), and "system" puts back the palette the
application started with. The panes and the legend re-theme from the palette change.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")
_system: QPalette | None = None

_DARK = {
    "Window": "#2b2d30",
    "WindowText": "#e6e6e6",
    "Base": "#1e1f22",
    "AlternateBase": "#26282b",
    "ToolTipBase": "#3c3f41",
    "ToolTipText": "#e6e6e6",
    "PlaceholderText": "#9a9da2",
    "Text": "#e6e6e6",
    "Button": "#35383b",
    "ButtonText": "#e6e6e6",
    "BrightText": "#ffffff",
    "Light": "#4a4d50",
    "Midlight": "#3e4144",
    "Mid": "#6f7378",
    "Dark": "#1a1b1d",
    "Shadow": "#000000",
    "Highlight": "#3d7ec9",
    "HighlightedText": "#ffffff",
    "Link": "#78b4f0",
    "LinkVisited": "#b48ef0",
}
_LIGHT = {
    "Window": "#efefef",
    "WindowText": "#1a1a1a",
    "Base": "#ffffff",
    "AlternateBase": "#f5f5f5",
    "ToolTipBase": "#ffffdc",
    "ToolTipText": "#1a1a1a",
    "PlaceholderText": "#6d6d6d",
    "Text": "#1a1a1a",
    "Button": "#efefef",
    "ButtonText": "#1a1a1a",
    "BrightText": "#ffffff",
    "Light": "#ffffff",
    "Midlight": "#e3e3e3",
    "Mid": "#a0a0a0",
    "Dark": "#8a8a8a",
    "Shadow": "#404040",
    "Highlight": "#3070c0",
    "HighlightedText": "#ffffff",
    "Link": "#0b57d0",
    "LinkVisited": "#7b3fb5",
}


def palette_for(name: str) -> QPalette:
    colours = _DARK if name == "dark" else _LIGHT
    pal = QPalette()
    for role, colour in colours.items():
        r = getattr(QPalette.ColorRole, role)
        pal.setColor(QPalette.ColorGroup.All, r, QColor(colour))
        if role in ("Text", "WindowText", "ButtonText"):
            pal.setColor(QPalette.ColorGroup.Disabled, r, QColor(colours["Mid"]))
    return pal


def apply_theme(name: str) -> None:
    """Make ``name`` (one of :data:`THEMES`) the application's look."""
    global _system
    app = QApplication.instance()
    if app is None:
        return
    if _system is None:
        _system = QPalette(app.palette())
    app.setPalette(_system if name not in ("light", "dark") else palette_for(name))
