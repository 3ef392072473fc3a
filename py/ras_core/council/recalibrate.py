"""The one calibration entry point: `ras calibrate` and the council tools page both call it.

From the scheme, its TOML text, the cases file and the options (read by
`options.read_options`): read the cases, work out the rate and the checks, choose
the new version, and write the new scheme's TOML. A problem with the file as a whole
or with the result is a `CasesError` of plain sentences; each caller shows them in
its own way.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..scheme.model import Scheme
from .calibrate import Calibration, calibrate
from .cases import CasesError, read_cases
from .new_scheme import next_version, recalibrated_toml
from .options import Options


@dataclass(frozen=True, slots=True, kw_only=True)
class Recalibration:
    """A calibration, the new scheme's version, and its TOML text."""

    calibration: Calibration
    version: str
    scheme_toml: str


def recalibrate(scheme: Scheme, source: str, data: bytes | str, options: Options) -> Recalibration:
    """Calibrate from a cases file; give the result, the new version and the new scheme's TOML."""
    result = calibrate(
        scheme,
        read_cases(data, scheme),
        target_total=options.target_total,
        contingency_percent=options.contingency_percent,
        fairness_threshold=options.fairness_threshold,
    )
    version = options.new_version or next_version(scheme.version)
    if version == scheme.version:
        raise CasesError(
            f"The new version must differ from this scheme's version ({version}), "
            "so that answers saved for each can be told apart."
        )
    return Recalibration(calibration=result, version=version, scheme_toml=recalibrated_toml(source, result, version))
