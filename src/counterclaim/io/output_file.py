"""Writing a result file atomically, never overwriting one without being told to.

The content goes to a temporary file next to the target, is flushed and fsynced, then moved
into place with one rename. Whatever fails on the way, the target keeps its old content (or
stays absent) and the temporary file is removed. Without ``force`` the final step is a hard
link, which fails if the target appeared in the meantime, so a file created by someone else
between our check and our write is not clobbered either.

The file is written as UTF-8, byte for byte as given (no newline translation). A new file
gets the usual permissions (0666 minus the umask); a replaced file keeps its mode. A symlink
at ``path`` is replaced by the file, the link target is left alone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat

from counterclaim.errors import OutputError

_TEMPORARY_NAME_ATTEMPTS = 10
_NEW_FILE_MODE = 0o666


def write_output(path: str, content: str, *, force: bool) -> None:
    """Write content to path atomically. Raises OutputError if path exists and force is False.

    Also raises OutputError when the directory is missing or unwritable, path is a directory,
    or content cannot be encoded as UTF-8.
    """
    if os.path.isdir(path):
        raise OutputError(f"{path} is a directory; give a file name for the output")
    if not force and os.path.lexists(path):
        raise OutputError(f"{path} exists; pass --force to overwrite")
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise OutputError(f"cannot write {path}: directory {directory} does not exist")
    try:
        data = content.encode("utf-8")
    except UnicodeEncodeError as error:
        raise OutputError(f"cannot write {path}: the content is not valid text ({error.reason})") from error

    temporary = _create_temporary_file(path, directory)
    try:
        _write_all(temporary, data, mode=_existing_mode(path))
        if force:
            os.replace(temporary, path)
        else:
            _move_into_place_without_overwriting(temporary, path)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(error, OutputError):
            raise
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
        raise
    _sync_directory(directory)


def _create_temporary_file(path: str, directory: str) -> str:
    """An empty new file with a random name in the target's directory (same file system)."""
    base = os.path.basename(path)
    for _ in range(_TEMPORARY_NAME_ATTEMPTS):
        temporary = os.path.join(directory, f".{base}.{secrets.token_hex(6)}.tmp")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _NEW_FILE_MODE)
        except FileExistsError:
            continue
        except OSError as error:
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
        os.close(descriptor)
        return temporary
    raise OutputError(f"cannot write {path}: no free temporary file name in {directory}")


def _existing_mode(path: str) -> int | None:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def _write_all(temporary: str, data: bytes, *, mode: int | None) -> None:
    with open(temporary, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
        if mode is not None:
            os.fchmod(file.fileno(), mode)


def _move_into_place_without_overwriting(temporary: str, path: str) -> None:
    """Link the finished file at path (fails if path exists), then drop the temporary name."""
    try:
        os.link(temporary, path)
    except FileExistsError as error:
        raise OutputError(f"{path} exists; pass --force to overwrite") from error
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # The file system has no hard links: fall back to a check, then an atomic rename.
        if os.path.lexists(path):
            raise OutputError(f"{path} exists; pass --force to overwrite") from error
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def _sync_directory(directory: str) -> None:
    """Make the rename durable; not every platform or file system allows it."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
