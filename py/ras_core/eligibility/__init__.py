"""Each nation's eligibility rules, as data packaged with the core.

`england.toml`, `scotland.toml` and `wales.toml` hold the conditions of each nation's
law for adults who need care and support, and `england-carer.toml` England's law
for carers (`CARER_RULES` lists the nations with carers' rules so far), in plain
words: where each is written, what "unable to achieve" means, the outcomes the law
lists (England, Wales) or the risk bands of the national framework (Scotland). They
are read with `importlib.resources`, so the same files are read from the wheel in the
browser (Pyodide) as from the source tree. The scheme loader gives a scheme the rules
of its `nation` and `person`; the screen and the published method read them. A rule's
`text_them` says it of the person someone else answers for.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

from ..scheme.model import NATIONS, NationRules, Reference, RiskBand, Rule

# The nations whose carers' eligibility law is packaged here so far.
CARER_RULES = ("england",)


@functools.cache
def rules_for(nation: str, person: str = "adult") -> NationRules:
    """The eligibility rules of one of `NATIONS`, for an adult or (in `CARER_RULES`) a carer."""
    if nation not in NATIONS or person not in ("adult", "carer") or (person == "carer" and nation not in CARER_RULES):
        raise ValueError(f"no eligibility rules for {nation!r} ({person})")
    name = nation if person == "adult" else f"{nation}-carer"
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    law = data["law"]
    return NationRules(
        nation=data["nation"],
        person=data.get("person", "adult"),
        name=data["name"],
        screen=data["screen"],
        law=Reference(id=law["id"], title=law["title"], url=law.get("url")),
        conditions=_rules(data, "conditions"),
        unable=_rules(data, "unable"),
        minimum_unmet=data.get("minimum_unmet"),
        outcomes=_rules(data, "outcomes"),
        bands=tuple(
            RiskBand(id=b["id"], label=b["label"], text=b["text"], text_them=b.get("text_them"))
            for b in data.get("bands", [])
        ),
        checked=data["checked"],
        note=data["note"],
        carers=data.get("carers", {}).get("text", ""),
        carers_law=None
        if "carers" not in data
        else Reference(id=f"{nation}-carers", title=data["carers"]["title"], url=data["carers"]["url"]),
    )


def _rules(data: dict[str, Any], key: str) -> tuple[Rule, ...]:
    return tuple(
        Rule(
            id=r["id"],
            text=r["text"],
            where=r["where"],
            decided=r.get("decided", "assessment"),
            text_them=r.get("text_them"),
        )
        for r in data.get(key, [])
    )
