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

Every problem is a message (`ras_core.i18n`), said in the language asked for (`lang`,
English unless another is named), with the scheme's own texts (questions, areas, the
council) in its words for that language (`Scheme.say`); ids, keys and values from the
file are quoted as written, and a file that is not JSON is told so with the JSON
reader's own words, in English.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..i18n import SOURCE, message
from .answers_reader import MAX_ANSWERS_BYTES, MAX_DIGITS, AnswersReader, described, json_data
from .errors import AnswersError, Problem
from .model import WILLING, Scheme
from .numbers import quote

__all__ = ["MAX_ANSWERS_BYTES", "MAX_DIGITS", "Answers", "answers_from_dict", "answers_from_json"]

FORMAT = 2
WILLING_IDS = tuple(ident for ident, _ in WILLING)

# Ids and keys from the file are quoted in problems up to this length, then cut short.
ID_SHOWN = 60


# The problems, declared once for translators. {given} is a value from the file, quoted
# as written; {got} one described in words; {allowed} the ids allowed, as written.
_P = "problem"
_NOT_AN_OBJECT = message("expected a JSON object, got {got}", context=_P)
_OTHER_SCHEME = message('these answers are for the scheme {given}, not "{scheme}" ({council})', context=_P)
_OTHER_VERSION = message(
    "these answers were saved for version {given} of the {council} scheme; this is version {version}. "
    "Answer the questions again to use this version",
    context=_P,
)
_OTHER_FORMAT = message(
    "this answers file is format {given}; this calculator reads format {format} and older files with no "
    "format. Answer the questions again, then save your answers",
    context=_P,
)
_NOT_THEM = message(
    "this scheme has no wording for someone answering for another person, so its answers are always the "
    "person's own: leave for_someone_else out, or set it to false",
    context=_P,
    note="for_someone_else, false: the file's own key and value.",
)
_NO_QUESTION = message("no question has this id in this scheme", context=_P)
_NOT_AN_ANSWER = message('{given} is not an answer to "{question}"; allowed: {allowed}', context=_P)
_NOT_AN_AREA_ANSWER = message('{given} is not an answer to "{question}" ({area}); allowed: {allowed}', context=_P)
_MISSING = message('missing an answer to "{question}"', context=_P)
_MISSING_IN_AREA = message('missing an answer to "{question}" ({area})', context=_P)
_NO_AREA = message("no area asks about unpaid help with this id", context=_P)
_OLDER_MISSING = message(
    'missing an answer to "{question}" ({area}), needed because someone helps without being paid', context=_P
)
_OLDER_WILLING = message(
    "expected true, false or null in an answers file with no format (an older file), got {got}. A file saved "
    'now starts with "format": {format} and answers for each area "yes", "no" or "not_sure". Answer the '
    "questions again, then save your answers",
    context=_P,
    note='true, false, null, "format", "yes", "no" and "not_sure" are the file\'s own words.',
)
_NOT_WILLING_MAP = message("expected an answer for each area where someone helps ({allowed}), got {got}", context=_P)
_NOBODY_HELPS = message(
    "nobody helps with {area} without being paid, so there is nothing to answer here; remove it", context=_P
)
_WILLING_MISSING = message(
    'missing an answer to "{question}" ({area}), needed because someone helps with this without being paid',
    context=_P,
)
_NOT_AN_ID = message("expected an option id (text), got {got}", context=_P)


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


def answers_from_json(text: str, scheme: Scheme, *, source: str = "answers.json", lang: str = SOURCE) -> Answers:
    """Parse and check an answers file's text; raise `AnswersError` with every problem,
    said in `lang`."""
    return answers_from_dict(json_data(text, source, lang), scheme, source=source, lang=lang)


def answers_from_dict(data: Any, scheme: Scheme, *, source: str = "answers.json", lang: str = SOURCE) -> Answers:
    """Check an answers file's JSON against the scheme; raise `AnswersError` with every
    problem, said in `lang`."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise AnswersError(source, [Problem(path="", message=_NOT_AN_OBJECT.say(lang, got=described(data, lang)))])
    top = AnswersReader(data, "", problems, lang)
    scheme_id = top.text("scheme")
    version = top.text("scheme_version")
    council = scheme.say(lang, scheme.council)
    if scheme_id and scheme_id != scheme.id:
        # Nothing else is checked: the answers belong to another scheme's questions.
        said = _OTHER_SCHEME.say(lang, given=quote(scheme_id, ID_SHOWN), scheme=scheme.id, council=council)
        other = Problem(path="scheme", message=said, names_its_place=True)
        raise AnswersError(source, [other], other_scheme=(scheme_id, version))
    if version and version != scheme.version:
        top.say(
            "scheme_version",
            _OTHER_VERSION,
            given=_short(version),
            council=council,
            version=scheme.version,
            names_its_place=True,
        )

    raw_format = top._take("format", "the number 2", False)
    if raw_format is not None and (isinstance(raw_format, bool) or raw_format != FORMAT):
        given = _short(json.dumps(raw_format, default=str))
        top.say("format", _OTHER_FORMAT, given=given, format=FORMAT, names_its_place=True)
    choices = _string_map(top, "answers")
    support = _string_map(top, "unpaid_support", required=False)
    willing_raw = top._take("helpers_willing", "yes, no or not_sure for each area", False)
    for_someone_else = top.boolean("for_someone_else", required=False, default=False)
    if for_someone_else and not scheme.speaks_of_them:
        # Its questions and result speak only to the person answering, so an estimate
        # "for them" would mix their wording with "you" (a carer's own assessment is one).
        top.say("for_someone_else", _NOT_THEM)
    top.has("contribution")  # the money answers: read and checked by ras_core.contribution
    top.done()
    questions = {q.id: (d, q) for d, q in scheme.questions()}
    for question_id, option_id in choices.items():
        found = questions.get(question_id)
        if found is None:
            top.say(f"answers.{_short(question_id)}", _NO_QUESTION)
            continue
        question = found[1]
        if question.option(option_id) is None:
            top.say(
                f"answers.{question_id}",
                _NOT_AN_ANSWER,
                given=quote(option_id, ID_SHOWN),
                question=scheme.say(lang, question.text),
                allowed=", ".join(o.id for o in question.options),
                names_its_place=True,
            )
    for _domain, question in scheme.questions():
        if question.id not in choices:
            top.say(f"answers.{question.id}", _MISSING, question=scheme.say(lang, question.text), names_its_place=True)

    domains = {d.id: d for d in scheme.domains}
    for domain_id, option_id in support.items():
        domain = domains.get(domain_id)
        if domain is None or not domain.asks_unpaid_support:
            top.say(f"unpaid_support.{_short(domain_id)}", _NO_AREA)
        elif scheme.unpaid_support is not None and scheme.unpaid_support.option(option_id) is None:
            top.say(
                f"unpaid_support.{domain_id}",
                _NOT_AN_AREA_ANSWER,
                given=quote(option_id, ID_SHOWN),
                question=scheme.say(lang, scheme.support_question(domain)),
                area=scheme.say(lang, domain.title),
                allowed=", ".join(o.id for o in scheme.unpaid_support.options),
                names_its_place=True,
            )
    for domain in scheme.domains:
        if domain.asks_unpaid_support and domain.id not in support:
            top.say(
                f"unpaid_support.{domain.id}",
                _MISSING_IN_AREA,
                question=scheme.say(lang, scheme.support_question(domain)),
                area=scheme.say(lang, domain.title),
                names_its_place=True,
            )

    helped = [
        d
        for d in scheme.domains
        if d.asks_unpaid_support
        and (option := scheme.support_option(support.get(d.id, ""))) is not None
        and option.keep < 1
    ]
    if raw_format is None:
        willing = _older_willing(willing_raw, helped, scheme, top)
    else:
        willing = _willing(willing_raw, helped, scheme, top)

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


def _ask(scheme: Scheme, lang: str) -> str:
    """The question whether the people who help will keep doing it, in `lang`."""
    return scheme.say(lang, scheme.unpaid_support.willing_question) if scheme.unpaid_support is not None else ""


def _older_willing(raw: Any, helped: list[Any], scheme: Scheme, top: AnswersReader) -> dict[str, str]:
    """An older file's one answer for every area: true is "yes", false is "no", null is nobody helps."""
    lang = top.lang
    if isinstance(raw, bool):
        return {d.id: "yes" if raw else "no" for d in helped}
    if raw is None:
        if helped:
            area = scheme.say(lang, helped[0].title)
            top.say("helpers_willing", _OLDER_MISSING, question=_ask(scheme, lang), area=area, names_its_place=True)
        return {}
    top.say("helpers_willing", _OLDER_WILLING, got=described(raw, lang), format=FORMAT)
    return {}


def _willing(raw: Any, helped: list[Any], scheme: Scheme, top: AnswersReader) -> dict[str, str]:
    """Format 2: "yes", "no" or "not_sure" for exactly the areas where someone helps."""
    lang = top.lang
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        top.say("helpers_willing", _NOT_WILLING_MAP, allowed=", ".join(WILLING_IDS), got=described(raw, lang))
        return {}
    helped_ids = {d.id: d for d in helped}
    domains = {d.id: d for d in scheme.domains if d.asks_unpaid_support}
    out: dict[str, str] = {}
    for area, value in raw.items():
        domain = domains.get(area)
        if domain is None:
            top.say(f"helpers_willing.{_short(area)}", _NO_AREA)
        elif area not in helped_ids:
            top.say(f"helpers_willing.{area}", _NOBODY_HELPS, area=scheme.say(lang, domain.title), names_its_place=True)
        elif value not in WILLING_IDS:
            top.say(
                f"helpers_willing.{area}",
                _NOT_AN_AREA_ANSWER,
                given=quote(value, ID_SHOWN) if isinstance(value, str) else described(value, lang),
                question=_ask(scheme, lang),
                area=scheme.say(lang, domain.title),
                allowed=", ".join(WILLING_IDS),
                names_its_place=True,
            )
        else:
            out[area] = value
    for domain in helped:
        if domain.id not in raw:
            top.say(
                f"helpers_willing.{domain.id}",
                _WILLING_MISSING,
                question=_ask(scheme, lang),
                area=scheme.say(lang, domain.title),
                names_its_place=True,
            )
    return out


def _short(key: str) -> str:
    """A key from the file in a problem's path, cut short when it is long."""
    return quote(key, ID_SHOWN)[1:-1]


def _string_map(top: AnswersReader, key: str, *, required: bool = True) -> dict[str, str]:
    table = top.table(key, required=required)
    if table is None:
        return {}
    out: dict[str, str] = {}
    for name, value in table.data.items():
        if isinstance(value, str):
            out[name] = value
        else:
            table.say(_short(name), _NOT_AN_ID, got=described(value, top.lang))
    return out
