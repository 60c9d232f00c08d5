"""Write a file whole or not at all: a temporary file beside it, then rename.

An interrupt, a crash or a full disk mid-write leaves the previous file as it
was and no temporary ``.part`` file behind: the new content is written to
``.NAME.XXXX.part`` in the same folder, flushed to disk, and only then renamed
over ``NAME`` (a rename within one file system is atomic).

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
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

PART_SUFFIX = ".part"


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


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success rename it over ``path``.

    On any exception (``KeyboardInterrupt`` and a full disk included) the
    temporary file is removed, ``path`` is left untouched and the exception
    propagates.

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
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding,
                       newline=None if "b" in mode else newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _final_mode(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def check_writable(path: str | os.PathLike) -> None:
    """Raise the ``OSError`` that writing ``path`` would meet, before any work is done.

    Creates the folder if needed and a temporary file in it, then removes the
    file; ``path`` itself is not touched.

    >>> import tempfile, pathlib
    >>> blocker = pathlib.Path(tempfile.mkdtemp()) / "a-file"; _ = blocker.write_text("")
    >>> check_writable(blocker / "out.html")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    FileExistsError: [Errno 17] File exists: '...a-file'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART_SUFFIX, dir=path.parent)
    os.close(fd)
    os.unlink(tmp)
