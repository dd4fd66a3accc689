"""Exporters: they read the result model (:class:`~kzdiff.core.model.Comparison`) and never Qt."""
