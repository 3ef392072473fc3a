"""The standard library in two parts: what the site imports, served at start, and the rest.

Pyodide's standard library zip holds about 600 modules, of which the site imports about
240 (Pyodide's own start, micropip installing the wheel, and everything `ras_core.web`
does). The rest (about 1.4 MB under brotli: `multiprocessing`, `unittest`, `xml`,
`pydoc` and so on) is downloaded on every first visit for nothing. So the build finds
out what the site imports, by running it: the pinned Pyodide, run by Node, boots the
site's own runtime files, installs the wheel with micropip as the worker does, loads
every scheme of the site and answers every kind of request the pages make (each with
the site's example files and with broken input, so the error paths' imports count
too), then lists `sys.modules`.

`python_stdlib.zip` then holds those modules (and every file that is not a module), and
`python_stdlib_rest.zip` the others. The worker (`site/assets/openras/rest.js`) puts a
finder last on `sys.meta_path` that, the first time a module of the rest is imported,
downloads the rest zip (once, synchronously: a worker may) and imports from it, so a
module left out is slower to import, never missing. `tests/browser/test_rest.py`
checks both: no journey asks for the rest, and a module of the rest imports.

The record is kept in `.cache/stdlib-split/` under a key naming every input (the
runtime files, the wheel, the site's files run and this script), so only a build with
a changed input runs Node (about 10 seconds).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

REST_ZIP = "python_stdlib_rest.zip"

# Run by Node: argv is the runtime folder, the wheel, and a JSON file naming the inputs.
# Prints the sorted names of every module imported, as JSON, on its last line.
SCRIPT = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [runtime, wheel, inputsFile] = process.argv.slice(2);
const inputs = JSON.parse(readFileSync(inputsFile, "utf-8"));
const text = (path) => readFileSync(path, "utf-8");
const { loadPyodide } = await import(pathToFileURL(runtime + "/pyodide.mjs").href);
const pyodide = await loadPyodide({
  indexURL: runtime + "/",
  lockFileURL: runtime + "/pyodide-lock.json",
  packages: ["micropip"],
  stdout: () => {},
  stderr: () => {},
});
const micropip = pyodide.pyimport("micropip");
const path = "/tmp/" + wheel.split("/").pop();
pyodide.FS.writeFile(path, new Uint8Array(readFileSync(wheel)));
await micropip.install("emfs:" + path, { deps: false });
const web = pyodide.pyimport("ras_core.web");
const BROKEN = ["{", "[]", '{"format": 2}', "x = ["];
const schemes = inputs.schemes.map(text);
const answers = [...inputs.answers.map(text), ...BROKEN];
const council = text(inputs.council);
for (const scheme of [...BROKEN, ...schemes.slice(1), schemes[0]]) {
  web.load_scheme_text(scheme, "scheme.toml");
  for (const given of answers) {
    web.estimate_json(given);
    web.check_answers_json(given);
  }
}
for (const rules of [...inputs.nations.map(text), ...BROKEN]) {
  web.contribution_questions_json(rules, council);
  for (const given of answers) web.contribution_json(given, rules, council, "2026-04-06");
}
const employment = text(inputs.employment);
const costs = text(inputs.costs);
for (const plan of [...inputs.plans.map(text), ...BROKEN]) {
  web.plan_json(plan, employment, costs);
  web.plan_json(plan, "x = [", costs);
}
for (const cases of [...inputs.cases.map(text), "a,b\\n1,2", ""]) {
  for (const options of ["{}", '{"rate": "20.00"}', "{"]) web.calibrate_json(cases, options);
}
console.log(JSON.stringify(pyodide.runPython("import sys; sorted(sys.modules)").toJs()));
"""


class SplitError(Exception):
    """Node is missing, or the site's Python could not be run to see what it imports."""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def module_name(name: str) -> str | None:
    """The module a zip entry is ("email/mime/text.pyc" is email.mime.text), or None."""
    if not name.endswith(".pyc"):
        return None
    stem = name.removesuffix(".pyc").removesuffix("/__init__")
    return stem.replace("/", ".")


def imported_modules(
    runtime: Path, wheel: Path, inputs: dict[str, list[str] | str], cache: Path, work: Path
) -> list[str]:
    """Every module the site's Python imports, running in Pyodide (`runtime` holds the
    whole standard library then), recorded once for each set of inputs."""
    files = sorted({str(p) for value in inputs.values() for p in ([value] if isinstance(value, str) else value)})
    digest = hashlib.sha256(SCRIPT.encode())
    for path in [*(runtime / name for name in ("pyodide.asm.wasm", "python_stdlib.zip")), wheel, *map(Path, files)]:
        digest.update(f"{path.name}\0{_sha256(path)}\0".encode())
    digest.update(json.dumps(inputs, sort_keys=True).encode())
    cached = cache / "stdlib-split" / f"{digest.hexdigest()}.json"
    if not cached.exists():
        node = shutil.which("node")
        if node is None:
            raise SplitError("Node.js is needed to see which modules the site imports: install it (make serve does)")
        script, given = work / "record-imports.mjs", work / "record-imports.json"
        script.write_text(SCRIPT, encoding="utf-8")
        given.write_text(json.dumps(inputs), encoding="utf-8")
        done = subprocess.run(
            [node, str(script), str(runtime), str(wheel), str(given)],
            capture_output=True,
            text=True,
            check=False,
        )
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            raise SplitError(f"running the site's Python in Pyodide failed:\n{done.stderr[-3000:]}")
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_text(lines[-1], encoding="utf-8")
        partial.replace(cached)  # never a half-written record in the cache
    names: list[str] = json.loads(cached.read_text(encoding="utf-8"))
    return names


def split(stdlib: Path, imported: set[str], rest: Path) -> list[str]:
    """Keep in `stdlib` the modules in `imported` and every other file; move the other
    modules to `rest`. Both stored uncompressed (for brotli), entries in the same order
    with the same times, so the same inputs give the same bytes. Returns the modules
    moved, sorted."""
    kept = stdlib.with_suffix(".kept")
    moved: list[str] = []
    with (
        zipfile.ZipFile(stdlib) as source,
        zipfile.ZipFile(kept, "w") as keep,
        zipfile.ZipFile(rest, "w") as other,
    ):
        for info in source.infolist():
            name = module_name(info.filename)
            target = keep if name is None or name in imported else other
            if target is other and name is not None:
                moved.append(name)
            made = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            made.external_attr = info.external_attr
            made.compress_type = zipfile.ZIP_STORED
            target.writestr(made, source.read(info))
    kept.replace(stdlib)
    return sorted(moved)
