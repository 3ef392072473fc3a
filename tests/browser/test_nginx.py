"""The shipped nginx snippet, in a real nginx (Debian's nginx-core) on 127.0.0.1.

The test writes a minimal nginx.conf in a temporary folder (pid, logs and temporary
files all inside it, `daemon off`, a free port on 127.0.0.1) that includes
site/hosting/nginx.conf as shipped, with only its `alias` pointed at the built site,
inside an http { } block like Debian's stock one (which includes mime.types). Then it
checks the content types, the headers, and that the assessment page works in Chromium
under them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import build
import pytest
from playwright.sync_api import Browser, ConsoleMessage, expect

from .conftest import ROOT, Site, guarded_context

NGINX = "/usr/sbin/nginx"
SNIPPET = ROOT / "site" / "hosting" / "nginx.conf"
SHIPPED_ALIAS = "alias /var/www/openras/;"
PATH = "/budget/"  # the snippet's location, as shipped
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy for 127.0.0.1

CONF = """\
{user}daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        include {tmp}/openras.conf;
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def nginx(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: `make nginx` installs Debian's nginx-core")
    tmp = tmp_path_factory.mktemp("nginx")
    snippet = SNIPPET.read_text(encoding="utf-8")
    assert snippet.count(SHIPPED_ALIAS) == 1
    (tmp / "openras.conf").write_text(snippet.replace(SHIPPED_ALIAS, f"alias {built}/;"), encoding="utf-8")
    port = free_port()
    conf = tmp / "nginx.conf"
    # Started as root (make test in CI), nginx's workers would run as "nobody", which cannot
    # read pytest's temporary folders: keep them as this user.
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf.write_text(CONF.format(user=user, tmp=tmp, port=port, mime_types="/etc/nginx/mime.types"), encoding="utf-8")
    checked = subprocess.run([NGINX, "-t", "-p", str(tmp), "-c", str(conf)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(conf)], stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}{PATH}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                DIRECT.open(url, timeout=5).close()
                break
            except urllib.error.HTTPError as error:
                raise AssertionError(f"nginx answered {error.code} for {url}") from None
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else "nginx stopped"
                assert time.monotonic() < deadline, "nginx did not answer"
                time.sleep(0.1)
        yield Site(url=url, server=server)
    finally:
        server.terminate()  # nginx's fast shutdown
        server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


def get(url: str) -> dict[str, str]:
    with DIRECT.open(url, timeout=10) as response:
        return {name.lower(): value for name, value in response.headers.items()}


@pytest.mark.parametrize(
    ("name", "types"),
    [
        ("", {"text/html"}),
        ("assessment/", {"text/html"}),
        ("assessment/index.html", {"text/html"}),
        ("runtime/pyodide.asm.wasm", {"application/wasm"}),
        ("runtime/pyodide.mjs", {"text/javascript", "application/javascript"}),
        ("runtime/pyodide.asm.mjs", {"text/javascript", "application/javascript"}),
        ("assets/openras/app.js", {"text/javascript", "application/javascript"}),
        ("sw.js", {"text/javascript", "application/javascript"}),
        ("runtime/boot.json", {"application/json"}),
        ("assets/openras/openras.css", {"text/css"}),
    ],
)
def test_content_types(nginx: Site, name: str, types: set[str]) -> None:
    got = get(nginx.url + name)
    assert got["content-type"].split(";")[0] in types, (name, got["content-type"])


@pytest.mark.parametrize("name", ["", "assessment/", "runtime/pyodide.asm.wasm", "sw.js", "missing.html"])
def test_security_headers(nginx: Site, name: str) -> None:
    try:
        got = get(nginx.url + name)
    except urllib.error.HTTPError as error:  # the 404 gets them too ("always")
        assert error.code == 404 and name == "missing.html"
        got = {k.lower(): v for k, v in error.headers.items()}
    for header, value in build.SECURITY_HEADERS.items():
        assert got.get(header.lower()) == value, header


def test_cache_control(nginx: Site, built: Path) -> None:
    names = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file() and not build.is_derived(p))
    hashed = [n for n in names if build.cache_control(n) == build.CACHE_LONG]
    assert hashed
    for name in [*hashed, "", "assessment/", "sw.js", "runtime/pyodide.asm.wasm", "runtime/pyodide.mjs"]:
        expected = build.cache_control(name if name and not name.endswith("/") else name + "index.html")
        assert get(nginx.url + name)["cache-control"] == expected, name


def test_pre_compressed_copies_are_served(nginx: Site) -> None:
    request = urllib.request.Request(nginx.url + "assessment/", headers={"Accept-Encoding": "gzip"})
    with DIRECT.open(request, timeout=10) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Content-Type"].startswith("text/html")


def test_the_assessment_works_in_chromium_under_nginx(browser: Browser, nginx: Site) -> None:
    context = guarded_context(browser, nginx)
    page = context.new_page()
    complaints: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            complaints.append(message.text)

    page.on("console", console)
    page.on("worker", lambda worker: worker.on("console", console))
    response = page.goto(nginx.url + "assessment/")  # an octet-stream page would be a download
    assert response is not None and response.ok
    expect(page.get_by_role("heading", name="Estimate your personal budget", level=1)).to_be_visible()
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=60_000)
    page.goto(nginx.url + "method/")
    expect(page.locator("article h1")).to_contain_text("How the estimate is worked out")
    assert complaints == []
    assert nginx.outside == []
    context.close()
