"""The Easy Read pages in the built site: very easy to read, a picture beside each point.

The pages are content/docs/easy/*.md (index.md is built at easy/, the others at
easy/<name>/), with their pictures in content/docs/easy/pictures/. Each point is one
paragraph that starts with its picture, so the site can lay it out with the picture on
the left and the words on the right.
"""

from __future__ import annotations

import datetime
import re
import sys
import tomllib
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import textstat

from conftest import EXAMPLE, ROOT
from test_guidance import article_text

EASY = ROOT / "content" / "docs" / "easy"
PICTURES = EASY / "pictures"
PAGES = ("index", "next", "spending", "disagree")
PICTURE_CLASS = "openras-easy-picture"
# Words that say what a picture is, not what it means.
SHAPES = {"svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon"}
NOT_ALT = re.compile(r"^(an? )?(image|picture|icon|photo|drawing|graphic)\b", re.I)


def easy_file(site: Path, name: str) -> Path:
    return site / "easy" / "index.html" if name == "index" else site / "easy" / name / "index.html"


def article_html(page: Path) -> str:
    found = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', page.read_text("utf-8"), re.S)
    assert found, page
    return found.group(1)


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.found.append({key: value or "" for key, value in attrs})


def images(markup: str) -> list[dict[str, str]]:
    parser = _Images()
    parser.feed(markup)
    return parser.found


def paragraphs(markup: str) -> list[str]:
    """The inside of each <p> (paragraphs do not nest)."""
    return re.findall(r"<p\b[^>]*>(.*?)</p>", markup, re.S)


@pytest.mark.parametrize("name", PAGES)
def test_every_easy_read_page_reads_very_easily(built: Path, name: str) -> None:
    score = textstat.flesch_reading_ease(article_text(easy_file(built, name)))
    assert score >= 80, f"easy/{name}: Flesch reading ease {score}, needs 80 or more"


@pytest.mark.parametrize("name", PAGES)
def test_every_picture_says_what_it_means_and_is_there(built: Path, name: str) -> None:
    page = easy_file(built, name)
    found = images(article_html(page))
    assert found, f"easy/{name}: no pictures"
    for image in found:
        alt = image.get("alt", "").strip()
        assert alt, f"easy/{name}: {image.get('src')} has no text alternative"
        assert not NOT_ALT.search(alt), f"easy/{name}: {alt!r} says what the picture is, not what it means"
        target = (page.parent / image["src"]).resolve()
        assert target.is_file(), f"easy/{name}: {image['src']} is not in the built site"
        assert target.is_relative_to(built.resolve()), f"easy/{name}: {image['src']} is outside the site"


@pytest.mark.parametrize("name", PAGES)
def test_every_point_starts_with_its_picture(built: Path, name: str) -> None:
    markup = article_html(easy_file(built, name))
    with_pictures = [p for p in paragraphs(markup) if "<img" in p]
    assert len(with_pictures) == markup.count("<img"), f"easy/{name}: a picture outside a paragraph of its own"
    for paragraph in with_pictures:
        assert paragraph.lstrip().startswith("<img"), f"easy/{name}: a picture not at the start: {paragraph[:120]}"
        assert paragraph.count("<img") == 1, f"easy/{name}: two pictures in one point: {paragraph[:120]}"
        (image,) = images(paragraph)
        assert PICTURE_CLASS in image.get("class", "").split(), f"easy/{name}: {image['src']} without .{PICTURE_CLASS}"
        words = re.sub(r"<[^>]+>", " ", paragraph).strip()
        assert words, f"easy/{name}: {image['src']} has no words beside it"


@pytest.mark.parametrize("name", PAGES)
def test_every_easy_read_page_says_when_it_was_last_reviewed(built: Path, name: str) -> None:
    source = (EASY / f"{name}.md").read_text(encoding="utf-8")
    found = re.search(r"^last_reviewed: (\d{4}-\d{2}-\d{2})$", source, re.M)
    assert found, f"easy/{name}.md has no last_reviewed date in its front matter"
    day = datetime.date.fromisoformat(found.group(1))
    shown = f"Last reviewed: {day.day} {day:%B} {day.year}."
    assert shown in easy_file(built, name).read_text(encoding="utf-8"), f"easy/{name}: {shown!r} not shown"


def test_the_pictures_are_plain_drawings() -> None:
    """Small SVG files of shapes only: no text, fonts, scripts, styles or links to anything."""
    files = sorted(PICTURES.glob("*"))
    assert files
    for path in files:
        assert path.suffix == ".svg", path.name
        text = path.read_text(encoding="utf-8")
        assert len(text.encode("utf-8")) < 4096, f"{path.name}: {len(text)} bytes"
        root = ElementTree.fromstring(text)
        assert root.tag == "{http://www.w3.org/2000/svg}svg", path.name
        assert root.get("viewBox") == "0 0 120 120", path.name
        tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
        assert tags <= SHAPES, (path.name, tags)
        for element in root.iter():
            for key, value in element.attrib.items():
                assert not key.endswith("href") and not key.startswith("on"), (path.name, key)
                assert "url(" not in value and "font" not in key, (path.name, key, value)


def test_every_picture_is_used(built: Path) -> None:
    used = {
        Path(image["src"]).name for page in (built / "easy").rglob("index.html") for image in images(article_html(page))
    }
    unused = sorted(path.name for path in PICTURES.glob("*.svg") if path.name not in used)
    assert not unused, f"pictures no Easy Read page shows: {unused}"


# -- Each nation ---------------------------------------------------------------------

NATIONS = ("england", "scotland", "wales")
# Words each page must keep for every nation ({law} and {ombudsman} filled in).
KEPT = {
    "index": ("{law}", "must be enough to meet your eligible needs", "It is not a favour", "not the final amount"),
    "next": ("advocate", "review", "Tell the council if someone helps you"),
    "spending": ("support plan", "Ask the council first", "direct payment"),
    "disagree": ("{ombudsman}", "It is free", "within 12 months", "advocate", "a copy", "must be enough"),
}


@pytest.fixture(scope="module")
def nation_sites(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The site for each nation: England's is the example's; Scotland's and Wales's are
    built from the example with only its nation changed."""
    sys.path.insert(0, str(ROOT))
    import build

    sites = {"england": built}
    folder = tmp_path_factory.mktemp("easy-nations")
    example = EXAMPLE.read_text(encoding="utf-8")
    for nation in NATIONS[1:]:
        scheme = folder / f"{nation}.toml"
        scheme.write_text(example.replace('nation = "england"', f'nation = "{nation}"'), encoding="utf-8")
        build.build(scheme, folder / nation)
        sites[nation] = folder / nation
    return sites


def nation_facts(nation: str) -> dict[str, Any]:
    return tomllib.loads((ROOT / "content" / "nations" / f"{nation}.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("nation", NATIONS)
@pytest.mark.parametrize("name", PAGES)
def test_each_nation_gets_easy_read_of_its_own_law(nation_sites: dict[str, Path], nation: str, name: str) -> None:
    page = easy_file(nation_sites[nation], name)
    text = article_text(page)
    score = textstat.flesch_reading_ease(text)
    assert score >= 80, f"{nation} easy/{name}: Flesch reading ease {score}, needs 80 or more"
    facts = nation_facts(nation)
    fill = {"law": facts["law"]["name"], "ombudsman": facts["ombudsman"]["name"]}
    missing = [w.format(**fill) for w in KEPT[name] if w.format(**fill) not in text]
    assert not missing, f"{nation} easy/{name}: missing {missing}"
    others = [nation_facts(o)[key]["name"] for o in NATIONS if o != nation for key in ("law", "ombudsman")]
    assert not [o for o in others if o in text], f"{nation} easy/{name}: another nation's law"
    markup = page.read_text(encoding="utf-8")
    sources = re.findall(r'Source: <a href="https://[^"]+">[^<]+</a>, (?:from|checked) \d{1,2} \w+ \d{4}\.', markup)
    assert sources, f"{nation} easy/{name}: no source"
    assert len(sources) == markup.count("Source: "), f"{nation} easy/{name}: a source without a link or a date"
    assert "{{" not in text and "{%" not in text
