"""Scheme and council text is text: built with markup in every field, no page has it as markup.

The site is built with tests/hostile/schemes/markup.toml (markup, Markdown, template syntax
and quotes in every text field) and a council.toml like it. Every page must show that text
as written: no element, attribute or link made from it, and no template expression run.
tests/browser/test_escaping.py loads the same pages in Chromium.
"""

from __future__ import annotations

import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from conftest import ROOT
from ras_core import Scheme, load_scheme
from ras_core.explain import explain, markdown_paragraphs, markdown_text

MARKUP_SCHEME = ROOT / "tests" / "hostile" / "schemes" / "markup.toml"

# The council's text for the guidance pages, as hostile as the scheme's. The numbers,
# dates and switches keep their types: they are settings, not text.
HOSTILE_COUNCIL = """\
name = "<script>alert('council')</script> Borough & \\"Council\\" {{ 7*7 }}"
team = "<meta http-equiv=\\"refresh\\" content=\\"0;url=https://example.invalid/\\"> *care* team"
phone = "01632 960000 <img src=x onerror=alert(1)>"
phone_hours = "[9am](javascript:alert(1)) to _5pm_"
email = "care@council.example\\" onmouseover=\\"alert(1)"
website = "javascript:alert(1)"
complaints = '''# Not a heading

- not a list

!!! warning "not an admonition"
    <b>not bold</b> {: onclick="alert(1)" }'''

[direct_payment_support]
name = "Support </li></ul><h1>injected</h1> Service"
phone = "01632 960001 `code`"
offers = "| a | table | row | &amp; &lt;b&gt;"

[rules]
prepaid_card = true
audit_months = 3
left_over_weeks = 8
pa_hourly_rate_note = "1. Not a numbered list <style>body{display:none}</style> {% raw %}"

[accessibility]
tested = 2026-11-22
contact = "<a href=\\"javascript:alert(1)\\">contact</a>"

[guided]
idle_minutes = 15
warning_seconds = 60
"""

# The pages that show scheme or council text.
PAGES = ("assessment", "method", "index", "disagree", "direct-payments", "personal-budgets", "privacy", "council-tools")

# Markdown as the site renders it (site/mkdocs.yml's extensions).
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "fenced_code", "toc"]


def build_hostile_site(out: Path) -> Path:
    """The site built with the markup scheme and the hostile council text; returns `out`."""
    sys.path.insert(0, str(ROOT))
    import build

    council = out.parent / "council.toml"
    council.write_text(HOSTILE_COUNCIL, encoding="utf-8")
    build.build(MARKUP_SCHEME, out, council)
    return out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hostile_site(tmp_path_factory.mktemp("hostile") / "dist")


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return load_scheme(MARKUP_SCHEME)


def page_file(site: Path, name: str) -> Path:
    return site / "index.html" if name == "index" else site / name / "index.html"


class Elements(HTMLParser):
    """Every element and attribute in a page, and its text (entities decoded) outside
    scripts and styles, each piece with the element it is in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.pieces: list[tuple[str, str]] = []
        self.last = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self.last = tag

    def handle_data(self, data: str) -> None:
        if self.last not in ("script", "style"):
            self.pieces.append((self.last, data))

    @property
    def text(self) -> list[str]:
        return [data for _, data in self.pieces]


def parse(page: Path) -> Elements:
    parser = Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def flat(text: str) -> str:
    return " ".join(text.split())


def scheme_texts(scheme: Scheme, outcomes: bool = True) -> list[str]:
    """Every text a person reads in the scheme (the outcomes only on the method page: the
    assessment page shows them with the result, from the calculator)."""
    texts = [scheme.title, scheme.council, scheme.contact, scheme.how_to_question]
    for domain in scheme.domains:
        texts += [domain.title, *([domain.intro] if domain.intro else [])]
        for question in domain.questions:
            texts += [question.text, *(option.label for option in question.options)]
    support = scheme.unpaid_support
    texts += [support.question, support.willing_question, *(option.label for option in support.options)]
    if outcomes:
        texts += [outcome.text for outcome in scheme.eligibility.outcomes]
    return texts


@pytest.mark.parametrize("name", PAGES)
def test_no_element_or_attribute_comes_from_scheme_or_council_text(hostile: Path, name: str) -> None:
    page = parse(page_file(hostile, name))
    for tag, attrs in page.elements:
        assert not (tag == "meta" and "http-equiv" in attrs), f"{name}: <meta http-equiv> from scheme text"
        assert tag not in ("img", "b", "i", "style") or "md-" in (attrs.get("class") or ""), f"{name}: <{tag}>"
        assert not any(a.startswith("on") or a == "autofocus" for a in attrs), f"{name}: <{tag} {attrs}>"
        for value in attrs.values():
            assert not (value or "").strip().lower().startswith("javascript:"), f"{name}: <{tag} {attrs}>"
    assert ("h1", "injected") not in [(tag, data.strip()) for tag, data in page.pieces], f"{name}: <h1> from text"
    text = flat(" ".join(page.text))
    assert not re.search(r"\b49\b", text), f"{name}: a template expression ({{{{ 7*7 }}}}) was run"


def test_scripts_come_only_from_the_site(hostile: Path) -> None:
    for name in PAGES:
        for tag, attrs in parse(page_file(hostile, name)).elements:
            if tag == "script":
                assert attrs.get("src") or attrs.get("type") == "application/json", f"{name}: inline <script>"


def test_the_assessment_and_method_pages_show_every_scheme_text_as_written(hostile: Path, scheme: Scheme) -> None:
    for name in ("assessment", "method"):
        text = flat(" ".join(parse(page_file(hostile, name)).text))
        for expected in scheme_texts(scheme, outcomes=name == "method"):
            for paragraph in re.split(r"\n\s*\n", expected):
                assert flat(paragraph) in text, f"{name}: {paragraph!r} not shown as written"


def test_attributes_with_quotes_keep_their_whole_value(hostile: Path, scheme: Scheme) -> None:
    page = parse(page_file(hostile, "assessment"))
    titles = {attrs.get("data-domain"): attrs.get("data-title") for tag, attrs in page.elements if tag == "section"}
    for domain in scheme.domains:
        assert titles[domain.id] == domain.title


def test_guidance_pages_show_council_text_as_written(hostile: Path) -> None:
    import tomllib

    council = tomllib.loads(HOSTILE_COUNCIL)
    shown = {
        "index": [council["name"]],
        "personal-budgets": [council["name"], council["team"], council["phone"], council["email"]],
        "disagree": [council["team"], council["complaints"]],
        "direct-payments": [
            council["direct_payment_support"]["name"],
            council["direct_payment_support"]["offers"],
            council["direct_payment_support"]["phone"],
            council["rules"]["pa_hourly_rate_note"],
        ],
        "privacy": [council["name"], council["email"]],
    }
    for name, texts in shown.items():
        text = flat(" ".join(parse(page_file(hostile, name)).text))
        for expected in texts:
            assert flat(expected) in text, f"{name}: {expected!r} not shown as written"
    complaints = page_file(hostile, "disagree").read_text(encoding="utf-8")
    assert 'class="admonition' not in complaints and "<li>not a list" not in complaints


# -- the Markdown escaping itself ---------------------------------------------------

NASTY = [
    "<script>alert(1)</script>",
    '<meta http-equiv="refresh" content="0;url=https://example.invalid/">',
    "*emphasis* **strong** _under_ `code` [link](javascript:alert(1)) ![image](x.png)",
    "# heading",
    "## heading ##",
    "- list",
    "+ list",
    "* list",
    "1. numbered",
    "2) numbered",
    "> quote",
    "!!! warning",
    "=== not a heading",
    "~~~ fence",
    "``` fence",
    ": definition",
    "a | b | c",
    "text {: #id .class onclick='x' }",
    "&amp; &lt;b&gt; &copy; & < >",
    "back\\slash \\* \\_",
    "<!-- comment --> <https://example.invalid/> <b>",
    "line\nbreak  and   spaces",
    "£5.12 (a point), 'quotes' \"double\"",
]


@pytest.mark.parametrize("text", NASTY)
@pytest.mark.parametrize("where", ["paragraph", "bold", "heading", "list", "table"])
def test_markdown_text_renders_as_exactly_the_text(text: str, where: str) -> None:
    value = markdown_text(text)
    source = {
        "paragraph": value,
        "bold": f"**{value}**",
        "heading": f"### {value}",
        "list": f"- {value}",
        "table": f"| Answer | Points |\n| --- | --- |\n| {value} | 1 |",
    }[where]
    rendered = markdown.markdown(source, extensions=EXTENSIONS)
    tags = re.findall(r"<(/?[a-z0-9]+)", rendered)
    allowed = {
        "paragraph": {"p", "/p"},
        "bold": {"p", "/p", "strong", "/strong"},
        "heading": {"h3", "/h3"},
        "list": {"ul", "/ul", "li", "/li"},
        "table": {"table", "thead", "tbody", "tr", "th", "td", "/table", "/thead", "/tbody", "/tr", "/th", "/td"},
    }[where]
    assert set(tags) <= allowed, (source, rendered)
    if where == "table":
        cells = re.findall(r"<td>(.*?)</td>", rendered, re.S)
        assert len(cells) == 2, rendered
        shown = cells[0]
    else:
        shown = re.sub(r"<[^>]+>", "", rendered)
    assert html.unescape(shown).strip() == flat(text)


def test_paragraphs_stay_paragraphs() -> None:
    value = markdown_paragraphs("First <b>one</b>.\n\n# Second\n\n\n- third")
    rendered = markdown.markdown(value, extensions=EXTENSIONS)
    assert re.findall(r"<p>(.*?)</p>", rendered) == ["First &lt;b&gt;one&lt;/b&gt;.", "# Second", "- third"]


def test_explain_links_only_web_addresses_with_their_characters_encoded(scheme: Scheme) -> None:
    page = markdown.markdown(explain(scheme), extensions=EXTENSIONS)
    # The law's own address comes from the nation's rules packaged with ras_core.
    links = set(re.findall(r'<a href="([^"]*)"', page)) - {scheme.eligibility.rules.law.url}
    # markup.toml cites https://example.invalid/?a=1&b="2"<script> and javascript:alert(1)
    assert links == {"https://example.invalid/?a=1&amp;b=%222%22%3Cscript%3E"}, links
    assert "(javascript:alert(1))." in html.unescape(page)  # shown as text, not linked
