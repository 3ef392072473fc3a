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

Each text a person reads (a rule's `text`, `text_them` and `where`, a band's `label`,
the `title` of `[law]` and `[carers]`, the carers' `text`) has its Welsh beside it
(`text_cy`, as in a bilingual scheme): the rules' `translations`, each found by its
English (`NationRules.say`), so that a Welsh result says the law in Welsh. The Welsh is
a draft in every file (each says which of it follows an official Welsh text).
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

from ..scheme._reader import OTHER_LANGUAGES
from ..scheme.model import NATIONS, NationRules, Reference, RiskBand, Rule, Translations

# The nations whose carers' eligibility law is packaged here so far.
CARER_RULES = ("england",)
# The keys of the texts a person reads, in the tables that have them; each may have its
# translation beside it (`text_cy`).
SAID = ("text", "text_them", "where", "label", "title", "name", "note")


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
        translations=Translations(entries=_translations(name, data)),
    )


def _tables(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every table of a rules file that holds texts a person reads."""
    single = [data, *(data[key] for key in ("law", "carers") if key in data)]  # the file's own name and note
    return single + [table for key in ("conditions", "unable", "outcomes", "bands") for table in data.get(key, [])]


def _translations(name: str, data: dict[str, Any]) -> tuple[tuple[str, str, str], ...]:
    """(language, English, translation) for each text with its translation beside it."""
    found: dict[tuple[str, str], str] = {}
    for table in _tables(data):
        for key in SAID:
            for lang in OTHER_LANGUAGES:
                translated = table.get(f"{key}_{lang}")
                if translated is None:
                    continue
                if key not in table:
                    raise ValueError(f"{name}.toml: {key}_{lang} is given without the English ({key})")
                earlier = found.setdefault((lang, table[key]), translated)
                if earlier != translated:
                    raise ValueError(f"{name}.toml: {table[key]!r} has two translations: {earlier!r}, {translated!r}")
    return tuple((lang, english, text) for (lang, english), text in found.items())


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
