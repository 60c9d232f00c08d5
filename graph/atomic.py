"""Write a file whole or not at all: a temporary file beside it, then rename.

An interrupt, a crash or a full disk mid-write leaves the previous file as it
was and no temporary ``.part`` file behind: the new content is written to
``.NAME.PID.XXXX.part`` in the same folder, flushed to disk, and only then
renamed over ``NAME`` (a rename within one file system is atomic). Files that
go together (``nodes.csv`` and ``edges.csv``) are all replaced or none
(:func:`atomic_write_all`).

What is at the path decides how it is written:

- a symbolic link is followed: the file it points to is replaced and the
  link stays a link;
- a character device or a pipe (``/dev/null``, ``/dev/stdout``, a FIFO) is
  written into, never replaced by a regular file;
- a folder, a block device or a socket is refused with the ``OSError``
  writing would meet, before anything is written.

A ``.part`` file left by a process that no longer runs (``kill -9``, a power
cut) is removed by :func:`check_writable` on the next run. The writer holds
an ``flock`` on its ``.part`` file until it is renamed into place: a run in
another PID namespace (a container sharing the folder), whose PID means
nothing here, is still seen to be alive.

Example
-------
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
>>> with atomic_write(p) as fh:
...     _ = fh.write("done")
>>> p.read_text()
'done'
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

PART_SUFFIX = ".part"
#: bytes of the output's name kept in its ``.part`` name: ``.NAME.PID.XXXXXXXX.part`` must stay within
#: the 255 bytes a file name may have, for an output whose own name is up to 255
PART_NAME_BYTES = 200
#: a temporary file of ours: ``.NAME.PID.XXXX.part``
_PART = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+" + re.escape(PART_SUFFIX) + "$")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _final_mode(path: Path) -> int:
    """The mode the file would have if opened plainly: the old file's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def target(path: str | os.PathLike) -> tuple[Path, bool]:
    """``(where, stream)``: the file writing ``path`` lands in, and whether it is written into in place.

    Symbolic links are followed. ``stream`` is True for a character device
    or a pipe, which is written into and never replaced. A folder, a block
    device or a socket raises the ``OSError`` writing it would meet.

    >>> target("/dev/null")
    (PosixPath('/dev/null'), True)
    >>> target("/")
    Traceback (most recent call last):
    ...
    IsADirectoryError: [Errno 21] Is a directory: '/'
    """
    real = Path(os.path.realpath(path))
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return real, False
    except NotADirectoryError:
        return real, False  # check_writable and the write itself name the file in the way
    if stat.S_ISREG(mode):
        return real, False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        # opened by the name given: /dev/stdout on a pipe resolves to "/proc/PID/fd/pipe:[N]", no path at all
        return Path(path), True
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    raise OSError(errno.EINVAL, "not a regular file: a block device or a socket is never written to", str(path))


def _part_name(name: str) -> str:
    """The output's name as its ``.part`` file spells it: cut to :data:`PART_NAME_BYTES` bytes.

    >>> _part_name("g.html"), len(os.fsencode(_part_name("é" * 120)))
    ('g.html', 200)
    """
    name = name[:PART_NAME_BYTES]
    while len(os.fsencode(name)) > PART_NAME_BYTES:
        name = name[:-1]
    return name


def _temporary(path: Path) -> tuple[int, str]:
    """A new ``.NAME.PID.XXXX.part`` file beside ``path``: the PID says whose it is."""
    return tempfile.mkstemp(prefix=f".{_part_name(path.name)}.{os.getpid()}.", suffix=PART_SUFFIX, dir=path.parent)


def _lock(tmp: str) -> int:
    """An open descriptor holding an exclusive ``flock`` on ``tmp``: the mark of a live writer.

    The lock goes with the process (``kill -9`` included) and is seen from
    any PID namespace that shares the file system.
    """
    fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        pass  # a file system without flock: the PID alone is the mark, as before
    return fd


def _locked(part: Path) -> bool:
    """True if a writer holds ``part``'s lock (it is being written, by a run here or elsewhere)."""
    try:
        fd = os.open(part, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return True  # cannot tell: leave it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False  # no flock here: the PID decides
    finally:
        os.close(fd)
    return False


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success rename it over ``path``.

    On any exception (``KeyboardInterrupt`` and a full disk included) the
    temporary file is removed, ``path`` is left untouched and the exception
    propagates. A device or a pipe at ``path`` is written into (see
    :func:`target`).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "y.txt"; _ = p.write_text("old")
    >>> with atomic_write(p) as fh:
    ...     _ = fh.write("half")
    ...     raise RuntimeError("crash mid-write")
    Traceback (most recent call last):
    RuntimeError: crash mid-write
    >>> p.read_text(), sorted(f.name for f in p.parent.iterdir())
    ('old', ['y.txt'])
    """
    with atomic_write_all([path], mode, encoding, newline) as (fh,):
        yield fh


@contextlib.contextmanager
def atomic_write_all(paths: Sequence[str | os.PathLike], mode: str = "w", encoding: str | None = "utf-8",
                     newline: str | None = None) -> Iterator[list[IO]]:
    """Open one temporary file per path; on success replace them all, else none.

    Every file is written and flushed before the first is renamed into
    place; if a rename fails, the files already replaced get their previous
    content back (kept as a hard link, else a copy, until all are in place).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_write_all([d / "a.csv", d / "b.csv"]) as (a, b):
    ...     _, _ = a.write("a"), b.write("b")
    >>> sorted(p.name for p in d.iterdir())
    ['a.csv', 'b.csv']
    """
    targets = [target(p) for p in paths]
    opened: list[tuple[IO, str | None, Path]] = []  # (handle, temporary file or None for a stream, target)
    locks: list[int] = []  # held until every file is renamed into place
    text = {} if "b" in mode else {"encoding": encoding, "newline": newline}
    try:
        for real, stream in targets:
            if stream:
                opened.append((open(real, mode, **text), None, real))
            else:
                real.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = _temporary(real)
                try:
                    locks.append(_lock(tmp))
                    opened.append((os.fdopen(fd, mode, **text), tmp, real))
                except BaseException:
                    os.close(fd)
                    os.unlink(tmp)
                    raise
        yield [fh for fh, _, _ in opened]
        for fh, tmp, _ in opened:
            fh.flush()
            if tmp is not None:
                os.fsync(fh.fileno())
        for fh, _, _ in opened:
            fh.close()
        _replace_all([(tmp, real) for _, tmp, real in opened if tmp is not None])
    except BaseException:
        for fh, tmp, _ in opened:
            with contextlib.suppress(OSError):
                fh.close()
            if tmp is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
        raise
    finally:
        for fd in locks:
            os.close(fd)


def _backup(path: Path) -> str | None:
    """A second name for ``path``'s current content (a hard link, else a copy), or None if it has none."""
    if not path.exists():
        return None
    name = str(path.parent / f".{_part_name(path.name)}.{os.getpid()}.{secrets.token_hex(4)}{PART_SUFFIX}")
    try:
        os.link(path, name)
    except OSError:
        shutil.copy2(path, name)
    return name


def _replace_all(pairs: list[tuple[str, Path]]) -> None:
    """Rename each temporary file over its target; on a failure put back the ones already replaced."""
    if len(pairs) == 1:
        tmp, real = pairs[0]
        os.chmod(tmp, _final_mode(real))
        os.replace(tmp, real)
        return
    backups = {real: _backup(real) for _, real in pairs}
    done: list[Path] = []
    try:
        for tmp, real in pairs:
            os.chmod(tmp, _final_mode(real))
            os.replace(tmp, real)
            done.append(real)
    except BaseException:
        for real in reversed(done):
            old = backups.pop(real)
            if old is None:
                os.unlink(real)
            else:
                os.replace(old, real)
        raise
    finally:
        for old in backups.values():
            if old is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(old)


def _alive(pid: int) -> bool:
    """True if a process ``pid`` runs on this machine (one of another user's counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def stale_parts(path: str | os.PathLike) -> list[Path]:
    """``.part`` files beside ``path`` left by writers of it that no longer run (``kill -9``).

    Left means: no process holds its lock, and no process here has its PID
    (a writer in another PID namespace holds the lock).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / ".g.html.999999999.ab12.part").write_text("half")
    >>> [p.name for p in stale_parts(d / "g.html")]
    ['.g.html.999999999.ab12.part']
    """
    path = Path(path)
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    out = []
    ours = _part_name(path.name)
    for name in sorted(names):
        m = _PART.match(name)
        if m and m["name"] == ours and int(m["pid"]) != os.getpid() and not _alive(int(m["pid"])) \
                and not _locked(path.parent / name):
            out.append(path.parent / name)
    return out


def check_writable(path: str | os.PathLike) -> list[Path]:
    """Raise the ``OSError`` that writing ``path`` would meet, before any work is done.

    Creates the folder if needed and a temporary file in it, then removes the
    file; ``path`` itself is not touched. A folder at ``path`` raises
    ``IsADirectoryError`` now, not after the work. ``.part`` files left
    beside it by a killed run are removed and returned.

    >>> import tempfile, pathlib
    >>> blocker = pathlib.Path(tempfile.mkdtemp()) / "a-file"; _ = blocker.write_text("")
    >>> check_writable(blocker / "out.html")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    FileExistsError: [Errno 17] File exists: '...a-file'
    """
    real, stream = target(path)
    if stream:
        if not os.access(real, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return []
    real.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temporary(real)
    os.close(fd)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)
    removed = []
    for part in stale_parts(real):
        with contextlib.suppress(OSError):
            part.unlink()
            removed.append(part)
    return removed
