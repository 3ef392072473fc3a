"""Entry points: `ras contribution` and the browser's `web.contribution_json` both come here.

The nation's rules are `DIR/NATION.toml` for the scheme's `nation`, and the council's
choices `DIR/council.toml` (`DIR` is `content/charging/` unless told otherwise). Both
files and the answers file are checked in full, and every problem in any of them is
reported at once. The estimate's date (today, unless told) picks each figure's row.

Each entry point takes the language of its words, `lang` (English unless told; the
scheme must be written in it, as for an estimate: `estimate.words.unspoken`): the
lines, the questions, and the problems this package writes are said in it.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..estimate.figures import estimate
from ..estimate.words import unspoken
from ..files import read_text
from ..i18n import SOURCE, message
from ..scheme._reader import say
from ..scheme.errors import InputError, Problem, SchemeError
from ..scheme.load import load_scheme
from ..scheme.model import Scheme
from .answers import contribution_answers_from_json
from .calculate import Contribution, NoFigure, contribution
from .rules import CouncilCharging, NationCharging, council_from_toml, nation_from_toml
from .words import Line, lines

# content/charging in the source tree (py/ras_core/contribution/run.py is 4 levels down).
DEFAULT_DIR = Path(__file__).resolve().parents[3] / "content" / "charging"

_CARERS = message(
    "this is a carer's own assessment: what a person might pay is estimated for the care of the adult who needs it, "
    "not for a carer's support",
    context="problem",
)
_OTHER_NATION = message(
    'these are the rules for "{rules}", but the scheme is for "{scheme}"',
    context="problem",
    note="{rules} and {scheme} are the nations' ids: england, scotland, wales.",
)
_NO_ROW = message(
    "{figure}: no figure is in force on {day}",
    context="problem",
    note="{figure} is the figure's name, as the charging rules write it; {day} is written YYYY-MM-DD.",
)
# The names the page's problems give the files it sent, said in the page's language.
_THESE_FILES = message("these files", context="file", note="Problems in more than one file, listed together.")
_RULES = message("charging rules", context="file", note="The nation's charging rules, as the page names them.")
_COUNCIL_RULES = message("council charging rules", context="file", note="The council's own charging rules.")
_NOT_A_DATE = message('"{text}" is not a date: write it as YYYY-MM-DD, like 2026-04-06', context="problem")
_SOURCE = message("Source: {title} ({url}).", note="After a line of the result, where it is written.")


class FilesError(InputError):
    """Problems in more than one file, each line naming its own file."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = errors
        super().__init__(_THESE_FILES.later(), [p for e in errors for p in e.problems])

    def files(self) -> list[tuple[str, tuple[Problem, ...]]]:
        return [part for error in self.errors for part in error.files()]


def load_rules(
    scheme: Scheme,
    nation_text: str,
    council_text: str,
    *,
    nation_source: str,
    council_source: str,
    lang: str = SOURCE,
) -> tuple[NationCharging, CouncilCharging]:
    """The nation's rules and the council's choices; every problem in both at once."""
    if scheme.person != "adult":
        raise InputError("scheme", [Problem(path="person", message=_CARERS.say(lang))])
    errors: list[InputError] = []
    nation = council = None
    try:
        nation = nation_from_toml(nation_text, source=nation_source)
        if nation.nation != scheme.nation:
            other = _OTHER_NATION.say(lang, rules=nation.nation, scheme=scheme.nation)
            errors.append(InputError(nation_source, [Problem(path="nation", message=other)]))
    except InputError as error:
        errors.append(error)
    try:
        council = council_from_toml(council_text, source=council_source)
    except InputError as error:
        errors.append(error)
    if errors or nation is None or council is None:
        raise errors[0] if len(errors) == 1 else FilesError(errors)
    return nation, council


def work_out(
    scheme: Scheme,
    answers_text: str,
    nation: NationCharging,
    council: CouncilCharging,
    *,
    on: datetime.date,
    source: str = "answers.json",
    lang: str = SOURCE,
) -> Contribution:
    """The estimate for the answers, then what the person might pay beside it."""
    answers, money = contribution_answers_from_json(answers_text, scheme, nation, source=source, lang=lang)
    result = estimate(scheme, answers)
    try:
        return contribution(
            nation,
            council,
            money,
            scheme=scheme,
            amount=result.amount,
            individually_costed=result.individually_costed,
            on=on,
            for_someone_else=answers.for_someone_else,
        )
    except NoFigure as error:
        no_row = _NO_ROW.say(lang, figure=say(error.figure, "label", lang), day=error.on.isoformat())
        raise InputError(_RULES.later(), [Problem(path=f"figures.{error.figure.id}", message=no_row)]) from None


def from_files(
    scheme: Scheme, answers_path: str, folder: str | None, on: datetime.date, lang: str = SOURCE
) -> Contribution:
    """`ras contribution`: read the rules from `folder` (content/charging by default)."""
    base = Path(folder) if folder else DEFAULT_DIR
    nation_path, council_path = base / f"{scheme.nation}.toml", base / "council.toml"
    texts: list[str] = []
    errors: list[InputError] = []
    for path in (nation_path, council_path, Path(answers_path)):
        try:
            texts.append(read_text(path))
        except InputError as error:
            errors.append(error)
            texts.append("")
    if errors:
        raise errors[0] if len(errors) == 1 else FilesError(errors)
    nation, council = load_rules(
        scheme, texts[0], texts[1], nation_source=str(nation_path), council_source=str(council_path), lang=lang
    )
    return work_out(scheme, texts[2], nation, council, on=on, source=answers_path, lang=lang)


def parse_day(text: str | None, lang: str = SOURCE) -> datetime.date:
    """A date written YYYY-MM-DD, or today."""
    if not text:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        not_a_date = _NOT_A_DATE.say(lang, text=text[:20])
        raise InputError("--date", [Problem(path="", message=not_a_date)]) from None


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def to_dict(result: Contribution, lang: str = SOURCE) -> dict[str, Any]:
    """The result as JSON: money as strings ("12.50"), every figure used, and the lines
    (in `lang`; the figures' labels here as the charging rules write them in English)."""
    person, council = result.person, result.council_pays
    return {
        "nation": result.nation.nation,
        "council": result.council.council,
        "date": result.on.isoformat(),
        "outcome": result.outcome,
        "for_someone_else": result.for_someone_else,
        "cost_of_care": _money(result.cost),
        "you_pay": None if person is None else [_money(person[0]), _money(person[1])],
        "council_pays": None if council is None else [_money(council[0]), _money(council[1])],
        "answers": result.answers.to_dict(),
        "figures": [
            {
                "id": u.figure.id,
                "label": u.figure.label,
                "value": f"{u.row.value}",
                "start": u.row.start.isoformat(),
                "until": None if u.row.until is None else u.row.until.isoformat(),
                "newer_not_found": u.gap,
                "confirmed": u.row.confirmed,
                "source": {"title": u.row.source.title, "url": u.row.source.url},
            }
            for u in result.used()
        ],
        "lines": [line.to_dict() for line in lines(result, lang)],
    }


def as_text(result_lines: list[Line], lang: str = SOURCE) -> str:
    """The lines as `ras contribution` prints them: a blank line before each heading,
    notice and the closing line; working steps numbered; rules, figures and calculators
    bulleted; each source on the line after, with its address."""
    out: list[str] = []
    number = 0
    for line in result_lines:
        if line.slot in ("heading", "closing", "example") or line.slot.startswith("notice."):
            out.append("")
        if line.slot == "working":
            number += 1
            out.append(f"{number}. {line.text}")
        elif line.slot in ("rule", "figure", "checker"):
            out.append(f"- {line.text}")
        else:
            out.append(line.text)
        ref = line.reference
        if ref is not None:
            out.append(
                f"   {ref.url}" if line.slot == "checker" else "   " + _SOURCE.say(lang, title=ref.title, url=ref.url)
            )
    return "\n".join(out)


def command(
    scheme_path: str, answers: str, *, folder: str | None, date: str | None, as_json: bool, lang: str = SOURCE
) -> str:
    """What `ras contribution` prints; a scheme not written in `lang` is refused as `ras
    estimate` refuses it."""
    import json

    scheme = load_scheme(scheme_path)
    refused = unspoken(scheme, lang)
    if refused is not None:
        raise SchemeError(scheme_path, [Problem(path="scheme.languages", message=refused, names_its_place=True)])
    result = from_files(scheme, answers, folder, parse_day(date, lang), lang)
    if as_json:
        return json.dumps(to_dict(result, lang), indent=2, ensure_ascii=False)
    return as_text(lines(result, lang), lang)


def questions_reply(scheme: Scheme, nation_text: str, council_text: str, lang: str = SOURCE) -> dict[str, Any]:
    """The page's questions for this nation, in the one voice (`phrases.questions`), in `lang`."""
    from .phrases import questions

    nation, council = load_rules(
        scheme,
        nation_text,
        council_text,
        nation_source=_RULES.later(),
        council_source=_COUNCIL_RULES.later(),
        lang=lang,
    )
    return {"ok": True, "nation": nation.nation, "council": council.council, "questions": questions(nation, lang)}


def reply(
    scheme: Scheme, answers_text: str, nation_text: str, council_text: str, date: str, lang: str = SOURCE
) -> dict[str, Any]:
    """The browser's reply: the result as `to_dict` gives it (its lines included, in `lang`)."""
    nation, council = load_rules(
        scheme,
        nation_text,
        council_text,
        nation_source=_RULES.later(),
        council_source=_COUNCIL_RULES.later(),
        lang=lang,
    )
    result = work_out(scheme, answers_text, nation, council, on=parse_day(date, lang), source="answers", lang=lang)
    return {"ok": True, "result": to_dict(result, lang)}
