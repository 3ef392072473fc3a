"""The council tools in Welsh: the calibration report, the cases file's problems and the
options' problems in the core's Welsh drafts (ras_core/i18n/locale/cy.po), by
`web.calibrate_json(..., lang="cy")` (the Welsh council tools page) and `ras calibrate
--lang cy`. The figures are the same as in English, and no sentence of the English
report is left; the summary's figures and the new scheme file are the same in both.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import helpers
from conftest import EXAMPLE, ROOT
from ras_core import web
from ras_core.council import calibrate_words, report_words
from ras_core.i18n import Message

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
SAMPLE = (ROOT / "content" / "calibration" / "example-sample.csv").read_text(encoding="utf-8")
HEADER = "case_id,points,current_weekly_cost\n"
# Every sum of money, percentage and other number the report shows, in order.
FIGURES = re.compile(r"[−+-]?£[\d,]+(?:\.\d+)?|[−+-]?\d+(?:[.,]\d+)*%?")


@pytest.fixture(autouse=True)
def loaded() -> None:
    assert json.loads(web.load_scheme_text(EXAMPLE_TEXT))["ok"]


def calibrated(cases: str, lang: str, **options: object) -> dict[str, Any]:
    reply: dict[str, Any] = json.loads(web.calibrate_json(cases, json.dumps(options), lang))
    return reply


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.parts.append(data.strip())


def texts(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.parts


def english_phrases() -> list[str]:
    """The report's own English words (headings, captions, sentences), without placeholders."""
    said: list[str] = []
    for module in (report_words, calibrate_words):
        for value in vars(module).values():
            for message in value if isinstance(value, tuple) else (value,):
                if isinstance(message, Message):
                    said += [part for part in re.split(r"\{[^}]*\}", message.msgid) if len(part.strip()) > 12]
    return said


def test_the_welsh_report_has_the_englishs_figures_in_the_same_order() -> None:
    english = calibrated(SAMPLE, "en", target_total="11000", contingency_percent="5")
    welsh = calibrated(SAMPLE, "cy", target_total="11000", contingency_percent="5")
    assert english["ok"] and welsh["ok"]
    assert welsh["summary"] == english["summary"]
    assert welsh["scheme_toml"] == english["scheme_toml"]
    assert FIGURES.findall(" ".join(texts(welsh["report"]))) == FIGURES.findall(" ".join(texts(english["report"])))


def test_the_welsh_report_says_none_of_the_english_reports_words() -> None:
    welsh = calibrated(SAMPLE, "cy", target_total="9000")
    said = " ".join(texts(welsh["report_page"]))
    left = sorted({phrase for phrase in english_phrases() if phrase.strip() in said})
    assert left == []
    assert "Adroddiad graddnodi" in said and "Cyfradd fesul pwynt" in said
    assert '<html lang="cy">' in welsh["report_page"]


def test_a_cases_file_that_cannot_be_used_is_refused_in_welsh() -> None:
    problems = calibrated("case_id;points\nA;1\n", "cy")["problems"]
    assert problems == [
        "Mae'r colofnau wedi'u gwahanu gan hanner colonau (;), nid atalnodau. Cadwch y ffeil fel "
        '"CSV (comma delimited)" neu "CSV UTF-8", yna rhowch gynnig arall arni.'
    ]
    problems = calibrated("case_id,care_group,case_id\n", "cy")["problems"]
    assert problems == [
        'Nid oes gan y ffeil golofn current_weekly_cost; dim colofn "points", neu golofn ar gyfer pob cwestiwn '
        "(ar goll: washing, toilet, dressing, meals, eating, housework, moving, medicines, health-care, travel, "
        "social, work, caring, choices, money, risks, night). Mae'r colofnau hyn yn ymddangos ddwywaith: case_id. "
        "Rhaid i'r rhes gyntaf (rhes 1) enwi'r colofnau."
    ]


def test_each_row_not_used_is_listed_in_welsh() -> None:
    cases = HEADER + "A,10,50\nB,-3,x\nA,2,20\n"
    report = " ".join(texts(calibrated(cases, "cy")["report"]))
    assert 'rhes 3, colofn points: Mae "-3" yn llai na 0: rhaid i bwyntiau fod yn 0 neu fwy.' in report
    assert 'rhes 3, colofn current_weekly_cost: Nid yw "x" yn swm o arian' in report
    assert 'rhes 4, colofn case_id: defnyddir "A" hefyd ar res 2' in report
    english = " ".join(texts(calibrated(cases, "en")["report"]))
    assert 'row 3, column points: "-3" is less than 0: points must be 0 or more.' in english


def test_the_options_problems_name_the_welsh_pages_fields() -> None:
    problems = calibrated(HEADER + "A,10,50\n", "cy", target_total="lots", min_group_size="0")["problems"]
    assert problems == [
        'Cyfanswm y gyllideb wythnosol darged: Nid yw "lots" yn swm o arian: ysgrifennwch bunnoedd a '
        "cheiniogau, fel 1250 neu 1,250.50.",
        'Maint lleiaf grŵp: mae "0" y tu allan i\'r ystod: ysgrifennwch nifer cyfan o achosion o 1 i 1,000,000.',
    ]
    assert json.loads(web.calibrate_json(HEADER + "A,10,50\n", "[]", "cy"))["problems"] == [
        "Nid oedd modd darllen yr opsiynau graddnodi: rhaid iddynt fod yn wrthrych JSON."
    ]


def test_a_group_left_blank_is_named_in_the_reports_language() -> None:
    cases = "case_id,points,current_weekly_cost,care_group\n" + "".join(
        f"C{i},{i + 1},{10 * (i + 1)},\n" for i in range(12)
    )
    assert "heb ei roi" in texts(calibrated(cases, "cy")["report"])
    assert "not given" in texts(calibrated(cases, "en")["report"])


def test_ras_calibrate_lang_cy_writes_the_report_in_welsh(tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(SAMPLE, encoding="utf-8")
    done = helpers.ras("calibrate", str(cases), "--scheme", str(EXAMPLE), "--out", str(tmp_path / "cy"), "--lang", "cy")
    assert done.returncode == 0, done.stderr
    report = (tmp_path / "cy" / "report.html").read_text(encoding="utf-8")
    assert '<html lang="cy">' in report and "<h1>Adroddiad graddnodi</h1>" in report
    assert done.stdout.startswith("Defnyddiwyd 240 achos o 240 rhes a ddarllenwyd;")
    assert "Ysgrifennwyd " in done.stdout and "Wrote" not in done.stdout
    broken = tmp_path / "broken.csv"
    broken.write_text("case_id\tpoints\nA\t1\n", encoding="utf-8")
    done = helpers.ras("calibrate", str(broken), "--scheme", str(EXAMPLE), "--out", str(tmp_path / "x"), "--lang", "cy")
    assert done.returncode == 1
    assert "Mae'r colofnau wedi'u gwahanu gan tabiau, nid atalnodau." in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
