"""The hosting files agree: `_headers`, the nginx snippet, build.py and its server.

Three places send OpenRAS's response headers: `dist/_headers` (static hosts),
site/hosting/nginx.conf (nginx) and build.py's server (`build.py serve` and the browser
tests). They must send the same security headers and the same Cache-Control for each
file. tests/browser/test_nginx.py runs the snippet in a real nginx.
"""

from __future__ import annotations

import hashlib
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT))
import build

NGINX_SNIPPET = ROOT / "site" / "hosting" / "nginx.conf"
HOSTING_GUIDE = ROOT / "content" / "docs" / "hosting.md"
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy for 127.0.0.1


def headers_file_rules(text: str) -> list[tuple[str, dict[str, str]]]:
    """`_headers` as (URL pattern, headers) blocks, in order."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        else:
            name, _, value = line.strip().partition(":")
            assert rules, f"a header before any URL pattern: {line!r}"
            assert name not in rules[-1][1], f"{name} twice in one block"
            rules[-1][1][name] = value.strip()
    return rules


def matches(pattern: str, url: str) -> bool:
    """A `_headers` URL pattern against a path: `*` (a splat) matches any characters."""
    return re.fullmatch(".*".join(re.escape(part) for part in pattern.split("*")), url) is not None


def nginx_headers(text: str) -> dict[str, str]:
    found = re.findall(r'^\s*add_header\s+(\S+)\s+("(?:[^"\\]|\\.)*"|\S+)\s+always;', text, re.M)
    headers = {name: value.strip('"') for name, value in found}
    assert len(headers) == len(found), "a header twice in the snippet"
    return headers


def site_files(built: Path) -> list[str]:
    return sorted(
        p.relative_to(built).as_posix()
        for p in built.rglob("*")
        if p.is_file() and not build.is_derived(p) and p.name != "_headers"
    )


def urls(built: Path) -> dict[str, str]:
    """Every URL path of the site (files, and folders with an index.html) -> its file."""
    found = {"/" + name: name for name in site_files(built)}
    found |= {"/" + name.removesuffix("index.html"): name for name in site_files(built) if name.endswith("index.html")}
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def response_headers(url: str) -> dict[str, str]:
    with DIRECT.open(url, timeout=10) as response:
        return dict(response.headers.items())


# -- the security headers -------------------------------------------------------------


def test_headers_file_sends_the_security_headers_to_every_url(built: Path) -> None:
    rules = headers_file_rules((built / "_headers").read_text(encoding="utf-8"))
    assert rules[0] == ("/*", build.SECURITY_HEADERS)
    for pattern, headers in rules[1:]:
        assert set(headers) <= {"Cache-Control", "Content-Type"}, (pattern, headers)


def test_nginx_snippet_sends_the_same_headers(built: Path) -> None:
    headers = nginx_headers(NGINX_SNIPPET.read_text(encoding="utf-8"))
    assert headers.pop("Cache-Control") == "$openras_cache"
    assert headers == build.SECURITY_HEADERS


def test_build_serve_sends_the_same_headers_except_hsts_over_plain_http(built: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--no-build", "--out", str(built), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                got = response_headers(f"http://127.0.0.1:{port}/assessment/")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "build.py serve did not answer"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
    expected = {name: value for name, value in build.SECURITY_HEADERS.items() if name != build.HSTS}
    assert {name: got.get(name) for name in expected} == expected
    assert build.HSTS not in got
    assert got["Cache-Control"] == "no-cache"


def test_the_test_server_never_sends_hsts(built: Path) -> None:
    server = build.make_server(built, port=0, headers=build.SECURITY_HEADERS)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        got = response_headers(f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
    assert got["Content-Security-Policy"] == build.CSP
    assert got["Cross-Origin-Resource-Policy"] == "same-origin"
    assert build.HSTS not in got


def test_the_headers_are_current() -> None:
    headers = build.SECURITY_HEADERS
    assert "interest-cohort" not in headers["Permissions-Policy"]  # FLoC's, which browsers dropped
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    # One year, this host name only: includeSubDomains and preload are the council's choice.
    assert headers[build.HSTS] == "max-age=31536000"
    assert "interest-cohort" not in NGINX_SNIPPET.read_text(encoding="utf-8")


def test_the_hosting_guide_names_every_header() -> None:
    guide = HOSTING_GUIDE.read_text(encoding="utf-8")
    for name in [*build.SECURITY_HEADERS, "Cache-Control"]:
        assert f"`{name}" in guide, f"hosting.md does not explain {name}"
    assert "{{ scheme_csp }}" in guide


# -- Cache-Control ----------------------------------------------------------------


def test_only_files_named_by_their_content_are_cached_long(built: Path) -> None:
    files = site_files(built)
    long = [name for name in files if build.cache_control(name) == build.CACHE_LONG]
    assert long, "Material's hashed styles and scripts are cached long"
    assert all(name.startswith(("assets/javascripts/", "assets/stylesheets/")) for name in long), long
    for name in files:
        if name.endswith((".html", ".mjs", ".wasm", ".whl", ".json", ".toml", ".zip")) or name in ("sw.js",):
            assert build.cache_control(name) == build.CACHE_CHECK, name
        if name.startswith(("assets/openras/", "runtime/")):
            assert build.cache_control(name) == build.CACHE_CHECK, name
    # Material names each stylesheet by the first 8 hex digits of its sha256.
    for name in long:
        if name.endswith(".min.css"):
            digest = hashlib.sha256((built / name).read_bytes()).hexdigest()[:8]
            assert f".{digest}.min.css" in name, name


def test_headers_file_gives_every_url_one_cache_control(built: Path) -> None:
    rules = headers_file_rules((built / "_headers").read_text(encoding="utf-8"))
    caching = [(pattern, headers["Cache-Control"]) for pattern, headers in rules if "Cache-Control" in headers]
    for url, name in urls(built).items():
        values = [value for pattern, value in caching if matches(pattern, url)]
        # Hosts join the values of a header set by two matching rules, so exactly one.
        assert values == [build.cache_control(name)], (url, values)


def test_nginx_snippet_caches_the_same_files_long(built: Path) -> None:
    text = NGINX_SNIPPET.read_text(encoding="utf-8")
    assert not re.search(r"^\s*types\s*\{", text, re.M), "a types block replaces nginx's whole MIME table"
    found = re.search(r'location ~ "([^"]+)" \{\s*set \$openras_cache "([^"]+)";', text)
    assert found and found[2] == build.CACHE_LONG
    assert re.search(r'^\s*set \$openras_cache "no-cache";', text, re.M)
    for name in site_files(built):
        long = re.search(found[1], "/budget/" + name) is not None
        assert long == (build.cache_control(name) == build.CACHE_LONG), name


@pytest.mark.parametrize("name", ["", "assessment/", "sw.js", "runtime/pyodide.asm.wasm"])
def test_the_test_server_sends_the_same_cache_control(built: Path, name: str) -> None:
    server = build.make_server(built, port=0, base="/budget/")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        got = response_headers(f"http://127.0.0.1:{server.server_address[1]}/budget/{name}")
        hashed = next(n for n in site_files(built) if build.cache_control(n) == build.CACHE_LONG)
        long = response_headers(f"http://127.0.0.1:{server.server_address[1]}/budget/{hashed}")
    finally:
        server.shutdown()
    assert got["Cache-Control"] == build.CACHE_CHECK
    assert long["Cache-Control"] == build.CACHE_LONG
