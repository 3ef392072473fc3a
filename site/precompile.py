"""Python compiled ahead of time, by the pinned Pyodide itself, for the site's runtime.

Compiling `.py` sources is most of what Pyodide does as it starts: the standard library
at boot, then micropip and ras_core as they are imported. So the build compiles them
once, inside the pinned Pyodide run by Node, so that every `.pyc` carries the magic
number of the interpreter that will read it. Two kinds of input:

  stdlib  python_stdlib.zip: every `.py` is replaced by its `.pyc` (optimize=2:
          nothing the site runs reads a standard-library docstring, and Pyodide's own
          `_pyodide.docstring` allows for None), stored uncompressed so that brotli and
          gzip compress it well over the wire. Tracebacks from the standard library
          show no source lines.
  wheel   a package's wheel (micropip's, ras_core's): each `.py` is replaced by its
          `.pyc` in the same place, which Python imports with its sourceless loader, and
          RECORD lists what the wheel then holds. The docstrings and asserts stay
          (optimize=0, as Pyodide runs), so the package behaves as it does from its
          sources; the sources themselves are in the repository and in the wheel that
          `pip` installs. Stored uncompressed, for brotli and gzip, like the zip.

Every `.pyc` is hash-based and unchecked: no source file is read to check it (there is
none in the browser). Tracebacks from precompiled modules show no source lines. Results are kept
in `.cache/compiled/` under a key naming the input's sha256, the interpreter (Pyodide's
version and its WebAssembly's sha256) and this script, so only the first build runs
Node (10 to 20 seconds for the standard library).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

STDLIB_OPTIMIZE = 2
WHEEL_OPTIMIZE = 0

SCRIPT = """
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [indexDir, kind, input, output, optimize] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(indexDir + "/pyodide.mjs").href);
const pyodide = await loadPyodide({
  indexURL: indexDir + "/",
  stdout: () => {},
  stderr: (line) => console.error(line),
});
pyodide.FS.writeFile("/tmp/in.zip", readFileSync(input));
pyodide.globals.set("KIND", kind);
pyodide.globals.set("OPTIMIZE", Number(optimize));
pyodide.runPython(`
import base64, hashlib, importlib.util, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def pyc(source, path):
    code = compile(source, path, "exec", dont_inherit=True, optimize=OPTIMIZE)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))

def entry(name, info, method):
    made = zipfile.ZipInfo(name, date_time=info.date_time)
    made.external_attr = info.external_attr
    made.compress_type = method
    return made

def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"

if KIND == "stdlib":
    # Where Pyodide puts the zip (/lib/python314.zip), so tracebacks name the right file.
    mounted = next(p for p in sys.path if p.endswith(".zip"))
    with zipfile.ZipFile("/tmp/in.zip") as source, zipfile.ZipFile("/tmp/out.zip", "w") as out:
        for info in source.infolist():
            data = source.read(info)
            name = info.filename
            if name.endswith(".py"):
                data = pyc(data, f"{mounted}/{name}")
                name += "c"
            out.writestr(entry(name, info, zipfile.ZIP_STORED), data)
else:
    # A module's .pyc in its source's place (web.py becomes web.pyc): Python imports it
    # with its sourceless loader, and RECORD lists what the wheel now holds.
    site = next(p for p in sys.path if p.endswith("site-packages"))
    with zipfile.ZipFile("/tmp/in.zip") as source, zipfile.ZipFile("/tmp/out.zip", "w") as out:
        infos = source.infolist()
        record = next(info for info in infos if info.filename.endswith(".dist-info/RECORD"))
        lines = []
        for info in infos:
            if info is record:
                continue
            data = source.read(info)
            name = info.filename
            if name.endswith(".py"):
                data = pyc(data, f"{site}/{name}")
                name += "c"
            out.writestr(entry(name, info, zipfile.ZIP_STORED), data)
            lines.append(record_line(name, data))
        lines.append(f"{record.filename},,")
        text = "".join(line + "\\\\n" for line in lines)
        out.writestr(entry(record.filename, record, zipfile.ZIP_STORED), text.encode())
`);
writeFileSync(output, pyodide.FS.readFile("/tmp/out.zip"));
"""


class CompileError(Exception):
    """Node is missing, or Pyodide could not compile the input."""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compile_with_pyodide(pyodide: Path, kind: str, source: Path, target: Path, cache: Path, work: Path) -> None:
    """Write `source` compiled by the Pyodide in `pyodide` (its npm folder) to `target`.

    `kind` is "stdlib" or "wheel" (see the module's docstring).
    """
    optimize = STDLIB_OPTIMIZE if kind == "stdlib" else WHEEL_OPTIMIZE
    interpreter = json.loads((pyodide / "package.json").read_text(encoding="utf-8"))["version"]
    settings = f"{kind}\0{optimize}\0{interpreter}\0{_sha256(pyodide / 'pyodide.asm.wasm')}\0{SCRIPT}"
    key = hashlib.sha256(_sha256(source).encode() + b"\0" + settings.encode()).hexdigest()
    cached = cache / "compiled" / f"{key}.zip"
    if not cached.exists():
        node = shutil.which("node")
        if node is None:
            raise CompileError("Node.js is needed to precompile Python for the site: install it (make serve needs npm)")
        script = work / "precompile.mjs"
        script.write_text(SCRIPT, encoding="utf-8")
        made = work / f"compiled-{source.name}"
        done = subprocess.run(
            [node, str(script), str(pyodide), kind, str(source), str(made), str(optimize)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0 or not made.exists():
            raise CompileError(f"precompiling {source.name} in Pyodide failed:\n{done.stderr[-3000:]}")
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        shutil.copyfile(made, partial)
        partial.replace(cached)  # never a half-written file in the cache
    shutil.copyfile(cached, target)
