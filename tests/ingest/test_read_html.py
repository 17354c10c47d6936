"""HTML pages: article text with paragraph breaks, metadata only when the page states it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.config import Options
from newstrace.errors import InputError
from newstrace.ingest import read_inputs
from newstrace.ingest.html import extract_html
from newstrace.model import Article, PartialDate, Rejection

PARAS = [
    "The fictional city of Grellport opened its new tram line on Monday, three years after work began "
    "and two years later than promised, the transport authority said in a statement.",
    "Mayor Tilda Vance rode the first tram from the harbour to the university and called the line "
    "\u201ca promise kept, if a little late\u201d. About 4,000 people used it on the first day.",
    "Critics on the city council said the line had cost twice its budget. The authority said the "
    "overrun came from a flooded tunnel under the old market, which had to be rebuilt.",
]


def page(head: str = "", body_extra: str = "", paras: list[str] = PARAS) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Tram line opens | Grellport Courier</title>{head}</head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li></ul></nav>
<article><h1>Tram line opens</h1>{body}</article>{body_extra}
<footer><p>&copy; 2024 Grellport Courier. All rights reserved.</p></footer></body></html>"""


META = """
<meta property="og:site_name" content="Grellport Courier">
<meta name="author" content="Ned Quill">
<meta property="article:published_time" content="2023-09-12T07:45:00+02:00">
<link rel="canonical" href="https://www.grellport-courier.example/city/tram-line-opens">"""


def _read(tmp_path: Path, html: str, name: str = "page.html") -> list[Article | Rejection]:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return list(read_inputs([str(path)], Options()))


def test_page_with_metadata(tmp_path: Path) -> None:
    [article] = _read(tmp_path, page(head=META))
    assert isinstance(article, Article)
    assert article.raw_text == "\n\n".join(PARAS)  # paragraphs kept, navigation and footer dropped
    assert article.title == "Tram line opens"
    assert article.byline == "Ned Quill"
    assert (article.outlet, article.outlet_source) == ("Grellport Courier", "metadata")
    assert article.url == "https://www.grellport-courier.example/city/tram-line-opens"
    assert (article.published, article.published_source) == (PartialDate(2023, 9, 12), "metadata")
    assert article.source.format == "html"


def test_no_date_is_invented(tmp_path: Path) -> None:
    # No date anywhere but the copyright line: htmldate must not guess one, nor use today.
    [article] = _read(tmp_path, page())
    assert isinstance(article, Article)
    assert article.published is None and article.published_source is None


def test_date_and_outlet_from_url_are_marked_as_such(tmp_path: Path) -> None:
    head = '<meta property="og:url" content="https://www.grellport-courier.example/2023/09/11/tram">'
    [article] = _read(tmp_path, page(head=head))
    assert isinstance(article, Article)
    assert article.url == "https://www.grellport-courier.example/2023/09/11/tram"
    assert (article.published, article.published_source) == (PartialDate(2023, 9, 11), "url")


def test_comments_are_not_article_text(tmp_path: Path) -> None:
    comments = (
        '<section id="comments" class="comments"><h3>Comments</h3>'
        '<div class="comment"><p>Reader99: This tram is a waste of money and everyone knows it, '
        "the council should resign today.</p></div></section>"
    )
    [article] = _read(tmp_path, page(body_extra=comments))
    assert isinstance(article, Article)
    assert "Reader99" not in article.raw_text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "<!DOCTYPE html><html><body></body></html>",
    ],
)
def test_page_without_article_is_rejected(tmp_path: Path, html: str) -> None:
    assert _read(tmp_path, html) == [Rejection(str(tmp_path / "page.html"), "HTML page has no article text")]
    with pytest.raises(InputError, match="no article text"):
        extract_html(html)


def test_legacy_charset_declared_in_meta(tmp_path: Path) -> None:
    html = page(paras=[p.replace("Mayor", "Maire Ève") for p in PARAS]).replace("utf-8", "windows-1252")
    path = tmp_path / "page.htm"
    path.write_bytes(html.encode("cp1252"))
    [article] = list(read_inputs([str(path)], Options()))
    assert isinstance(article, Article)
    assert "Maire Ève Tilda Vance" in article.raw_text
    assert "\u201ca promise kept" in article.raw_text


def test_unspaced_script_page_is_article_text(tmp_path: Path) -> None:
    # Japanese has no spaces between words: the page must not be mistaken for a menu.
    sentence = "架空の町グレルポートで月曜日、新しい路面電車が開業したと交通局が発表した。"
    [article] = _read(tmp_path, page(paras=[sentence, sentence.replace("月曜日", "火曜日")]))
    assert isinstance(article, Article)
    assert article.raw_text.startswith(sentence)
