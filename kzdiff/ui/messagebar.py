"""A non-modal strip for errors and notices, with an optional action button.

It floats over the top of its parent (the window's central area) instead of taking a
row in the layout: showing a message never pushes the panes down.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class MessageBar(QFrame):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.close_button = QPushButton("Dismiss", self)
        self.close_button.clicked.connect(self.hide)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        lay.addWidget(self.close_button)
        self._callback = None
        self.button.clicked.connect(self._clicked)
        parent.installEventFilter(self)
        self.hide()

    def show_message(
        self, text: str, error: bool = True, action: str | None = None, callback=None
    ) -> None:
        self.label.setText(text)
        colour = "#D55E00" if error else "#0072B2"
        self.setStyleSheet(
            f"#messageBar {{ border: 1px solid {colour}; border-left: 6px solid {colour};"
            " background: palette(window); }"
        )
        self.button.setVisible(action is not None)
        self.button.setText(action or "")
        self._callback = callback
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        parent = self.parentWidget()
        width = parent.width() - 8
        self.setFixedWidth(max(200, width))
        self.adjustSize()
        self.move(4, 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _clicked(self) -> None:
        self.hide()
        if self._callback:
            self._callback()
