"""The legend bar: one chip per kind with its marker, colour and count. Each chip is also
the filter toggle for its kind (unchecked = hidden: dimmed, no band, skipped by navigation)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from ..core.model import Comparison, Kind
from ..palette import MOVED, STYLES, count_text
from .colors import current_theme


class Legend(QWidget):
    filtersChanged = Signal(set)  # the kinds now hidden

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("legend")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.setSpacing(6)
        lay.addWidget(QLabel("Show:"))
        self.buttons: dict[Kind, QToolButton] = {}
        for kind in Kind:
            b = QToolButton(self)
            b.setObjectName(f"legend-{kind.value}")
            b.setCheckable(True)
            b.setChecked(True)
            b.setToolTip(
                f"{STYLES[kind].description}. Click to show or hide {kind.value} sentences."
            )
            b.toggled.connect(self._emit)
            lay.addWidget(b)
            self.buttons[kind] = b
        # the furniture chip made the row wider than the window's old minimum width; in a
        # window narrower than the chips the last one is cut rather than the window grown
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.moved_label = QLabel(self)
        self.moved_label.setToolTip(MOVED.description)
        lay.addWidget(self.moved_label)
        lay.addStretch(1)
        self.set_counts(None)

    def set_counts(self, cmp: Comparison | None) -> None:
        s = cmp.summary() if cmp else None
        theme = current_theme()
        for kind, b in self.buttons.items():
            st = STYLES[kind]
            if s is None:
                dash = {"only_left": "–", "only_right": "–", kind.value: "–"}
                b.setText(f"{st.marker} {count_text(kind, dash)}")
            else:
                b.setText(f"{st.marker} {count_text(kind, s)}")
            fill, line = theme.fill(kind).name(), QColor(st.line).name()
            b.setStyleSheet(
                f"QToolButton {{ border: 1px dashed {line}; border-radius: 3px; padding: 1px 6px;"
                f" background: transparent; color: palette(text); }}"
                f" QToolButton:checked {{ border: 1px solid {line}; border-left: 5px solid {line};"
                f" background: {fill}; color: palette(text); }}"
            )
        self._strike_hidden()
        moved = "–" if s is None else s["moved"]
        self.moved_label.setText(f"  {MOVED.marker} moved: {moved}")
        self.moved_label.setStyleSheet(f"color: {MOVED.line}; font-weight: bold;")

    def hidden(self) -> set[str]:
        return {k.value for k, b in self.buttons.items() if not b.isChecked()}

    def set_hidden(self, kinds: set[str]) -> None:
        for k, b in self.buttons.items():
            b.blockSignals(True)
            b.setChecked(k.value not in kinds)
            b.blockSignals(False)
        self._emit()

    def _strike_hidden(self) -> None:
        for b in self.buttons.values():
            f = b.font()
            f.setStrikeOut(not b.isChecked())  # hidden kinds are struck out, not only greyed
            b.setFont(f)

    def _emit(self, *_: object) -> None:
        self._strike_hidden()
        self.filtersChanged.emit(self.hidden())
