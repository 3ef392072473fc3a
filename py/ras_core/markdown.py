"""Scheme text as Markdown that shows exactly as written, sources as citations, dates in words.

Shared by the published method (`explain.py`, `explain_steps.py`, `explain_screen.py`)
and the site's guidance pages. Citations and dates are said in the language asked for
(English unless told); `Said` gives a scheme's texts, and its law's, in one language
as Markdown.
"""

from __future__ import annotations

import datetime
import re
import urllib.parse
from dataclasses import dataclass

from .estimate.words.screen import in_law_language, said_by_law
from .i18n import SOURCE, date_words, message
from .scheme.model import Parameter, Reference, Scheme

# Scheme text is the council's words, never markup. Every string from the scheme goes
# through markdown_text (or markdown_paragraphs) before it is written here, so that it
# shows as written on the published page: no HTML (a `<meta>` or `<script>` would run in
# the page), no Markdown (emphasis, links, headings, lists, table cells, attribute lists).
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Characters that start Markdown inline syntax; Python-Markdown shows each as itself
# when a backslash comes before it.
_INLINE = set("\\`*_{}[]#|")
# Syntax that counts only at the start of a line (lists, numbered lists, admonitions,
# headings made by a line of = or -, fenced code with ~~~, definition lists).
_LINE_START = re.compile(r"^(\d*)([-+!.)=~:])")
_LINE_START_ESCAPE = {"=": "&#61;", "~": "&#126;", ":": "&#58;"}


def markdown_text(text: str) -> str:
    """Scheme text as Markdown that shows exactly this text, on one line.

    Runs of white space (line breaks too) become one space, so the text cannot start a
    new block; `&`, `<` and `>` become HTML entities; Markdown's own characters are
    escaped with a backslash. Safe in a paragraph, a heading, a list item, **bold** and
    a table cell.
    """
    flat = " ".join(text.split())
    escaped = "".join(_HTML.get(c) or ("\\" + c if c in _INLINE else c) for c in flat)
    return _LINE_START.sub(lambda m: m[1] + _LINE_START_ESCAPE.get(m[2], "\\" + m[2]), escaped, count=1)


def markdown_paragraphs(text: str) -> str:
    """Scheme text of one or more paragraphs (split at blank lines), each as markdown_text."""
    parts = (markdown_text(part) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(part for part in parts if part)


def _link_target(url: str) -> str | None:
    """A web or email address, made safe inside Markdown's (...); None for anything else
    (a `javascript:` address is shown as text, never linked)."""
    if urllib.parse.urlsplit(url.strip()).scheme.lower() not in ("http", "https", "mailto"):
        return None
    return urllib.parse.quote(url.strip(), safe=":/?#@!$&'*+,;=%~-._")


_SOURCE = message("Source: {title}.", note="After a line of the result, the published source it relies on.")
_SOURCE_AT = message("Source: {title} ({url}).")
_SINCE = message(" (from {day})", note="After a figure of the published method: the date it is used from.")


def cite(reference: Reference | None, lang: str = SOURCE) -> str:
    """ " Source: [title](url)." (the title as given: `Said.cite` gives it in a language)."""
    if reference is None:
        return ""
    title = markdown_text(reference.title)
    if reference.url:
        target = _link_target(reference.url)
        if target is not None:
            return " " + _SOURCE.say(lang, title=f"[{title}]({target})")
        return " " + _SOURCE_AT.say(lang, title=title, url=markdown_text(reference.url))
    return " " + _SOURCE.say(lang, title=title)


def long_date(day: datetime.date, lang: str = SOURCE) -> str:
    """ "1 April 2026", spelt out (`i18n.date_words`) so no runtime's locale can change it."""
    return date_words(day, lang)


def since(parameter: Parameter, lang: str = SOURCE) -> str:
    return _SINCE.say(lang, day=long_date(parameter.start_date, lang)) if parameter.start_date else ""


@dataclass(frozen=True, slots=True)
class Said:
    """A scheme's texts (`Scheme.say`), and its law's (`said_by_law`), in `lang`, as Markdown."""

    scheme: Scheme
    lang: str

    def __call__(self, english: str) -> str:
        """One of the scheme's texts, on one line (`markdown_text`)."""
        return markdown_text(self.scheme.say(self.lang, english))

    def paragraphs(self, english: str) -> str:
        return markdown_paragraphs(self.scheme.say(self.lang, english))

    def law(self, english: str) -> str:
        """A text of the scheme's nation's rules (or the scheme's own wording of it)."""
        return markdown_text(said_by_law(self.scheme, self.lang, english))

    def cite(self, reference: Reference | None) -> str:
        return cite(in_law_language(self.scheme, reference, self.lang), self.lang)

    def since(self, parameter: Parameter) -> str:
        return since(parameter, self.lang)
