"""Small batch inputs: real snippets (ant-2018, ids cited) with bad lines mixed in."""
from __future__ import annotations

import json
from pathlib import Path

from khabar.batch.options import BatchOptions
from khabar.ingest.options import IngestOptions
from khabar.pipeline import Options

SNIPPETS = {
    "ant:AL-culture-11-20180216": "أعلنت النجمة جنيفر أنيستون وزوجها الممثل جاستن ثيرو انفصالهما بعد زواج استمر "
                                  "سنتين، على ما ورد في بيان صدر عن النجمين يوم الخميس.",
    "ant:AL-culture-105-20180301": "وقالت شركة سوني بيكتشرز، منتجة الفيلم، الأربعاء، إنه سيحمل اسم حدث ذات مرة في "
                                   "هوليوود، وسيعرض في 9 أغسطس 2019.",
    "ant:AL-culture-169-20180315": "أفادت وسائل اعلام محلية أن وزارة المالية المصرية أحلت ملف الراقصة والفنانة "
                                   "المصرية فيفي عبده إلى نيابة الأموال العامة بتهمة التهرب من دفع الضرائب.",
    "ant:AL-culture-14-20180215": "في منطقة مصر الجديدة شرق العاصمة المصرية القاهرة يتواجد فريق موسيقي كامل من "
                                  "الكفيفات يعزفن أجمل المقطوعات الموسيقية منذ عام 1961.",
}
ENGLISH = "The Russian president said on Wednesday that talks would continue next week in Moscow."
LIGHT = Options(stages=("sentences.v1", "tokens.v1", "time.v1"))


def write_mixed(path: Path, copies: int = 1) -> int:
    """A JSONL of the snippets (`copies` times, ids made unique), an English article, bad lines and a duplicate id;
    returns the number of items it holds."""
    lines = []
    for c in range(copies):
        for i, (aid, text) in enumerate(SNIPPETS.items()):
            lines.append({"id": f"{aid}#{c}", "date": "2018-03-01", "text": text + f" ({c})"})
    lines.append({"id": "en-1", "text": ENGLISH})
    lines.append({"id": f"{next(iter(SNIPPETS))}#0", "text": "نسخة مكررة من المعرف نفسه."})  # duplicate id
    raw = [json.dumps(r, ensure_ascii=False) for r in lines] + ['["not", "an", "object"]', '{"id": "t", "text": 5}']
    path.write_text("\n".join(raw) + "\n", encoding="utf-8")
    return len(raw)


def options(inputs, out, **kw) -> BatchOptions:
    kw.setdefault("pipeline", LIGHT)
    kw.setdefault("progress", False)
    kw.setdefault("ingest", IngestOptions(check_language=True))
    return BatchOptions(inputs=tuple(str(i) for i in inputs), out=str(out), **kw)
