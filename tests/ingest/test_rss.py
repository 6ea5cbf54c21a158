"""RSS and Atom feeds through feedparser: one article per entry, with its link, date and feed as provenance."""
import datetime as dt

from khabar.errors import InputError
from khabar.ingest.readers import read_inputs
from ingest.snippets import ANISTON, FIFI, TARANTINO

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>العربية - فن</title><link>https://www.alarabiya.net/</link>
<item><title>جنيفر أنيستون وجاستن ثيرو يعلنان انفصالهما</title>
<link>https://www.alarabiya.net/ar/culture-and-art/2018/02/16/a.html</link><guid>ant:AL-culture-11-20180216</guid>
<pubDate>Fri, 16 Feb 2018 11:22:55 +0400</pubDate>
<description><![CDATA[<p>{ANISTON}</p><script>alert(1)</script>]]></description></item>
<item><title>إحالة فيفي عبده إلى النيابة</title><link>https://www.alarabiya.net/ar/b.html</link>
<description>{FIFI}</description></item>
<item><title>فارغ</title><link>https://www.alarabiya.net/ar/c.html</link><description></description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>العربية</title>
<entry><title>دي كابريو وبيت يتشاركان البطولة</title><id>ant:AL-culture-105-20180301</id>
<link href="https://www.alarabiya.net/ar/d.html"/><updated>2018-03-01T09:53:40+04:00</updated>
<content type="html">&lt;p&gt;{TARANTINO}&lt;/p&gt;</content></entry></feed>"""


def read(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return list(read_inputs([str(path)]))


def test_rss_entries_become_articles_and_an_empty_entry_an_error(tmp_path):
    first, second, third = read(tmp_path, "feed.rss", RSS)
    assert first.text == ANISTON and "alert" not in first.text  # scripts in descriptions are dropped
    assert first.title == "جنيفر أنيستون وجاستن ثيرو يعلنان انفصالهما" and first.date == dt.date(2018, 2, 16)
    assert first.url.endswith("/a.html") and first.source == "العربية - فن" and first.origin.endswith("feed.rss#1")
    assert second.text == FIFI and second.date is None
    assert isinstance(third, InputError) and "entry 3 has no text" in str(third)


def test_atom_content_is_preferred_and_ids_are_stable(tmp_path):
    (entry,) = read(tmp_path, "feed.atom", ATOM)
    assert entry.text == TARANTINO and entry.date == dt.date(2018, 3, 1)
    (again,) = read(tmp_path, "copy.xml", ATOM)
    assert again.id == entry.id and entry.id.startswith("feed:")


def test_feed_sniffed_from_an_unknown_suffix_but_txt_stays_plain_text(tmp_path):
    assert len([a for a in read(tmp_path, "feed.php", RSS) if not isinstance(a, InputError)]) == 2
    (plain,) = read(tmp_path, "feed.txt", RSS)  # .txt was always plain text, and still is
    assert plain.text.startswith("<?xml")


def test_xml_that_is_not_a_feed_is_one_error(tmp_path):
    (err,) = read(tmp_path, "x.xml", "<?xml version='1.0'?><config><a>1</a></config>")
    assert isinstance(err, InputError) and "not a readable RSS/Atom feed" in str(err) and "\n" not in str(err)


def test_truncated_feed_keeps_the_complete_entries(tmp_path):
    items = read(tmp_path, "cut.rss", RSS[: RSS.index("<item><title>فارغ")])
    assert [a.text for a in items if not isinstance(a, InputError)] == [ANISTON, FIFI]
