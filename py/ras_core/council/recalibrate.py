"""The one calibration entry point: `ras calibrate` and the council tools page both call it.

From the scheme, its TOML text, the cases file and the options (read by
`options.read_options`): read the cases, work out the rate and the checks, choose
the new version, and write the new scheme's TOML. A table scheme gets the report's
checks and no new scheme (a rate cannot change a table): its version and TOML are None.
A problem with the file as a whole
or with the result is a `CasesError` of plain sentences; each caller shows them in
its own way.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..i18n import SOURCE, message, plural_message, said_in
from ..scheme import money
from ..scheme.model import Scheme
from .calibrate import Calibration, calibrate, rate_working
from .cases import CasesError, read_cases
from .new_scheme import next_version, recalibrated_toml
from .options import Options
from .stats import fit_sentence

_SAME_VERSION = message(
    "The new version must differ from this scheme's version ({version}), so that answers saved for each can be "
    "told apart."
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Recalibration:
    """A calibration, the new scheme's version, and its TOML text (None for a table scheme)."""

    calibration: Calibration
    version: str | None
    scheme_toml: str | None


def recalibrate(scheme: Scheme, source: str, data: bytes | str, options: Options) -> Recalibration:
    """Calibrate from a cases file; give the result, the new version and the new scheme's TOML."""
    result = calibrate(
        scheme,
        read_cases(data, scheme),
        target_total=options.target_total,
        contingency_percent=options.contingency_percent,
        fairness_threshold=options.fairness_threshold,
        min_group_size=options.min_group_size,
    )
    if result.method == "table":
        return Recalibration(calibration=result, version=None, scheme_toml=None)
    version = options.new_version or next_version(scheme.version)
    if version == scheme.version:
        raise CasesError(_SAME_VERSION.later(version=version))
    return Recalibration(calibration=result, version=version, scheme_toml=recalibrated_toml(source, result, version))


_USED = plural_message(
    "{n:,} case used of {rows} rows read; {rejected} rows not used (listed in the report).",
    "{n:,} cases used of {rows} rows read; {rejected} rows not used (listed in the report).",
)
_WARNING = message("Warning: {warning}")
_IF_REPLACED = message(
    "If the indicative amounts replaced current costs: {up} would go up, {down} would go down and {same} would stay "
    "the same (median change {change} a week)."
)
_FLAGGED = message("Fairness: {count} flagged (see the report): {groups}.")
_WROTE_TABLE = message("Wrote {report} (a table scheme: no new scheme file).")
_WROTE = message("Wrote {report} and {scheme} (version {version}).")


def calibration_lines(done: Recalibration, out: Path, lang: str = SOURCE) -> list[str]:
    """`ras calibrate`'s text, in `lang`: the rows used, the rate's working, warnings, fit,
    changes, fairness and the files written."""
    result = done.calibration
    cases = result.cases
    rejected = len({p.row for p in cases.problems})
    lines = [_USED.say(lang, n=len(cases.cases), rows=f"{cases.rows_read:,}", rejected=f"{rejected:,}")]
    lines += rate_working(result, lang)
    lines += [_WARNING.say(lang, warning=w) for w in result.warnings]
    lines.append(fit_sentence(result.fit, lang))
    overall = result.shifts.overall
    change = _signed(overall.median_change)
    lines.append(
        _IF_REPLACED.say(lang, up=f"{overall.up:,}", down=f"{overall.down:,}", same=f"{overall.same:,}", change=change)
    )
    flagged = [said_in(g.name, lang) for g in (*result.by_care_group, *result.by_age_band) if g.flagged]
    if flagged:
        lines.append(_FLAGGED.say(lang, count=f"{len(flagged):,}", groups=", ".join(flagged)))
    report = out / "report.html"
    if done.scheme_toml is None:
        lines.append(_WROTE_TABLE.say(lang, report=report))
    else:
        lines.append(_WROTE.say(lang, report=report, scheme=out / "scheme.toml", version=done.version))
    return lines


def _signed(amount: Decimal) -> str:
    sign = "+" if amount > 0 else "-" if amount < 0 else ""
    return f"{sign}{money.pounds_exact(abs(amount))}"
