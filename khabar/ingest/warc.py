"""WARC and WARC.gz files in the Common Crawl news layout: every HTML `response` record is a page."""
from __future__ import annotations

from typing import IO, Iterator, Union

from ..errors import InputError
from ..doc import Article
from .html import article_from_html, decode_html, page_id
from .options import IngestOptions

Item = Union[Article, InputError]
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: IO[bytes], label: str, options: IngestOptions) -> Iterator[Item]:
    """Articles from the HTML responses of a WARC; a damaged record or a truncated file ends in an InputError."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = ArchiveIterator(stream, no_record_parse=False)
    try:
        for record in records:
            if _is_html_response(record):
                data = record.content_stream().read(options.max_document_bytes + 1)
                # the offset is asked for only after the payload is read: asking reads the record to its end
                yield _record_item(record, data, f"{label}@{records.get_record_offset()}", options)
    except ArchiveLoadFailed as err:
        raise InputError(label, f"not a readable WARC file ({_one_line(err)})") from None
    except (EOFError, OSError, ValueError) as err:  # zlib/gzip errors of a cut file are OSError/EOFError
        raise InputError(label, f"WARC file is damaged or truncated ({type(err).__name__}: {_one_line(err)})") from None


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.startswith(HTML_TYPES) or not content_type


def _record_item(record, data: bytes, where: str, options: IngestOptions) -> Item:
    url = record.rec_headers.get_header("WARC-Target-URI")
    if len(data) > options.max_document_bytes:
        return InputError(where, f"record for {url} is larger than {options.max_document_bytes} bytes")
    try:
        html = decode_html(where, data, _http_charset(record))
        return article_from_html(html, where, url=url, article_id=page_id(url, where))
    except InputError as err:
        return err


def _http_charset(record) -> str | None:
    content_type = record.http_headers.get_header("Content-Type") or ""
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:200]
