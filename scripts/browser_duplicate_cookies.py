#!/usr/bin/env python3
"""Duplicate session cookies in a real browser's cookie jar (headless Chromium via Selenium).

    browser_duplicate_cookies.py PORT [--host-prefix]

The session demo serves on 127.0.0.1:PORT; Chromium reaches it as http://app.example.test:PORT
(--host-resolver-rules maps *.example.test to loopback), so cookies can be set for the parent
domain `example.test` as a sibling subdomain would. Checks, asserting as it goes:

1. A stale cookie for the parent domain and one for another path (session ids whose records are
   gone) beside the live cookie: still logged in; log out and log in again works (no 403).
2. A second LIVE session planted for the parent domain (cookie tossing): neither is trusted, on
   this request or the next (the app's own cookie is not deleted, which would leave the browser
   sending only the tossed one).
With --host-prefix (the demo's cookie is `__Host-session`, on http://localhost, a secure context):
3. The browser itself refuses a `__Host-session` cookie for a parent domain or another path, so
   a sibling cannot plant one; the login works.

Prints one line per check and "browser checks passed"; exits non-zero with the reason otherwise.
"""
import sys

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--host-resolver-rules=MAP *.example.test 127.0.0.1", "--no-proxy-server"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def text(driver):
    for _ in range(20):  # the page may be replaced while it is read (a form just submitted)
        try:
            return driver.find_element(By.TAG_NAME, "body").text
        except WebDriverException:
            continue
    return driver.find_element(By.TAG_NAME, "body").text


def wait_for(driver, words):
    """The page's text once it contains `words` (a form's next page), or the page as it is."""
    try:
        WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(lambda d: words in text(d))
    except TimeoutException:
        pass
    return text(driver)


def login(driver, base, name):
    driver.get(base + "/login")
    field = driver.find_element(By.NAME, "username")
    field.clear()
    field.send_keys(name)
    field.submit()
    body = wait_for(driver, "Logged in as " + name)
    assert "Logged in as " + name in body, "login as %r failed: %r" % (name, body)


def logout(driver, base):
    driver.get(base + "/logout")
    driver.find_element(By.CSS_SELECTOR, "form button, form input[type=submit]").click()
    body = wait_for(driver, "You are not logged in")
    assert "You are not logged in" in body, body


def session_cookies(driver, name):
    return [c for c in driver.get_cookies() if c["name"] == name]


def duplicates(port):
    base = "http://app.example.test:%d" % port
    driver = browser()
    try:
        # A session id that was valid once: log in, keep the cookie, log out (record deleted).
        login(driver, base, "old")
        stale = session_cookies(driver, "session")[0]["value"]
        logout(driver, base)
        login(driver, base, "alice")
        driver.add_cookie({"name": "session", "value": stale, "domain": ".example.test", "path": "/"})
        driver.add_cookie({"name": "session", "value": stale, "path": "/login"})
        driver.get(base + "/login")  # the jar shows the cookies of the current page's path
        assert len(session_cookies(driver, "session")) == 3, driver.get_cookies()
        driver.get(base + "/")
        assert "Logged in as alice" in text(driver), "stale cookies logged the user out: %r" % text(driver)
        logout(driver, base)
        login(driver, base, "bob")  # POST /login carries all three: no 403
        print("stale parent-domain and other-path cookies: still logged in, login works")

        # A second live session, planted for the parent domain (cookie tossing).
        other = browser()
        try:
            login(other, base, "mallory")
            tossed = session_cookies(other, "session")[0]["value"]
        finally:
            other.quit()
        driver.delete_all_cookies()
        login(driver, base, "carol")
        driver.add_cookie({"name": "session", "value": tossed, "domain": ".example.test", "path": "/"})
        for _ in range(2):  # the response must not leave the browser sending only the tossed one
            driver.get(base + "/")
            body = text(driver)
            assert "mallory" not in body and "carol" not in body, "a tossed session was trusted: %r" % body
        left = sorted(c.get("domain") for c in session_cookies(driver, "session"))
        assert left == [".example.test", "app.example.test"], "the app's own cookie was deleted: %r" % left
        print("two live sessions: neither trusted on repeated requests, the app's own cookie kept")
    finally:
        driver.quit()


def host_prefix(port):
    base = "http://localhost:%d" % port
    driver = browser()
    try:
        login(driver, base, "alice")
        cookies = session_cookies(driver, "__Host-session")
        assert len(cookies) == 1 and cookies[0]["secure"] and cookies[0]["path"] == "/", cookies
        assert "domain" not in cookies[0] or not cookies[0]["domain"].startswith("."), cookies
        for planted in ({"path": "/login"}, {"domain": "localhost", "path": "/"}):
            cookie = dict({"name": "__Host-session", "value": "planted", "secure": True}, **planted)
            try:
                driver.add_cookie(cookie)
            except WebDriverException:
                continue
            names = [(c["name"], c.get("domain"), c["path"]) for c in driver.get_cookies()]
            assert len(session_cookies(driver, "__Host-session")) == 1, "browser took %r: %r" % (planted, names)
        driver.get(base + "/")
        assert "Logged in as alice" in text(driver), text(driver)
        print("__Host-session: the browser refuses planted variants; still logged in")
    finally:
        driver.quit()


def main():
    port = int(sys.argv[1])
    if "--host-prefix" in sys.argv[2:]:
        host_prefix(port)
    else:
        duplicates(port)
    print("browser checks passed")


if __name__ == "__main__":
    main()
