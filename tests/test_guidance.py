"""The guidance pages in the built site: plain English, reviewed, true to the scheme."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pytest
import textstat

from conftest import EXAMPLE, ROOT
from ras_core import load_scheme
from ras_core.scheme.money import percent

DOCS = ROOT / "content" / "docs"
GUIDANCE = sorted(p.stem for p in DOCS.glob("*.md") if p.stem != "assessment")
# Pages whose readers are not the general public, with the reason.
NOT_FOR_CITIZENS: dict[str, str] = {
    "hosting": "for council web staff: it names files, commands and headers, which no reading score handles",
    "council-tools": "for council finance staff: a tool page with column names, not guidance",
}


def article_text(page: Path) -> str:
    """The words a person reads in the page's main content."""
    found = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', page.read_text("utf-8"), re.S)
    assert found, page
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", found.group(1), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).strip()


def page_file(built: Path, name: str) -> Path:
    return built / "index.html" if name == "index" else built / name / "index.html"


@pytest.mark.parametrize("name", [*GUIDANCE, "method"])
def test_every_page_reads_easily(built: Path, name: str) -> None:
    if name in NOT_FOR_CITIZENS:
        pytest.skip(NOT_FOR_CITIZENS[name])
    score = textstat.flesch_reading_ease(article_text(page_file(built, name)))
    assert score >= 60, f"{name}: Flesch reading ease {score}, needs 60 or more"


@pytest.mark.parametrize("name", GUIDANCE)
def test_every_guidance_page_says_when_it_was_last_reviewed(built: Path, name: str) -> None:
    source = (DOCS / f"{name}.md").read_text(encoding="utf-8")
    found = re.search(r"^last_reviewed: (\d{4}-\d{2}-\d{2})$", source, re.M)
    assert found, f"{name}.md has no last_reviewed date in its front matter"
    assert "Last reviewed: " in page_file(built, name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name", ["index", "personal-budgets", "spending", "ways-to-take", "direct-payments", "preparing"]
)
def test_pages_link_their_words_to_the_glossary(built: Path, name: str) -> None:
    assert re.search(r'href="(\.\./)*glossary/#[a-z-]+"', page_file(built, name).read_text(encoding="utf-8"))


def test_glossary_links_point_at_real_entries(built: Path) -> None:
    glossary = (built / "glossary" / "index.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="([a-z-]+)"', glossary))
    for page in built.rglob("index.html"):
        for anchor in re.findall(r'href="(?:\.\./)*glossary/#([a-z-]+)"', page.read_text(encoding="utf-8")):
            assert anchor in anchors, f"{page}: glossary/#{anchor} does not exist"


def test_council_text_comes_from_configuration(built: Path) -> None:
    text = article_text(built / "direct-payments" / "index.html")
    assert "Example Direct Payments Support Service" in text
    assert "every 3 months" in text
    assert "{{" not in text and "}}" not in text


def test_the_method_page_matches_the_scheme(built: Path) -> None:
    scheme = load_scheme(EXAMPLE)
    page = (built / "method" / "index.html").read_text(encoding="utf-8")
    cells = [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", page)]
    rows = list(zip(cells[::2], cells[1::2], strict=True))
    for _, question in scheme.questions():
        assert html.escape(question.text, quote=False) in page
        for option in question.options:
            assert (option.label, str(option.points)) in rows, (question.id, option.id)
    for share in scheme.unpaid_support.options:
        assert (share.label, percent(share.keep)) in rows
    text = article_text(built / "method" / "index.html")
    assert "£5.12 a point" in text
    assert "Bands are £25 wide" in text
    assert "Minimum points: 4 points." in text
    assert "Exceptional needs level: 100 points." in text


def test_scotland_gets_the_four_self_directed_support_options(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    import build

    scotland = tmp_path / "scotland.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace('nation = "england"', 'nation = "scotland"')
    scotland.write_text(text, encoding="utf-8")
    build.build(scotland, tmp_path / "dist")
    page = article_text(tmp_path / "dist" / "ways-to-take" / "index.html")
    assert "The four options in Scotland" in page
    assert "Your budget may be a different amount for each option." in page
    england = article_text(tmp_path / "dist" / "ways-to-take" / "index.html")
    assert "Individual service fund" not in england
