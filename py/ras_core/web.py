"""The one boundary between the browser and the RAS core: JSON text in, JSON text out.

The Web Worker loads the scheme once with `load_scheme_text`, then calls
`estimate_json` for each set of answers. Replies are JSON objects with `ok`; on a
problem they carry `problems` (plain sentences a person can act on, at most 20
and a line saying how many more), never a traceback: each entry point turns an
unexpected failure into one plain problem, so the worker always gets a reply.
An estimate's reply also carries its words (`estimate/words/`): the figures in
words ("£175 to £200 a week") and every line of the result, in order, so the page
writes no sentence of its own and shows what `ras estimate` prints.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any, ParamSpec

from .estimate.figures import estimate
from .estimate.words import unspoken, words
from .i18n import LANGUAGES, SOURCE, check_language, message
from .scheme.answers import answers_from_json
from .scheme.errors import AnswersError, InputError, Problem
from .scheme.load import scheme_from_toml
from .scheme.model import Scheme
from .scheme.said import AT, shown
from .serialize import estimate_to_dict

_loaded: list[Scheme] = []
_source: list[str] = []  # the scheme's TOML text, for writing a recalibrated copy


P = ParamSpec("P")

_NOT_LOADED = message("The scheme has not been loaded yet.", context="problem")
_UNEXPECTED = message(
    "Something went wrong in the calculator: it could not finish this. Please try again, and if it happens again, "
    "tell the council.",
    context="problem",
)
NOT_LOADED, UNEXPECTED = _NOT_LOADED.say(SOURCE), _UNEXPECTED.say(SOURCE)


def _language(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The page's language from an entry point's call (its last argument, where it takes
    one), for the one problem said when anything unexpected happens."""
    lang = kwargs.get("lang", args[-1] if args else SOURCE)
    return lang if isinstance(lang, str) and lang in LANGUAGES else SOURCE


def _reply(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a file cannot cross to JavaScript raw
        return json.dumps(data, ensure_ascii=True, sort_keys=True)
    return text


def _refuse(problems: list[str]) -> str:
    return _reply({"ok": False, "problems": shown(problems)})


def _problems(error: InputError, lang: str = SOURCE) -> str:
    reply: dict[str, Any] = {"ok": False, "problems": shown([for_people(p, lang) for p in error.problems], lang)}
    if isinstance(error, AnswersError) and error.other_scheme is not None:
        # Answers for another scheme: the page can send the person to that scheme's page.
        scheme_id, version = error.other_scheme
        reply["other_scheme"] = {"id": scheme_id, "version": version}
    return _reply(reply)


def _guarded(entry: Callable[P, str]) -> Callable[P, str]:
    """An entry point that always replies: anything unexpected becomes one plain problem."""

    @functools.wraps(entry)
    def reply(*args: P.args, **kwargs: P.kwargs) -> str:
        try:
            return entry(*args, **kwargs)
        except Exception:  # the page must get a reply it can show, whatever went wrong
            return _refuse([_UNEXPECTED.say(_language(args, kwargs))])

    return reply


def for_people(problem: Problem, lang: str = SOURCE) -> str:
    """A problem as a sentence for the person whose file it is (no dotted paths where the
    message already names the question); where it is in the file is said in `lang`, the
    language the problem's message is in."""
    message = problem.said(lang)
    if not problem.path or problem.names_its_place:
        return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")
    return AT.say(lang, problem=message[:1].upper() + message[1:], place=problem.path)


@_guarded
def load_scheme_text(text: str, source: str = "scheme.toml") -> str:
    """Load the scheme the site was built with; reply with its id and version.

    The same text again (a start from a memory snapshot, made with the scheme loaded)
    is not read a second time: the scheme it gives is the one already loaded."""
    if _loaded and _source == [text]:
        loaded = _loaded[0]
        return _reply({"ok": True, "scheme": {"id": loaded.id, "version": loaded.version}})
    try:
        scheme = scheme_from_toml(text, source=source)
    except InputError as error:
        return _problems(error)
    _loaded[:] = [scheme]
    _source[:] = [text]
    return _reply({"ok": True, "scheme": {"id": scheme.id, "version": scheme.version}})


@_guarded
def check_answers_json(answers_text: str, lang: str = SOURCE) -> str:
    """Check an answers file (uploaded, or saved on the device) without estimating; the
    reply's `answers` is the file as format 2 (an older file read by its mapping), its
    `problems` are in `lang` (the page's language, as for `estimate_json`)."""
    if not _loaded:
        return _reply({"ok": False, "problems": [_NOT_LOADED.say(lang)]})
    from .contribution.answers import kept_money_answers

    refused = unspoken(_loaded[0], lang)
    if refused is not None:
        return _refuse([refused])
    try:
        answers = answers_from_json(answers_text, _loaded[0], source="answers", lang=lang)
    except InputError as error:
        return _problems(error, lang)
    money = kept_money_answers(answers_text)  # "Estimate what you might pay", given back as written
    return _reply({"ok": True, "answers": answers.to_dict() | ({} if money is None else {"contribution": money})})


@_guarded
def calibrate_json(cases_text: str, options_text: str, lang: str = SOURCE) -> str:
    """The council tools page: calibrate from a CSV's text, with the report and a new scheme.

    Options (JSON): target_total, contingency_percent, fairness_threshold (decimal strings
    or null), min_group_size (a whole number, or null for 10) and new_version (or null
    for the next one). A table scheme gets the report and no new scheme: scheme_toml and
    new_version are null. The report and the problems are in `lang` (the page's language,
    as for `estimate_json`); the summary's figures and the new scheme file are the same
    in each.
    """
    # Loaded only when a council calibrates: the assessment page never needs the statistics.
    from .council.cases import CasesError
    from .council.options import read_options
    from .council.recalibrate import recalibrate
    from .council.report import report_html
    from .serialize import calibration_to_dict

    check_language(lang)
    if not _loaded:
        return _reply({"ok": False, "problems": [_NOT_LOADED.say(lang)]})
    try:
        # Numbers stay as written, so the strict parsers see exactly what was typed.
        options = json.loads(options_text, parse_int=str, parse_float=str, parse_constant=str)
    except (ValueError, RecursionError):
        options = None
    if not isinstance(options, dict):
        return _refuse([_OPTIONS_UNREAD.say(lang)])
    names = {key: name.later() for key, name in OPTION_NAMES.items()}
    try:
        done = recalibrate(_loaded[0], _source[0], cases_text, read_options(options, names))
    except CasesError as error:
        return _reply({"ok": False, "problems": shown(error.say(lang), lang)})
    result, version = done.calibration, done.version
    return _reply(
        {
            "ok": True,
            "summary": calibration_to_dict(result),
            "report": report_html(result, page=False, new_version=version, lang=lang),
            "report_page": report_html(result, page=True, new_version=version, lang=lang),
            "scheme_toml": done.scheme_toml,
            "new_version": version,
        }
    )


# How the council tools page names each option in its problems (its fields' labels).
OPTION_NAMES = {
    "target_total": message("Target total weekly budget", context="option"),
    "contingency_percent": message("Contingency", context="option"),
    "fairness_threshold": message("Fairness threshold", context="option"),
    "min_group_size": message("Minimum group size", context="option"),
    "new_version": message("New version", context="option"),
}
_OPTIONS_UNREAD = message("The calibration options could not be read: they must be a JSON object.")


@_guarded
def estimate_json(answers_text: str, lang: str = SOURCE) -> str:
    """The estimate for an answers file's text: the result JSON, and its words and lines
    (or the file's problems) in `lang` (the page's language: "en" or "cy"; the figures
    are the same in each)."""
    if not _loaded:
        return _reply({"ok": False, "problems": [_NOT_LOADED.say(lang)]})
    scheme = _loaded[0]
    refused = unspoken(scheme, lang)
    if refused is not None:
        return _refuse([refused])
    try:
        answers = answers_from_json(answers_text, scheme, source="answers", lang=lang)
    except InputError as error:
        return _problems(error, lang)
    result = estimate(scheme, answers)
    return _reply({"ok": True, "result": estimate_to_dict(result), "words": words(result, lang)})


@_guarded
def contribution_questions_json(nation_text: str, council_text: str, lang: str = SOURCE) -> str:
    """The questions of "Estimate what you might pay", for the loaded scheme's nation, in
    `lang` (the page's language, as for `estimate_json`)."""
    from .contribution.run import questions_reply  # loaded only when a person asks

    if not _loaded:
        return _reply({"ok": False, "problems": [_NOT_LOADED.say(lang)]})
    refused = unspoken(_loaded[0], lang)
    if refused is not None:
        return _refuse([refused])
    try:
        return _reply(questions_reply(_loaded[0], nation_text, council_text, lang))
    except InputError as error:
        return _problems(error, lang)


@_guarded
def contribution_json(
    answers_text: str, nation_text: str, council_text: str, date: str = "", lang: str = SOURCE
) -> str:
    """What the person might pay beside the estimate (answers file with its "contribution"
    key; the nation's and the council's charging rules as TOML text; the day, YYYY-MM-DD,
    or today): the result with its lines (`contribution.words`) in `lang` (the page's
    language, as for `estimate_json`; the figures are the same in each)."""
    from .contribution.run import reply  # loaded only when a person asks

    if not _loaded:
        return _reply({"ok": False, "problems": [_NOT_LOADED.say(lang)]})
    refused = unspoken(_loaded[0], lang)
    if refused is not None:
        return _refuse([refused])
    try:
        return _reply(reply(_loaded[0], answers_text, nation_text, council_text, date, lang))
    except InputError as error:
        return _problems(error, lang)


@_guarded
def plan_json(plan_text: str, employment_text: str, costs_text: str, lang: str = SOURCE) -> str:
    """Cost a plan file's text with the employment figures and the council's costs (TOML
    texts the site ships): the reply's `plan` is what `ras plan --json` prints (lines
    with weekly and yearly, the totals, the band, the figures used, and `words`), its
    words and the plan file's problems in `lang` (the page's language, as for
    `estimate_json`; the figures are the same in each)."""
    # Loaded only when a plan is costed: the assessment never needs it.
    from .plan import cost_plan, employment_figures, plan_costs, plan_from_json
    from .plan.output import costed_to_dict

    try:
        law = employment_figures(employment_text, source="employment.toml")
        costs = plan_costs(costs_text, source="plan-costs.toml")
        plan = plan_from_json(plan_text, source="plan", lang=lang)
        costed = cost_plan(plan, law, costs)
    except InputError as error:
        return _problems(error, lang)
    return _reply({"ok": True, "plan": costed_to_dict(costed, lang)})
