"""Entry script of the frozen bundle: PyInstaller runs it as a top-level script, where
kzdiff/__main__.py's relative imports would fail."""

import sys

from kzdiff.cli import command

sys.exit(command())
