"""MkDocs hook: guidance pages are Markdown with the council's settings filled in.

Each page is rendered as a Jinja2 template before Markdown, with `council` (from
content/council.toml), `scheme` (the site's first scheme), `schemes` (every scheme on the
site, with its pages: the start page sends each person to theirs) and `nation` (the
law of the scheme's nation, from content/nations/: uk.toml with the nation's own file
on top), so local names, contacts and rules, and each nation's law, live in content/
rather than in the pages or the templates. build.py checks those files
(site/site_content.py) and hands them over in `config.extra`. `cite(fact)` writes a fact's source after
the statement it supports. OpenRAS's theme templates get the same facts as
`config.extra.nation` and `config.extra.council`. The `last_reviewed` date in a page's front matter is shown at
the foot of the page.

A page's language is in its path: pages under `cy/` are Welsh (`page_language`), and
pages under `easy/` are Easy Read (`EASY_READ` says which pages each tells). The
navigation in site/mkdocs.yml ends with one section per language other than English
and one for Easy Read (titled by the language's code, or "easy"), which `on_nav` takes
out, so each page shows the navigation of its own language and reading level. The
theme's templates write their own words with `t` and `tn` (site/site_strings.py), a
scheme's texts with `s` and a council's or nation's with `w`, each in the page's
language; every page links to its counterpart in the other language, where there is
one, and to its Easy Read version.

Council and scheme text is text, never markup: in guidance pages every `{{ value }}` is
escaped for Markdown and HTML (see `markdown_value`), and OpenRAS's own theme templates
(site/theme/), which put scheme text into HTML, are rendered with autoescaping on.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ras_core.explain import long_date as _long_date
from ras_core.explain import markdown_text
from ras_core.i18n import LANGUAGES, SOURCE, date_words
from site_strings import Words, script_words

THEME = Path(__file__).resolve().parent / "theme"
OTHER = tuple(code for code in LANGUAGES if code != SOURCE)


def long_date(day: datetime.date | str) -> str:
    """ "22 November 2026", as the core writes dates, from a date or "2026-11-22"."""
    return _long_date(datetime.date.fromisoformat(day) if isinstance(day, str) else day)


def markdown_value(value: Any) -> Markup:
    """A value written into a guidance page's Markdown, shown exactly as written.

    A council's name, contact or rule could hold `<`, `&`, `*`, `[`, `#` or a line break;
    unescaped, these would become HTML or Markdown in the page. Values marked safe
    (`Markup`, such as the site's own Content-Security-Policy for a code block) are
    written as they are.
    """
    if isinstance(value, Markup):
        return value
    return Markup(markdown_text(str(value)))


# Autoescaping on, and `finalize` escapes each value for Markdown as well as for HTML
# (what it returns is marked safe, so it is not escaped twice).
_environment = jinja2.Environment(
    undefined=jinja2.StrictUndefined, autoescape=True, finalize=markdown_value, keep_trailing_newline=True
)
_environment.filters["long_date"] = long_date


def own_template(name: str | None) -> bool:
    """Whether a theme template is one of OpenRAS's own (site/theme/), which render scheme
    text into HTML and so are autoescaped. Material's own templates are left as they are:
    they write HTML they made themselves, such as the page's content."""
    return name is not None and (THEME / name).is_file()


def source_date(fact: dict[str, Any], lang: str = SOURCE) -> str:
    """ "from 1 April 2015" (the day a rule or figure applies from) or "checked 23
    November 2026" (the day it was last read in its source), in `lang`."""
    words = Words(lang)
    if "start" in fact:
        return str(words.t("from {day}", day=_date(fact["start"], lang)))
    return str(words.t("checked {day}", day=_date(fact["checked"], lang)))


def _date(day: str, lang: str) -> str:
    return date_words(datetime.date.fromisoformat(day), lang)


def cite(fact: dict[str, Any], lang: str = SOURCE) -> Markup:
    """ "Source: [title](url), from 1 April 2015." for a guidance page, after the
    statement the fact supports. A fact without a source cannot be cited."""
    source = fact["source"]
    if not source.get("title") or not source.get("url"):
        raise jinja2.TemplateError(f"{fact.get('label', 'a fact')}: no source to cite")
    return Markup(
        Words(lang).t(
            "Source: [{title}]({url}), {when}.",
            title=Markup(markdown_text(source["title"])),
            url=Markup(source["url"]),
            when=source_date(fact, lang),
        )
    )


def page_language(src_uri: str) -> str:
    """ "cy" for a page under cy/, else "en"."""
    first = src_uri.split("/", 1)[0]
    return first if first in OTHER and "/" in src_uri else SOURCE


def counterpart(src_uri: str) -> str:
    """The same page in the other language: "assessment.md" and "cy/assessment.md"."""
    lang = page_language(src_uri)
    return f"cy/{src_uri}" if lang == SOURCE else src_uri.split("/", 1)[1]


# The Easy Read pages (under easy/, in English), and the pages each tells in Easy Read.
EASY = "easy/"
EASY_READ = {
    "easy/index.md": ("index.md", "personal-budgets.md"),
    "easy/assessment.md": ("assessment.md",),
    "easy/next.md": ("preparing.md", "review.md"),
    "easy/spending.md": ("spending.md", "ways-to-take.md"),
    "easy/disagree.md": ("disagree.md",),
}


def easy_read(src_uri: str) -> bool:
    return src_uri.startswith(EASY)


def easy_version(src_uri: str) -> str:
    """The Easy Read page for a page (its own, or the Easy Read home page); for an Easy
    Read page, the page it tells (the first, for one that tells two)."""
    if easy_read(src_uri):
        told = EASY_READ.get(src_uri)
        return told[0] if told else "index.md"
    english = counterpart(src_uri) if page_language(src_uri) != SOURCE else src_uri
    return next((easy for easy, told in EASY_READ.items() if english in told), "easy/index.md")


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    env.autoescape = own_template
    _speak(env.globals, SOURCE, config)  # Material's own pages (404) are English
    return env


def _scheme_words(config: Any, lang: str) -> Callable[[str | None], str | None]:
    """`s(text)`: a scheme's text in `lang`, as the scheme gives it (or as it is)."""
    said: dict[str, str] = config["extra"].get("scheme_words", {}).get(lang, {})
    return lambda text: said.get(text, text) if text else text


def _speak(context: dict[str, Any], lang: str, config: Any) -> None:
    words = Words(lang)
    context["page_lang"] = lang
    context["script_words"] = script_words(lang)
    context["source_date"] = functools.partial(source_date, lang=lang)
    context["t"] = words.t
    context["tn"] = words.tn
    context["s"] = _scheme_words(config, lang)
    # A council's or a nation's text in the page's language: its `KEY_cy` on a Welsh page.
    context["w"] = lambda facts, key: (facts.get(f"{key}_{lang}") if lang != SOURCE else None) or facts.get(key)


# Each language's navigation, made once a build by on_nav.
_NAVIGATIONS: dict[str, Any] = {}


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    """Each language other than English, and Easy Read, has its own navigation: the
    last sections of the configured one, titled by their language's code (or "easy"),
    are taken out of it."""
    from mkdocs.structure.nav import Navigation

    own = (*OTHER, EASY.rstrip("/"))
    others = {item.title: item for item in nav.items if getattr(item, "is_section", False) and item.title in own}
    english = [item for item in nav.items if item not in others.values()]
    _NAVIGATIONS.clear()
    _NAVIGATIONS[SOURCE] = _navigation(Navigation, english)
    for code, section in others.items():
        for child in section.children:
            child.parent = None
        _NAVIGATIONS[code] = _navigation(Navigation, section.children)
    return _NAVIGATIONS[SOURCE]


def _navigation(make: Any, items: list[Any]) -> Any:
    pages = _pages(items)
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    made = make(items, pages)
    if made.homepage is None and pages:
        made.homepage = pages[0]  # a language's own home page is the first of its pages
    return made


def _pages(items: list[Any]) -> list[Any]:
    found: list[Any] = []
    for item in items:
        if getattr(item, "is_page", False):
            found.append(item)
        elif getattr(item, "is_section", False):
            found += _pages(item.children)
    return found


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    page.meta["lang"] = page_language(page.file.src_uri)
    page.meta["easy"] = easy_read(page.file.src_uri)
    other = None if page.meta["easy"] else files.get_file_from_path(counterpart(page.file.src_uri))
    page.meta["counterpart"] = other.url if other is not None else None
    # Every page links to its Easy Read version, and an Easy Read page to the page it tells.
    told = files.get_file_from_path(easy_version(page.file.src_uri))
    page.meta["easy_link"] = told.url if told is not None else None
    if page.meta.get("generated"):  # made by build.py from the scheme, already escaped: used as it is
        return markdown
    extra = config["extra"]
    template = _environment.from_string(markdown)
    try:
        return template.render(
            council=extra["council"],
            scheme=extra["scheme"],
            nation=extra["nation"],
            schemes=[_linked(entry) for entry in extra.get("site_schemes", [])],
            cite=functools.partial(cite, lang=page.meta["lang"]),
            scheme_csp=Markup(extra.get("csp", "")),
            s=_scheme_words(config, page.meta["lang"]),
        )
    except jinja2.TemplateError as error:
        raise SystemExit(f"{page.file.src_path}: {error}") from None


def _linked(entry: dict[str, Any]) -> dict[str, Any]:
    """A scheme on the site, with the paths of its pages (made by build.py, not a council's
    text) marked safe, so that a guidance page can link to them."""
    return {**entry, "assessment": Markup(entry["assessment"]), "method": Markup(entry["method"])}


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    lang = page.meta.get("lang", SOURCE)
    reviewed = page.meta.get("last_reviewed")
    if isinstance(reviewed, str):
        reviewed = datetime.date.fromisoformat(reviewed)
    context["last_reviewed"] = date_words(reviewed, lang) if reviewed else None
    context["nav"] = _NAVIGATIONS.get("easy" if page.meta.get("easy") else lang, nav)
    _speak(context, lang, config)
    return context
