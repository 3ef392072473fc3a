"""Broken schemes, one per kind of problem, with the exact messages a council sees."""

from __future__ import annotations

import pytest

from conftest import TEST_SCHEMES
from ras_core import SchemeError, load_scheme, scheme_from_toml

PENNY = (TEST_SCHEMES / "penny.toml").read_text(encoding="utf-8")
TABLE = (TEST_SCHEMES / "table.toml").read_text(encoding="utf-8")
TABLE_END = (TEST_SCHEMES / "table-end.toml").read_text(encoding="utf-8")
SCOTLAND = (TEST_SCHEMES / "scotland.toml").read_text(encoding="utf-8")
NO_UNPAID = (TEST_SCHEMES / "no-unpaid.toml").read_text(encoding="utf-8")

BREAKS: list[tuple[str, str, list[tuple[str, str]], list[str]]] = [
    (
        "an unknown key names the keys allowed there",
        PENNY,
        [('title = "Penny a point, £25 bands"', 'title = "Penny a point, £25 bands"\ncolour = "blue"')],
        [
            "broken.toml: scheme.colour: unknown key; allowed keys here: contact, council, "
            "effective_from, how_to_question, id, illustrative, languages, nation, period, person, title, version"
        ],
    ),
    (
        "a missing key says what was expected",
        PENNY,
        [('how_to_question = "Ask the test team."\n', "")],
        ["broken.toml: scheme.how_to_question: missing; expected text"],
    ),
    (
        "true is not a number of points (TOML tells bool from int)",
        PENNY,
        [("points = 1 }", "points = true }")],
        ["broken.toml: domains[1].questions[1].options[1].points: expected a whole number, got true or false (true)"],
    ),
    (
        "points must be whole numbers",
        PENNY,
        [("points = 1 }", "points = 1.5 }")],
        ["broken.toml: domains[1].questions[1].options[1].points: expected a whole number, got a number (1.5)"],
    ),
    (
        "text is not true or false",
        PENNY,
        [("illustrative = true", 'illustrative = "yes"')],
        ['broken.toml: scheme.illustrative: expected true or false, got text ("yes")'],
    ),
    (
        "duplicate question and option ids point to the first use",
        PENNY,
        [('id = "hundreds"', 'id = "thousands"'), ('{ id = "t2", label', '{ id = "t1", label')],
        [
            'broken.toml: domains[1].questions[0].options[2].id: duplicate option id "t1" '
            "(first used at domains[1].questions[0].options[1].id)",
            'broken.toml: domains[0].questions[1].id: duplicate question id "thousands" '
            "(first used at domains[0].questions[0].id)",
        ],
    ),
    (
        "negative points",
        PENNY,
        [("points = 1 }", "points = -1 }")],
        ["broken.toml: domains[1].questions[1].options[1].points: must be a whole number 0 or more, got -1"],
    ),
    (
        "a rate of 0 or less",
        PENNY,
        [("value = 0.01", "value = 0")],
        ["broken.toml: allocation.rate_per_point.value: must be more than 0, got 0"],
    ),
    (
        "band edges that do not go up",
        PENNY,
        [("width = 25", "edges = [0, 50, 25, 25]")],
        [
            "broken.toml: bands.edges[2]: must be more than the previous edge (50), got 25",
            "broken.toml: bands.edges[3]: must be more than the previous edge (25), got 25",
        ],
    ),
    (
        "both a width and edges",
        PENNY,
        [("width = 25", "width = 25\nedges = [0, 10]")],
        ['broken.toml: bands: give either "width" (bands of equal size) or "edges", not both'],
    ),
    (
        "a nation that is not one of the three",
        PENNY,
        [('nation = "england"', 'nation = "france"')],
        ['broken.toml: scheme.nation: must be one of "england", "scotland", "wales", got "france"'],
    ),
    (
        "a TOML syntax error gives the line and column",
        PENNY,
        [('version = "1"', 'version = "1')],
        ["broken.toml: line 7, column 13: not valid TOML: Illegal character '\\n'"],
    ),
    (
        "an outcome that is not in the eligibility list",
        PENNY,
        [('outcomes = ["first"]', 'outcomes = ["frist"]')],
        [
            'broken.toml: domains[0].questions[0].outcomes[0]: unknown outcome "frist"; '
            "outcomes defined in eligibility.outcomes: first, second"
        ],
    ),
    (
        "an unpaid-support share above 1",
        PENNY,
        [("keep = 0.75", "keep = 1.5")],
        ["broken.toml: unpaid_support.options[1].keep: must be a share from 0 to 1 (1 keeps all points), got 1.5"],
    ),
    (
        "a reference that is not defined",
        PENNY,
        [('reference = "test"', 'reference = "tset"')],
        ['broken.toml: allocation.rate_per_point.reference: unknown reference "tset"; references defined: test'],
    ),
    (
        "a table with a gap between rows",
        TABLE,
        [("from = 116", "from = 120")],
        [
            "broken.toml: allocation.rows[2].from: must be 116 (one more than the previous row's "
            '"to", 115), got 120: there is a gap'
        ],
    ),
    (
        "a table with overlapping rows",
        TABLE,
        [("from = 116", "from = 110")],
        [
            "broken.toml: allocation.rows[2].from: must be 116 (one more than the previous row's "
            '"to", 115), got 110: there is an overlap'
        ],
    ),
    (
        "a table whose amounts go down",
        TABLE,
        [("amount = 100\n", "amount = 40\n")],
        [
            "broken.toml: allocation.rows[2].amount: must not be less than the previous row's "
            "amount (50), got 40: more points never give less"
        ],
    ),
    (
        "a table that does not start at 0 points",
        TABLE,
        [("from = 0", "from = 1")],
        ["broken.toml: allocation.rows[0].from: the first row must start at 0 points, got 1"],
    ),
    (
        "a table that ends before the highest total, with no exceptional level, names the first total not covered",
        TABLE,
        [("from = 200\n", "from = 200\nto = 9000\n")],
        [
            "broken.toml: allocation.rows[3].to: the table ends at 9000 points, but the answers can reach 9999 "
            'points, so 9001 points is not covered. Add rows up to 9999 points, leave out "to" in the last row, '
            "or set thresholds.exceptional_points to 9000 or less (from that level budgets are worked out "
            "individually, and the last row's amount is only the starting point)"
        ],
    ),
    (
        "a table that ends below the exceptional level names the first total not covered",
        TABLE_END,
        [("value = 185", "value = 190")],
        [
            "broken.toml: allocation.rows[2].to: the table ends at 185 points, but the answers can reach 9999 "
            'points, so 186 points is not covered. Add rows up to 9999 points, leave out "to" in the last row, '
            "or set thresholds.exceptional_points to 185 or less (from that level budgets are worked out "
            "individually, and the last row's amount is only the starting point)"
        ],
    ),
    (
        "an empty reason for individual costing",
        NO_UNPAID,
        [('individual_costing = "someone awake at night"', 'individual_costing = " "')],
        [
            "broken.toml: domains[1].questions[0].options[2].individual_costing: must say why this answer needs "
            'the budget worked out individually (for example "someone awake at night"), not be empty'
        ],
    ),
    (
        "a risk on an answer outside Scotland",
        NO_UNPAID,
        [
            (
                '{ id = "some", label = "Now and then", points = 5 }',
                '{ id = "some", label = "Now and then", points = 5, risk = "low" }',
            )
        ],
        [
            "broken.toml: domains[1].questions[0].options[1].risk: only for schemes in Scotland (the national "
            "eligibility framework's risk bands)"
        ],
    ),
    (
        "a threshold outside Scotland",
        PENNY,
        [("[eligibility.minimum_unmet]", '[eligibility]\nthreshold = "substantial"\n\n[eligibility.minimum_unmet]')],
        ["broken.toml: eligibility.threshold: only for schemes in Scotland (the national eligibility framework)"],
    ),
    (
        "a threshold that is not a band of Scotland's framework",
        SCOTLAND,
        [('threshold = "substantial"', 'threshold = "high"')],
        ['broken.toml: eligibility.threshold: must be one of "critical", "substantial", "moderate", "low", got "high"'],
    ),
    (
        "a question about unpaid help in a scheme with no [unpaid_support] section",
        NO_UNPAID,
        [('title = "Nights"', 'title = "Nights"\nunpaid_support_question = "Does someone help at night?"')],
        [
            "broken.toml: domains[1].unpaid_support_question: only for schemes with an [unpaid_support] section; "
            "add one or remove this"
        ],
    ),
    (
        "a rate in a table scheme",
        TABLE,
        [('method = "table"', 'method = "table"\nrate_per_point = 5')],
        ['broken.toml: allocation.rate_per_point: only for method = "rate"; remove it or change the method'],
    ),
]


@pytest.mark.parametrize(
    ("base", "replacements", "expected"),
    [pytest.param(base, reps, lines, id=name) for name, base, reps, lines in BREAKS],
)
def test_broken_scheme_message(base: str, replacements: list[tuple[str, str]], expected: list[str]) -> None:
    text = base
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    with pytest.raises(SchemeError) as caught:
        scheme_from_toml(text, source="broken.toml")
    assert caught.value.lines() == expected


def test_every_problem_is_reported_at_once() -> None:
    chosen = {
        "an unknown key names the keys allowed there",
        "a missing key says what was expected",
        "negative points",
        "a rate of 0 or less",
        "band edges that do not go up",
        "a nation that is not one of the three",
        "an unpaid-support share above 1",
        "a reference that is not defined",
    }
    text, expected = PENNY, []
    for name, _, replacements, lines in BREAKS:
        if name in chosen:
            for old, new in replacements:
                text = text.replace(old, new, 1)
            expected += lines
    with pytest.raises(SchemeError) as caught:
        scheme_from_toml(text, source="broken.toml")
    assert sorted(caught.value.lines()) == sorted(expected)
    assert caught.value.report().startswith(f"broken.toml: {len(expected)} problems found\n")


def test_an_empty_file_lists_every_missing_section() -> None:
    """[unpaid_support], [thresholds] and [eligibility] are optional: real schemes may have none."""
    with pytest.raises(SchemeError) as caught:
        scheme_from_toml("", source="empty.toml")
    assert caught.value.lines() == [
        f"empty.toml: {key}: missing; expected {what}"
        for key, what in [
            ("scheme", "a table"),
            ("domains", "a list of tables"),
            ("allocation", "a table"),
            ("bands", "a table"),
            ("money", "a table"),
        ]
    ]


def test_a_scheme_with_no_unpaid_support_section_asks_no_area() -> None:
    scheme = scheme_from_toml(NO_UNPAID)
    assert scheme.unpaid_support is None
    assert not any(d.asks_unpaid_support for d in scheme.domains)
    assert scheme.eligibility.minimum_unmet is not None and scheme.eligibility.minimum_unmet.value == 2
    assert [o.id for o in scheme.eligibility.outcomes][:2] == ["nutrition", "hygiene"]  # England's law


def test_a_missing_file_is_a_clear_error(tmp_path: object) -> None:
    with pytest.raises(SchemeError) as caught:
        load_scheme("no-such-scheme.toml")
    assert caught.value.lines() == ["no-such-scheme.toml: file not found"]
