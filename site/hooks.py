"""MkDocs hook: guidance pages are Markdown with the council's settings filled in.

Each page is rendered as a Jinja2 template before Markdown, with `council` (from
content/council.toml) and `scheme` (the scheme the site is built with), so local names,
contacts and rules live in content/ rather than in the pages or the templates. The
`last_reviewed` date in a page's front matter is shown at the foot of the page.
"""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path
from typing import Any

import jinja2

from ras_core.explain import long_date as _long_date


def long_date(day: datetime.date | str) -> str:
    """ "22 November 2026", as the core writes dates, from a date or "2026-11-22"."""
    return _long_date(datetime.date.fromisoformat(day) if isinstance(day, str) else day)


_environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
_environment.filters["long_date"] = long_date


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if page.meta.get("generated"):  # made by build.py from the scheme: used as it is
        return markdown
    extra = config["extra"]
    council_file = Path(extra["council_file"])
    council = tomllib.loads(council_file.read_text(encoding="utf-8"))
    template = _environment.from_string(markdown)
    try:
        return template.render(council=council, scheme=extra["scheme"], scheme_csp=extra.get("csp", ""))
    except jinja2.TemplateError as error:
        raise SystemExit(f"{page.file.src_path}: {error}") from None


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    reviewed = page.meta.get("last_reviewed")
    context["last_reviewed"] = long_date(reviewed) if reviewed else None
    return context
