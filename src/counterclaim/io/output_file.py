"""Writing a result file atomically, never overwriting one without being told to.

The content goes to a temporary file next to the target, is flushed and fsynced, then moved
into place with one rename. Whatever fails on the way, the target keeps its old content (or
stays absent) and the temporary file is removed. Without ``force`` the final step is a hard
link, which fails if the target appeared in the meantime, so a file created by someone else
between our check and our write is not clobbered either.

The file is written as UTF-8, byte for byte as given (no newline translation). A new file
gets the usual permissions (0666 minus the umask); a replaced file keeps its mode. A symlink
at ``path`` is replaced by the file, the link target is left alone.

A path that is (or links to) a device or a named pipe is written into directly, never replaced
(``--out /dev/stdout`` works, ``--out /dev/null --force`` leaves /dev/null alone); writing into it
overwrites nothing, so it needs no ``force``. A named pipe nobody reads from is an error, not a
wait. ``check_output_target`` finds the failures it can before any work is done.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import secrets
import stat
from collections.abc import Iterable

from counterclaim.errors import OutputError

_TEMPORARY_NAME_ATTEMPTS = 10
_NEW_FILE_MODE = 0o666


def write_output(path: str, content: str, *, force: bool) -> None:
    """Write content to path atomically. Raises OutputError if path exists and force is False.

    Also raises OutputError when the directory is missing or unwritable, path is a directory,
    or content cannot be encoded as UTF-8.
    """
    try:
        data = content.encode("utf-8")
    except UnicodeEncodeError as error:
        raise OutputError(f"cannot write {path}: the content is not valid text ({error.reason})") from error
    _write_pieces(path, [data], force=force)


def write_output_lines(path: str, lines: Iterable[bytes], *, force: bool) -> None:
    """Write the lines, each ended by a line feed, to path atomically as they come (a file of any size
    in the memory of one line), as `write_output` does. An error raised while a line is made leaves the
    target as it was and is raised as it is."""
    _write_pieces(path, (piece for line in lines for piece in (line, b"\n")), force=force)


def _write_pieces(path: str, pieces: Iterable[bytes], *, force: bool) -> None:
    if _special_target(path):
        _write_into(path, pieces)
        return
    directory = _checked_directory(path, force=force)

    temporary = _create_temporary_file(path, directory)
    try:
        _write_all(temporary, pieces, mode=_existing_mode(path))
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


def check_output_target(path: str, *, force: bool) -> None:
    """Raise the OutputError that writing to ``path`` would meet, as far as it can be known now: a
    directory, an existing file without ``force``, a missing or unwritable folder (probed by creating
    and removing a temporary file there), an unwritable device. Call it before the work whose result
    is to be written, so the work is not lost."""
    if _special_target(path):
        if not os.access(path, os.W_OK):
            raise OutputError(f"cannot write {path}: permission denied")
        return
    directory = _checked_directory(path, force=force)
    os.unlink(_create_temporary_file(path, directory))


def _special_target(path: str) -> bool:
    """True when ``path`` is (or links to) a device or a named pipe, to be written into directly.

    Raises OutputError for a directory, a socket, or a path that cannot be looked at.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    except OSError as error:  # e.g. "Not a directory": a file used as a folder
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    except ValueError as error:  # a NUL character in the path
        raise OutputError(f"cannot write {path!r}: {error}") from error
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path} is a directory; give a file name for the output")
    if stat.S_ISSOCK(mode):
        raise OutputError(f"cannot write {path}: it is a socket")
    return not stat.S_ISREG(mode)


def _checked_directory(path: str, *, force: bool) -> str:
    """The folder a regular output file goes to, once it is known to exist (and the file not to, unless
    ``force``)."""
    if not force and os.path.lexists(path):
        raise OutputError(f"{path} exists; pass --force to overwrite")
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise OutputError(f"cannot write {path}: directory {directory} does not exist")
    return directory


def _write_into(path: str, pieces: Iterable[bytes]) -> None:
    """Write into a device or a named pipe as it is (no temporary file, no rename, no truncation)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise OutputError(f"cannot write {path}: it is a named pipe with no reader") from error
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    try:
        flags = fcntl.fcntl(descriptor, fcntl.F_GETFL)
        fcntl.fcntl(descriptor, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        for piece in pieces:
            view = memoryview(piece)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    finally:
        os.close(descriptor)


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


def _write_all(temporary: str, pieces: Iterable[bytes], *, mode: int | None) -> None:
    with open(temporary, "wb") as file:
        for piece in pieces:
            file.write(piece)
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
