"""A person's answers to a scheme, read from the answers file and checked against it.

The answers file is JSON, format 2: ``{"format": 2, "scheme": id, "scheme_version":
version, "answers": {question id: option id}, "unpaid_support": {area id: option id},
"helpers_willing": {area id: "yes" | "no" | "not_sure"}, "for_someone_else": true |
false}``. `helpers_willing` has
exactly the areas whose unpaid-support answer keeps less than all the points: for
each, have the people who help said they are willing and able to keep doing it?
("not_sure" counts as no.) `for_someone_else` (optional, false when left out) says the
person filling it in answered for another person, so the result speaks of "them". An
optional "contribution" key holds the answers about money for "Estimate what you might
pay"; it is left to `ras_core.contribution`, which reads and checks it.

Older files have no "format" and one `helpers_willing` for every area, read with
this mapping: true is "yes" for every helped area, false is "no" for every helped
area, and null (or no key) means nobody helps, a problem if someone does. Anything
else is refused with a message that says what to do. `Answers.to_dict()` always
writes format 2.

Checking collects every problem (unknown question or option ids, missing answers
named by their question text, answers saved for another version) into one
`AnswersError`. Answers saved for another scheme are refused at once with that one
problem, and the error's `other_scheme` names the scheme and version the file is
for, so a site with several schemes can send the person to the right one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..files import BOM
from ._reader import Reader, describe
from .errors import AnswersError, Problem
from .model import WILLING, Scheme
from .numbers import quote

FORMAT = 2
WILLING_IDS = tuple(ident for ident, _ in WILLING)

# Answer files are small; anything much larger is not an answers file.
MAX_ANSWERS_BYTES = 200_000
# An answers file holds no numbers at all; a long one is refused before Python
# tries to convert it (and gives its own message about integer string limits).
MAX_DIGITS = 30
# Ids and keys from the file are quoted in problems up to this length, then cut short.
ID_SHOWN = 60


class _Refused(ValueError):
    """A part of the JSON text refused while it is read; the message is for people."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Answers:
    scheme_id: str
    scheme_version: str
    choices: Mapping[str, str]
    unpaid_support: Mapping[str, str]
    helpers_willing: Mapping[str, str]
    for_someone_else: bool = False

    def willing(self, area: str) -> bool:
        """Whether the people who help with this area have said they will keep doing it."""
        return self.helpers_willing.get(area) == "yes"

    def to_dict(self) -> dict[str, Any]:
        """The answers file, format 2 (see the module's docstring)."""
        return {
            "format": FORMAT,
            "scheme": self.scheme_id,
            "scheme_version": self.scheme_version,
            "answers": dict(self.choices),
            "unpaid_support": dict(self.unpaid_support),
            "helpers_willing": dict(self.helpers_willing),
            "for_someone_else": self.for_someone_else,
        }


def answers_from_json(text: str, scheme: Scheme, *, source: str = "answers.json") -> Answers:
    """Parse and check an answers file's text; raise `AnswersError` with every problem."""
    text = text.removeprefix(BOM)  # as the browser does when it reads a file
    if len(text.encode("utf-8", "surrogatepass")) > MAX_ANSWERS_BYTES:
        raise AnswersError(
            source,
            [
                Problem(
                    path="",
                    message=f"is too large for an answers file (more than {MAX_ANSWERS_BYTES // 1000} KB)",
                )
            ],
        )
    try:
        data = json.loads(
            text,
            parse_constant=_reject_constant,
            parse_int=_whole,
            parse_float=_decimal,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as error:
        message = f"line {error.lineno}, column {error.colno}: not valid JSON: {error.msg}"
        raise AnswersError(source, [Problem(path="", message=message)]) from None
    except _Refused as error:
        raise AnswersError(source, [Problem(path="", message=str(error))]) from None
    except RecursionError:
        raise AnswersError(source, [Problem(path="", message="is nested too deeply to be an answers file")]) from None
    return answers_from_dict(data, scheme, source=source)


def _reject_constant(name: str) -> Any:
    raise _Refused(f"not valid JSON: {name} is not allowed")


def _long(text: str) -> None:
    if len(text) > MAX_DIGITS:
        raise _Refused(f"has a number more than {MAX_DIGITS} digits long, which no answers file has")


def _whole(text: str) -> int:
    _long(text)
    return int(text)


def _decimal(text: str) -> Decimal:
    _long(text)
    return Decimal(text)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"not valid here: the key {quote(key)} appears twice")
        out[key] = value
    return out


def answers_from_dict(data: Any, scheme: Scheme, *, source: str = "answers.json") -> Answers:
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise AnswersError(source, [Problem(path="", message=f"expected a JSON object, got {describe(data)}")])
    top = Reader(data, "", problems)
    scheme_id = top.text("scheme")
    version = top.text("scheme_version")
    if scheme_id and scheme_id != scheme.id:
        # Nothing else is checked: the answers belong to another scheme's questions.
        other = Problem(
            path="scheme",
            message=f'these answers are for the scheme {quote(scheme_id, ID_SHOWN)}, not "{scheme.id}" '
            f"({scheme.council})",
            names_its_place=True,
        )
        raise AnswersError(source, [other], other_scheme=(scheme_id, version))
    if version and version != scheme.version:
        top.problem(
            "scheme_version",
            f"these answers were saved for version {_short(version)} of the {scheme.council} scheme; "
            f"this is version {scheme.version}. Answer the questions again to use this version",
            names_its_place=True,
        )

    raw_format = top._take("format", "the number 2", False)
    if raw_format is not None and (isinstance(raw_format, bool) or raw_format != FORMAT):
        top.problem(
            "format",
            f"this answers file is format {_short(json.dumps(raw_format, default=str))}; "
            f"this calculator reads format {FORMAT} and older "
            "files with no format. Answer the questions again, then save your answers",
            names_its_place=True,
        )
    choices = _string_map(top, "answers")
    support = _string_map(top, "unpaid_support", required=False)
    willing_raw = top._take("helpers_willing", "yes, no or not_sure for each area", False)
    for_someone_else = top.boolean("for_someone_else", required=False, default=False)
    if for_someone_else and not scheme.speaks_of_them:
        # Its questions and result speak only to the person answering, so an estimate
        # "for them" would mix their wording with "you" (a carer's own assessment is one).
        problems.append(
            Problem(
                path="for_someone_else",
                message="this scheme has no wording for someone answering for another person, so its answers "
                "are always the person's own: leave for_someone_else out, or set it to false",
            )
        )
    top.has("contribution")  # the money answers: read and checked by ras_core.contribution
    top.done()
    questions = {q.id: (d, q) for d, q in scheme.questions()}
    for question_id, option_id in choices.items():
        found = questions.get(question_id)
        if found is None:
            problems.append(
                Problem(path=f"answers.{_short(question_id)}", message="no question has this id in this scheme")
            )
            continue
        question = found[1]
        if question.option(option_id) is None:
            allowed = ", ".join(o.id for o in question.options)
            problems.append(
                Problem(
                    path=f"answers.{question_id}",
                    message=f'{quote(option_id, ID_SHOWN)} is not an answer to "{question.text}"; allowed: {allowed}',
                    names_its_place=True,
                )
            )
    for _domain, question in scheme.questions():
        if question.id not in choices:
            problems.append(
                Problem(
                    path=f"answers.{question.id}",
                    message=f'missing an answer to "{question.text}"',
                    names_its_place=True,
                )
            )

    domains = {d.id: d for d in scheme.domains}
    for domain_id, option_id in support.items():
        domain = domains.get(domain_id)
        if domain is None or not domain.asks_unpaid_support:
            problems.append(
                Problem(
                    path=f"unpaid_support.{_short(domain_id)}", message="no area asks about unpaid help with this id"
                )
            )
        elif scheme.unpaid_support is not None and scheme.unpaid_support.option(option_id) is None:
            allowed = ", ".join(o.id for o in scheme.unpaid_support.options)
            problems.append(
                Problem(
                    path=f"unpaid_support.{domain_id}",
                    message=f"{quote(option_id, ID_SHOWN)} is not an answer to "
                    f'"{scheme.support_question(domain)}" '
                    f"({domain.title}); allowed: {allowed}",
                    names_its_place=True,
                )
            )
    for domain in scheme.domains:
        if domain.asks_unpaid_support and domain.id not in support:
            problems.append(
                Problem(
                    path=f"unpaid_support.{domain.id}",
                    message=f'missing an answer to "{scheme.support_question(domain)}" ({domain.title})',
                    names_its_place=True,
                )
            )

    helped = [
        d
        for d in scheme.domains
        if d.asks_unpaid_support
        and (option := scheme.support_option(support.get(d.id, ""))) is not None
        and option.keep < 1
    ]
    if raw_format is None:
        willing = _older_willing(willing_raw, helped, scheme, problems)
    else:
        willing = _willing(willing_raw, helped, scheme, problems)

    if problems:
        raise AnswersError(source, problems)
    return Answers(
        scheme_id=scheme_id,
        scheme_version=version,
        choices=choices,
        unpaid_support=support,
        helpers_willing=willing,
        for_someone_else=for_someone_else,
    )


def _ask(scheme: Scheme) -> str:
    return scheme.unpaid_support.willing_question if scheme.unpaid_support is not None else ""


def _older_willing(raw: Any, helped: list[Any], scheme: Scheme, problems: list[Problem]) -> dict[str, str]:
    """An older file's one answer for every area: true is "yes", false is "no", null is nobody helps."""
    if isinstance(raw, bool):
        return {d.id: "yes" if raw else "no" for d in helped}
    if raw is None:
        if helped:
            problems.append(
                Problem(
                    path="helpers_willing",
                    message=f'missing an answer to "{_ask(scheme)}" ({helped[0].title}), needed because someone '
                    "helps without being paid",
                    names_its_place=True,
                )
            )
        return {}
    problems.append(
        Problem(
            path="helpers_willing",
            message=f"expected true, false or null in an answers file with no format (an older file), got "
            f'{describe(raw)}. A file saved now starts with "format": {FORMAT} and answers for each area '
            '"yes", "no" or "not_sure". Answer the questions again, then save your answers',
        )
    )
    return {}


def _willing(raw: Any, helped: list[Any], scheme: Scheme, problems: list[Problem]) -> dict[str, str]:
    """Format 2: "yes", "no" or "not_sure" for exactly the areas where someone helps."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        problems.append(
            Problem(
                path="helpers_willing",
                message=f"expected an answer for each area where someone helps ({', '.join(WILLING_IDS)}), "
                f"got {describe(raw)}",
            )
        )
        return {}
    helped_ids = {d.id: d for d in helped}
    domains = {d.id: d for d in scheme.domains if d.asks_unpaid_support}
    out: dict[str, str] = {}
    for area, value in raw.items():
        domain = domains.get(area)
        if domain is None:
            problems.append(
                Problem(path=f"helpers_willing.{_short(area)}", message="no area asks about unpaid help with this id")
            )
        elif area not in helped_ids:
            problems.append(
                Problem(
                    path=f"helpers_willing.{area}",
                    message=f"nobody helps with {domain.title} without being paid, so there is nothing to answer "
                    "here; remove it",
                    names_its_place=True,
                )
            )
        elif value not in WILLING_IDS:
            shown = quote(value, ID_SHOWN) if isinstance(value, str) else describe(value)
            problems.append(
                Problem(
                    path=f"helpers_willing.{area}",
                    message=f'{shown} is not an answer to "{_ask(scheme)}" ({domain.title}); '
                    f"allowed: {', '.join(WILLING_IDS)}",
                    names_its_place=True,
                )
            )
        else:
            out[area] = value
    for domain in helped:
        if domain.id not in raw:
            problems.append(
                Problem(
                    path=f"helpers_willing.{domain.id}",
                    message=f'missing an answer to "{_ask(scheme)}" ({domain.title}), needed because someone '
                    "helps with this without being paid",
                    names_its_place=True,
                )
            )
    return out


def _short(key: str) -> str:
    """A key from the file in a problem's path, cut short when it is long."""
    return quote(key, ID_SHOWN)[1:-1]


def _string_map(top: Reader, key: str, *, required: bool = True) -> dict[str, str]:
    table = top.table(key, required=required)
    if table is None:
        return {}
    out: dict[str, str] = {}
    for name, value in table.data.items():
        if isinstance(value, str):
            out[name] = value
        else:
            table.problem(_short(name), f"expected an option id (text), got {describe(value)}")
    return out
