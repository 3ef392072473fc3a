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

Council and scheme text is text, never markup: in guidance pages every `{{ value }}` is
escaped for Markdown and HTML (see `markdown_value`), and OpenRAS's own theme templates
(site/theme/), which put scheme text into HTML, are rendered with autoescaping on.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ras_core.explain import long_date as _long_date
from ras_core.explain import markdown_text

THEME = Path(__file__).resolve().parent / "theme"


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


def source_date(fact: dict[str, Any]) -> str:
    """ "from 1 April 2015" (the day a rule or figure applies from) or "checked 23
    November 2026" (the day it was last read in its source)."""
    if "start" in fact:
        return f"from {long_date(fact['start'])}"
    return f"checked {long_date(fact['checked'])}"


def cite(fact: dict[str, Any]) -> Markup:
    """ "Source: [title](url), from 1 April 2015." for a guidance page, after the
    statement the fact supports. A fact without a source cannot be cited."""
    source = fact["source"]
    if not source.get("title") or not source.get("url"):
        raise jinja2.TemplateError(f"{fact.get('label', 'a fact')}: no source to cite")
    return Markup(f"Source: [{markdown_text(source['title'])}]({source['url']}), {source_date(fact)}.")


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    env.autoescape = own_template
    env.globals["source_date"] = source_date
    return env


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
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
            cite=cite,
            scheme_csp=Markup(extra.get("csp", "")),
        )
    except jinja2.TemplateError as error:
        raise SystemExit(f"{page.file.src_path}: {error}") from None


def _linked(entry: dict[str, Any]) -> dict[str, Any]:
    """A scheme on the site, with the paths of its pages (made by build.py, not a council's
    text) marked safe, so that a guidance page can link to them."""
    return {**entry, "assessment": Markup(entry["assessment"]), "method": Markup(entry["method"])}


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    reviewed = page.meta.get("last_reviewed")
    context["last_reviewed"] = long_date(reviewed) if reviewed else None
    return context
