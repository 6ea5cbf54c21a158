"""Short snippets of real Arabic news (ant-2018 corpus, Apache-2.0), each with its article id, and page builders."""
from __future__ import annotations

import gzip
import io

# ant:AL-culture-11-20180216
ANISTON = ("أعلنت النجمة جنيفر أنيستون وزوجها الممثل جاستن ثيرو انفصالهما بعد زواج استمر سنتين، "
           "على ما ورد في بيان صدر عن النجمين.")
# ant:AL-culture-105-20180301
TARANTINO = ("يشترك نجما هوليوود ليوناردو دي كابريو و براد بيت في بطولة الفيلم القادم للمخرج كوينتن تارانتينو، "
             "والذي تدور أحداثه في عام 1969 حول جرائم السفاح الأميركي تشارلز مانسون.")
# ant:AL-culture-169-20180315
FIFI = ("أفادت وسائل اعلام محلية أن وزارة المالية المصرية أحلت ملف الراقصة والفنانة المصرية فيفي عبده "
        "إلى نيابة الأموال العامة بتهمة إخفاء نشاطها الفني الحقيقي وعدم تسجيل إيرادات أعمالها الفنية.")
# ant:AL-culture-14-20180215
ORCHESTRA = ("في منطقة مصر الجديدة شرق العاصمة المصرية القاهرة وفي جمعية النور والأمل للكفيفات الخاصة، "
             "يتواجد فريق موسيقي كامل من الكفيفات يعزفن أجمل المقطوعات الموسيقية.")
ENGLISH = ("The Russian president said on Wednesday that talks with the American side would continue "
           "next week in Moscow, according to a statement from the Kremlin.")


def html_page(paragraphs: list[str], title: str = "", head: str = "", footer: str = "") -> str:
    """A news page with boilerplate around the article, as trafilatura meets them."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><title>{title}</title>{head}</head><body>"
            f"<nav><a href='/'>الرئيسية</a> <a href='/sport'>رياضة</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>{footer}</footer></body></html>")


def warc_bytes(pages: list[tuple[str, bytes, str]], gz: bool = True) -> bytes:
    """A WARC in the Common Crawl news layout: request + response per page, with a warcinfo first."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("CC-NEWS-test.warc.gz", {"software": "khabar-tests"}))
    for url, payload, content_type in pages:
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.invalid")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return buf.getvalue()


def gz(data: bytes) -> bytes:
    return gzip.compress(data)
