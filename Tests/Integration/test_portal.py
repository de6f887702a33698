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


def test_home_search_narrows_clients_and_accounts(browser, site):
    browser.get((site / "index.html").as_uri())
    search = browser.find_element(By.ID, "search")
    assert search.is_displayed()
    all_cards = visible_names(browser, ".client-card h3")
    assert len(all_cards) == len(manifest(site)["clients"])

    search.send_keys("bluefin")
    assert visible_names(browser, ".client-card h3") == ["Bluefin Logistics"]

    search.clear()
    search.send_keys("012345678902")  # an account ID with a leading zero
    rows = visible(browser, ".account-list li")
    assert [row.find_element(By.TAG_NAME, "a").text for row in rows] == ["Tracking Development"]

    search.clear()
    search.send_keys("abc prod")  # words match across client and account
    rows = [row.find_element(By.TAG_NAME, "a").text for row in visible(browser, ".account-list li")]
    assert rows == ["Payments Production", "Data Lake"]
    # The count says what it counts: the accounts shown, and the clients they belong to.
    assert browser.find_element(By.ID, "search-status").text == "2 accounts in 1 client"

    search.clear()
    search.send_keys("production")
    cards = len(visible(browser, ".client-card"))
    rows = len(visible(browser, ".account-list li"))
    assert cards > 1 and rows > cards
    assert browser.find_element(By.ID, "search-status").text == f"{rows} accounts in {cards} clients"

    search.clear()
    search.send_keys("pci")  # a tag
    assert visible_names(browser, ".client-card h3") == ["Abc Corp"]

    search.clear()
    search.send_keys("no such thing")
    assert visible_names(browser, ".client-card h3") == []
    assert browser.find_element(By.ID, "search-status").text == "No matches"


def test_slash_focuses_search_and_enter_opens_first_result(browser, site):
    browser.get((site / "index.html").as_uri())
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "search"
    browser.switch_to.active_element.send_keys("cedar")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("clients/cedar-health/index.html"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Cedar Health"


def test_your_first_day_tells_the_portals_own_search(browser, site):
    browser.get((site / "docs/onboarding.html").as_uri())
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "Ctrl+F" not in text and "Press / there" in text
    browser.find_element(By.LINK_TEXT, "client list").click()  # what the doc says to do, done
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "search"
    browser.switch_to.active_element.send_keys("abc prod")
    assert browser.find_element(By.ID, "search-status").text == "2 accounts in 1 client"


def test_arrow_keys_move_through_results(browser, site):
    browser.get((site / "index.html").as_uri())
    search = browser.find_element(By.ID, "search")
    search.send_keys("a")
    search.send_keys(Keys.ARROW_DOWN)
    first = browser.switch_to.active_element.text
    browser.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    second = browser.switch_to.active_element.text
    assert [first, second] == visible_names(browser, ".client-card h3")[:2]


def test_client_page_search_filters_accounts_and_roles(browser, site):
    browser.get((site / "clients/abc-corp/index.html").as_uri())
    search = browser.find_element(By.ID, "search")
    search.send_keys("staging devops")
    accounts = visible(browser, "section.account")
    assert [a.find_element(By.CSS_SELECTOR, "h2 a").text for a in accounts] == ["Payments Staging"]
    assert visible_names(browser, "li.role h3") == ["DevOps ☆"]
    assert browser.find_element(By.ID, "search-status").text == "1 role in 1 account"


def test_favourite_survives_reload_and_shows_on_home(browser, site):
    browser.get((site / "clients/bluefin-logistics/index.html").as_uri())
    browser.execute_script("localStorage.clear()")
    browser.refresh()
    star = visible(browser, "button.star")[0]
    assert star.get_attribute("aria-pressed") == "false"
    star.click()
    assert star.get_attribute("aria-pressed") == "true"
    browser.refresh()
    assert visible(browser, "button.star")[0].get_attribute("aria-pressed") == "true"

    browser.get((site / "index.html").as_uri())
    favourites = browser.find_element(By.ID, "favourites")
    assert favourites.is_displayed()
    entries = favourites.find_elements(By.CSS_SELECTOR, "li")
    assert len(entries) == 1
    assert entries[0].text.startswith("Bluefin Logistics · Tracking Production · Administrator")
    switch = entries[0].find_element(By.CSS_SELECTOR, "a.step2").get_attribute("href")
    assert switch.startswith("https://signin.aws.amazon.com/switchrole?account=012345678901&")
    entries[0].find_element(By.CSS_SELECTOR, "a:not(.button)").click()
    WebDriverWait(browser, 5).until(lambda d: "clients/bluefin-logistics/index.html#account-012345678901" in d.current_url)


def test_launches_are_listed_as_recent(browser, site):
    browser.get((site / "clients/driftwood-media/index.html").as_uri())
    browser.execute_script("localStorage.clear()")
    browser.refresh()
    # Following the link would leave the portal (and this machine); keep the click, drop the navigation.
    browser.execute_script("document.addEventListener('click', e => e.preventDefault())")
    visible(browser, "a.step2")[1].click()
    browser.get((site / "index.html").as_uri())
    recents = browser.find_element(By.ID, "recents")
    assert recents.is_displayed()
    assert [li.text.split("\n")[0] for li in recents.find_elements(By.CSS_SELECTOR, "li")][0].startswith(
        "Driftwood Media · Streaming Production · DevOps")


def test_stored_entries_cannot_inject_links(browser, site):
    browser.get((site / "index.html").as_uri())
    browser.execute_script("""localStorage.setItem('switchboard:favourites', JSON.stringify([
      {key: 'x', label: '<img src=x onerror=alert(1)>', signIn: 'javascript:alert(1)', switchRole: 'https://x', page: 'clients/a/index.html'},
      {key: 'y', label: '<b>ok</b>', signIn: 'https://a', switchRole: 'https://b', page: '../../etc/passwd'}]))""")
    browser.refresh()
    assert not browser.find_element(By.ID, "favourites").is_displayed()
    assert browser.find_elements(By.CSS_SELECTOR, "#favourites img") == []


def test_copy_button_confirms_and_fills_the_clipboard(browser, site, served):
    url, _ = served
    browser.get(url + "clients/abc-corp/index.html")
    browser.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": url.rstrip("/"), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    assert copied(browser, visible(browser, "section.account button.copy")[0]) == "444455556666"
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
    assert not browser.find_element(By.CSS_SELECTOR, "search").is_displayed()
    assert len(visible(browser, ".client-card")) == len(data["clients"])


def test_phone_width_has_no_horizontal_scroll(browser, site):
    browser.set_window_size(390, 844)
    try:
        for page in ["index.html", "clients/abc-corp/index.html", "docs/how-switching-works.html"]:
            browser.get((site / page).as_uri())
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, page
    finally:
        browser.set_window_size(1280, 900)


def test_keyboard_focus_is_visible(browser, site):
    browser.get((site / "clients/abc-corp/index.html").as_uri())
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    body.send_keys(Keys.TAB)
    outline = browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_search_stays_fast_with_hundreds_of_clients(browser, tmp_path):
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
    browser.get((output / "index.html").as_uri())
    search = browser.find_element(By.ID, "search")
    start = time.perf_counter()
    search.send_keys("client 123 account 4")
    assert [row.text.split(" ")[0:2] for row in visible(browser, ".account-list li")] == [["Account", "4"]]
    elapsed = time.perf_counter() - start
    print(f"search over 400 clients / 2000 accounts: {elapsed * 1000:.0f} ms for 20 keystrokes")


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
