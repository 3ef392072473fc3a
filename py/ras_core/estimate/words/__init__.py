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
- ``working``: one line for each step of the working, with the step's reference
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
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from ...scheme import money
from ...scheme.model import Reference
from .phrases import band_words, hours_words, listing, points, quoted, sentence, year_words
from .screen import conditions_line, eligibility_line, law, points_say_no, risk_answer, unable_line
from .voice import FOR_SOMEONE_ELSE, Voice, voice
from .working import Step, working

if TYPE_CHECKING:
    from ..figures import Estimate

__all__ = ["Line", "Step", "as_text", "band_words", "hours_words", "lines", "words", "working", "year_words"]

BULLETED = ("individual", "outcome", "risk")


class Line(NamedTuple):
    """One line of a result as a person reads it; `slot` says what it is (see above)."""

    slot: str
    text: str
    title: str | None = None
    reference: Reference | None = None

    def to_dict(self) -> dict[str, Any]:
        reference = self.reference
        return {
            "slot": self.slot,
            "text": self.text,
            "title": self.title,
            "reference": None if reference is None else {"title": reference.title, "url": reference.url},
        }


def lines(result: Estimate) -> list[Line]:
    """The whole result, in the order it is read (the slots are listed above)."""
    scheme = result.scheme
    period = scheme.period
    v = voice(result)
    out = [Line("for_whom", FOR_SOMEONE_ELSE)] if v.them else []
    out += _individual(result, v)
    lead = f"Starting point for {v.your} budget" if result.individually_costed else f"{v.Your} indicative budget"
    out.append(Line("band", f"{lead}: {band_words(result.band, period)}"))
    if scheme.illustrative:
        out.append(Line("example", "(Example figures only: this is not any council's scheme.)"))
    out.append(Line("amount", f"Amount: {money.pounds_exact(result.amount)} a {period}."))
    if period == "week":
        out.append(Line("year", sentence(year_words(result.annual))))
    if result.hours is None:
        pass  # the scheme sets no hourly rate (a carer's budget is not counted in hours)
    elif result.individually_costed:
        out.append(
            Line(
                "hours_left_out",
                f"We do not show hours of support: {v.your} budget is worked out individually, and hours worked "
                f"out from this starting point would understate what {v.your} support costs.",
            )
        )
    else:
        out.append(Line("hours", sentence(_hours_at_rate(result))))
    out += _unpaid(result, v)
    rules = scheme.eligibility.rules
    helped = any(d.support is not None and d.support.keep < 1 for d in result.domains)
    if helped and rules.carers and scheme.person == "adult":
        title = f"The people who help {v.you_obj} can have their own assessment"
        out.append(Line("notice.carer", rules.carers, title, rules.carers_law))
    if points_say_no(result):
        out.append(
            Line(
                "notice.below",
                f"{v.Answers} give fewer points than the council's minimum. {v.You} can still ask for an "
                f"assessment: the council looks at {v.your} needs with {v.you_obj} and decides.",
                f"{v.You} may not have needs the council can pay for",
            )
        )
    out.append(Line("heading", "How we worked this out"))
    out += [Line("working", step.text, reference=step.reference) for step in result.working]
    out.append(Line("heading", f"Are {v.you} likely to be eligible?"))
    out.append(Line("eligibility", eligibility_line(result)))
    out += [Line("outcome", outcome.said(v.them)) for outcome in result.outcomes_unmet]
    out += [Line("risk", risk_answer(q.asked(v.them), q.answer)) for q in result.risk_answers]
    unable = unable_line(result)
    if unable is not None:
        out.append(Line("unable", unable))
    conditions = conditions_line(result)
    if conditions is not None:
        out.append(Line("conditions", conditions, reference=law(result)))
    out.append(Line("screen", f"This is a screen, not a decision. The council decides at {v.your} assessment."))
    out.append(
        Line(
            "closing",
            f"This is an indicative figure. It can go up or down: {v.your} final budget is agreed in {v.your} "
            "support plan.",
        )
    )
    return out


def _individual(result: Estimate, v: Voice) -> list[Line]:
    """The lead, when the budget will be worked out individually, and each reason for it."""
    if not result.individually_costed:
        return []
    out = [
        Line(
            "notice.individual",
            f"A points sum cannot show what {v.your} support would cost, so the council will work out {v.your} "
            f"budget individually with {v.you_obj}. The figure below is only a starting point, not a limit. This is "
            "because of:",
            f"{v.Your} budget will be worked out individually with {v.you_obj}",
        )
    ]
    out += [
        Line("individual", f"{quoted(cause.answer)} ({cause.asked(v.them)}): {cause.why(v.them)}.")
        for cause in result.individual
    ]
    exceptional = result.scheme.exceptional_points
    if result.exceptional and exceptional is not None:
        out.append(
            Line(
                "individual",
                f"{v.Your} needs give {points(result.total_before_unpaid_support)}, at or above the "
                f"{exceptional.label.lower()} of {points(int(exceptional.value))}.",
            )
        )
    if result.beyond_table:
        out.append(Line("individual", f"{v.Your} points are beyond the end of the council's points table."))
    return out


def _unpaid(result: Estimate, v: Voice) -> list[Line]:
    out: list[Line] = []
    period = result.scheme.period
    without = band_words(result.band_without_unpaid_support, period)
    kept = [d.title for d in result.domains if d.willing == "yes"]
    if result.unpaid_support_applied:
        amount = money.pounds_exact(result.amount_without_unpaid_support)
        out.append(Line("without_unpaid_support", f"Without counting unpaid help: {without} ({amount})."))
        out.append(
            Line(
                "notice.unpaid-applied",
                f"Without counting unpaid help, {v.your} estimate would be {without}. We used the lower figure "
                f"because you said the people who help {v.you_obj} with {listing(kept)} are willing and able to keep "
                f"doing it. If that changes, ask the council to review {v.your} support plan, so that the help they "
                "can no longer give is counted.",
            )
        )
    not_willing = [d.title for d in result.domains if d.willing in ("no", "not_sure")]
    if not_willing:
        out.append(
            Line(
                "notice.unpaid-not-willing",
                f"Someone helps {v.you_obj} with {listing(not_willing)} without being paid, but you have not said "
                f"they are willing and able to keep doing it, so we counted all of {v.your} needs there.",
            )
        )
    return out


def as_text(result_lines: list[Line]) -> str:
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
            out.append(f"   Source: {line.reference.title}.")
    return "\n".join(out)


def words(result: Estimate) -> dict[str, Any]:
    """What the browser shows: the figures in words, and every line of the result."""
    period = result.scheme.period
    return {
        "band": band_words(result.band, period),
        "band_without_unpaid_support": band_words(result.band_without_unpaid_support, period),
        "amount": money.pounds_exact(result.amount),
        "amount_without_unpaid_support": money.pounds_exact(result.amount_without_unpaid_support),
        "year": year_words(result.annual) if period == "week" else "",
        "hours": "" if result.individually_costed or result.hours is None else _hours_at_rate(result),
        "lines": [line.to_dict() for line in lines(result)],
    }


def _hours_at_rate(result: Estimate) -> str:
    assert result.scheme.hourly_rate is not None and result.hours is not None
    rate = money.pounds_full(result.scheme.hourly_rate.value)
    return f"{hours_words(result.hours, result.scheme.period)} at {rate} an hour"
