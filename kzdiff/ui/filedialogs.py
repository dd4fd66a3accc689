"""The open and save dialogs: which formats they list, where they start, how they show.

Every suffix the loaders read is listed (one place to add a format); dialogs start in
the folder the user last used, else the current one; Qt's own dialog is given room for
whole dates in its detail view.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView, QWidget

#: (label, suffixes) of what kzdiff reads; the first entry lists them all.
FORMATS = (
    ("Plain text", ("txt", "text")),
    ("Markdown", ("md", "markdown")),
    ("Web pages", ("html", "htm", "xhtml")),
    ("Word documents", ("docx",)),
    ("OpenDocument text", ("odt",)),
    ("PDF", ("pdf",)),
)


def open_filters() -> str:
    every = " ".join(f"*.{x}" for _, xs in FORMATS for x in xs)
    parts = [f"Texts kzdiff reads ({every})"]
    parts += [f"{label} ({' '.join(f'*.{x}' for x in xs)})" for label, xs in FORMATS]
    parts.append("All files (*)")
    return ";;".join(parts)


def start_folder(last: str | None) -> str:
    """The last folder used if it still exists, else the current one."""
    if last and os.path.isdir(last):
        return last
    return os.getcwd()


def _widen_dates(dialog: QFileDialog) -> None:
    """Qt's own dialog cuts the date column; size every column to its content."""
    for view in dialog.findChildren(QTreeView):
        header = view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def choose_open(parent: QWidget, title: str, folder: str, many: bool) -> list[str]:
    """Ask for one file (``many``: one or more); [] if the user cancels."""
    dialog = QFileDialog(parent, title, folder, open_filters())
    dialog.setFileMode(
        QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile
    )
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    _widen_dates(dialog)
    dialog.resize(max(dialog.width(), 860), max(dialog.height(), 520))
    if not dialog.exec():
        return []
    return dialog.selectedFiles()
