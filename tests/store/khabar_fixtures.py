"""Hand-made khabar v1 records on real sentences of the seed article, with every span located in the text.

The records carry the quotes, entities, dates, events and relations the
parallel stages will one day produce, so the store, API and UI can be tested
on real content now. Two articles share Dmitriev (same KB id, different local
ids) and Witkoff/Peskov are NIL entities, to exercise cross-article identity.
"""
from __future__ import annotations

import json
from pathlib import Path
from helpers import SHARED

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "khabar" / "data" / "sample"
BASIC_STAGES = ("sentences.v1", "tokens.v1")  # stages that exist and are stable while others are being built


def seed_paragraphs() -> list[str]:
    record = json.loads((SAMPLE / "seed-article.jsonl").read_text(encoding="utf-8").splitlines()[0])
    return [p for p in record["text"].split("\n\n") if p.strip()]


def span(text: str, needle: str, after: str | None = None) -> dict:
    """The span of `needle` (after the first occurrence of `after`, when given)."""
    base = text.index(after) if after else 0
    start = text.index(needle, base)
    return {"text": needle, "start": start, "end": start + len(needle)}


def _entity(text: str, local: str, name: str, name_en: str | None, type_: str, kb: str | None,
            needles: list[tuple[str, str | None]]) -> dict:
    return {"id": local, "name": name, "name_en": name_en, "type": type_, "kb_id": kb,
            "mentions": [span(text, n, a) for n, a in needles]}


def _quote(text: str, kind: str, quote: str, speaker: tuple[str, str, str | None, str | None], cue: str,
           channel: str | None, date: str | None, after: str | None = None) -> dict:
    name, needle, local, name_en = speaker
    q = span(text, quote, after)
    s = span(text, needle, after)
    return {"kind": kind, **q, "speaker": {"name": name, "name_en": name_en, "entity": local, "type": "PER",
                                           "via": None, "start": s["start"], "end": s["end"], "text": needle},
            "cue": span(text, cue, after), "channel": channel, "date": date}


def _arg(text: str, needle: str, local: str | None, code: str | None, after: str | None = None) -> dict:
    return {**span(text, needle, after), "entity": local, "code": code}


def record_a(version: str = "0.1.0", stages=BASIC_STAGES) -> dict:
    """Paragraphs 1-4: the Florida meeting, Dmitriev's and Witkoff's posts on X."""
    text = "\n\n".join(seed_paragraphs()[:4])
    dm = ("كيريل دميترييف", "دميترييف", "a1", "Kirill Dmitriev")
    return {
        "id": "seed-a", "date": "2026-03-12", "effective_date": "2026-03-12",
        "dateline": {"date": "2026-03-12", "places": ["موسكو", "كييف"], "source": "الاتحاد", "agencies": ["وكالات"],
                     "raw": "موسكو، كييف (الاتحاد، وكالات)", "start": None, "end": None},
        "title": "دميترييف: اجتماع مثمر في فلوريدا", "source": "الاتحاد", "url": None, "text": text,
        "pipeline": {"version": version, "stages": list(stages)},
        "entities": [
            _entity(text, "a1", "كيريل دميترييف", "Kirill Dmitriev", "PER", "Q_dmitriev",
                    [("كيريل دميترييف", None), ("دميترييف", "قال")]),
            _entity(text, "a2", "فلاديمير بوتين", "Vladimir Putin", "PER", "Q_putin",
                    [("فلاديمير بوتين", None), ("فلاديمير بوتين", "وكان ترامب")]),
            _entity(text, "NIL:steve-witkoff", "ستيف ويتكوف", "Steve Witkoff", "PER", None,
                    [("ستيف ويتكوف", None), ("ستيف ويتكوف", "من جانبه")]),
            _entity(text, "a4", "دونالد ترامب", "Donald Trump", "PER", "Q_trump",
                    [("دونالد ترامب", None), ("ترامب", "في إشارة"), ("ترامب", "وكان")]),
            _entity(text, "a5", "فلوريدا", "Florida", "GPE", "Q_florida", [("فلوريدا", None)]),
            _entity(text, "a6", "إيران", "Iran", "GPE", "Q_iran", [("إيران", None)]),
        ],
        "quotes": [
            _quote(text, "direct", "أشكر ستيف وجارد وجوش على اللقاء المثمر", dm, "قال", "X", "2026-03-12"),
            _quote(text, "direct", "ناقشت الفرَق مجموعة متنوعة من المواضيع، وقررت البقاء على اتصال",
                   ("ستيف ويتكوف", "ستيف ويتكوف", "NIL:steve-witkoff", "Steve Witkoff"), "قال", "X", "2026-03-12",
                   after="من جانبه"),
        ],
        "timexes": [{**span(text, "الاثنين"), "value": "2026-03-09", "type": "DATE", "anchor": "2026-03-12"},
                    {**span(text, "هذا الأسبوع"), "value": "2026-W11", "type": "WEEK", "anchor": "2026-03-12"}],
        "events": [
            {"type": "CONSULT", "mode": "asserted", "cameo": "040", "trigger": span(text, "عقد"),
             "source": _arg(text, "كيريل دميترييف", "a1", "RUSGOV"),
             "target": _arg(text, "ستيف ويتكوف", "NIL:steve-witkoff", "USAGOV"),
             "location": _arg(text, "فلوريدا", "a5", None), "date": "2026-03-11",
             "evidence": span(text, text.split("\n\n")[0]), "confidence": 0.9},
            {"type": "CONSULT", "mode": "asserted", "cameo": "040", "trigger": span(text, "تحدث"),
             "source": _arg(text, "ترامب", "a4", "USAGOV", after="وكان"),
             "target": _arg(text, "فلاديمير بوتين", "a2", "RUSGOV", after="وكان ترامب"),
             "location": None, "date": "2026-03-09", "evidence": None, "confidence": 0.7},
        ],
        "relations": [{"type": "role", "subject": "a1", "object": "a2", "role": "موفد الرئيس الروسي",
                       **span(text, "موفد الرئيس الروسي فلاديمير بوتين")}],
        "warnings": [],
    }


def record_b(version: str = "0.1.0", stages=BASIC_STAGES) -> dict:
    """Paragraphs 5-8: Dmitriev on Telegram, Peskov's press conference (the next day)."""
    text = "\n\n".join(seed_paragraphs()[4:8])
    return {
        "id": "seed-b", "date": "2026-03-13", "effective_date": "2026-03-13", "dateline": None,
        "title": "بيسكوف: التعاون في أسواق الطاقة عامل استقرار", "source": "وكالات", "url": "https://example.org/seed-b",
        "text": text, "pipeline": {"version": version, "stages": list(stages)},
        "entities": [
            _entity(text, "b7", "دميترييف", None, "PER", "Q_dmitriev", [("دميترييف", None), ("دميترييف", "بأن")]),
            _entity(text, "NIL:peskov", "دميتري بيسكوف", "Dmitry Peskov", "PER", None,
                    [("دميتري بيسكوف", None), ("بيسكوف", "وقال")]),
            _entity(text, "b9", "فلاديمير بوتين", "Vladimir Putin", "PER", "Q_putin", [("فلاديمير بوتين", None)]),
            _entity(text, "b10", "الولايات المتحدة", "United States", "GPE", "Q_usa", [("الولايات المتحدة", None)]),
            _entity(text, "b11", "روسيا", "Russia", "GPE", "Q_russia", [("روسيا", None)]),
        ],
        "quotes": [
            _quote(text, "direct", "ناقشنا مشاريع واعدة يمكن أن تسهم في استعادة العلاقات الروسية الأميركية، "
                   "والوضع الحالي للأزمة في أسواق الطاقة العالمية",
                   ("كيريل دميترييف", "دميترييف", "b7", "Kirill Dmitriev"), "وقال", "Telegram", None),
            _quote(text, "indirect", "دميترييف سيعود إلى موسكو ليطلع الرئيس فلاديمير بوتين على تفاصيل لقاءاته في الولايات المتحدة",
                   ("دميتري بيسكوف", "دميتري بيسكوف", "NIL:peskov", "Dmitry Peskov"), "وأفاد", None, None),
        ],
        "timexes": [],
        "events": [
            {"type": "CONSULT", "mode": "future", "cameo": "040", "trigger": span(text, "ليطلع"),
             "source": _arg(text, "دميترييف", "b7", "RUSGOV", after="بأن"),
             "target": _arg(text, "فلاديمير بوتين", "b9", "RUSGOV"),
             "location": _arg(text, "موسكو", None, None), "date": None, "evidence": None, "confidence": 0.6},
        ],
        "relations": [],
        "warnings": ["fixture: hand-made annotations"],
    }


def records(version: str = "0.1.0") -> list[dict]:
    return [record_a(version), record_b(version)]


def write_jsonl(path: Path, recs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path
