"""Every sentence about an estimate, in one place: what `ras estimate`, the browser and
the page say about a result, and the working that shows how it was reached.

`lines(result)` is the whole result as an ordered list of `Line`s (slot, text,
optional title, optional reference); `as_text` prints them for `ras estimate`, and
`words(result)` gives them to the browser (`web.estimate_json`) with the figures'
words, so the page renders lines by slot and writes no sentence of its own. The
slots, in this order (those in brackets only when they apply):

- [``for_whom``]: the answers were given for someone else, so the result speaks of
  "them" (`voice.py`) and says so first
- [``notice.individual``] (with a title, "Your budget will be worked out individually
  with you"): leads when an answer is marked `individual_costing`, or the needs'
  points are at or above the exceptional level (or beyond the end of a points table);
  the figure below is then only a starting point
- [``individual``]: one line for each reason: an answer with the council's reason,
  the exceptional level, the end of the table
- ``band``: "Your indicative budget: £150 to £175 a week" ("Starting point for your
  budget: …" when worked out individually)
- [``example``]: the scheme is an illustrative one, not any council's
- ``amount``: "Amount: £163.84 a week."
- [``year``]: "About £7,800 to £9,100 a year." (weekly schemes)
- [``hours``]: "About 6 to 7 hours of support a week at £24.50 an hour."; or, when
  worked out individually, [``hours_left_out``]: why no hours figure is given (it
  would understate the need)
- [``without_unpaid_support``]: the band and amount without counting unpaid help
- [``notice.unpaid-applied``]: unpaid help lowered the estimate, in the areas whose
  helpers said they are willing and able to keep helping
- [``notice.unpaid-not-willing``]: someone helps in these areas, but has not said they
  are willing and able to keep doing it ("No" or "Not sure"), so all needs count there
- [``notice.carer``] (with a title and the law): someone helps without being paid, so
  the people who help can ask for their own carer's assessment (adults' schemes); the
  page may offer its carers' estimate beside it
- [``notice.below``] (with a title): fewer points than the council's minimum, only
  when the eligibility screen agrees (when it does not, the screen wins and the
  ``eligibility`` line says so)
- ``heading``: "How we worked this out"
- ``working``: one line for each step of the working, with the step's reference and
  its kind (`step`: "area", "total", "allocation", "band"...), so a short version can
  show some of them
- ``heading``: "Are you likely to be eligible?"
- ``eligibility``: one message, "Probably yes. …" or "Perhaps not. …", by the rules of
  the scheme's nation, saying how the minimum points fit with it
- [``outcome``]: one line for each outcome the answers say cannot be achieved
  (England, Wales)
- [``risk``]: one line for each answer showing the highest risk (Scotland)
- [``unable``]: what else the law counts as unable to achieve (England, Wales)
- [``conditions``]: the law's other conditions, decided at the assessment, with the
  law as reference
- ``screen``: the screen is not a decision
- ``closing``: the figure is indicative

The ``notice.exceptional`` slot of earlier versions is now ``notice.individual`` with
its ``individual`` lines, which lead the result.

As text (`as_text`), a blank line comes before each notice, heading and the closing
line, and before the band when it does not come first; a title is a line of its own
before its text; working lines are numbered ("1. "); ``individual``, ``outcome`` and
``risk`` lines are bulleted ("- "); and a reference follows its line as
"   Source: TITLE.". A page showing the same lines in the same order shows the same
text.

`working(result)` is the working as `Step`s (kind, text, reference), kept on the
estimate and published by `ras estimate --json` as they are (`working.py`); the
eligibility sentences are in `screen.py`, figures in words in `phrases.py`.

`lines(result, lang)` says it all in `lang`: the core's sentences from its catalogue,
the scheme's texts in the scheme's own translation (`Scheme.say`), and the law's words
(the carers' notice, the outcomes a scheme does not word itself, the screen's
conditions and the titles of the law) in the translation packaged with the nation's
rules (`NationRules.say`, by way of `screen.said_by_law`).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, NamedTuple

from ...i18n import SOURCE, message
from ...scheme import money
from ...scheme._reader import language_names
from ...scheme.model import Reference, Scheme
from .phrases import band_words, hours_words, listing, points, quoted, sentence, year_words
from .screen import (
    conditions_line,
    eligibility_line,
    in_law_language,
    law_in,
    points_say_no,
    risk_answer,
    said_by_law,
    unable_line,
)
from .voice import FOR_SOMEONE_ELSE, Voice, voice, voiced
from .working import Step, working

if TYPE_CHECKING:
    from ..figures import Estimate

__all__ = [
    "Line",
    "Step",
    "as_text",
    "band_words",
    "hours_words",
    "lines",
    "unspoken",
    "words",
    "working",
    "year_words",
]

BULLETED = ("individual", "outcome", "risk")


class Line(NamedTuple):
    """One line of a result as a person reads it; `slot` says what it is (see above)."""

    slot: str
    text: str
    title: str | None = None
    reference: Reference | None = None
    step: str | None = None  # a working line's kind of step (`Step.kind`): "total", "band"...

    def to_dict(self) -> dict[str, Any]:
        reference = self.reference
        return {
            "slot": self.slot,
            "text": self.text,
            "title": self.title,
            "reference": None if reference is None else {"title": reference.title, "url": reference.url},
        } | ({} if self.step is None else {"step": self.step})


# Every sentence of a result (the slots above), declared once for translators.
_LEAD_INDIVIDUAL = voiced("Starting point for your budget: {band}", "Starting point for their budget: {band}")
_LEAD = voiced("Your indicative budget: {band}", "Their indicative budget: {band}")
_EXAMPLE = message("(Example figures only: this is not any council's scheme.)")
_AMOUNT = {"week": message("Amount: {amount} a week."), "year": message("Amount: {amount} a year.")}
_HOURS_LEFT_OUT = voiced(
    "We do not show hours of support: your budget is worked out individually, and hours worked out from this "
    "starting point would understate what your support costs.",
    "We do not show hours of support: their budget is worked out individually, and hours worked out from this "
    "starting point would understate what their support costs.",
)
_HOURS_AT_RATE = message("{hours} at {rate} an hour", note="about 6 to 7 hours of support a week at £24.50 an hour")
_CARERS_TITLE = voiced(
    "The people who help you can have their own assessment", "The people who help them can have their own assessment"
)
_BELOW = voiced(
    "Your answers give fewer points than the council's minimum. You can still ask for an assessment: the council "
    "looks at your needs with you and decides.",
    "The answers give fewer points than the council's minimum. They can still ask for an assessment: the council "
    "looks at their needs with them and decides.",
)
_BELOW_TITLE = voiced(
    "You may not have needs the council can pay for", "They may not have needs the council can pay for"
)
_WORKING_HEADING = message("How we worked this out")
_ELIGIBLE_HEADING = voiced("Are you likely to be eligible?", "Are they likely to be eligible?")
_SCREEN = voiced(
    "This is a screen, not a decision. The council decides at your assessment.",
    "This is a screen, not a decision. The council decides at their assessment.",
)
_CLOSING = voiced(
    "This is an indicative figure. It can go up or down: your final budget is agreed in your support plan.",
    "This is an indicative figure. It can go up or down: their final budget is agreed in their support plan.",
)
_INDIVIDUAL = voiced(
    "A points sum cannot show what your support would cost, so the council will work out your budget "
    "individually with you. The figure below is only a starting point, not a limit. This is because of:",
    "A points sum cannot show what their support would cost, so the council will work out their budget "
    "individually with them. The figure below is only a starting point, not a limit. This is because of:",
)
_INDIVIDUAL_TITLE = voiced(
    "Your budget will be worked out individually with you", "Their budget will be worked out individually with them"
)
_CAUSE = message("{answer} ({question}): {why}.", note="An answer, the question it answers, and the council's reason.")
_EXCEPTIONAL = voiced(
    "Your needs give {points}, at or above the {label} of {threshold}.",
    "Their needs give {points}, at or above the {label} of {threshold}.",
)
_BEYOND_TABLE = voiced(
    "Your points are beyond the end of the council's points table.",
    "Their points are beyond the end of the council's points table.",
)
_WITHOUT = message("Without counting unpaid help: {band} ({amount}).")
_APPLIED = voiced(
    "Without counting unpaid help, your estimate would be {band}. We used the lower figure because you said the "
    "people who help you with {areas} are willing and able to keep doing it. If that changes, ask the council to "
    "review your support plan, so that the help they can no longer give is counted.",
    "Without counting unpaid help, their estimate would be {band}. We used the lower figure because you said the "
    "people who help them with {areas} are willing and able to keep doing it. If that changes, ask the council to "
    "review their support plan, so that the help they can no longer give is counted.",
)
_NOT_WILLING = voiced(
    "Someone helps you with {areas} without being paid, but you have not said they are willing and able to keep "
    "doing it, so we counted all of your needs there.",
    "Someone helps them with {areas} without being paid, but you have not said they are willing and able to keep "
    "doing it, so we counted all of their needs there.",
)
_SOURCE = message("Source: {title}.", note="After a line of the result, the published source it relies on.")


def lines(result: Estimate, lang: str = SOURCE) -> list[Line]:
    """The whole result, in the order it is read (the slots are listed above)."""
    scheme = result.scheme
    period = scheme.period
    v = voice(result)
    say = functools.partial(scheme.say, lang)  # the scheme's own texts, in its Welsh where it has it
    out = [Line("for_whom", FOR_SOMEONE_ELSE.say(lang))] if v.them else []
    out += _individual(result, v, lang)
    lead = _LEAD_INDIVIDUAL if result.individually_costed else _LEAD
    out.append(Line("band", lead.say(lang, v, band=band_words(result.band, period, lang))))
    if scheme.illustrative:
        out.append(Line("example", _EXAMPLE.say(lang)))
    out.append(Line("amount", _AMOUNT[period].say(lang, amount=money.pounds_exact(result.amount))))
    if period == "week":
        out.append(Line("year", sentence(year_words(result.annual, lang))))
    if result.hours is None:
        pass  # the scheme sets no hourly rate (a carer's budget is not counted in hours)
    elif result.individually_costed:
        out.append(Line("hours_left_out", _HOURS_LEFT_OUT.say(lang, v)))
    else:
        out.append(Line("hours", sentence(_hours_at_rate(result, lang))))
    out += _unpaid(result, v, lang)
    rules = scheme.eligibility.rules
    helped = any(d.support is not None and d.support.keep < 1 for d in result.domains)
    if helped and rules.carers and scheme.person == "adult":
        law_of_carers = in_law_language(scheme, rules.carers_law, lang)
        carers = said_by_law(scheme, lang, rules.carers)
        out.append(Line("notice.carer", carers, _CARERS_TITLE.say(lang, v), law_of_carers))
    if points_say_no(result):
        out.append(Line("notice.below", _BELOW.say(lang, v), _BELOW_TITLE.say(lang, v)))
    out.append(Line("heading", _WORKING_HEADING.say(lang)))
    steps = result.working if lang == SOURCE else working(result, lang)
    for step in steps:  # the screen's step cites the law: its title in the law's own translation
        reference = law_in(result, lang) if step.kind == "eligibility" else step.reference
        out.append(Line("working", step.text, reference=reference, step=step.kind))
    out.append(Line("heading", _ELIGIBLE_HEADING.say(lang, v)))
    out.append(Line("eligibility", eligibility_line(result, lang)))
    out += [Line("outcome", said_by_law(scheme, lang, outcome.said(v.them))) for outcome in result.outcomes_unmet]
    out += [Line("risk", risk_answer(say(q.asked(v.them)), say(q.answer), lang)) for q in result.risk_answers]
    unable = unable_line(result, lang)
    if unable is not None:
        out.append(Line("unable", unable))
    conditions = conditions_line(result, lang)
    if conditions is not None:
        out.append(Line("conditions", conditions, reference=law_in(result, lang)))
    out.append(Line("screen", _SCREEN.say(lang, v)))
    out.append(Line("closing", _CLOSING.say(lang, v)))
    return out


def _individual(result: Estimate, v: Voice, lang: str) -> list[Line]:
    """The lead, when the budget will be worked out individually, and each reason for it."""
    if not result.individually_costed:
        return []
    say = functools.partial(result.scheme.say, lang)
    out = [Line("notice.individual", _INDIVIDUAL.say(lang, v), _INDIVIDUAL_TITLE.say(lang, v))]
    for cause in result.individual:
        answer, asked, why = quoted(say(cause.answer)), say(cause.asked(v.them)), say(cause.why(v.them))
        out.append(Line("individual", _CAUSE.say(lang, answer=answer, question=asked, why=why)))
    exceptional = result.scheme.exceptional_points
    if result.exceptional and exceptional is not None:
        given = points(result.total_before_unpaid_support, lang)
        threshold = points(int(exceptional.value), lang)
        label = say(exceptional.label).lower()
        said = _EXCEPTIONAL.say(lang, v, points=given, label=label, threshold=threshold)
        out.append(Line("individual", said))
    if result.beyond_table:
        out.append(Line("individual", _BEYOND_TABLE.say(lang, v)))
    return out


def _unpaid(result: Estimate, v: Voice, lang: str) -> list[Line]:
    out: list[Line] = []
    period = result.scheme.period
    say = functools.partial(result.scheme.say, lang)
    without = band_words(result.band_without_unpaid_support, period, lang)
    kept = [say(d.title) for d in result.domains if d.willing == "yes"]
    if result.unpaid_support_applied:
        amount = money.pounds_exact(result.amount_without_unpaid_support)
        out.append(Line("without_unpaid_support", _WITHOUT.say(lang, band=without, amount=amount)))
        out.append(Line("notice.unpaid-applied", _APPLIED.say(lang, v, band=without, areas=listing(kept, lang))))
    not_willing = [say(d.title) for d in result.domains if d.willing in ("no", "not_sure")]
    if not_willing:
        out.append(Line("notice.unpaid-not-willing", _NOT_WILLING.say(lang, v, areas=listing(not_willing, lang))))
    return out


def as_text(result_lines: list[Line], lang: str = SOURCE) -> str:
    """The lines as plain text, as `ras estimate` prints them (the rules are above)."""
    out: list[str] = []
    number = 0
    for line in result_lines:
        if (line.slot in ("band", "heading", "closing") or line.slot.startswith("notice.")) and out:
            out.append("")
        if line.title is not None:
            out.append(line.title)
        if line.slot == "working":
            number += 1
            out.append(f"{number}. {line.text}")
        elif line.slot in BULLETED:
            out.append(f"- {line.text}")
        else:
            out.append(line.text)
        if line.reference is not None:
            out.append("   " + _SOURCE.say(lang, title=line.reference.title))
    return "\n".join(out)


_UNSPOKEN = message(
    "The scheme {scheme} is written in {languages} only, so its result cannot be given {in_lang}: its questions and "
    'labels have no translation (a scheme gives its languages in [scheme], such as languages = ["en", "cy"]).',
    context="problem",
)
_IN_LANGUAGE = {"en": message("in English", context="language"), "cy": message("in Welsh", context="language")}


def unspoken(scheme: Scheme, lang: str) -> str | None:
    """Why a result in `lang` cannot be written for `scheme`, or None when it can: the
    core's words would be in `lang` but the scheme's questions and labels in English."""
    if lang in scheme.languages:
        return None
    known = lang in _IN_LANGUAGE
    said_in = lang if known else SOURCE  # a language the core does not speak is refused in English
    asked = _IN_LANGUAGE[lang].say(said_in) if known else f"in {lang}"
    return _UNSPOKEN.say(said_in, scheme=repr(scheme.id), languages=language_names(scheme.languages), in_lang=asked)


def words(result: Estimate, lang: str = SOURCE) -> dict[str, Any]:
    """What the browser shows: the figures in words, and every line of the result."""
    period = result.scheme.period
    return {
        "band": band_words(result.band, period, lang),
        "band_without_unpaid_support": band_words(result.band_without_unpaid_support, period, lang),
        "amount": money.pounds_exact(result.amount),
        "amount_without_unpaid_support": money.pounds_exact(result.amount_without_unpaid_support),
        "year": year_words(result.annual, lang) if period == "week" else "",
        "hours": "" if result.individually_costed or result.hours is None else _hours_at_rate(result, lang),
        "lines": [line.to_dict() for line in lines(result, lang)],
    }


def _hours_at_rate(result: Estimate, lang: str) -> str:
    assert result.scheme.hourly_rate is not None and result.hours is not None
    rate = money.pounds_full(result.scheme.hourly_rate.value)
    return _HOURS_AT_RATE.say(lang, hours=hours_words(result.hours, result.scheme.period, lang), rate=rate)
