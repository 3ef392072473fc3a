"""A scheme in English and Welsh: every text a person reads has its Welsh beside it
(`text_cy` beside `text`), and `ras validate` names each one that is missing."""

from __future__ import annotations

import copy
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from conftest import TEST_SCHEMES
from helpers import ras, toml_text
from ras_core import SchemeError, scheme_from_dict

WALES = tomllib.loads((TEST_SCHEMES / "wales.toml").read_text(encoding="utf-8"))
STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def bilingual(data: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    data["scheme"]["languages"] = ["en", "cy"]
    return data


def missing(data: dict[str, Any]) -> list[str]:
    with pytest.raises(SchemeError) as raised:
        scheme_from_dict(data, source="wales.toml")
    return [p.path for p in raised.value.problems if p.message.startswith("missing: this document is in English")]


def put(data: dict[str, Any], path: str, value: str) -> None:
    steps = [name if name else int(index) for name, index in STEP.findall(path)]
    here: Any = data
    for step in steps[:-1]:
        here = here[step]
    here[steps[-1]] = value


def english_of(data: dict[str, Any], path: str) -> str:
    steps = [name if name else int(index) for name, index in STEP.findall(path.removesuffix("_cy"))]
    here: Any = data
    for step in steps:
        here = here[step]
    assert isinstance(here, str)
    return here


def welsh_everywhere(data: dict[str, Any]) -> dict[str, Any]:
    data = bilingual(data)
    for path in missing(data):
        put(data, path, "Cymraeg: " + english_of(data, path))
    return data


def test_a_bilingual_scheme_without_its_welsh_names_every_text_that_needs_it() -> None:
    paths = missing(bilingual(WALES))
    assert "scheme.title_cy" in paths
    assert "domains[0].title_cy" in paths
    assert "domains[0].questions[0].text_cy" in paths
    assert "domains[0].questions[0].options[0].label_cy" in paths
    assert "allocation.rate_per_point.label_cy" in paths
    assert "scheme.version_cy" not in paths and "scheme.nation_cy" not in paths  # not words a person reads
    with pytest.raises(SchemeError) as raised:
        scheme_from_dict(bilingual(WALES), source="wales.toml")
    title = next(line for line in raised.value.lines() if "scheme.title_cy" in line)
    assert title == (
        "wales.toml: scheme.title_cy: missing: this document is in English and Welsh, so every text needs its "
        f'Welsh here (the English: "{WALES["scheme"]["title"]}")'
    )


def test_a_scheme_with_its_welsh_loads_and_says_each_text_in_welsh() -> None:
    data = welsh_everywhere(WALES)
    scheme = scheme_from_dict(data, source="wales.toml")
    assert scheme.languages == ("en", "cy")
    question = scheme.domains[0].questions[0]
    assert scheme.say("cy", question.text) == "Cymraeg: " + question.text
    assert scheme.say("cy", question.options[0].label) == "Cymraeg: " + question.options[0].label
    assert scheme.say("en", question.text) == question.text
    # An English-only scheme says its English in any language.
    english = scheme_from_dict(WALES, source="wales.toml")
    assert english.languages == ("en",)
    assert english.say("cy", question.text) == question.text


def test_welsh_in_an_english_only_scheme_is_refused() -> None:
    data = copy.deepcopy(WALES)
    data["scheme"]["title_cy"] = "Teitl"
    with pytest.raises(SchemeError) as raised:
        scheme_from_dict(data, source="wales.toml")
    assert raised.value.lines() == [
        'wales.toml: scheme.title_cy: Welsh is given, but this document is in English only: add "cy" to its languages'
    ]


@pytest.mark.parametrize("languages", [["cy"], ["en", "fr"], ["en", "cy", "cy"], []])
def test_languages_must_be_english_or_english_and_welsh(languages: list[str]) -> None:
    data = copy.deepcopy(WALES)
    data["scheme"]["languages"] = languages
    with pytest.raises(SchemeError) as raised:
        scheme_from_dict(data, source="wales.toml")
    assert raised.value.lines() == [
        'wales.toml: scheme.languages: must be ["en"] or ["en", "cy"] (English, or English and Welsh), '
        f"got {json.dumps(languages)}"
    ]


def test_the_same_english_with_two_welsh_texts_is_refused() -> None:
    data = welsh_everywhere(WALES)
    options = data["domains"][0]["questions"][0]["options"]
    twin = copy.deepcopy(data["domains"][0]["questions"][0])
    twin["id"] = "twin"
    twin["options"][0]["label_cy"] = "Gwahanol"
    data["domains"][0]["questions"].append(twin)
    with pytest.raises(SchemeError) as raised:
        scheme_from_dict(data, source="wales.toml")
    assert raised.value.lines() == [
        f"wales.toml: domains[0].questions[{len(data['domains'][0]['questions']) - 1}].options[0].label_cy: the same "
        "English text has another Welsh at domains[0].questions[0].options[0].label_cy: give both the same Welsh, "
        "or change the English"
    ]
    assert options[0]["label_cy"] != "Gwahanol"


def test_ras_validate_lists_the_missing_welsh_and_says_when_a_scheme_is_bilingual(tmp_path: Path) -> None:
    text = (TEST_SCHEMES / "wales.toml").read_text(encoding="utf-8")
    assert "\n[scheme]\n" in text
    broken = tmp_path / "wales-cy.toml"
    broken.write_text(text.replace("\n[scheme]\n", '\n[scheme]\nlanguages = ["en", "cy"]\n', 1), encoding="utf-8")
    done = ras("validate", broken)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    count = len(missing(bilingual(WALES)))
    assert done.stderr.startswith(f"{broken}: {count} problems found\n")
    assert f"{broken}: scheme.title_cy: missing: this document is in English and Welsh" in done.stderr

    whole = tmp_path / "wales-whole.toml"
    whole.write_text(toml_text(welsh_everywhere(WALES)), encoding="utf-8")
    done = ras("validate", whole)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].endswith(", in English and Welsh")


def test_a_result_in_welsh_says_every_text_of_a_bilingual_scheme_in_welsh() -> None:
    from helpers import lowest_answers
    from ras_core import answers_from_dict, estimate
    from ras_core.estimate.words import lines

    data = bilingual(WALES)
    for path in missing(data):
        put(data, path, "\u27e8" + english_of(data, path)[::-1] + "\u27e9")  # Welsh that shares no words
    scheme = scheme_from_dict(data, source="wales.toml")
    english_texts = {english for _, english, _ in scheme.translations.entries if len(english) > 3}
    answers = lowest_answers(scheme)
    for domain in scheme.domains:  # the highest answer everywhere, so every kind of line is there
        for question in domain.questions:
            answers["answers"][question.id] = max(question.options, key=lambda o: o.points).id
    result = estimate(scheme, answers_from_dict(answers, scheme))
    said = lines(result, "cy")
    shown = "\n".join(
        line.text + (line.title or "") + (line.reference.title if line.reference else "") for line in said
    )
    assert "\u27e8" in shown
    left = sorted(english for english in english_texts if english in shown)
    assert left == []


def test_welsh_beside_unreadable_languages_gives_only_the_languages_problem() -> None:
    data = welsh_everywhere(WALES)
    data["scheme"]["languages"] = ["cy"]
    with pytest.raises(SchemeError) as raised:
        scheme_from_dict(data, source="wales.toml")
    assert raised.value.lines() == [
        'wales.toml: scheme.languages: must be ["en"] or ["en", "cy"] (English, or English and Welsh), got ["cy"]'
    ]
