"""Choice fields past 50 records, in headless Chromium: the portfolio's partner filter and the team picker become
search fields completed as the user types (/static/accord.js). Adds 55 partners and 55 of our people to the demo
server through the API, so it runs after the journeys that count the demo's partners (file order)."""
import json
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_journeys import BASE, button, check_accessibility, click_and_wait, driver, shot, sign_in, sign_out  # noqa: F401


def api_token(driver):
    driver.get(BASE + "/account/tokens")
    driver.find_element(By.ID, "token-name").send_keys("Search field journey")
    click_and_wait(driver, lambda: button(driver, "Create token"))
    return driver.find_element(By.ID, "new-token").text


def post(token, path, body):
    request = urllib.request.Request(
        BASE + path, data=json.dumps(body).encode(), method="POST",
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        assert response.status == 201, path
        return json.load(response)


def options_of(driver, element_id):
    return driver.execute_script(
        "return Array.from(document.getElementById(arguments[0]).options).map(o => o.textContent || o.value)", element_id)


def test_many_partners_and_people_are_found_by_typing(driver):
    sign_in(driver, "admin@accord.example")
    token = api_token(driver)
    partners = [post(token, "/api/v1/organizations", {"name": f"Zeta Partner {i:02d}", "kind": "partner"}) for i in range(1, 56)]
    ours = [o for o in json.load(urllib.request.urlopen(urllib.request.Request(
        BASE + "/api/v1/organizations?per_page=100", headers={"Authorization": "Bearer " + token})))["items"] if o["kind"] == "ours"][0]
    for i in range(1, 56):
        post(token, "/api/v1/people", {"organizationId": ours["id"], "name": f"Quinn Staff {i}", "email": f"quinn{i}@helix.example",
                                       "function": "finance", "level": "operational"})
    alliance = post(token, "/api/v1/alliances", {"name": "Zeta seven alliance", "partnerId": partners[6]["id"], "type": "licensing_in",
                                                 "status": "active", "phase": "development", "tier": "tier_2"})

    # The partner filter is a search field now: typing offers at most ten names, the exact name filters.
    driver.get(BASE + "/alliances")
    field = driver.find_element(By.ID, "filter-partner")
    assert field.tag_name == "input"
    field.send_keys("Zeta Partner 0")
    WebDriverWait(driver, 10).until(lambda d: len(options_of(d, "filter-partner-matches")) == 9)
    assert options_of(driver, "filter-partner-matches")[0] == "Zeta Partner 01"
    field.send_keys("7")
    WebDriverWait(driver, 10).until(lambda d: options_of(d, "filter-partner-matches") == ["Zeta Partner 07"])
    shot(driver, "40-partner-search-as-you-type")
    click_and_wait(driver, lambda: button(driver, "Apply filters"))
    assert "Showing 1–1 of 1 alliances" in driver.find_element(By.ID, "result-summary").text
    assert driver.find_element(By.LINK_TEXT, "Zeta seven alliance")
    check_accessibility(driver, "portfolio with a partner search field")
    shot(driver, "41-partner-search-filtered")

    # The team picker: typing a name fills the person list with the matches, and the chosen one is added.
    driver.get(BASE + "/alliances/" + alliance["id"])
    assert options_of(driver, "member-person") == ["Find people first"]
    driver.find_element(By.ID, "member-find").send_keys("Quinn Staff 4")
    WebDriverWait(driver, 10).until(lambda d: len(options_of(d, "member-person")) == 11)  # "Choose a person" and ten
    Select(driver.find_element(By.ID, "member-person")).select_by_visible_text("Quinn Staff 4 (Finance)")
    shot(driver, "42-team-picker-search")
    check_accessibility(driver, "alliance page with a team search")
    click_and_wait(driver, lambda: button(driver, "Add"))
    team = driver.find_element(By.ID, "team").text
    assert "Quinn Staff 4" in team

    # The alliance form names the partner and our sponsor by typing too: no option per partner or person. Picking
    # the partner narrows the partner sponsor's completions to that partner's people (two Petra Lunds, one each).
    for partner_index in (11, 12):
        post(token, "/api/v1/people", {"organizationId": partners[partner_index]["id"], "name": "Petra Lund",
                                       "email": f"petra{partner_index}@zeta.example", "function": "legal", "level": "executive"})
    driver.get(BASE + "/alliances/new")
    partner = driver.find_element(By.ID, "field-partnerID")
    assert partner.tag_name == "input" and driver.find_element(By.ID, "field-ourSponsorID").tag_name == "input"
    assert len(driver.find_elements(By.TAG_NAME, "option")) < 60
    driver.find_element(By.ID, "field-name").send_keys("Typed names alliance")
    Select(driver.find_element(By.ID, "field-type")).select_by_visible_text("Licensing in")
    partner.send_keys("Zeta Partner 1")
    WebDriverWait(driver, 10).until(lambda d: len(options_of(d, "field-partnerID-matches")) == 10)
    partner.send_keys("2")
    WebDriverWait(driver, 10).until(lambda d: options_of(d, "field-partnerID-matches") == ["Zeta Partner 12"])
    assert driver.find_element(By.ID, "field-partnerID-id").get_attribute("value") == partners[11]["id"].lower()
    theirs = driver.find_element(By.ID, "field-partnerSponsorID")
    theirs.send_keys("Petra Lun")
    WebDriverWait(driver, 10).until(lambda d: options_of(d, "field-partnerSponsorID-matches") == ["Petra Lund"])
    theirs.send_keys("d")
    WebDriverWait(driver, 10).until(lambda d: driver.find_element(By.ID, "field-partnerSponsorID-id").get_attribute("value") != "")
    sponsor = driver.find_element(By.ID, "field-ourSponsorID")
    sponsor.send_keys("Quinn Staff 41")
    WebDriverWait(driver, 10).until(lambda d: options_of(d, "field-ourSponsorID-matches") == ["Quinn Staff 41"])
    shot(driver, "43-alliance-form-search")
    check_accessibility(driver, "alliance form with search fields")
    click_and_wait(driver, lambda: button(driver, "Save alliance"))
    page = driver.find_element(By.TAG_NAME, "main").text
    assert "Saved. The record was created." in page and "Zeta Partner 12" in page and "Quinn Staff 41" in page
    assert "Petra Lund" in page
    sign_out(driver)
