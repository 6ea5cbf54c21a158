"""Where a command writes its text output: a file named by the user, or standard output."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import IO, Iterator

from ..errors import InputError


@contextmanager
def text_output(path: str | None, newline: str | None = None) -> Iterator[IO[str]]:
    """A UTF-8 text stream to `path`, or standard output when it is None; an unwritable path is an InputError."""
    if path is None:
        yield sys.stdout
        return
    try:
        fh = open(path, "w", encoding="utf-8", newline=newline)
    except OSError as err:
        raise InputError(path, f"cannot be written: {err.strerror or err}") from None
    with fh:
        yield fh
