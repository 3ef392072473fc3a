"""The runtime files the site serves: Python precompiled by Pyodide itself.

build.py's precompile steps (site/precompile.py) replace Pyodide's python_stdlib.zip
(.py sources) with the same modules as .pyc files, and each module of the ras_core and
micropip wheels by its .pyc, compiled inside the pinned Pyodide run by Node, stored
uncompressed; then the standard library is split (site/stdlib_split.py) into what the
site imports and the rest, which boot.json names. These tests read the built files,
and boot the built runtime in Node to check that Pyodide reads them and that ras_core
gives the same result there as in CPython.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ras_core import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import build  # noqa: E402

from stdlib_split import REST_ZIP, module_name, split  # noqa: E402

SHIPPED = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
ANSWERS = ROOT / "content" / "answers" / "example-answers.json"

# Boots the built runtime in Node, installs the wheel's files, and prints what Pyodide
# reports as JSON on the last line.
BOOT = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [runtime, wheel, scheme, answers] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(runtime + "/pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL: runtime + "/", stdout: () => {}, stderr: () => {} });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: "/lib/python3.14/site-packages" });
pyodide.globals.set("SCHEME", readFileSync(scheme, "utf-8"));
pyodide.globals.set("ANSWERS", readFileSync(answers, "utf-8"));
console.log(pyodide.runPython(`
import datetime, importlib.util, json, sys
from ras_core import web
from ras_core import answers_from_json, estimate, scheme_from_toml
from ras_core.estimate.words import lines
from ras_core.estimate.words.phrases import points
from ras_core.i18n import date_words
loaded = json.loads(web.load_scheme_text(SCHEME, "scheme.toml"))
scheme = scheme_from_toml(SCHEME)
result = estimate(scheme, answers_from_json(ANSWERS, scheme))
json.dumps({
    "magic": importlib.util.MAGIC_NUMBER.hex(),
    "json_file": json.__file__,
    "web_file": web.__file__,
    "loaded": loaded["ok"],
    "estimate": web.estimate_json(ANSWERS),
    "welsh": [points(n, "cy") for n in (0, 1, 2, 3, 6, 20)] + [date_words(datetime.date(2026, 12, 3), "cy")],
    "modules": sorted(sys.modules),
    "welsh_result": [line.to_dict() for line in lines(result, "cy")],
})
`));
"""


def stdlib(built: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(built / "runtime" / "python_stdlib.zip")


def rest(built: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(built / "runtime" / REST_ZIP)


def modules(served: zipfile.ZipFile) -> set[str]:
    return {name for name in map(module_name, served.namelist()) if name is not None}


@pytest.fixture(scope="module")
def booted(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    script = tmp_path_factory.mktemp("boot") / "boot.mjs"
    script.write_text(BOOT, encoding="utf-8")
    runtime = built / "runtime"
    wheel = runtime / json.loads((runtime / "boot.json").read_text(encoding="utf-8"))["wheel"]
    done = subprocess.run(
        [node, str(script), str(runtime), str(wheel), str(runtime / "scheme.toml"), str(ANSWERS)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_the_served_stdlib_holds_every_module_as_pyc_and_no_source(built: Path) -> None:
    with zipfile.ZipFile(SHIPPED) as shipped:
        sources = {name for name in shipped.namelist() if name.endswith(".py")}
        others = {name for name in shipped.namelist() if not name.endswith(".py")}
    with stdlib(built) as served, rest(built) as other:
        names, rest_names = set(served.namelist()), set(other.namelist())
    assert sources, "the shipped zip has no sources"
    assert not {name for name in names | rest_names if name.endswith(".py")}
    assert not names & rest_names
    assert names | rest_names == {name + "c" for name in sources} | others
    assert others <= names  # every file that is not a module stays in the site's part


def test_the_site_part_holds_what_the_site_imports_and_boot_json_names_the_rest(built: Path) -> None:
    boot = json.loads((built / "runtime" / "boot.json").read_text(encoding="utf-8"))
    with stdlib(built) as served, rest(built) as other:
        kept, moved = modules(served), modules(other)
    assert boot["stdlib_rest"] == {"file": REST_ZIP, "modules": sorted(moved)}
    assert {"json", "decimal", "tomllib", "csv", "dataclasses", "asyncio", "email", "zipfile"} <= kept
    assert {"unittest", "xml.dom.minidom", "multiprocessing", "pydoc", "_pyrepl"} <= moved
    assert len(kept) < len(moved)


def test_the_served_stdlib_is_stored_uncompressed_for_brotli(built: Path) -> None:
    for opened in (stdlib(built), rest(built)):
        with opened as served:
            assert {info.compress_type for info in served.infolist()} == {zipfile.ZIP_STORED}
    assert (built / "runtime" / "python_stdlib.zip.br").is_file()
    assert (built / "runtime" / f"{REST_ZIP}.br").is_file()


def test_every_pyc_has_the_magic_number_of_pyodides_own_interpreter(built: Path, booted: dict[str, str]) -> None:
    magic = bytes.fromhex(booted["magic"])
    assert len(magic) == 4
    for opened in (stdlib(built), rest(built)):
        with opened as served:
            heads = {served.read(name)[:4] for name in served.namelist() if name.endswith(".pyc")}
        assert heads == {magic}


def test_pyodide_imports_the_precompiled_modules(booted: dict[str, str]) -> None:
    assert booted["json_file"].endswith("python314.zip/json/__init__.pyc")


def test_ras_core_on_the_precompiled_stdlib_gives_what_cpython_gives(booted: dict[str, str]) -> None:
    assert booted["loaded"]
    web.load_scheme_text((ROOT / "content" / "schemes" / "example.toml").read_text(encoding="utf-8"))
    expected = json.loads(web.estimate_json(ANSWERS.read_text(encoding="utf-8")))
    found = json.loads(booted["estimate"])
    assert found["ok"], found
    assert found == expected


def test_the_welsh_catalogue_in_the_served_wheel_says_what_cpython_says(built: Path, booted: dict[str, Any]) -> None:
    from ras_core import answers_from_json, estimate, load_scheme
    from ras_core.estimate.words import lines
    from ras_core.estimate.words.phrases import points
    from ras_core.i18n import date_words

    expected = [points(n, "cy") for n in (0, 1, 2, 3, 6, 20)] + [date_words(datetime.date(2026, 12, 3), "cy")]
    assert booted["welsh"] == expected
    scheme = load_scheme(ROOT / "content" / "schemes" / "example.toml")
    answers = answers_from_json(ANSWERS.read_text(encoding="utf-8"), scheme)
    assert booted["welsh_result"] == [line.to_dict() for line in lines(estimate(scheme, answers), "cy")]
    # Welsh needs nothing from the part of the standard library the site does not send.
    assert set(booted["modules"]) & modules(rest(built)) == set()


def test_the_precompiled_stdlib_is_cached_and_split_the_same_every_build(built: Path, tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    build.precompile_stdlib(runtime, tmp_path)  # from .cache/, written by the build
    with stdlib(built) as served:
        kept = modules(served)
    moved = split(runtime / "python_stdlib.zip", kept, runtime / REST_ZIP)
    assert moved == json.loads((built / "runtime" / "boot.json").read_text(encoding="utf-8"))["stdlib_rest"]["modules"]
    for name in ("python_stdlib.zip", REST_ZIP):
        assert (runtime / name).read_bytes() == (built / "runtime" / name).read_bytes(), name


def served_wheels(built: Path) -> list[Path]:
    wheels = sorted((built / "runtime").glob("*.whl"))
    assert {wheel.name.split("-")[0] for wheel in wheels} == {"micropip", "ras_core"}
    return wheels


def test_the_served_wheels_hold_each_module_as_pyc_in_its_sources_place(built: Path) -> None:
    sources = sorted(path.relative_to(ROOT / "py").as_posix() for path in (ROOT / "py" / "ras_core").rglob("*.py"))
    for wheel in served_wheels(built):
        with zipfile.ZipFile(wheel) as served:
            names = served.namelist()
            assert not [name for name in names if name.endswith(".py")], wheel.name
            assert {info.compress_type for info in served.infolist()} == {zipfile.ZIP_STORED}, wheel.name
            if wheel.name.startswith("ras_core"):
                assert sorted(name[:-1] for name in names if name.endswith(".pyc")) == sources
        assert wheel.with_name(wheel.name + ".br").is_file()


def test_each_served_wheels_record_lists_every_file_with_its_hash(built: Path) -> None:
    for wheel in served_wheels(built):
        with zipfile.ZipFile(wheel) as served:
            record = next(name for name in served.namelist() if name.endswith(".dist-info/RECORD"))
            listed = {}
            for line in served.read(record).decode().splitlines():
                name, digest, size = line.rsplit(",", 2)
                listed[name] = (digest, size)
            assert set(listed) == set(served.namelist()), wheel.name
            for name, (digest, size) in listed.items():
                if name == record:
                    continue
                data = served.read(name)
                expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                assert (digest, size) == (f"sha256={expected}", str(len(data))), name


def test_the_served_wheels_pyc_have_the_magic_number_of_pyodides_interpreter(
    built: Path, booted: dict[str, str]
) -> None:
    magic = bytes.fromhex(booted["magic"])
    for wheel in served_wheels(built):
        with zipfile.ZipFile(wheel) as served:
            heads = {served.read(name)[:4] for name in served.namelist() if name.endswith(".pyc")}
        assert heads == {magic}, wheel.name


def test_pyodide_imports_ras_core_from_its_precompiled_modules(booted: dict[str, str]) -> None:
    assert booted["web_file"] == "/lib/python3.14/site-packages/ras_core/web.pyc"


def test_micropips_lock_entry_names_the_wheel_as_served(built: Path) -> None:
    lock = json.loads((built / "runtime" / "pyodide-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"]["micropip"]
    served = built / "runtime" / entry["file_name"]
    assert entry["sha256"] == hashlib.sha256(served.read_bytes()).hexdigest()
