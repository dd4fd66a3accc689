"""Write a file so that a failure leaves nothing behind and nothing is overwritten silently.

The content goes to a temporary file in the target's own folder (so the final rename stays
on one file system and is atomic), is flushed to disk, and only then takes the target's
name. If anything fails, the temporary file is removed and the old target is untouched.

Only a regular file is ever replaced (never a device node, a pipe or a symbolic link that
stands at the name), and it keeps its permissions; a new file gets the permissions the
user's umask gives any new file.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading
from pathlib import Path

from ..core.names import display_name


class ExportError(Exception):
    """A user-facing reason why a file could not be written (one line, names the file)."""


def write_atomic(path: str | os.PathLike[str], data: str, overwrite: bool = False) -> Path:
    target = Path(path)
    name = display_name(target)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise ExportError(f"{name}: cannot write ({e.strerror or e})") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise ExportError(f"{name}: is a folder; choose a file name")
    if st is not None and not stat.S_ISREG(st.st_mode):
        what = "a symbolic link" if stat.S_ISLNK(st.st_mode) else "not a regular file"
        raise ExportError(f"{name}: is {what}; it is not replaced (choose another name)")
    if st is not None and not overwrite:
        raise ExportError(f"{name}: already exists (use --force, or choose another name)")
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{name}: the folder {display_name(folder)} does not exist")
    payload = data.encode("utf-8")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp's 0600 would hide a report from readers the user's umask lets in; a
        # replaced file keeps its own permissions (a private 0600 one stays private)
        os.chmod(tmp, mode)
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


_umask_lock = threading.Lock()


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", "rb") as f:  # bytes: no codec lookup needed
            for line in f:
                if line.startswith(b"Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _umask_lock:  # elsewhere the only way is to set it and set it back
        old = os.umask(0o022)
        os.umask(old)
    return old
