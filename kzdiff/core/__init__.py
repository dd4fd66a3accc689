"""kzdiff's engine: pure Python, no Qt. Views read :class:`~kzdiff.core.model.Comparison`."""

from .compare import Cancelled, compare_documents, compare_files, compare_texts
from .loading import LoadError
from .model import Comparison, Document, Kind, Pair, Sentence

__all__ = [
    "Cancelled",
    "Comparison",
    "Document",
    "Kind",
    "LoadError",
    "Pair",
    "Sentence",
    "compare_documents",
    "compare_files",
    "compare_texts",
]
