#!/usr/bin/env python3
"""Build the OpenRAS static site into dist/, or build it and serve it on 127.0.0.1.

The build runs in named steps:
  1. check the schemes        content/schemes/<name>.toml, every problem listed at once: the
                              schemes content/council.toml lists (the first is the default),
                              or the one given with --scheme
  2. build the wheel          ras_core, reproducibly (SOURCE_DATE_EPOCH)
  3. build the pages          MkDocs Material: guidance from content/docs/, the method
                              page from the scheme, the assessment from site/theme/; each
                              scheme after the first gets both under <scheme id>/
  4. vendor the runtime       Pyodide from node_modules (only the files boot needs)
  5. precompile Python        python_stdlib.zip as .pyc, and a .pyc beside each module of the
                              ras_core and micropip wheels, compiled by Pyodide itself (cached)
  6. vendor micropip          pinned by version and sha256, with its own lock entry
  7. write the scheme         the scheme as TOML and JSON, and boot.json for the worker
  8. write offline support    sw.js (the service worker) and offline.json (what it caches)
  9. write the headers        _headers: the security headers and Cache-Control, for static hosts
 10. pre-compress             .br and .gz beside each file, for hosts that serve them
 11. write the manifest       every file with its size and sha256

Every URL in the site is relative, so it works at any path (https://council.example/budget/).

  python build.py [--scheme content/schemes/example.toml] [--council content/council.toml] [--out dist]
  (without --scheme: every scheme content/council.toml lists, or example.toml)
  python build.py serve [--port 8000] [--base /budget/] [--header "Name: value"] [--no-build]
                        [--no-security-headers]
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "py"))
sys.path.insert(0, str(ROOT / "site"))  # site_content, shared with the MkDocs hook

from precompile import CompileError, compile_with_pyodide  # noqa: E402
from ras_core import InputError, __version__, explain, load_scheme, scheme_to_dict  # noqa: E402
from ras_core.estimate.words.working import WILLING_LABELS  # noqa: E402
from ras_core.scheme import Scheme  # noqa: E402
from ras_core.scheme._reader import OTHER_LANGUAGES  # noqa: E402
from site_content import LIMITS, load_council, load_nation, load_review  # noqa: E402
from site_content import SCHEMES as SCHEME_FOLDER  # noqa: E402
from stdlib_split import REST_ZIP, SplitError, imported_modules, split  # noqa: E402

DEFAULT_SCHEME = ROOT / "content" / "schemes" / "example.toml"
DEFAULT_COUNCIL = ROOT / "content" / "council.toml"
DEFAULT_OUT = ROOT / "dist"
CACHE = ROOT / ".cache"

STDLIB_ZIP = "python_stdlib.zip"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", STDLIB_ZIP)
MICROPIP_VERSION = "0.11.1"
MICROPIP_WHEEL = f"micropip-{MICROPIP_VERSION}-py3-none-any.whl"
# PyPI's wheel (Pyodide's own lock lists a different build of the same version).
MICROPIP_SHA256 = "768de165adb8e66906039d8fec4127a57f522dfdf8e6fbff877a4616941ecfd3"
# The wheel's file times when the environment does not set SOURCE_DATE_EPOCH (1 Jan 2026).
DEFAULT_EPOCH = "1767225600"

# The policy the site is built and tested to work under. `_headers` (for static hosts
# that read it), site/hosting/nginx.conf and `build.py serve` send it with the other
# headers below; a <meta> tag cannot, because a meta policy does not apply to the Web
# Worker. content/docs/hosting.md explains each header to councils; tests/test_hosting.py
# checks that the three sets agree.
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
    "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
HSTS = "Strict-Transport-Security"
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    # HTTPS only, for this one host name (no includeSubDomains, no preload): see hosting.md.
    HSTS: "max-age=31536000",
}

# Cache-Control. Only a file whose name changes whenever its content changes may be kept
# without asking again: Material names its styles and scripts by a hash of their content
# (main.57a0d79d.min.css). Everything else keeps its name from build to build (the pages,
# sw.js, our scripts, the Pyodide runtime, the ras_core wheel, the scheme), so browsers
# must check it each time: "no-cache" lets them keep a copy but revalidate it (a 304
# when it has not changed).
CACHE_LONG = "public, max-age=31536000, immutable"
CACHE_CHECK = "no-cache"
HASHED_NAME = re.compile(
    r"^assets/(?:javascripts|stylesheets)/(?:[^/]+/)*[^/]+\.[0-9a-f]{8}\.min\.(?:js|css)(?:\.map)?$"
)


def cache_control(name: str) -> str:
    """The Cache-Control for a file of the site, by its path inside dist/ (such as "sw.js")."""
    return CACHE_LONG if HASHED_NAME.match(name) else CACHE_CHECK


# Files the service worker does not cache: for hosts and tools, not for people.
OFFLINE_SKIP = {"_headers", "manifest.json", "offline.json", "sw.js", "sitemap.xml", "sitemap.xml.gz"}
# .zip and .whl: the standard library and the wheels, which build.py stores uncompressed
# (site/precompile.py) so that brotli and gzip pack them across files.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".toml", ".txt", ".map"} | {
    ".zip",
    ".whl",
}

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".toml": "text/plain; charset=utf-8",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".md": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
}


class BuildError(Exception):
    """A step that cannot go on; the message says what to do."""


@contextmanager
def step(name: str) -> Iterator[None]:
    start = time.perf_counter()
    print(f"- {name}", end="", flush=True)
    try:
        yield
    except BaseException:
        print(flush=True)  # the step's line ends before the reason it stopped
        raise
    print(f" ({time.perf_counter() - start:.1f} s)")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- the steps ----------------------------------------------------------------------


def check_scheme(path: Path) -> Scheme:
    return load_scheme(path)


def site_scheme_paths(council_path: Path) -> list[Path]:
    """The schemes content/council.toml lists (the first is the default), or the example."""
    try:
        listed = load_council(council_path)["schemes"]
    except InputError as error:
        raise ContentProblems([error]) from None
    return [SCHEME_FOLDER / name for name in listed] or [DEFAULT_SCHEME]


def check_schemes(paths: list[Path]) -> list[Scheme]:
    """Every scheme of the site, each checked (all their problems together); one id each,
    and one nation, since the site's guidance follows one nation's law."""
    schemes: list[Scheme] = []
    errors: list[InputError] = []
    for path in paths:
        try:
            schemes.append(check_scheme(path))
        except InputError as error:
            errors.append(error)
    if errors:
        raise ContentProblems(errors)
    ids = [scheme.id for scheme in schemes]
    if len(set(ids)) != len(ids):
        raise BuildError(f"two schemes on one site have the same id: {', '.join(ids)}")
    nations = sorted({scheme.nation for scheme in schemes})
    if len(nations) > 1:
        raise BuildError(f"the schemes on one site must be for one nation (its law is on every page), got {nations}")
    return schemes


# Each scheme's pages: the first scheme's at the site's root, each other under its id.
PAGE_NAMES = {
    "adult": ("Estimate a budget: {title}", "How it is worked out: {title}"),
    "carer": ("Estimate a carer's budget", "How a carer's estimate is worked out"),
}


def scheme_entry(scheme: Scheme, folder: str) -> dict[str, Any]:
    """A scheme on the site, as the pages see it: its pages as Markdown files (for
    guidance pages' links) and as URLs (for the theme's templates)."""
    return {
        "id": scheme.id,
        "title": scheme.title,
        "person": scheme.person,
        "period": scheme.period,
        "speaks_of_them": scheme.speaks_of_them,
        "welsh": "cy" in scheme.languages,
        "assessment": f"{folder}assessment.md",
        "method": f"{folder}method.md",
        "assessment_url": f"{folder}assessment/",
        "method_url": f"{folder}method/",
    }


# The Welsh assessment pages' titles and the navigation's section names (drafts, as in
# site/locale/cy.po); a Welsh guidance page's title is its own.
WELSH_ESTIMATE = {"adult": "Amcangyfrif eich cyllideb bersonol", "carer": "Amcangyfrif cyllideb gofalwr"}
WELSH_SECTIONS = {"Personal budgets": "Cyllidebau personol", "About this site": "Am y wefan hon"}
WELSH_METHOD = "Sut y cyfrifir yr amcangyfrif"
WELSH_NO_METHOD = (
    f"---\ntitle: {json.dumps(WELSH_METHOD)}\n---\n\n# {WELSH_METHOD}\n\n"
    "Nid yw'r cynllun hwn wedi'i ysgrifennu yn Gymraeg eto, felly mae ei ddull yn Saesneg: "
    '[How the estimate is worked out](../method.md){: hreflang="en" lang="en" }.\n'
)


def add_welsh(config: dict[str, Any], docs: Path, schemes: list[Scheme]) -> None:
    """The Welsh pages, in a navigation of their own (site/hooks.py) that follows the
    English one, with each page that has a Welsh version: content/docs/cy/ (copied with
    the rest), and an assessment page and its published method for each scheme written in
    Welsh, at cy/ and under cy/<id>/ as in English. What each scheme's texts are in Welsh goes to the templates
    as `scheme_words`."""
    words: dict[str, str] = {}
    (docs / "cy").mkdir(exist_ok=True)
    # Welsh pages link to the method: one not written in Welsh says so and links to it.
    (docs / "cy" / "method.md").write_text(WELSH_NO_METHOD, encoding="utf-8")
    for index, scheme in enumerate(schemes):
        if "cy" not in scheme.languages:
            continue
        for lang, english, text in scheme.translations.entries:
            if lang == "cy":
                words.setdefault(english, text)
        folder = docs / "cy" / ("" if index == 0 else scheme.id)
        folder.mkdir(parents=True, exist_ok=True)
        title = WELSH_ESTIMATE.get(scheme.person, WELSH_ESTIMATE["adult"])
        meta = "" if index == 0 else f"scheme: {scheme.id}\n"
        (folder / "assessment.md").write_text(
            f"---\ntitle: {json.dumps(title)}\ntemplate: assessment.html\n{meta}hide:\n  - toc\n  - navigation\n---\n",
            encoding="utf-8",
        )
        method = WELSH_METHOD if index == 0 else f"{WELSH_METHOD}: {scheme.say('cy', scheme.title)}"
        front = f"---\ntitle: {json.dumps(method)}\ngenerated: true\n{meta}---\n\n"
        (folder / "method.md").write_text(front + explain(scheme, "cy"), encoding="utf-8")
    # The answers to "are they willing and able to keep helping?" are the core's words.
    words.update({label.msgid: label.say("cy") for label in WILLING_LABELS.values()})
    config["extra"]["scheme_words"] = {"cy": words}
    config["nav"].append({"cy": _welsh_nav(config["nav"], docs)})


def _welsh_nav(nav: list[Any], docs: Path) -> list[Any]:
    """The English navigation with each page that has a Welsh version under cy/, titled
    by that page, and each section that keeps a page, named in Welsh."""
    welsh: list[Any] = []
    for item in nav:
        for title, value in item.items():
            if isinstance(value, str):
                if (docs / "cy" / value).is_file():
                    welsh.append(f"cy/{value}")
            else:
                kept = _welsh_nav(value, docs)
                if kept:
                    welsh.append({WELSH_SECTIONS.get(title, title): kept})
    return welsh


# The Easy Read pages in their navigation's order (content/docs/easy/ and the assessment).
EASY_PAGES = ("index.md", "assessment.md", "next.md", "spending.md", "disagree.md")
EASY_ESTIMATE = "Easy Read: find out about your budget"


def add_easy(config: dict[str, Any], docs: Path) -> None:
    """The Easy Read pages (content/docs/easy/, copied with the rest) and an Easy Read
    assessment of the site's first scheme, in a navigation of their own (site/hooks.py)."""
    folder = docs / "easy"
    folder.mkdir(exist_ok=True)
    (folder / "assessment.md").write_text(
        f"---\ntitle: {json.dumps(EASY_ESTIMATE)}\ntemplate: assessment.html\nhide:\n  - toc\n  - navigation\n---\n",
        encoding="utf-8",
    )
    config["nav"].append({"easy": [f"easy/{name}" for name in EASY_PAGES if (folder / name).is_file()]})


def add_schemes(config: dict[str, Any], docs: Path, first: Scheme, others: list[Scheme]) -> None:
    """Each scheme after the first gets its own assessment page and published method under
    its id, in the navigation after the first scheme's; every page learns every scheme."""
    entries = [scheme_entry(first, "")]
    schemes = {first.id: scheme_to_dict(first)}
    pages: list[dict[str, str]] = []
    for scheme in others:
        folder = docs / scheme.id
        folder.mkdir()
        estimate_name, method_name = (
            name.format(title=scheme.title) for name in PAGE_NAMES.get(scheme.person, PAGE_NAMES["adult"])
        )
        (folder / "assessment.md").write_text(
            f"---\ntitle: {json.dumps(estimate_name)}\ntemplate: assessment.html\nscheme: {scheme.id}\n"
            "hide:\n  - toc\n  - navigation\n---\n",
            encoding="utf-8",
        )
        front = f"---\ntitle: {json.dumps(method_name)}\ngenerated: true\nscheme: {scheme.id}\n---\n\n"
        (folder / "method.md").write_text(front + explain(scheme), encoding="utf-8")
        schemes[scheme.id] = scheme_to_dict(scheme)
        entries.append(scheme_entry(scheme, f"{scheme.id}/"))
        pages += [{estimate_name: f"{scheme.id}/assessment.md"}, {method_name: f"{scheme.id}/method.md"}]
    config["extra"]["schemes"] = schemes
    config["extra"]["site_schemes"] = entries
    nav = config.get("nav", [])
    after = next((i for i, item in enumerate(nav) if "method.md" in item.values()), len(nav) - 1)
    config["nav"] = [*nav[: after + 1], *pages, *nav[after + 1 :]]


def check_words() -> list[str]:
    """Each language's catalogues, checked as an import would check a translator's file
    (site/locale/ for the templates and scripts, the core's inside the package); gives
    what is not yet signed off, one line a catalogue, for the build to report."""
    from ras_core.i18n import strings
    from site_strings import SITE_STRINGS, catalogue_path

    report = []
    for code in OTHER_LANGUAGES:
        for name, domain in (("the site's words", SITE_STRINGS), ("the core's sentences", strings.CORE)):
            path = catalogue_path(code) if domain is SITE_STRINGS else strings.catalogue_path(code)
            read = strings.check(
                path.read_text(encoding="utf-8-sig"), str(path.relative_to(ROOT)), code, domain, unused_ok=True
            )
            used = {made.key for made in domain.messages()}
            unused = sum(1 for entry in read.entries if entry.key not in used)
            left = f" ({unused} entries no longer used: export and import again to drop them)" if unused else ""
            report.append(f"{name}: {strings.status(code, domain=domain)}{left}")
    return report


def build_wheel(work: Path) -> Path:
    """ras_core as a wheel; the same sources always give the same bytes."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH))
    out = work / "wheel"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BuildError(f"building the ras_core wheel failed:\n{done.stderr}")
    wheels = sorted(out.glob("ras_core-*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"expected one ras_core wheel, found {[w.name for w in wheels]}")
    return wheels[0]


def check_content(scheme: Scheme, council_path: Path) -> dict[str, Any]:
    """The council's settings, the review form and the nation's law, each checked like a
    scheme (every problem listed, with its file and dotted path), as the pages get them."""
    found: dict[str, Any] = {}
    problems: list[InputError] = []
    loaders: dict[str, Callable[[], dict[str, Any]]] = {
        "council": lambda: load_council(council_path),
        "review": load_review,
        "nation": lambda: load_nation(scheme.nation),
        "charging": lambda: check_charging(scheme),
        "plan": check_plan_figures,
    }
    for key, load in loaders.items():
        try:
            found[key] = load()
        except InputError as error:
            problems.append(error)
    if problems:
        raise ContentProblems(problems)
    return found


# The plan page's figures (content/): the employment figures and the council's costs,
# checked like the other content and shipped as they are for web.plan_json.
PLAN_FIGURES = ("employment.toml", "plan-costs.toml")


def check_plan_figures() -> dict[str, Any]:
    from ras_core.plan import employment_figures, plan_costs

    folder = ROOT / "content"
    employment_figures((folder / PLAN_FIGURES[0]).read_text(encoding="utf-8"), source="content/employment.toml")
    plan_costs((folder / PLAN_FIGURES[1]).read_text(encoding="utf-8"), source="content/plan-costs.toml")
    return {"figures": list(PLAN_FIGURES)}


def check_charging(scheme: Scheme) -> dict[str, Any]:
    """The charging rules of the scheme's nation and the council's choices
    (content/charging/), checked as `ras contribution` checks them."""
    from ras_core.contribution.run import load_rules

    folder = ROOT / "content" / "charging"
    nation, council = folder / f"{scheme.nation}.toml", folder / "council.toml"
    texts = {"nation": nation.read_text(encoding="utf-8"), "council": council.read_text(encoding="utf-8")}
    load_rules(scheme, texts["nation"], texts["council"], nation_source=str(nation), council_source=str(council))
    return texts


def write_charging(content: dict[str, Any], runtime: Path) -> None:
    """The charging rules for "Estimate what you might pay", fetched by the page."""
    (runtime / "charging.toml").write_text(content["charging"]["nation"], encoding="utf-8")
    (runtime / "charging-council.toml").write_text(content["charging"]["council"], encoding="utf-8")


class ContentProblems(Exception):
    """Content files with problems: each file's report, all of them together."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n\n".join(error.report() for error in errors))


def build_pages(
    scheme: Scheme,
    scheme_path: Path,
    out: Path,
    work: Path,
    content: dict[str, Any],
    others: list[Scheme] | None = None,
) -> None:
    """Guidance and the assessments, in one MkDocs Material build (which empties `out`)."""
    import yaml  # type: ignore[import-untyped]  # MkDocs depends on PyYAML, which has no type hints

    docs = work / "docs"
    shutil.copytree(ROOT / "content" / "docs", docs)
    shutil.copytree(ROOT / "site" / "assets", docs / "assets")
    (docs / "plan-figures").mkdir()  # what the plan page costs with, read by the core in the browser
    for name in PLAN_FIGURES:
        shutil.copy2(ROOT / "content" / name, docs / "plan-figures" / name)
    (docs / "calibration").mkdir()
    shutil.copy2(ROOT / "content" / "calibration" / "cases-template.csv", docs / "calibration")
    method = explain(scheme)
    front = "---\ntitle: How the estimate is worked out\ngenerated: true\n---\n\n"
    (docs / "method.md").write_text(front + method, encoding="utf-8")

    config: dict[str, Any] = yaml.safe_load((ROOT / "site" / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(out)
    config["theme"]["custom_dir"] = str(ROOT / "site" / "theme")
    config.setdefault("extra", {})["scheme"] = scheme_to_dict(scheme)
    config["extra"]["scheme_file"] = scheme_path.name
    config["extra"]["csp"] = CSP
    config["extra"].update(content)  # council, review, nation: checked, as plain values
    config["extra"]["guided"] = content["council"]["guided"]
    config["extra"]["limits"] = LIMITS
    config["extra"]["theme_script"] = theme_script()
    config["hooks"] = [str(ROOT / "site" / hook) for hook in config.get("hooks", [])]
    add_schemes(config, docs, scheme, others or [])
    add_welsh(config, docs, [scheme, *(others or [])])
    add_easy(config, docs)
    config_file = work / "mkdocs.yml"
    config_file.write_text(json.dumps(config, indent=1), encoding="utf-8")  # JSON is YAML
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    if done.returncode != 0:
        raise BuildError(f"MkDocs could not build the pages:\n{done.stdout}{done.stderr}")


def theme_script() -> str:
    """Material's own script, by the hashed name its base template gives it. The pages
    load it only when someone reaches for what needs it (site/assets/openras/
    theme-later.js), because its start-up is the only long task on a page."""
    import material  # type: ignore[import-untyped]

    folder = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    found = sorted(folder.glob("bundle.*.min.js"))
    if len(found) != 1:
        raise BuildError(f"expected one bundle.*.min.js in {folder}, found {len(found)}")
    return f"assets/javascripts/{found[0].name}"


def vendor_runtime(out: Path) -> Path:
    """Copy the Pyodide files that boot needs, pinned by package.json."""
    wanted = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    source = ROOT / "node_modules" / "pyodide"
    if not (source / "package.json").exists():
        raise BuildError("node_modules/pyodide is missing: run `npm ci` (make serve does this)")
    found = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
    if found != wanted:
        raise BuildError(f"node_modules has pyodide {found}, package.json pins {wanted}: run `npm ci`")
    runtime = out / "runtime"
    runtime.mkdir(parents=True)
    for name in PYODIDE_FILES:
        shutil.copy2(source / name, runtime / name)
    return runtime


def precompile_stdlib(runtime: Path, work: Path) -> None:
    """Replace runtime/python_stdlib.zip by the same modules as .pyc (site/precompile.py)."""
    shipped = ROOT / "node_modules" / "pyodide" / STDLIB_ZIP
    try:
        compile_with_pyodide(ROOT / "node_modules" / "pyodide", "stdlib", shipped, runtime / STDLIB_ZIP, CACHE, work)
    except CompileError as error:
        raise BuildError(str(error)) from error


def precompile_wheel(wheel: Path, work: Path) -> None:
    """`wheel` in place, with each module's .pyc beside its source (site/precompile.py)."""
    compiled = work / f"{wheel.name}.compiled"
    try:
        compile_with_pyodide(ROOT / "node_modules" / "pyodide", "wheel", wheel, compiled, CACHE, work)
    except CompileError as error:
        raise BuildError(str(error)) from error
    compiled.replace(wheel)


def vendor_micropip(runtime: Path, work: Path) -> None:
    """micropip's wheel, checked against its pinned sha256, precompiled, and a lock file that lists it."""
    cached = CACHE / MICROPIP_WHEEL
    if not cached.exists():
        CACHE.mkdir(exist_ok=True)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "--python-version",
                "3.13",
                "--disable-pip-version-check",
                "-q",
                "-d",
                str(CACHE),
                f"micropip=={MICROPIP_VERSION}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise BuildError(f"downloading micropip {MICROPIP_VERSION} failed:\n{done.stderr}")
    digest = sha256(cached)
    if digest != MICROPIP_SHA256:
        cached.unlink()
        raise BuildError(f"{MICROPIP_WHEEL} has sha256 {digest}, expected {MICROPIP_SHA256}")
    shutil.copy2(cached, runtime / MICROPIP_WHEEL)
    precompile_wheel(runtime / MICROPIP_WHEEL, work)
    digest = sha256(runtime / MICROPIP_WHEEL)  # the wheel as served: PyPI's, with .pyc added
    # Pyodide checks each package against the lock file. Keep only micropip's entry (the
    # full lock is 119 KB of packages this site never loads), with the hash of our wheel.
    lock = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text(encoding="utf-8"))
    entry = dict(lock["packages"]["micropip"], sha256=digest, file_name=MICROPIP_WHEEL)
    small = {"info": lock["info"], "packages": {"micropip": entry}}
    (runtime / "pyodide-lock.json").write_text(json.dumps(small, indent=1, sort_keys=True), encoding="utf-8")


def split_stdlib(runtime: Path, wheel: Path, scheme_paths: list[Path], work: Path) -> dict[str, Any]:
    """python_stdlib.zip down to the modules the site imports; the rest in their own zip
    (site/stdlib_split.py). Returns boot.json's `stdlib_rest`: the file and its modules."""
    content = ROOT / "content"
    inputs: dict[str, list[str] | str] = {
        "schemes": [str(path.resolve()) for path in scheme_paths],
        "answers": [str(path) for path in sorted((content / "answers").glob("*.json"))],
        "nations": [str(content / "charging" / f"{nation}.toml") for nation in ("england", "scotland", "wales")],
        "council": str(content / "charging" / "council.toml"),
        "plans": [str(path) for path in sorted((content / "plans").glob("*.json"))],
        "employment": str(content / PLAN_FIGURES[0]),
        "costs": str(content / PLAN_FIGURES[1]),
        "cases": [str(path) for path in sorted((content / "calibration").glob("*.csv"))],
    }
    try:
        imported = imported_modules(runtime, wheel, inputs, CACHE, work)
    except SplitError as error:
        raise BuildError(str(error)) from error
    moved = split(runtime / STDLIB_ZIP, set(imported), runtime / REST_ZIP)
    return {"file": REST_ZIP, "modules": moved}


def write_scheme(scheme: Scheme, scheme_path: Path, wheel: Path, runtime: Path, rest: dict[str, Any]) -> None:
    shutil.copy2(wheel, runtime / wheel.name)
    shutil.copy2(scheme_path, runtime / "scheme.toml")
    (runtime / "scheme.json").write_text(
        json.dumps(scheme_to_dict(scheme), indent=1, ensure_ascii=False), encoding="utf-8"
    )
    boot = {
        "wheel": wheel.name,
        "package_version": __version__,
        "scheme": "scheme.toml",
        "scheme_id": scheme.id,
        "version": scheme.version,
        "snapshot": snapshot_key(runtime, wheel),
        "stdlib_rest": rest,
    }
    (runtime / "boot.json").write_text(json.dumps(boot, indent=1), encoding="utf-8")


# What a memory snapshot kept on a device (site/assets/openras/snapshot.js) was made
# from: the runtime as served, the package, and the code that starts them. A change to
# any of these gives a new key, and the device throws the old snapshot away.
SNAPSHOT_INPUTS = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
SNAPSHOT_CODE = ("worker.js", "snapshot.js", "rest.js")


def snapshot_key(runtime: Path, wheel: Path) -> str:
    digest = hashlib.sha256()
    for path in [*(runtime / name for name in SNAPSHOT_INPUTS), wheel]:
        digest.update(f"{path.name}\0{sha256(path)}\0".encode())
    for name in SNAPSHOT_CODE:
        path = ROOT / "site" / "assets" / "openras" / name
        digest.update(f"{name}\0{sha256(path)}\0".encode())
    return digest.hexdigest()[:32]


def write_other_schemes(others: list[Scheme], paths: list[Path], runtime: Path) -> None:
    """Each scheme after the first, as TOML and JSON in runtime/schemes/, and boot.json's
    `schemes`: each scheme's file by its id, so a page names the one its worker loads."""
    boot_path = runtime / "boot.json"
    boot = json.loads(boot_path.read_text(encoding="utf-8"))
    boot["schemes"] = {boot["scheme_id"]: boot["scheme"]}
    if others:
        (runtime / "schemes").mkdir()
    for scheme, path in zip(others, paths, strict=True):
        shutil.copy2(path, runtime / "schemes" / f"{scheme.id}.toml")
        (runtime / "schemes" / f"{scheme.id}.json").write_text(
            json.dumps(scheme_to_dict(scheme), indent=1, ensure_ascii=False), encoding="utf-8"
        )
        boot["schemes"][scheme.id] = f"schemes/{scheme.id}.toml"
    boot_path.write_text(json.dumps(boot, indent=1), encoding="utf-8")


def cache_rules(out: Path, later: tuple[str, ...] = ("manifest.json",)) -> list[tuple[str, str]]:
    """(URL pattern, Cache-Control) for `_headers`, so that every file is matched by exactly
    one pattern: hosts join the values of a header set by two matching rules. `later`:
    files at the top of the site that the build writes after `_headers`."""
    rules: list[tuple[str, str]] = [(f"/{name}", cache_control(name)) for name in later]

    def files(folder: Path) -> list[Path]:
        return [p for p in folder.rglob("*") if p.is_file() and not is_derived(p)]

    def visit(folder: Path, prefix: str) -> None:
        for child in sorted(folder.iterdir()):
            name = child.relative_to(out).as_posix()
            if child.is_dir():
                values = {cache_control(p.relative_to(out).as_posix()) for p in files(child)}
                if len(values) == 1:  # one rule for the whole folder
                    rules.append((f"{prefix}{child.name}/*", values.pop()))
                elif values:
                    visit(child, f"{prefix}{child.name}/")
            elif not is_derived(child) and child.name != "_headers":
                rules.append((prefix + child.name, cache_control(name)))
                if child.name == "index.html":
                    rules.append((prefix, cache_control(name)))  # the folder's own URL

    visit(out, "/")
    return rules


def write_host_headers(out: Path) -> None:
    """`_headers`, read by static hosts such as Netlify and Cloudflare Pages."""
    lines = [
        "# Response headers for static hosts that read this file (Netlify, Cloudflare Pages and others).",
        "# Written by build.py; content/docs/hosting.md explains each header.",
        "/*",
    ]
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    lines += ["", "/*.wasm", "  Content-Type: application/wasm", ""]
    lines += ["# Cache-Control: each file matches one rule below (a header set by two rules would be joined)."]
    for pattern, value in cache_rules(out):
        lines += [pattern, f"  Cache-Control: {value}"]
    (out / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")


def is_derived(path: Path) -> bool:
    """Compressed copies, written beside the files they copy."""
    return path.suffix in (".br", ".gz") and path.with_suffix("").exists()


def write_offline(out: Path) -> None:
    """sw.js, versioned by the build's hash, and offline.json: what it caches in two tiers."""
    files = sorted(p for p in out.rglob("*") if p.is_file() and not is_derived(p) and p.name not in OFFLINE_SKIP)
    shell, runtime = [], []
    for path in files:
        name = path.relative_to(out).as_posix()
        if name.endswith(".map") or name.startswith("assets/javascripts/lunr/"):
            continue  # source maps, and search for languages other than English
        if name == f"runtime/{REST_ZIP}":
            continue  # kept by the service worker only if it is ever downloaded (sw.js)
        if name.startswith("runtime/"):
            runtime.append(name)
        elif name.endswith("index.html"):
            shell.append(name.removesuffix("index.html") or "./")
        else:
            shell.append(name)
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(out).as_posix().encode() + b"\0" + sha256(path).encode())
    version = digest.hexdigest()[:16]
    (out / "offline.json").write_text(
        json.dumps({"version": version, "shell": shell, "runtime": runtime}, indent=1), encoding="utf-8"
    )
    worker = (ROOT / "site" / "sw.js").read_text(encoding="utf-8")
    (out / "sw.js").write_text(worker.replace("__OPENRAS_VERSION__", version), encoding="utf-8")


def compress(out: Path) -> None:
    """.br and .gz beside each file worth compressing, for hosts that serve them.

    Brotli at its best setting takes half a minute on the WebAssembly file, so results
    are kept in .cache/ by the source's sha256 and reused by later builds.
    """
    store = CACHE / "compressed"
    store.mkdir(parents=True, exist_ok=True)
    for path in sorted(out.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE or path.stat().st_size < 1024:
            continue
        data = path.read_bytes()
        key = hashlib.sha256(data).hexdigest()
        for suffix, squeeze in ((".br", _brotli), (".gz", _gzip)):
            cached = store / f"{key}{suffix}"
            if not cached.exists():
                cached.write_bytes(squeeze(data))
            shutil.copyfile(cached, path.with_name(path.name + suffix))


def _brotli(data: bytes) -> bytes:
    import brotli  # type: ignore[import-untyped]  # no type hints

    packed: bytes = brotli.compress(data, quality=11)
    return packed


def _gzip(data: bytes) -> bytes:
    import gzip

    return gzip.compress(data, compresslevel=9, mtime=0)


def write_manifest(out: Path, scheme: Scheme, others: list[Scheme] | None = None) -> None:
    files = {
        path.relative_to(out).as_posix(): {"bytes": path.stat().st_size, "sha256": sha256(path)}
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.name != "manifest.json" and not is_derived(path)
    }
    manifest = {
        "scheme": {"id": scheme.id, "version": scheme.version},
        "schemes": [{"id": s.id, "version": s.version} for s in [scheme, *(others or [])]],
        "files": files,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def build(scheme_path: Path | None = None, out: Path = DEFAULT_OUT, council_path: Path = DEFAULT_COUNCIL) -> None:
    """Build the site: with `scheme_path`, that one scheme; without, every scheme the
    council file lists (the first is the default), or the example."""
    out = out.resolve()
    print(f"Building the OpenRAS site into {out}")
    with tempfile.TemporaryDirectory(prefix="openras-") as tmp:
        work = Path(tmp)
        paths = [scheme_path] if scheme_path is not None else site_scheme_paths(council_path)
        with step(f"check the schemes {', '.join(str(path) for path in paths)}"):
            scheme, *others = check_schemes(paths)
            scheme_path = paths[0]
        with step(f"check the content {council_path}, content/review.toml, content/nations/"):
            content = check_content(scheme, council_path)
        with step("check the translations (site/locale/, py/ras_core/i18n/locale/)"):
            words = check_words()
        print("\n".join(f"  {line}" for line in words))
        with step("build the ras_core wheel"):
            wheel = build_wheel(work)
        with step("build the pages with MkDocs Material"):
            build_pages(scheme, scheme_path, out, work, content, others)
        with step("vendor the Pyodide runtime"):
            runtime = vendor_runtime(out)
        with step("precompile the standard library (.pyc, by Pyodide itself)"):
            precompile_stdlib(runtime, work)
        with step("precompile the ras_core wheel (.pyc beside each module)"):
            precompile_wheel(wheel, work)
        with step(f"vendor micropip {MICROPIP_VERSION} (checked, then precompiled)"):
            vendor_micropip(runtime, work)
        with step("split the standard library: what the site imports, and the rest (site/stdlib_split.py)"):
            rest = split_stdlib(runtime, wheel, paths, work)
        with step("write the scheme"):
            write_scheme(scheme, scheme_path, wheel, runtime, rest)
            write_other_schemes(others, paths[1:], runtime)
        with step("write the charging rules"):
            write_charging(content, runtime)
        with step("write the service worker for offline use"):
            write_offline(out)
        with step("write the headers for static hosts"):
            write_host_headers(out)
        with step("pre-compress (.br and .gz)"):
            compress(out)
        with step("write the manifest"):
            write_manifest(out, scheme, others)
    print(f"Built {scheme.title}, version {scheme.version}.")


# -- serving ------------------------------------------------------------------------


def handler(directory: Path, base: str, headers: dict[str, str]) -> Callable[..., http.server.BaseHTTPRequestHandler]:
    """A static file handler for `directory` mounted at the path `base` (such as /budget/).

    Each response has the Cache-Control that `_headers` gives the same file, and `headers`.
    """
    # Never Strict-Transport-Security: this server speaks plain http (on 127.0.0.1), and
    # HSTS belongs to an HTTPS host name. Browsers ignore it over http anyway (RFC 6797,
    # section 8.1), so sending it here would only pretend to test it.
    extra = {name: value for name, value in headers.items() if name.lower() != HSTS.lower()}
    own_cache = any(name.lower() == "cache-control" for name in extra)

    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}  # noqa: RUF012

        def translate_path(self, path: str) -> str:
            trimmed = path.split("?", 1)[0].split("#", 1)[0]
            if not trimmed.startswith(base):
                return str(directory / "__outside_base__")
            return super().translate_path("/" + trimmed[len(base) :])

        def do_GET(self) -> None:
            if base != "/" and self.path in ("/", base.rstrip("/")):
                self.send_response(302)
                self.send_header("Location", base)
                self.end_headers()
                return
            super().do_GET()

        def send_head(self) -> Any:
            """Serve the pre-compressed .br copy when the browser accepts it, as hosts do."""
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
                path = path / "index.html"
            packed = path.with_name(path.name + ".br")
            if not (path.is_file() and packed.is_file() and "br" in self.headers.get("Accept-Encoding", "")):
                return super().send_head()
            body = packed.open("rb")
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "br")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(packed.stat().st_size))
            self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
            self.end_headers()
            return body

        def end_headers(self) -> None:
            if not own_cache:
                self.send_header("Cache-Control", cache_control(self.site_name()))
            for name, value in extra.items():
                self.send_header(name, value)
            super().end_headers()

        def site_name(self) -> str:
            """The requested file's path inside the site, as cache_control takes it."""
            trimmed = self.path.split("?", 1)[0].split("#", 1)[0]
            name = trimmed[len(base) :] if trimmed.startswith(base) else trimmed.lstrip("/")
            return name + "index.html" if name == "" or name.endswith("/") else name

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return functools.partial(Handler, directory=str(directory))


class QuietServer(http.server.ThreadingHTTPServer):
    """Ignores a browser closing its connection mid-download (leaving a page, say)."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_server(
    directory: Path = DEFAULT_OUT,
    host: str = "127.0.0.1",
    port: int = 8000,
    base: str = "/",
    headers: dict[str, str] | None = None,
) -> http.server.ThreadingHTTPServer:
    """A server for a built site. It adds only the `headers` given (the browser tests choose
    theirs); `build.py serve` gives it SECURITY_HEADERS."""
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    return QuietServer((host, port), handler(directory, base, headers or {}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build the OpenRAS static site into dist/ (or another folder), or build and serve it.",
    )
    parser.add_argument(
        "command",
        nargs="?",
        choices=["build", "serve"],
        default="build",
        help="build (the default), or serve: build, then serve the folder",
    )
    parser.add_argument(
        "--scheme",
        type=Path,
        default=None,
        help="build with this one scheme (default: every scheme content/council.toml lists)",
    )
    parser.add_argument(
        "--council",
        type=Path,
        default=DEFAULT_COUNCIL,
        help="the council's text for the guidance pages (default content/council.toml)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the output folder (emptied first)")
    parser.add_argument("--host", default="127.0.0.1", help="serve: the address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="serve: the port (default 8000)")
    parser.add_argument("--base", default="/", help="serve: the path to serve the site at, such as /budget/")
    parser.add_argument(
        "--header",
        action="append",
        default=[],
        metavar="'NAME: VALUE'",
        help="serve: a response header to add or replace (repeatable), such as 'Content-Security-Policy: ...'",
    )
    parser.add_argument(
        "--no-security-headers",
        action="store_true",
        help="serve: leave out the security headers a host should send (sent by default, except "
        "Strict-Transport-Security, which is for HTTPS only)",
    )
    parser.add_argument("--no-build", action="store_true", help="serve: serve the folder as it is")
    args = parser.parse_args(argv)
    try:
        if not (args.command == "serve" and args.no_build):
            build(args.scheme, args.out, args.council)
    except InputError as error:
        print(f"\n{error.report()}", file=sys.stderr)
        return 1
    except ContentProblems as error:
        print(f"\n{error}", file=sys.stderr)
        return 1
    except BuildError as error:
        print(f"\nThe build stopped: {error}", file=sys.stderr)
        return 1
    if args.command == "serve":
        headers = {} if args.no_security_headers else dict(SECURITY_HEADERS)
        for line in args.header:
            name, _, value = line.partition(":")
            headers = {k: v for k, v in headers.items() if k.lower() != name.strip().lower()}
            headers[name.strip()] = value.strip()
        server = make_server(args.out.resolve(), args.host, args.port, args.base, headers)
        base = "/" + args.base.strip("/") + "/" if args.base.strip("/") else "/"
        print(f"Serving {args.out} at http://{args.host}:{args.port}{base} (Ctrl+C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("\nStopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
