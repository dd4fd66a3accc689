"""A typed wrapper around QSettings, so the rest of the UI never handles raw keys or
QVariant conversions. Tests point it at an INI file in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class _IntList:
    """A list of integers stored as JSON under one key (splitter sizes)."""

    def __init__(self, key: str, doc: str):
        self.key, self.__doc__ = key, doc

    def __get__(self, settings: Settings, owner: type) -> list[int]:
        try:
            return [int(x) for x in json.loads(settings._get(self.key, "[]", str))]
        except (ValueError, TypeError):
            return []

    def __set__(self, settings: Settings, values: list[int]) -> None:
        settings.q.setValue(self.key, json.dumps([int(x) for x in values]))


class Settings:
    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings or QSettings("kzdiff", "kzdiff")

    @classmethod
    def at(cls, path: str | Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # -- generic helpers ------------------------------------------------------------
    def _get(self, key: str, default, kind):
        v = self.q.value(key, default)
        try:
            if kind is bool and isinstance(v, str):
                return v.lower() in ("true", "1", "yes")
            return kind(v)
        except (TypeError, ValueError):
            return default

    # -- window -------------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        v = self.q.value("window/geometry")
        return v if isinstance(v, QByteArray) else None

    @geometry.setter
    def geometry(self, v: QByteArray) -> None:
        self.q.setValue("window/geometry", v)

    splitter = _IntList("window/splitter", "Sizes of [left pane | link map | right pane].")
    detail_splitter = _IntList("window/detail_splitter", "Sizes of [panes | detail panel].")

    # -- view ---------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        """Font size change in points from the default (Ctrl+= / Ctrl+- / Ctrl+0)."""
        return max(-8, min(30, self._get("view/zoom", 0, int)))

    @zoom.setter
    def zoom(self, v: int) -> None:
        self.q.setValue("view/zoom", int(v))

    @property
    def hidden_kinds(self) -> set[str]:
        try:
            return set(json.loads(self._get("view/hidden_kinds", "[]", str)))
        except (ValueError, TypeError):
            return set()

    @hidden_kinds.setter
    def hidden_kinds(self, kinds: set[str]) -> None:
        self.q.setValue("view/hidden_kinds", json.dumps(sorted(kinds)))

    @property
    def sync_scroll(self) -> bool:
        return self._get("view/sync_scroll", True, bool)

    @sync_scroll.setter
    def sync_scroll(self, v: bool) -> None:
        self.q.setValue("view/sync_scroll", bool(v))

    @property
    def theme(self) -> str:
        """View ▸ Theme: "system", "light" or "dark"."""
        v = self._get("view/theme", "system", str)
        return v if v in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, v: str) -> None:
        self.q.setValue("view/theme", v)

    # -- files --------------------------------------------------------------------
    @property
    def recent(self) -> list[tuple[str, str]]:
        """Recently compared pairs of files, newest first."""
        try:
            items = json.loads(self._get("files/recent", "[]", str))
            return [(str(a), str(b)) for a, b in items][:MAX_RECENT]
        except (ValueError, TypeError):
            return []

    def add_recent(self, left: str, right: str) -> None:
        items = [(left, right)] + [p for p in self.recent if p != (left, right)]
        self.q.setValue("files/recent", json.dumps(items[:MAX_RECENT]))

    def clear_recent(self) -> None:
        self.q.setValue("files/recent", "[]")

    @property
    def last_folder(self) -> str:
        return self._get("files/last_folder", "", str)

    @last_folder.setter
    def last_folder(self, v: str) -> None:
        self.q.setValue("files/last_folder", v)

    @property
    def export_folder(self) -> str:
        """Where the last HTML report was saved (the export dialog starts there)."""
        return self._get("files/export_folder", "", str)

    @export_folder.setter
    def export_folder(self, v: str) -> None:
        self.q.setValue("files/export_folder", v)

    def sync(self) -> None:
        self.q.sync()
