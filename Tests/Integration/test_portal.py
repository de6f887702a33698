"""The portal as an employee uses it, in a real browser: search, favourites, recents, copy,
no-JavaScript fallback, serve with rebuilds."""
import json
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import build


def visible(driver, selector):
    return [element for element in driver.find_elements(By.CSS_SELECTOR, selector) if element.is_displayed()]


def visible_names(driver, selector):
    return [element.text for element in visible(driver, selector)]


def manifest(site: Path) -> dict:
    return json.loads((site / "portal.json").read_text())


def launcher(browser, site):
    """Opens the home page and waits until the launcher's index has loaded."""
    browser.get((site / "index.html").as_uri())
    return ready_launcher(browser)


def ready_launcher(browser):
    """The launcher's search field, once the page's launcher has loaded its index."""
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return performance.getEntriesByName('switchboard:launcher-ready').length") == 1)
    return browser.find_element(By.ID, "launch")


def results(browser):
    return browser.find_elements(By.CSS_SELECTOR, "#launch-results > li")


def result_names(browser):
    return [(r.find_element(By.CSS_SELECTOR, ".result-name").text, r.find_element(By.CSS_SELECTOR, ".role-level").text)
            for r in results(browser)]


def test_launcher_finds_account_and_access_level(browser, site):
    search = launcher(browser, site)
    search.send_keys("abc prod read")  # words match across client, account, environment and level
    assert result_names(browser) == [("Abc Corp · Payments Production", "ReadOnly"), ("Abc Corp · Data Lake", "ReadOnly")]
    assert browser.find_element(By.ID, "launch-status").text.startswith("2 launches. Selected: Abc Corp · Payments Production · ReadOnly.")
    # At 1280 px a result is one line: name, level, ID, environment, both steps and the star.
    heights = browser.execute_script(
        "return [...document.querySelectorAll('#launch-results > li')].map(r => r.getBoundingClientRect().height)")
    assert all(height < 2.2 * 16 * 1.4 for height in heights), heights

    search.clear()
    search.send_keys("012345678902")  # an account ID with a leading zero
    assert {name for name, _ in result_names(browser)} == {"Bluefin Logistics · Tracking Development"}
    assert len(results(browser)) == 3  # one per access level

    search.clear()
    search.send_keys("pci")  # a tag
    assert {name for name, _ in result_names(browser)} == {"Abc Corp · Payments Production"}

    search.clear()
    search.send_keys("no such thing")
    assert results(browser) == []
    assert browser.find_element(By.ID, "launch-status").text.startswith("No launches match")


def test_launcher_links_are_the_portals_links(browser, site):
    """launcher.js fills the index's holed links; every one must equal what the build computed,
    including role overrides and landing pages (written in full in the index)."""
    search = launcher(browser, site)
    expected = {}
    for client in manifest(site)["clients"]:
        for account in client["accounts"]:
            for role in account["roles"]:
                key = f"{client['slug']}/{account['id']}/{role['accessLevel']}"
                expected[key] = (role["signInUrl"], role["switchRoleUrl"],
                                 (site / client["page"]).as_uri() + "#account-" + account["id"])
    found = {}
    for client in manifest(site)["clients"]:
        search.clear()
        search.send_keys(client["slug"])
        while browser.find_element(By.ID, "launch-more").is_displayed():
            browser.find_element(By.ID, "launch-more").click()
        for row in results(browser):
            found[row.get_attribute("data-launch")] = (
                row.find_element(By.CSS_SELECTOR, "a.step1").get_attribute("href"),
                row.find_element(By.CSS_SELECTOR, "a.step2").get_attribute("href"),
                row.find_element(By.CSS_SELECTOR, "a.result-name").get_attribute("href"))
    assert found == expected


def launched(browser):
    """Every launch link the page activates, in order (the new tabs they open are closed)."""
    return browser.execute_script("return window.launchedLinks || []")


def record_launches(browser):
    browser.execute_script("""window.launchedLinks = [];
      document.addEventListener('click', e => { const a = e.target.closest('a.step1, a.step2');
        if (a) window.launchedLinks.push([a.className.includes('step1') ? 1 : 2, a.href, a.target]); }, true)""")


def close_other_tabs(browser, keep):
    for handle in browser.window_handles:
        if handle != keep:
            browser.switch_to.window(handle)
            browser.close()
    browser.switch_to.window(keep)


def test_keyboard_flow_signs_in_in_a_new_tab_then_switches_role(browser, site):
    search = launcher(browser, site)
    browser.execute_script("sessionStorage.clear()")
    portal = browser.current_window_handle
    record_launches(browser)
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "launch"
    search.send_keys("cedar staging")
    rows = results(browser)
    assert [r.get_attribute("aria-current") for r in rows] == ["true"] + [None] * (len(rows) - 1)
    search.send_keys(Keys.ARROW_DOWN)
    assert [r.get_attribute("aria-current") for r in results(browser)][:2] == [None, "true"]
    chosen = results(browser)[1]
    step1 = chosen.find_element(By.CSS_SELECTOR, "a.step1").get_attribute("href")
    step2 = chosen.find_element(By.CSS_SELECTOR, "a.step2").get_attribute("href")
    assert "Enter: 1 Sign in as CedarHealth" in browser.find_element(By.ID, "launch-status").text

    search.send_keys(Keys.ENTER)  # step 1: a new tab; the portal stays where it was
    WebDriverWait(browser, 5).until(lambda d: len(d.window_handles) == 2)
    close_other_tabs(browser, portal)
    assert browser.current_url.endswith("index.html")
    assert launched(browser) == [[1, step1, "_blank"]]
    # The permission set is marked as signed in, and Enter now takes step 2.
    chosen = results(browser)[1]
    assert "✓" in chosen.find_element(By.CSS_SELECTOR, "a.step1").text
    assert "Enter: 2 Switch role" in browser.find_element(By.ID, "launch-status").text
    search.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: len(d.window_handles) == 2)
    close_other_tabs(browser, portal)
    assert launched(browser)[-1] == [2, step2, "_blank"]

    # Shift+Enter goes straight to step 2, whatever was signed in.
    search.clear()
    search.send_keys("driftwood test read")
    step2 = results(browser)[0].find_element(By.CSS_SELECTOR, "a.step2").get_attribute("href")
    search.send_keys(Keys.SHIFT, Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: len(d.window_handles) == 2)
    close_other_tabs(browser, portal)
    assert launched(browser)[-1] == [2, step2, "_blank"]

    # The mark holds for the session, on the client page too.
    browser.get((site / "clients/cedar-health/index.html").as_uri())
    marked = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a.step1.is-signed-in")]
    assert step1 in marked and len(set(marked)) == 1


def test_launcher_works_when_served(browser, served):
    """Over HTTP (`serve`, or any static host) the index loads as it does from file://, under the
    same Content-Security-Policy, and nothing fails in the browser's console."""
    url, _ = served
    browser.get(url + "index.html")
    search = ready_launcher(browser)
    search.send_keys("driftwood test")
    assert {name for name, _ in result_names(browser)} == {"Driftwood Media · Streaming Test"}
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_more_results_draws_another_screenful(browser, site):
    search = launcher(browser, site)
    search.send_keys("a")
    total = int(browser.find_element(By.ID, "launch-status").text.split(" ")[0])
    assert total > 24
    assert len(results(browser)) == 12
    more = browser.find_element(By.ID, "launch-more")
    assert more.is_displayed() and more.text == f"Show 12 more ({total - 12} not shown)"
    more.click()
    assert len(results(browser)) == 24
    assert results(browser)[12].get_attribute("aria-current") == "true"  # the first new one is selected
    # Arrowing past the last result drawn draws the next screenful too.
    search.click()
    for _ in range(12):
        search.send_keys(Keys.ARROW_DOWN)
    assert len(results(browser)) == min(36, total)
    assert results(browser)[24].get_attribute("aria-current") == "true"


def test_slash_focuses_the_client_page_search(browser, site):
    browser.get((site / "clients/cedar-health/index.html").as_uri())
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "search"


def test_your_first_day_tells_the_portals_own_search(browser, site):
    browser.get((site / "docs/onboarding.html").as_uri())
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "Ctrl+F" not in text and "Press / there" in text
    browser.find_element(By.LINK_TEXT, "client list").click()  # what the doc says to do, done
    ready_launcher(browser)
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "launch"
    browser.switch_to.active_element.send_keys("abc prod read")
    assert len(results(browser)) == 2


def test_client_page_search_filters_accounts_and_roles(browser, site):
    browser.get((site / "clients/abc-corp/index.html").as_uri())
    search = browser.find_element(By.ID, "search")
    search.send_keys("staging devops")
    accounts = visible(browser, "li.account")
    assert [a.find_element(By.CSS_SELECTOR, "h2 a").text for a in accounts] == ["Payments Staging"]
    assert visible_names(browser, "li.role .role-level") == ["DevOps"]
    assert browser.find_element(By.ID, "search-status").text == "1 role in 1 account"


def test_favourites_and_recents_lead_the_launcher(browser, site):
    browser.get((site / "clients/bluefin-logistics/index.html").as_uri())
    browser.execute_script("localStorage.clear()")
    browser.refresh()
    star = visible(browser, "button.star")[0]
    assert star.get_attribute("aria-pressed") == "false"
    star.click()
    assert star.get_attribute("aria-pressed") == "true"
    browser.refresh()
    assert visible(browser, "button.star")[0].get_attribute("aria-pressed") == "true"
    # A launch (the click kept, the navigation dropped: it would leave this machine) is recent.
    browser.get((site / "clients/driftwood-media/index.html").as_uri())
    browser.execute_script("document.addEventListener('click', e => e.preventDefault())")
    visible(browser, "a.step2")[1].click()

    search = launcher(browser, site)
    assert result_names(browser) == [("Bluefin Logistics · Tracking Production", "Administrator"),
                                     ("Driftwood Media · Streaming Production", "DevOps")]
    assert results(browser)[0].find_element(By.CSS_SELECTOR, "button.star").get_attribute("aria-pressed") == "true"
    assert browser.find_element(By.ID, "launch-status").text == "Your favourites and recent launches"
    switch = results(browser)[0].find_element(By.CSS_SELECTOR, "a.step2").get_attribute("href")
    assert switch.startswith("https://signin.aws.amazon.com/switchrole?account=012345678901&")
    # In a search, they come first too.
    search.send_keys("production")
    assert result_names(browser)[:2] == [("Bluefin Logistics · Tracking Production", "Administrator"),
                                         ("Driftwood Media · Streaming Production", "DevOps")]
    results(browser)[0].find_element(By.CSS_SELECTOR, "a.result-name").click()
    WebDriverWait(browser, 5).until(lambda d: "clients/bluefin-logistics/index.html#account-012345678901" in d.current_url)


def test_favourites_stored_by_earlier_versions_are_migrated(browser, site):
    """Earlier versions stored each favourite's links and page; they are reduced to key and
    label, and the links shown are always the current inventory's."""
    browser.get((site / "index.html").as_uri())
    browser.execute_script("""localStorage.setItem('switchboard:favourites', JSON.stringify([
      {key: 'cedar-health/555566668888/read-only', label: 'Cedar Health · Clinical Staging · ReadOnly',
       signIn: 'https://old.example/start', switchRole: 'https://signin.aws.amazon.com/switchrole?account=1',
       page: 'clients/cedar-health/index.html#account-555566668888'}]));
      localStorage.setItem('switchboard:recents', JSON.stringify([
      {key: 'gone-client/999999999999/read-only', label: 'Gone', signIn: 'https://a', switchRole: 'https://b', page: 'x'}]))""")
    launcher(browser, site)
    assert result_names(browser) == [("Cedar Health · Clinical Staging", "ReadOnly")]
    link = results(browser)[0].find_element(By.CSS_SELECTOR, "a.step2").get_attribute("href")
    role = [r for c in manifest(site)["clients"] for a in c["accounts"] for r in a["roles"]
            if a["id"] == "555566668888" and r["accessLevel"] == "read-only"][0]
    assert link == role["switchRoleUrl"]
    stored = browser.execute_script("return [localStorage.getItem('switchboard:favourites'), localStorage.getItem('switchboard:recents')]")
    assert json.loads(stored[0]) == [{"key": "cedar-health/555566668888/read-only", "label": "Cedar Health · Clinical Staging · ReadOnly"}]
    assert json.loads(stored[1]) == [{"key": "gone-client/999999999999/read-only", "label": "Gone"}]


def test_stored_entries_cannot_inject_links(browser, site):
    browser.get((site / "index.html").as_uri())
    browser.execute_script("""localStorage.setItem('switchboard:favourites', JSON.stringify([
      {key: 'x', label: '<img src=x onerror=alert(1)>', signIn: 'javascript:alert(1)', switchRole: 'https://x', page: 'clients/a/index.html'},
      {key: '../../etc/passwd', label: '<b>ok</b>'},
      {key: 'abc-corp/444455556666/administrator', label: '<img src=x onerror=alert(2)>'}]))""")
    launcher(browser, site)
    assert result_names(browser) == [("Abc Corp · Payments Production", "Administrator")]
    assert browser.find_elements(By.CSS_SELECTOR, "#launcher img, #launcher b") == []
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#launch-results a")]
    assert all(h.startswith("https://") or h.startswith("file://") for h in hrefs)


def test_copy_button_confirms_and_fills_the_clipboard(browser, site, served):
    url, _ = served
    browser.get(url + "clients/abc-corp/index.html")
    browser.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": url.rstrip("/"), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    assert copied(browser, visible(browser, "li.account button.copy")[0]) == "444455556666"
    visible(browser, "li.role details summary")[0].click()  # the role's facts are shown on demand
    assert copied(browser, visible(browser, "li.role button.copy")[0]) == "arn:aws:iam::444455556666:role/larkspur-administrator"


def copied(browser, button):
    """Clicks a copy button, waits for its confirmation and returns what the clipboard holds."""
    button.click()
    WebDriverWait(browser, 5).until(lambda d: button.text == "Copied")
    return browser.execute_async_script(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error: ' + e))")


def test_copy_from_file_url_confirms(browser, site):
    browser.get((site / "clients/abc-corp/index.html").as_uri())
    button = visible(browser, "button.copy")[0]
    button.click()
    WebDriverWait(browser, 5).until(lambda d: button.text == "Copied")


def test_client_links_lead_to_client_pages(browser, site):
    browser.get((site / "index.html").as_uri())
    browser.find_element(By.LINK_TEXT, "Abc Corp").click()
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("clients/abc-corp/index.html"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Abc Corp"
    browser.find_element(By.LINK_TEXT, "incident runbook").click()
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("clients/abc-corp/incident-runbook.html"))


def test_without_javascript_every_link_is_there(browser_without_javascript, site):
    browser = browser_without_javascript
    data = manifest(site)
    for client in data["clients"]:
        browser.get((site / client["page"]).as_uri())
        hrefs = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a")}
        for account in client["accounts"]:
            for role in account["roles"]:
                assert role["switchRoleUrl"] in hrefs
                assert role["signInUrl"] in hrefs
        assert visible(browser, "button.copy") == []  # needs JavaScript: hidden, not broken
    browser.get((site / "index.html").as_uri())
    assert not browser.find_element(By.ID, "launcher").is_displayed()
    links = {a.get_attribute("href") for a in visible(browser, "ul.clients a")}
    assert links == {(site / client["page"]).as_uri() for client in data["clients"]}


def test_phone_width_cuts_nothing_off(browser, site):
    browser.set_window_size(390, 844)
    try:
        for page in ["index.html", "clients/abc-corp/index.html", "docs/how-switching-works.html", "access.html"]:
            browser.get((site / page).as_uri())
            browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, page
        # Search boxes show their whole placeholder.
        for page, field in [("index.html", "launch"), ("clients/abc-corp/index.html", "search")]:
            browser.get((site / page).as_uri())
            spare = browser.execute_script("""const input = document.getElementById(arguments[0]);
              const style = getComputedStyle(input), context = document.createElement('canvas').getContext('2d');
              context.font = style.font;
              return input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
                - context.measureText(input.placeholder).width""", field)
            assert spare >= 0, page
        # The downloads table scrolls sideways in a focusable region whose edge shadows show it.
        browser.get((site / "index.html").as_uri())
        region = browser.execute_script("""const r = document.querySelector('.table-scroll');
          return [r.scrollWidth > r.clientWidth, getComputedStyle(r).overflowX, r.tabIndex,
                  getComputedStyle(r).backgroundImage.includes('radial-gradient')]""")
        assert region == [True, "auto", 0, True]
    finally:
        browser.set_window_size(1280, 900)


def line_breaks(browser, element):
    """The characters after which the text of `element` wraps onto a new line."""
    return browser.execute_script("""const breaks = [], range = document.createRange();
      let last = null, previous = '';
      const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.length; i++) {
          range.setStart(node, i); range.setEnd(node, i + 1);
          const top = range.getClientRects()[0].top;
          if (last !== null && top > last + 2) breaks.push(previous);
          last = top; previous = node.data[i];
        }
      }
      return breaks""", element)


def test_arns_wrap_only_at_separators(browser, site):
    browser.set_window_size(390, 844)
    try:
        browser.get((site / "clients/abc-corp/index.html").as_uri())
        browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
        codes = [c for c in browser.find_elements(By.CSS_SELECTOR, ".role .facts code") if c.text.startswith("arn:")]
        wrapped = [line_breaks(browser, code) for code in codes]
        assert any(wrapped), "at 390 px some ARN is wider than its box"
        assert all(character in "/:-" for breaks in wrapped for character in breaks), wrapped
        assert codes[0].text == "arn:aws:iam::444455556666:role/larkspur-administrator"  # <wbr> is not text
    finally:
        browser.set_window_size(1280, 900)


def test_four_accounts_with_three_levels_fit_one_screen(browser, site):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    try:
        browser.get((site / "clients/abc-corp/index.html").as_uri())
        top, bottom, levels = browser.execute_script("""const a = document.querySelectorAll('li.account');
          return [a[0].getBoundingClientRect().top, a[3].getBoundingClientRect().bottom, a[1].querySelectorAll('li.role').length]""")
        assert levels == 3
        assert bottom - top <= 600 and bottom <= 1000, (top, bottom)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_keyboard_focus_is_visible(browser, site):
    browser.get((site / "clients/abc-corp/index.html").as_uri())
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    body.send_keys(Keys.TAB)
    outline = browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_launcher_searches_hundreds_of_clients(browser, tmp_path):
    content = tmp_path / "content"
    (content / "clients").mkdir(parents=True)
    repo = Path(__file__).resolve().parents[2]
    (content / "portal.yaml").write_text((repo / "content/portal.yaml").read_text())
    for index in range(400):
        accounts = "".join(
            f'  - id: "{index:06d}{account:06d}"\n    name: Account {account}\n    environment: production\n    region: eu-west-1\n'
            for account in range(5))
        folder = content / "clients" / f"client-{index:03d}"
        folder.mkdir()
        (folder / "client.yaml").write_text(f"name: Client {index:03d}\npermission_set_prefix: C{index}\naccounts:\n{accounts}")
    output = tmp_path / "public"
    build(content, output)
    search = launcher(browser, output)
    start = time.perf_counter()
    search.send_keys("client 123 account 4 read")
    assert result_names(browser) == [("Client 123 · Account 4", "ReadOnly")]
    elapsed = time.perf_counter() - start
    print(f"launcher over 400 clients / 2000 accounts: {elapsed * 1000:.0f} ms for 25 keystrokes")


def test_serve_rebuilds_on_change_and_keeps_last_good_site(browser, served):
    url, content = served
    browser.get(url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Larkspur Access Portal"
    browser.get(url + "clients/abc-corp/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Abc Corp"
    portal = content / "portal.yaml"
    portal.write_text(portal.read_text().replace("title: Larkspur Access Portal", "title: Renamed Portal"))
    deadline = time.time() + 10
    while time.time() < deadline:
        browser.get(url)
        if browser.find_element(By.TAG_NAME, "h1").text == "Renamed Portal":
            break
        time.sleep(0.2)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Renamed Portal"
    portal.write_text(portal.read_text() + "\nbroken: [\n")
    time.sleep(1.5)
    browser.get(url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Renamed Portal"
    browser.get(url + "no/such/page")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Page not found"
