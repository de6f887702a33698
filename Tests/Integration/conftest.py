"""Shared fixtures: the example portal built into a temporary folder, a headless Chromium,
and `switchboard serve` on a free loopback port."""
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("SWITCHBOARD_BINARY", REPO / ".build/debug/switchboard"))
ARTIFACTS = REPO / ".test-artifacts"

os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")


def build(content: Path, output: Path, templates: Path = REPO / "site-templates") -> None:
    subprocess.run([str(BINARY), "build", "--content", str(content), "--templates", str(templates),
                    "--output", str(output)], check=True, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The example content/ built with the default templates."""
    output = tmp_path_factory.mktemp("portal") / "public"
    build(REPO / "content", output)
    return output


def new_driver(javascript: bool = True) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(20)
    return driver


@pytest.fixture(scope="module")
def browser():
    driver = new_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def browser_without_javascript():
    driver = new_driver(javascript=False)
    yield driver
    driver.quit()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture()
def served(tmp_path):
    """`switchboard serve` on a copy of content/ and site-templates/; yields (url, content folder).
    What it prints goes to tmp_path / "serve.log"."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    process = subprocess.Popen(
        [str(BINARY), "serve", "--port", str(port), "--content", str(content),
         "--templates", str(REPO / "site-templates"), "--output", str(tmp_path / "public")],
        stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(url, timeout=1)
            break
        except OSError:
            if time.time() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("switchboard serve did not start: " + (tmp_path / "serve.log").read_text())
            time.sleep(0.1)
    yield url, content
    process.terminate()
    process.wait(timeout=10)
    log.close()


def pages(site: Path) -> list[Path]:
    """The portal's pages (the bookmarks export is HTML too, but not a page)."""
    return sorted(page for page in site.rglob("*.html") if "exports" not in page.relative_to(site).parts)


BIN = Path(sys.executable).parent


@contextlib.contextmanager
def moto_server():
    """A moto server on a free loopback port; yields its URL."""
    port = free_port()
    # AWS managed policies (ReadOnlyAccess, …) exist only when moto is told to load them.
    process = subprocess.Popen([str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=dict(os.environ, MOTO_IAM_LOAD_MANAGED_POLICIES="true"))
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1)
            break
        except OSError:
            if time.time() > deadline:
                process.kill()
                raise RuntimeError("moto_server did not start")
            time.sleep(0.2)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture()
def moto():
    with moto_server() as url:
        yield url


def aws(url: str, *arguments: str) -> str:
    """The real AWS CLI (from the test venv) against moto, with throw-away credentials."""
    environment = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                       AWS_DEFAULT_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true",
                       AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    result = subprocess.run([str(BIN / "aws"), "--endpoint-url", url, "--output", "json", *arguments],
                            capture_output=True, text=True, env=environment, check=True)
    return result.stdout
