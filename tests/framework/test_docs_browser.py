"""/docs in a real browser: Swagger UI renders from the app's own assets and "Try it out"
calls the live server."""

import os
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as shown
from selenium.webdriver.support.ui import WebDriverWait

from tests.live_server import Servers

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
TIMEOUT = 30

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)),
                       reason=f"needs {CHROMIUM} and {CHROMEDRIVER} "
                              "(apt-get install chromium chromium-driver)"),
]


@pytest.fixture
def server(tmp_path):
    servers = Servers(tmp_path)
    try:
        yield servers.start(DOPESHEET_ADMIN_EMAIL="boss@example.com",
                            DOPESHEET_ADMIN_PASSWORD="a long enough password")
    finally:
        servers.close()


@pytest.fixture
def browser(tmp_path):
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run",
                     f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def operation(wait, method, path):
    return wait.until(shown.visibility_of_element_located((
        By.XPATH, f"//div[contains(@class, 'opblock-{method}')]"
                  f"[.//*[contains(@class, 'opblock-summary-path') and @data-path='{path}']]")))


@pytest.mark.parametrize("prefix", ["", "/api"])
def test_try_it_out_calls_the_live_api(server, browser, prefix):
    wait = WebDriverWait(browser, TIMEOUT)
    browser.get(f"{server.url}{prefix}/docs")
    operation(wait, "get", "/auth/authenticated")
    operation(wait, "post", "/auth/login")

    index = operation(wait, "get", "/")
    index.find_element(By.CSS_SELECTOR, ".opblock-summary").click()
    wait.until(shown.element_to_be_clickable((By.CSS_SELECTOR, ".try-out__btn"))).click()
    wait.until(shown.element_to_be_clickable((By.CSS_SELECTOR, "button.execute"))).click()

    live = wait.until(shown.visibility_of_element_located((
        By.CSS_SELECTOR, ".live-responses-table .response")))
    assert live.find_element(By.CSS_SELECTOR, ".response-col_status").text.strip() == "200"
    assert '"api": "Dopesheet"' in live.find_element(By.CSS_SELECTOR, ".microlight").text
    request_url = index.find_element(By.CSS_SELECTOR, ".request-url pre").text
    assert request_url == f"{server.url}{prefix}/"

    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(entry => entry.name)")
    assert f"{server.url}{prefix}/docs/static/swagger-ui-bundle.js" in loaded
    assert [url for url in loaded if not url.startswith(server.url + "/")] == []
