"""Every input to articles: plain text, JSONL(.gz), HTML, RSS/Atom, WARC(.gz), folders, globs and stdin.

Reading never stops at a bad input: each yields an InputError (one line, naming the input and,
where there is one, the line) and the next input is read.
"""
from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from pathlib import Path
from typing import IO, Iterator, Union

from ..errors import InputError
from ..doc import Article
from ..text.dateline import find_in_body, parse_header
from .charset import decode_bytes
from .dates import parse_record_date
from .discovery import expand
from .options import IngestOptions

Item = Union[Article, InputError]
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rss.gz", ".atom.gz", ".xml.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
STRING_FIELDS = ("id", "source", "url", "title", "date")
SNIFF_BYTES = 512
DEFAULT_OPTIONS = IngestOptions()


def read_inputs(names: list[str], stdin: IO[bytes] | None = None,
                options: IngestOptions | None = None) -> Iterator[Item]:
    """Articles from every input in turn; a bad input or record yields an InputError and reading goes on."""
    options = options or DEFAULT_OPTIONS
    for name in names:
        try:
            paths = ["-"] if name == "-" else expand(name)
        except InputError as err:
            yield err
            continue
        for path in paths:
            try:
                yield from _read_one(path, stdin, options)
            except InputError as err:
                yield err


def _read_one(name: str, stdin: IO[bytes] | None, options: IngestOptions) -> Iterator[Item]:
    if name == "-":
        yield from _read_stdin(stdin or sys.stdin.buffer, options)
        return
    path = Path(name)
    _check_file(path)
    kind = kind_of(name)
    if kind == "jsonl":
        yield from read_jsonl_file(path, name, options)
    elif kind == "warc":
        yield from _read_warc_file(path, name, options)
    else:
        data = _read_document(path, name, options)
        # a .txt file is plain text, as it always was; other unknown suffixes are recognised by their bytes
        kind = kind or ("text" if name.lower().endswith((".txt", ".txt.gz")) else sniff(data))
        yield from _read_bytes_as(kind, data, name, _stem(name), options)


def _read_stdin(stream: IO[bytes], options: IngestOptions) -> Iterator[Item]:
    """Stdin: JSONL is streamed (`zcat corpus.jsonl.gz | khabar extract -` has no size limit); one document is not."""
    label = "<stdin>"
    head = stream.read(8192)
    kind = sniff(head)
    if kind == "jsonl":
        yield from _jsonl_stream(head, stream, label, options)
        return
    rest = _bounded(stream, label, IngestOptions(max_document_bytes=max(0, options.max_document_bytes - len(head))))
    yield from _read_bytes_as(kind, head + rest, label, "stdin", options)


def kind_of(name: str) -> str | None:
    """The format a file's name says it has; None for plain text and unknown suffixes (then its bytes decide)."""
    lower = name.lower()
    for kind, suffixes in (("jsonl", JSONL_SUFFIXES), ("html", HTML_SUFFIXES), ("feed", FEED_SUFFIXES),
                           ("warc", WARC_SUFFIXES)):
        if lower.endswith(suffixes):
            return kind
    return None


def sniff(data: bytes) -> str:
    """The format of unnamed bytes (stdin, `.txt`): JSONL, HTML, a feed, a WARC, else plain text."""
    head = data[:SNIFF_BYTES].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    if head[:1] == b"{":
        return "jsonl"
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return "feed"
    if head.startswith((b"<rss", b"<feed")):
        return "feed"
    return "text"


def _read_bytes_as(kind: str, data: bytes, label: str, default_id: str, options: IngestOptions) -> Iterator[Item]:
    if kind == "warc":
        from .warc import read_warc

        yield from read_warc(io.BytesIO(data), label, options)
        return
    if kind == "feed":
        from .rss import read_feed

        _not_empty_or_binary(label, data)
        yield from read_feed(data, label)
        return
    if kind == "html":
        from .html import article_from_html, decode_html

        yield article_from_html(decode_html(label, data), label)
        return
    text, _ = decode_bytes(label, data)
    if kind == "jsonl":
        yield from read_jsonl_text(text, label)
    else:
        yield read_plain_text(text, label, default_id=default_id)


def _check_file(path: Path) -> None:
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a file")


def _read_document(path: Path, label: str, options: IngestOptions) -> bytes:
    """A whole one-document file (text, HTML, feed), gunzipped, refused above the size limit."""
    try:
        with _open_binary(path) as fh:
            return _bounded(fh, label, options)
    except OSError as err:
        raise InputError(label, _read_problem(path, err)) from None


def _bounded(fh: IO[bytes], label: str, options: IngestOptions) -> bytes:
    # read one byte past the limit: a 50 MB page (or a gzip bomb) is refused without being held in memory
    try:
        data = fh.read(options.max_document_bytes + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise InputError(label, f"not a readable gzip file ({_one_line(err)})") from None
    if len(data) > options.max_document_bytes:
        raise InputError(label, f"too large: over {options.max_document_bytes} bytes for one document")
    return data


def _open_binary(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _read_problem(path: Path, err: OSError) -> str:
    if path.name.lower().endswith(".gz") and isinstance(err, (gzip.BadGzipFile, EOFError)):
        return f"not a readable gzip file ({_one_line(err)})"
    return f"cannot be read: {err.strerror or _one_line(err)}"


def _read_warc_file(path: Path, label: str, options: IngestOptions) -> Iterator[Item]:
    from .warc import read_warc

    try:
        with open(path, "rb") as fh:
            if not fh.read(1):
                raise InputError(label, "empty input")
            fh.seek(0)
            yield from read_warc(fh, label, options)
    except OSError as err:
        raise InputError(label, f"cannot be read: {err.strerror or _one_line(err)}") from None


def read_jsonl_file(path: Path, label: str, options: IngestOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """JSONL(.gz) streamed a line at a time: any file size, and a truncated gzip keeps the lines before the cut."""
    try:
        with _open_binary(path) as fh:
            yield from _jsonl_stream(_head(fh, label), fh, label, options)
    except OSError as err:
        raise InputError(label, _read_problem(path, err)) from None


def _head(fh: IO[bytes], label: str) -> bytes:
    """The first 8 KB, for the binary check; a gzip cut inside them is a one-line error."""
    try:
        return fh.read(8192)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise InputError(label, f"not a readable gzip file ({_one_line(err)})") from None


def _jsonl_stream(head: bytes, fh: IO[bytes], label: str, options: IngestOptions) -> Iterator[Item]:
    """JSONL items from an already-read head and the rest of a (possibly gzip) stream."""
    seen_text, number = False, 0
    if b"\x00" in head:
        raise InputError(label, "binary data, not text (NUL bytes)")
    try:
        for number, raw in enumerate(_lines(head, fh), start=1):
            if raw.strip():
                seen_text = True
                yield _jsonl_item(raw, label, number, options)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise InputError(label, f"not a readable gzip file ({_one_line(err)})", number + 1 if number else None) from None
    if not seen_text:
        raise InputError(label, "empty input")


def _lines(head: bytes, fh: IO[bytes]) -> Iterator[bytes]:
    """The lines of the already-read head followed by the rest of the stream."""
    stream = io.BufferedReader(_Chain(head, fh)) if head else fh
    yield from stream


class _Chain(io.RawIOBase):
    """A raw stream of `head` then `fh`, so sniffed bytes need not be read twice."""

    def __init__(self, head: bytes, fh: IO[bytes]):
        self._head, self._fh = head, fh

    def readable(self) -> bool:
        """A raw stream that can be read."""
        return True

    def readinto(self, buffer) -> int:
        """Fill `buffer` from the head first, then from the stream."""
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._fh.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _jsonl_item(raw: bytes, label: str, number: int, options: IngestOptions) -> Item:
    if len(raw) > options.max_document_bytes:
        return InputError(label, f"line too large: over {options.max_document_bytes} bytes", number)
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as err:
        return InputError(label, f"not valid UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start + 1})", number)
    try:
        return article_from_record(parse_json_object(line, label, number), label, number)
    except InputError as err:
        return err


def _not_empty_or_binary(label: str, data: bytes) -> None:
    if not data.strip():
        raise InputError(label, "empty input")
    if b"\x00" in data[:8192]:
        raise InputError(label, "binary data, not text (NUL bytes)")


def _decode(label: str, data: bytes) -> str:
    """Bytes to text (kept for callers of the first reader): UTF-8, else an Arabic legacy code page."""
    return decode_bytes(label, data)[0]


def _stem(name: str) -> str:
    if name == "-":
        return "stdin"
    base = Path(name).name
    return base.split(".")[0] or base


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:200] or type(err).__name__


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
    """Articles (or InputErrors) from JSONL already decoded to text."""
    for number, line in enumerate(io.StringIO(text), start=1):
        if line.strip():
            try:
                yield article_from_record(parse_json_object(line, label, number), label, number)
            except InputError as err:
                yield err


def unicode_problem(value: object) -> str | None:
    """Why a string cannot be written as UTF-8 (a lone surrogate from a `\\ud800` JSON escape), or None."""
    if not isinstance(value, str):
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        return f"is not valid Unicode (lone surrogate U+{ord(value[err.start]):04X} at offset {err.start})"
    return None


def parse_json_object(line: str, label: str, number: int) -> dict:
    """One JSON object from a line; InputError (naming the input and line) for anything else."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(label, f"not valid JSON ({err.msg} at column {err.colno})", number) from None
    except RecursionError:  # `[[[[...` ten thousand deep
        raise InputError(label, "not valid JSON (nested too deeply)", number) from None
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
    for key in ("text", *STRING_FIELDS):
        problem = unicode_problem(record.get(key))
        if problem:
            raise InputError(label, f"field {key} {problem}", number)
    try:
        date = parse_record_date(record.get("date"))
    except ValueError as err:
        raise InputError(label, str(err), number) from None
    article_id = record.get("id") or f"{_stem(label)}:{number}"
    return Article(id=article_id, text=text, date=date, title=record.get("title"), source=record.get("source"),
                   url=record.get("url"), dateline=find_in_body(text), origin=f"{label}:{number}")


def json_lines(name: str, stdin: IO[str] | None = None) -> list[tuple[str, int, str]]:
    """Non-blank lines of one JSONL input (.jsonl, .jsonl.gz or - for stdin) as (label, number, line)."""
    if name == "-":
        text = (stdin or sys.stdin).read()
    else:
        path = Path(name)
        if not path.is_file():
            raise InputError(name, "no such file")
        try:
            raw = path.read_bytes()
            text = (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8-sig")
        except (OSError, EOFError, UnicodeDecodeError) as err:
            raise InputError(name, f"cannot be read: {err}") from None
    return [(name, i, line) for i, line in enumerate(text.splitlines(), start=1) if line.strip()]
