"""Write a file so that a failure leaves nothing behind and nothing is overwritten silently.

The content goes to a temporary file in the target's own folder (so the final rename stays
on one file system and is atomic), is flushed to disk, and only then takes the target's
name. If anything fails, the temporary file is removed and the old target is untouched.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class ExportError(Exception):
    """A user-facing reason why a file could not be written (one line, names the file)."""


def write_atomic(path: str | os.PathLike[str], data: str, overwrite: bool = False) -> Path:
    target = Path(path)
    name = str(target)
    if target.is_dir():
        raise ExportError(f"{name}: is a folder; choose a file name")
    if target.exists() and not overwrite:
        raise ExportError(f"{name}: already exists (use --force, or choose another name)")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{name}: the folder {folder} does not exist")
    payload = data.encode("utf-8")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide a report from its readers
        if overwrite:
            os.replace(tmp, target)
        else:
            # link() refuses an existing name, so a file created meanwhile is not clobbered
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise ExportError(
                    f"{name}: already exists (use --force, or choose another name)"
                ) from None
            except OSError as e:
                if e.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV):
                    raise
                os.replace(tmp, target)  # file systems without hard links
            else:
                os.unlink(tmp)
        tmp = None
    except ExportError:
        raise
    except PermissionError:
        raise ExportError(f"{name}: cannot write here (permission denied)") from None
    except OSError as e:
        raise ExportError(f"{name}: cannot write ({e.strerror or e})") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return target
