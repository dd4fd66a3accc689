"""The facts panel: a table of the quantities and dates the two texts state, each beside
its counterpart, disagreements first. Activating a row asks the window to show its
sentence (the side whose cell was clicked, else the left one).

A model/view table (not a table widget): a long pair states tens of thousands of facts,
and a view asks only for the rows it paints. File text is given to Qt as plain display
strings, never as markup.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..core.facts import FactRow, table_rows
from ..core.model import Comparison, Fact, Kind
from .colors import current_theme

COLUMNS = ("About", "Left", "Right", "Verdict")
VERDICTS = {
    "disagree": "≠ disagree",
    "agree": "= agree",
    "only-left": "only left",
    "only-right": "only right",
}
_Index = QModelIndex | QPersistentModelIndex


def _cell(f: Fact | None) -> str:
    if f is None:
        return "—"
    return f.text if f.value.casefold() == f.text.casefold() else f"{f.text}  (= {f.value})"


class FactsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[FactRow] = []

    def set_comparison(self, cmp: Comparison | None, rows: list[FactRow] | None = None) -> None:
        """Show a comparison's facts; ``rows``, its table made off the GUI thread, saves
        sorting them here."""
        self.beginResetModel()
        if cmp is None:
            self.rows = []
        else:
            self.rows = rows if rows is not None else table_rows(cmp.facts)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.about or "—"
            if col == 1:
                return _cell(row.left)
            if col == 2:
                return _cell(row.right)
            return VERDICTS[row.status]
        if row.status == "disagree":
            if role == Qt.ItemDataRole.BackgroundRole:
                return current_theme().fill(Kind.CONFLICT)
            if role == Qt.ItemDataRole.FontRole and col == 3:
                bold = QFont()
                bold.setBold(True)
                return bold
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 2):
            f = row.left if col == 1 else row.right
            if f is not None:
                return f"{f.side} sentence {f.sentences[0] + 1}: {f.value}"
        return None


class FactsPanel(QTableView):
    """The facts table; ``sentenceActivated(side, sentence id)`` when a row is clicked."""

    sentenceActivated = Signal(str, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("facts")
        self.facts_model = FactsModel(self)
        self.setModel(self.facts_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setColumnWidth(0, 120)
        self.setColumnWidth(1, 260)
        self.setColumnWidth(2, 260)
        self.clicked.connect(self._activate)
        self.activated.connect(self._activate)

    def show_comparison(self, cmp: Comparison | None, rows: list[FactRow] | None = None) -> None:
        self.facts_model.set_comparison(cmp, rows)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """The table as shown (for tests and for copying)."""
        m = self.facts_model
        return [
            tuple(m.data(m.index(r, c)) for c in range(len(COLUMNS)))  # type: ignore[misc]
            for r in range(m.rowCount())
        ]

    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.facts_model.rows[index.row()]
        fact = row.right if index.column() == 2 and row.right is not None else row.left
        if fact is None:
            fact = row.right
        if fact is not None:
            self.sentenceActivated.emit(fact.side, fact.sentences[0])
