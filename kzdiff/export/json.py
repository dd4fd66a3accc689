"""The ``kzdiff/1`` JSON of a comparison (the structure is :meth:`Comparison.to_dict`)."""

from __future__ import annotations

import json

from ..core.model import Comparison


def dumps(cmp: Comparison, indent: int | None = 1) -> str:
    return json.dumps(cmp.to_dict(), ensure_ascii=False, indent=indent)
