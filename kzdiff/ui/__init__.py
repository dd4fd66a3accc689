"""The Qt window. It shows a :class:`~kzdiff.core.model.Comparison` and holds no
comparison logic of its own; everything it knows about texts comes from :mod:`kzdiff.core`."""
