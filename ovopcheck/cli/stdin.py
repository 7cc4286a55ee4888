"""``ovopcheck -``: a profile read from standard input, as check-jsonschema and ruff read one.

The text is read once, bounded like any file, into a private temporary folder, and checked from there
under the name ``--stdin-name`` gives (``<stdin>`` by default), so every report, message and exit code
treats it like a file of that name.
"""

import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from ..batch.discover import Named
from ..loading.read import MAX_BYTES


def take_stdin(paths: list[Path], name: str | None, stack: ExitStack) -> list[str | Path]:
    """``paths`` with ``-`` replaced by the standard input's text, saved for the run's length (``stack``)."""
    if not any(str(p) == "-" for p in paths):
        return list(paths)
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ovopcheck-stdin-")))
    saved = folder / "profile.yaml"
    # One byte over the limit is enough for the reader to refuse it as too large, like any file.
    saved.write_bytes(sys.stdin.buffer.read(MAX_BYTES + 1))
    shown = Named(name or "<stdin>", str(saved))
    return [shown if str(p) == "-" else p for p in paths]
