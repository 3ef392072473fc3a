"""Each nation's law, on every page and in the result.

The site is built once for each nation, from test schemes that differ from the example
only in `nation`. Page by page, the words that must appear (the nation's law, regulator,
ombudsman, checks on workers and rights) are checked, and so are the words that must not
(another nation's). The method page is the scheme's own text (a Scottish council's
scheme would describe its own eligibility), and hosting and council tools are for council
staff, so those pages are not checked here.
"""

from __future__ import annotations

import datetime
import re
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT
from test_guidance import article_text, page_file

NATIONS_DIR = ROOT / "content" / "nations"
NATIONS = ("england", "scotland", "wales")
PAGES = (
    "index",
    "personal-budgets",
    "preparing",
    "spending",
    "ways-to-take",
    "direct-payments",
    "disagree",
    "glossary",
    "privacy",
    "accessibility",
)

# Words that belong to one nation only: another nation's law, regulator, ombudsman and
# checks on workers. A pattern, so "Care Inspectorate" (Scotland) is told apart from
# "Care Inspectorate Wales".
OWN_WORDS: dict[str, tuple[str, ...]] = {
    "england": (
        r"Care Act 2014",
        r"Care Quality Commission",
        r"\bCQC\b",
        r"Local Government and Social Care Ombudsman",
    ),
    "scotland": (
        r"\(Scotland\)",
        r"Care Inspectorate(?! Wales)",
        r"Scottish Public Services Ombudsman",
        r"\bPVG\b",
        r"Protecting Vulnerable Groups",
        r"Disclosure Scotland",
    ),
    "wales": (
        r"\(Wales\)",
        r"Care Inspectorate Wales",
        r"Public Services Ombudsman for Wales",
    ),
}
# The DBS is England's and Wales's, never Scotland's.
NOT_IN = {"scotland": (r"\bDBS\b", r"Disclosure and Barring Service")}

# Words each page must have, for every nation ({name}, {ombudsman} and so on are filled in
# from the nation's data).
EVERY_NATION: dict[str, tuple[str, ...]] = {
    "index": ("{law}", "must be enough to meet your eligible needs", "Source: "),
    "personal-budgets": ("Your budget must be enough", "not a favour", "Source: "),
    "preparing": ("advocate", "Source: "),
    "disagree": ("{ombudsman}", "It is free", "within 12 months", "advocate", "a copy", "must be enough"),
    "direct-payments": (
        "{regulator}",
        "{checks}",
        "From age 21 this is the National Living Wage",
        "sleep-in",
        "travelling between places",
        "register as an employer with HMRC",
        "employed or self-employed",
        "Statutory Sick Pay",
        "redundancy pay",
        "Example Direct Payments Support Service",
        "every 3 months",
    ),
    "glossary": ("{ombudsman}", "Advocate", "Eligible needs"),
    "privacy": ("IP address", "logs do not hold your answers", "30 days"),
    "accessibility": ("Compliance status", "partially compliant", "Equality and Human Rights Commission"),
}
# And the words only one nation's pages have.
ONE_NATION: dict[str, dict[str, tuple[str, ...]]] = {
    "england": {
        "personal-budgets": ("6 to 8 weeks", "at least every 12 months", "£1,000"),
        "spending": ("£1,000",),
        "direct-payments": (
            "within the first 6 months",
            "not make you get a DBS check",
            "21 January 2026",
            "unless the council decides this is necessary",
            "authorised person",
        ),
        "disagree": ("must arrange an independent advocate", "written record of your needs assessment"),
        "glossary": ("2 or more", "significant pain, distress or anxiety", "much longer than normal"),
    },
    "scotland": {
        "index": ("personal care and nursing care are free",),
        "personal-budgets": ("personal care and nursing care are free", "will tell you when"),
        "ways-to-take": ("The four options in Scotland", "Your budget may be a different amount for each option."),
        "direct-payments": ("Protecting Vulnerable Groups", "1 April 2025", "Care Inspectorate"),
        "disagree": ("right to independent advocacy",),
        "glossary": ("critical, substantial, moderate or low",),
    },
    "wales": {
        "personal-budgets": ("£100 a week", "say how it will be reviewed"),
        "ways-to-take": ("Welsh",),
        "direct-payments": ("not make you get a DBS check", "Care Inspectorate Wales"),
        "disagree": ("independent professional advocate",),
        "glossary": ("significant pain or distress", "much longer than normal"),
    },
}


def facts(nation: str) -> dict:
    found = tomllib.loads((NATIONS_DIR / "uk.toml").read_text(encoding="utf-8"))
    found.update(tomllib.loads((NATIONS_DIR / f"{nation}.toml").read_text(encoding="utf-8")))
    return found


def fill(words: str, nation: str) -> str:
    data = facts(nation)
    return words.format(
        law=data["law"]["name"],
        ombudsman=data["ombudsman"]["name"],
        regulator=data["regulator"]["name"],
        checks=data["worker_checks"]["name"],
        name=data["name"],
    )


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The whole site built once for each nation (about 10 to 50 seconds each)."""
    sys.path.insert(0, str(ROOT))
    import build

    built: dict[str, Path] = {}
    folder = tmp_path_factory.mktemp("nations")
    example = EXAMPLE.read_text(encoding="utf-8")
    for nation in NATIONS:
        scheme = folder / f"{nation}.toml"
        scheme.write_text(example.replace('nation = "england"', f'nation = "{nation}"'), encoding="utf-8")
        build.build(scheme, folder / nation)
        built[nation] = folder / nation
    return built


def result_text(site: Path) -> str:
    """The words of the assessment's result section, made at build time."""
    page = (site / "assessment" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<section[^>]*id="result".*?</section>', page, re.S)
    assert found
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0)))


# -- The data ------------------------------------------------------------------------


def test_every_nation_file_has_the_same_facts() -> None:
    keys = {nation: set(facts(nation)) for nation in NATIONS}
    assert keys["scotland"] - {"welsh_language"} == keys["england"]
    assert keys["wales"] - {"welsh_language"} == keys["england"]


@pytest.mark.parametrize("nation", NATIONS)
def test_every_stated_fact_has_a_source_and_a_date(nation: str) -> None:
    for key, fact in facts(nation).items():
        if not isinstance(fact, dict):
            continue
        stated = any(v for k, v in fact.items() if k not in {"label", "source", "start", "checked"})
        if not stated:
            continue  # not confirmed for this nation: the pages say the council will tell you
        assert fact["label"], key
        assert fact["source"]["title"] and fact["source"]["url"].startswith("https://"), key
        dates = [fact[d] for d in ("start", "checked") if d in fact]
        assert dates and all(isinstance(d, datetime.date) for d in dates), key


# -- The pages -----------------------------------------------------------------------


@pytest.mark.parametrize("nation", NATIONS)
@pytest.mark.parametrize("name", PAGES)
def test_pages_speak_the_nations_law(sites: dict[str, Path], nation: str, name: str) -> None:
    text = article_text(page_file(sites[nation], name))
    wanted = [fill(w, nation) for w in EVERY_NATION.get(name, ())]
    wanted += list(ONE_NATION[nation].get(name, ()))
    missing = [w for w in wanted if w not in text]
    assert not missing, f"{nation} {name}: missing {missing}"
    banned = [p for other, words in OWN_WORDS.items() if other != nation for p in words]
    banned += list(NOT_IN.get(nation, ()))
    found = [p for p in banned if re.search(p, text)]
    assert not found, f"{nation} {name}: another nation's words {found}"


@pytest.mark.parametrize("nation", NATIONS)
@pytest.mark.parametrize("name", PAGES)
def test_every_source_is_a_link_with_a_date(sites: dict[str, Path], nation: str, name: str) -> None:
    page = page_file(sites[nation], name).read_text(encoding="utf-8")
    sources = re.findall(r"Source: <a href=\"([^\"]+)\">[^<]+</a>, (from|checked) \d{1,2} \w+ \d{4}\.", page)
    assert len(sources) == page.count("Source: "), f"{nation} {name}: a source without a link or a date"
    assert all(url.startswith("https://") for url, _ in sources)


@pytest.mark.parametrize("nation", NATIONS)
@pytest.mark.parametrize("name", PAGES)
def test_reviewed_pages_say_when(sites: dict[str, Path], nation: str, name: str) -> None:
    source = (ROOT / "content" / "docs" / f"{name}.md").read_text(encoding="utf-8")
    assert re.search(r"^last_reviewed: 2026-11-23$", source, re.M)
    assert "Last reviewed: 23 November 2026" in page_file(sites[nation], name).read_text(encoding="utf-8")


def test_no_page_presents_a_higher_budget_as_a_favour(sites: dict[str, Path]) -> None:
    for nation in NATIONS:
        for name in PAGES:
            text = article_text(page_file(sites[nation], name))
            assert "a manager can agree a higher amount" not in text
            assert "You must: check they have the right to work" not in text
            assert "get a DBS check if they will give personal care" not in text


def test_the_council_file_leaves_the_ombudsman_to_the_nation() -> None:
    council = tomllib.loads((ROOT / "content" / "council.toml").read_text(encoding="utf-8"))
    assert "Ombudsman" not in council["complaints"]


# -- The result ----------------------------------------------------------------------


@pytest.mark.parametrize("nation", NATIONS)
def test_the_result_has_the_nations_rights(sites: dict[str, Path], nation: str) -> None:
    data = facts(nation)
    text = result_text(sites[nation])
    assert f"Your rights in {data['name']}" in text
    assert "Your budget must be enough." in text
    assert "must be enough to meet your eligible needs" in text
    assert data["ombudsman"]["name"] in text
    assert "It is free." in text and "within 12 months" in text
    assert data["advocacy"]["value"] in text
    assert "You can complain to the council" in text
    assert "Source: " in text
    banned = [p for other, words in OWN_WORDS.items() if other != nation for p in words]
    assert not [p for p in banned if re.search(p, text)]


def test_the_result_says_what_is_free_and_when_reviews_are(sites: dict[str, Path]) -> None:
    england, scotland, wales = (result_text(sites[n]) for n in NATIONS)
    assert "A separate financial assessment decides if you pay anything towards your care." in england
    assert "first 6 to 8 weeks after your plan is agreed, then at least every 12 months" in england
    assert "personal care and nursing care are free" in scotland
    assert "decides if you pay anything towards your care" not in scotland
    assert "6 to 8 weeks" not in scotland and "6 to 8 weeks" not in wales
    assert "It will tell you when." in scotland
    assert "Your plan says how." in wales
