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

from ..i18n import message
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


def calibration_lines(result: Calibration) -> list[str]:
    """`ras calibrate`'s text after the rows line: the rate's working, warnings, fit and changes."""
    out = list(rate_working(result))
    out += [f"Warning: {w}" for w in result.warnings]
    out.append(fit_sentence(result.fit))
    overall = result.shifts.overall
    out.append(
        f"If the indicative amounts replaced current costs: {overall.up:,} would go up, {overall.down:,} would go "
        f"down and {overall.same:,} would stay the same (median change {_signed(overall.median_change)} a week)."
    )
    flagged = [g.name for g in (*result.by_care_group, *result.by_age_band) if g.flagged]
    if flagged:
        out.append(f"Fairness: {len(flagged):,} flagged (see the report): {', '.join(flagged)}.")
    return out


def _signed(amount: Decimal) -> str:
    sign = "+" if amount > 0 else "-" if amount < 0 else ""
    return f"{sign}{money.pounds_exact(abs(amount))}"
