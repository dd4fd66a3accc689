"""``python -m kzdiff``: the same as the ``kzdiff`` command."""

import sys

from .cli import command

sys.exit(command())
