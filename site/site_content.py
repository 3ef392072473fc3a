"""The site's own content files, checked like schemes: the council's settings, the review form, each nation's law.

`content/council.toml` (names, contacts and local rules for the guidance pages),
`content/review.toml` (the "Prepare for your review" form) and `content/nations/*.toml`
(each nation's law, as facts with a source and a date) are read with the same typed
getters as a scheme. Every problem in a file is reported together, with the file, the
dotted path and what is allowed, so a misspelt key fails the build with its place
instead of surfacing as a template error on some page. The loaders give back plain
dicts (dates as ISO text), because MkDocs hands its configuration to the templates as
JSON. A text in a nation's law may have its Welsh beside it, in the same key with
`_cy` added (`name_cy`, `value_cy`), which comes through as one more key; Welsh
without its English is refused. Values that several pages use (upload limits, the
guided session's time-outs) are defined here once and handed to the pages by the build.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ras_core.scheme._reader import Reader
from ras_core.scheme.answers import MAX_ANSWERS_BYTES
from ras_core.scheme.errors import InputError, Problem

CONTENT = Path(__file__).resolve().parent.parent / "content"
NATIONS = CONTENT / "nations"
SCHEMES = CONTENT / "schemes"
# A scheme's file name in content/schemes/: a name, never a path.
SCHEME_FILE = re.compile(r"^[a-z0-9][a-z0-9-]*\.toml$")

# The largest file each upload field takes; the pages are told these by the build.
LIMITS = {
    "answers_bytes": MAX_ANSWERS_BYTES,  # the core refuses larger answers files too
    "review_bytes": 200_000,
    "cases_bytes": 100 * 1024 * 1024,
}
# A guided session warns after this many idle minutes, and clears this many seconds later.
GUIDED_DEFAULTS = {"idle_minutes": 15, "warning_seconds": 60}
COMPLIANCE = ("fully compliant", "partially compliant", "not compliant", "")


class ContentError(InputError):
    """A content file that cannot be used; every problem in it is listed."""


def _read(path: Path, load: Callable[[Reader], dict[str, Any]]) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ContentError(str(path), [Problem(path="", message=f"cannot be read: {error.strerror}")]) from None
    except tomllib.TOMLDecodeError as error:
        raise ContentError(str(path), [Problem(path="", message=f"is not valid TOML: {error}")]) from None
    problems: list[Problem] = []
    top = Reader(data, "", problems)
    result = load(top)
    top.done()
    if problems:
        raise ContentError(str(path), problems)
    return result


def _iso(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""


def _positive(reader: Reader, key: str, *, default: int, most: int) -> int:
    value = reader.whole(key, required=False, default=default)
    if not 1 <= value <= most:
        reader.problem(key, f"must be a whole number from 1 to {most}, got {value}")
        return default
    return value


# -- the council's settings ---------------------------------------------------------------


def load_council(path: Path) -> dict[str, Any]:
    """content/council.toml, or a council's own file, checked; settings added after the
    first council files have defaults (the accessibility statement is prepared when
    it was tested, unless the council says otherwise)."""
    return _read(path, _council)


def _council(top: Reader) -> dict[str, Any]:
    council: dict[str, Any] = {
        key: top.text(key) for key in ("name", "team", "phone", "phone_hours", "email", "website", "complaints")
    }
    # Texts the Welsh pages show, in Welsh (KEY_cy); without one, a page shows the English.
    council["name_cy"] = top.text("name_cy", required=False) or council["name"]
    for key in ("team", "phone_hours", "complaints"):
        council[f"{key}{WELSH}"] = top.text(f"{key}{WELSH}", required=False)
    support = top.table("direct_payment_support")
    if support is not None:
        council["direct_payment_support"] = {key: support.text(key) for key in ("name", "phone", "offers")}
        council["direct_payment_support"]["offers_cy"] = support.text("offers_cy", required=False)
        support.done()
    rules = top.table("rules")
    if rules is not None:
        council["rules"] = {
            "prepaid_card": rules.boolean("prepaid_card"),
            "audit_months": _positive(rules, "audit_months", default=3, most=24),
            "left_over_weeks": _positive(rules, "left_over_weeks", default=8, most=52),
            "pa_hourly_rate_note": rules.text("pa_hourly_rate_note", required=False),
            "review_timing": rules.text("review_timing", required=False),
            "review_timing_cy": rules.text("review_timing_cy", required=False),
            "pa_hourly_rate_note_cy": rules.text("pa_hourly_rate_note_cy", required=False),
        }
        rules.done()
    council["schemes"] = _schemes(top)
    council["accessibility"] = _accessibility(top.table("accessibility"))
    privacy = top.table("privacy", required=False)
    council["privacy"] = {
        "host": privacy.text("host") if privacy else "the council's web hosting provider",
        "logs_kept": (
            privacy.text("logs_kept")
            if privacy
            else "as long as the council's hosting provider keeps them (ask the council)"
        ),
        "host_cy": "",
    }
    if privacy:
        # Their Welsh, for the Welsh privacy notice (without it, the English is shown as English).
        council["privacy"]["host_cy"] = privacy.text("host_cy", required=False)
        privacy.done()
    guided = top.table("guided", required=False)
    council["guided"] = dict(GUIDED_DEFAULTS)
    if guided is not None:
        council["guided"] = {
            "idle_minutes": _positive(guided, "idle_minutes", default=15, most=240),
            "warning_seconds": _positive(guided, "warning_seconds", default=60, most=600),
        }
        guided.done()
    return council


def _schemes(top: Reader) -> list[str]:
    """The schemes on the site, as files in content/schemes/; the first is the default.
    None listed: the site has the one scheme the build is given."""
    names = top.text_list("schemes", required=False)
    for i, name in enumerate(names):
        if not SCHEME_FILE.match(name):
            top.problem(
                f"schemes[{i}]",
                f'must be the name of a file in content/schemes/, such as "example.toml", got "{name[:60]}"',
            )
        elif not (SCHEMES / name).is_file():
            top.problem(f"schemes[{i}]", f'no file "{name}" in content/schemes/')
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        top.problem("schemes", f"each scheme once: {', '.join(repeated)} is listed more than once")
    return names


def _accessibility(table: Reader | None) -> dict[str, Any]:
    if table is None:
        return {}
    tested = table.date("tested")
    prepared = table.date("prepared", required=False) if table.has("prepared") else tested
    found = {
        "tested": _iso(tested),
        "prepared": _iso(prepared),
        "contact": table.text("contact"),
        "compliance": table.choice("compliance", COMPLIANCE, required=False) if table.has("compliance") else "",
        "problems": table.text_list("problems", required=False),
        # The problems in Welsh, one for each, for the Welsh statement.
        "problems_cy": table.text_list("problems_cy", required=False),
    }
    if found["problems_cy"] and len(found["problems_cy"]) != len(found["problems"]):
        table.problem("problems_cy", f"must give the Welsh of each of the {len(found['problems'])} problems, in order")
    table.done()
    return found


# -- the review form ------------------------------------------------------------------------


def load_review(path: Path = CONTENT / "review.toml") -> dict[str, Any]:
    """content/review.toml, checked: ids are unique, and funding lists name real areas.

    Each text a person reads (the title, the intro, the questions, and each priority's
    `label`, area's `title` and `hint`, closing `question` and funding `name`) may have
    its Welsh beside it, in the same key ending `_cy`, which comes through as one more
    key (the Welsh page shows the English where there is none); the Welsh must be text
    that is not empty, and the English must be there too."""
    return _read(path, _review)


def _review(top: Reader) -> dict[str, Any]:
    review: dict[str, Any] = {}
    for key in ("title", "intro", "version", "working", "not_working", "priority", "anything_else"):
        review.update({key: top.text(key)} if key == "version" else _said(top, key))
    review["priorities"] = _entries(top, "priorities", ("id", "label", "colour"), said=("label",))
    review["areas"] = _entries(top, "areas", ("id", "title", "hint"), said=("title", "hint"))
    review["closing"] = _entries(top, "closing", ("id", "question"), said=("question",))
    areas = {area["id"] for area in review["areas"]}
    review["funding"] = []
    for funding in top.tables("funding", required=False):
        named = funding.text_list("areas")
        for i, area in enumerate(named):
            if area not in areas:
                funding.problem(
                    f"areas[{i}]", f'"{area}" is not an area of the form; areas: {", ".join(sorted(areas))}'
                )
        review["funding"].append({**_said(funding, "name"), "areas": named})
        funding.done()
    return review


def _said(table: Reader, key: str) -> dict[str, str]:
    """A text of the review form, with its Welsh (`KEY_cy`) where the file gives it."""
    found = {key: table.text(key)}
    if table.has(f"{key}{WELSH}"):
        found[f"{key}{WELSH}"] = _welsh(table, f"{key}{WELSH}")
    return found


def _entries(top: Reader, key: str, fields: tuple[str, ...], *, said: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Each table of `key`, with its `fields`; those a person reads (`said`) with their Welsh."""
    entries: list[dict[str, str]] = []
    for entry in top.tables(key):
        found: dict[str, str] = {}
        for field in fields:
            found.update(_said(entry, field) if field in said else {field: entry.text(field)})
        if any(found["id"] == other["id"] for other in entries):
            entry.problem("id", f'"{found["id"]}" is used twice; each id must be different')
        entries.append(found)
        entry.done()
    return entries


# -- each nation's law ---------------------------------------------------------------------

# The ending of a key that holds the Welsh of the text in the same key without it.
WELSH = "_cy"


def load_nation(nation: str, folder: Path = NATIONS) -> dict[str, Any]:
    """The facts of one nation's law: the UK-wide facts, with the nation's own on top.

    Every fact is a table with a `label`, its values, a `source` (`title`, and a `url`
    on https) and a `start` date (the day it applies from) or a `checked` date (the
    day it was last read in its source). A fact that could not be confirmed keeps its
    source and date but leaves its values empty, and the pages then say the council
    will tell the person.

    A text a person reads (the nation's `name`, a fact's `name`, `value`, `first` and
    so on, and its `label`) may have its Welsh beside it, in the same key ending `_cy`;
    the Welsh must be text that is not empty, and the English must be there too."""
    facts = _read(folder / "uk.toml", _facts)
    facts.update(_read(folder / f"{nation}.toml", _facts))
    return facts


def _facts(top: Reader) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    for name in list(top.data):
        if name in ("id", "name"):  # the nation's own id and name, not facts
            facts[name] = top.text(name)
            continue
        if name.endswith(WELSH):  # the nation's name in Welsh
            facts[name] = _welsh(top, name)
            continue
        fact = top.table(name)
        if fact is None:
            continue
        facts[name] = _fact(fact)
    return facts


def _fact(fact: Reader) -> dict[str, Any]:
    found: dict[str, Any] = {
        key: value.isoformat() if isinstance(value, datetime.date) else value for key, value in fact.data.items()
    }
    found["label"] = fact.text("label")
    source = fact.table("source")
    if source is not None:
        url = source.text("url", required=False)
        if url and not url.startswith("https://"):
            source.problem("url", f'must be an address starting https://, got "{url}"')
        found["source"] = {"title": source.text("title", required=False), "url": url}
        source.done()
    dates = [key for key in ("start", "checked") if fact.has(key)]
    if not dates:
        fact.problem("", "needs a date: start (the day it applies from) or checked (the day it was last read)")
    for key in dates:
        found[key] = _iso(fact.date(key))
    # The fact's own values (name, cost, time limit and so on) are the rest of its keys,
    # with the Welsh of its texts beside them.
    for key in fact.data:
        if key.endswith(WELSH):
            found[key] = _welsh(fact, key)
        fact.has(key)
    return found


def _welsh(table: Reader, key: str) -> str:
    """The Welsh in `key`, checked: it is text, and the English beside it is text too."""
    english = key.removesuffix(WELSH)
    given = table.data.get(english)
    if not isinstance(given, str) or not given.strip():
        table.problem(key, f"Welsh is given without the English ({english})")
    welsh = table.text(key, required=False)
    if isinstance(table.data[key], str) and not welsh.strip():
        table.problem(key, "must not be empty")
    return welsh
