"""Plain text (with an optional `date ...` header line), JSONL records and stdin."""
from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path
from typing import IO, Iterator, Union

from ..errors import InputError
from ..model import Article
from ..time.dateline import find_in_body, parse_header
from .dates import parse_record_date

Item = Union[Article, InputError]
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
STRING_FIELDS = ("id", "source", "url", "title", "date")


def read_inputs(names: list[str], stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Articles from every input in turn; a bad input or record yields an InputError and reading goes on."""
    for name in names:
        try:
            yield from _read_one(name, stdin)
        except InputError as err:
            yield err


def _read_one(name: str, stdin: IO[bytes] | None) -> Iterator[Item]:
    if name == "-":
        data = (stdin or sys.stdin.buffer).read()
        label = "<stdin>"
        is_jsonl = data.lstrip()[:1] == b"{"
    else:
        path = Path(name)
        data = _read_bytes(path)
        label = name
        is_jsonl = name.lower().endswith(JSONL_SUFFIXES)
    text = _decode(label, data)
    if is_jsonl:
        yield from read_jsonl_text(text, label)
    else:
        yield read_plain_text(text, label, default_id=_stem(name))


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot be read: {err.strerror or err}") from None
    if path.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            raise InputError(str(path), f"not a readable gzip file ({err})") from None
    return data


def _decode(label: str, data: bytes) -> str:
    if not data.strip():
        raise InputError(label, "empty input")
    if b"\x00" in data[:8192]:
        raise InputError(label, "binary data, not text (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(label, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})", line) from None


def _stem(name: str) -> str:
    if name == "-":
        return "stdin"
    base = Path(name).name
    return base.split(".")[0] or base


def read_plain_text(text: str, label: str, default_id: str) -> Article:
    """One article from plain text; a first line `date YYYY-MM-DD ...` is its dateline, not its body."""
    first, sep, rest = text.partition("\n")
    try:
        dateline = parse_header(first)
    except ValueError as err:
        raise InputError(label, f"bad date in header line: {err}", 1) from None
    body = rest if dateline else text
    body = body.strip()
    if not body:
        raise InputError(label, "no article text")
    if dateline is None:
        dateline = find_in_body(body)
    date = dateline.date if dateline else None
    source = dateline.source if dateline else None
    return Article(id=default_id, text=body, date=date, source=source, dateline=dateline, origin=label)


def read_jsonl_text(text: str, label: str) -> Iterator[Item]:
    for number, line in enumerate(io.StringIO(text), start=1):
        if line.strip():
            try:
                yield article_from_record(_parse_line(line, label, number), label, number)
            except InputError as err:
                yield err


def _parse_line(line: str, label: str, number: int) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(label, f"not valid JSON ({err.msg} at column {err.colno})", number) from None
    if not isinstance(record, dict):
        raise InputError(label, f"a JSON {type(record).__name__}, not an object", number)
    return record


def article_from_record(record: dict, label: str, number: int | None = None) -> Article:
    """An Article from a `{id, source, url, title, date, text}` record, checking field types."""
    text = record.get("text")
    if not isinstance(text, str):
        problem = "has no text field" if text is None else f"field text must be a string, not {type(text).__name__}"
        raise InputError(label, problem, number)
    if not text.strip():
        raise InputError(label, "field text is empty", number)
    for key in STRING_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(label, f"field {key} must be a string, not {type(value).__name__}", number)
    try:
        date = parse_record_date(record.get("date"))
    except ValueError as err:
        raise InputError(label, str(err), number) from None
    article_id = record.get("id") or f"{_stem(label)}:{number}"
    return Article(id=article_id, text=text, date=date, title=record.get("title"), source=record.get("source"),
                   url=record.get("url"), dateline=find_in_body(text), origin=f"{label}:{number}")
