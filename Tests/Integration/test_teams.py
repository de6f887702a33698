"""Teams in the browser: an employee ticks the teams they are in on the home page; client pages put
the launches of those teams first, mark the others and offer Request access instead of a sign-in
that would fail; the choice survives a reload; without JavaScript every launch is shown as before."""
from urllib.parse import parse_qs, unquote, urlparse

from selenium.webdriver.common.by import By



def visible(driver, selector):
    return [element for element in driver.find_elements(By.CSS_SELECTOR, selector) if element.is_displayed()]


def roles_in_order(browser, account_id):
    section = browser.find_element(By.CSS_SELECTOR, f"li.account[id$='{account_id}']")
    return [(role.get_attribute("data-launch").split("/")[-1], "not-yours" in role.get_attribute("class"))
            for role in section.find_elements(By.CSS_SELECTOR, "ul.roles > li.role")]


def choose(browser, site, *keys):
    browser.get((site / "index.html").as_uri())
    browser.execute_script("localStorage.clear()")
    browser.refresh()
    chooser = browser.find_element(By.ID, "teams")
    assert chooser.is_displayed()
    for key in keys:
        browser.find_element(By.CSS_SELECTOR, f"#teams input[value='{key}']").click()


def test_choosing_teams_orders_and_marks_launches(browser, site):
    page = (site / "clients/cedar-health/index.html").as_uri()
    browser.get(page)
    browser.execute_script("localStorage.clear()")
    browser.refresh()
    # Before a choice: everything as without teams, in portal order.
    assert roles_in_order(browser, "555566668888") == [("administrator", False), ("devops", False), ("read-only", False)]

    choose(browser, site, "engineers")  # engineers hold read-only everywhere but at Cedar Health
    browser.get(page)
    assert roles_in_order(browser, "555566668888") == [("administrator", True), ("devops", True), ("read-only", True)]
    status = browser.find_element(By.ID, "team-status")
    assert "All engineers" in status.text and status.find_element(By.TAG_NAME, "a").get_attribute("href").endswith("index.html#teams")

    choose(browser, site, "delivery")
    browser.get(page)
    # Delivery engineers hold devops and (at Cedar Health) read-only: those come first.
    assert roles_in_order(browser, "555566668888") == [("devops", False), ("read-only", False), ("administrator", True)]
    administrator = browser.find_element(By.CSS_SELECTOR, "li.role.not-yours")
    assert administrator.find_element(By.CSS_SELECTOR, ".not-yours-note").text == "Not held by your teams"
    assert not administrator.find_element(By.CSS_SELECTOR, "a.step1").is_displayed()

    # Request access: the portal's mailto template with every value filled in and encoded.
    request = administrator.find_element(By.CSS_SELECTOR, "a.request")
    assert request.text == "Request access"
    url = urlparse(request.get_attribute("href"))
    assert url.scheme == "mailto" and url.path == "platform@larkspur.example"
    query = parse_qs(url.query)
    assert query["subject"] == ["Access to CedarHealthAdministrator"]
    assert query["body"] == ["Please give me Administrator access to Cedar Health, Clinical Staging (555566668888)."]

    browser.refresh()  # the choice is kept in the browser
    assert roles_in_order(browser, "555566668888")[0] == ("devops", False)

    choose(browser, site)  # no team ticked: everything as before
    browser.get(page)
    assert roles_in_order(browser, "555566668888") == [("administrator", False), ("devops", False), ("read-only", False)]
    assert visible(browser, "a.request") == []


def test_every_launch_names_its_teams(browser, site):
    browser.get((site / "clients/abc-corp/index.html").as_uri())
    role = browser.find_element(By.CSS_SELECTOR, "li.role[data-launch$='/devops']")
    assert role.get_attribute("data-teams") == "platform-oncall delivery"
    role.find_element(By.CSS_SELECTOR, "details summary").click()  # the facts are shown on demand
    assert "Platform on-call, Delivery engineers" in role.text


def test_without_javascript_teams_change_nothing(browser_without_javascript, site):
    browser = browser_without_javascript
    browser.get((site / "clients/cedar-health/index.html").as_uri())
    assert not browser.find_elements(By.CSS_SELECTOR, "li.role.not-yours")
    assert all(link.is_displayed() for link in browser.find_elements(By.CSS_SELECTOR, "li.role a.step1"))
    browser.get((site / "index.html").as_uri())
    assert not browser.find_element(By.ID, "teams").is_displayed()


def test_access_statement_lists_every_account_level_and_team(browser, site):
    browser.get((site / "clients/cedar-health/access-statement.html").as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "table.statement tbody tr")
    assert len(rows) == 6  # one per account and access level: 1 + 3 + 2
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "Delivery engineers (delivery-engineers)" in text and "arn:aws:iam::555566667777:role/larkspur-read-only" in text
