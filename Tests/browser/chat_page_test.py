#!/usr/bin/python3
"""Drives the gateway's chat page in headless Chromium (Debian's chromium + chromium-driver, Selenium from
python3-selenium), at phone and desktop width, as a visitor would.

Usage: chat_page_test.py URL [--screenshots DIR] [--chromedriver PATH] [--chromium PATH]
Prints one line per check and a closing 'N passed, N failed' line; exits 1 when a check failed.
"""
import argparse
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

PASSED, FAILED = [], []


def check(name, condition, detail=""):
    (PASSED if condition else FAILED).append(name)
    print(("ok   " if condition else "FAIL ") + name + (f"  ({detail})" if detail and not condition else ""), flush=True)
    return condition


def make_driver(args, width, height, mobile=False):
    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 f"--window-size={width},{height}", "--force-device-scale-factor=1", "--lang=id-ID",
                 "--disable-extensions", "--no-first-run", "--disable-background-networking"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    driver.set_page_load_timeout(30)
    if mobile:
        # A desktop window cannot be narrower than about 500 px: emulate the phone's viewport instead.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    return driver


def answers(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#log .answer")


def wait_for_answers(driver, count, timeout=30):
    WebDriverWait(driver, timeout).until(lambda d: len(answers(d)) >= count)
    return answers(driver)


def type_question(driver, text):
    box = driver.find_element(By.ID, "question")
    box.click()
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def conversation(driver, label):
    """The flow of the acceptance test: a question, its answer, a suggestion clicked, a new answer."""
    log = driver.find_element(By.ID, "log")
    check(f"{label}: #log is a polite live region", log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite")
    box = driver.find_element(By.ID, "question")
    label_el = driver.find_elements(By.CSS_SELECTOR, "label[for=question]")
    check(f"{label}: #question has a label", len(label_el) == 1)
    check(f"{label}: the question field has the focus on load", driver.switch_to.active_element == box)

    type_question(driver, "apa itu KOL?")
    first = wait_for_answers(driver, 1)[0]
    text = first.find_element(By.TAG_NAME, "p").text
    check(f"{label}: an .answer about KOL appears in #log", "Key Opinion Leader" in text or "KOL" in text, text[:80])
    check(f"{label}: the answer cites its source", len(first.find_elements(By.CSS_SELECTOR, ".source")) == 1)
    user_messages = driver.find_elements(By.CSS_SELECTOR, "#log .msg.user")
    check(f"{label}: the question is shown", len(user_messages) >= 1 and user_messages[-1].text == "apa itu KOL?")
    suggestions = first.find_elements(By.CSS_SELECTOR, ".suggestion")
    check(f"{label}: the answer offers .suggestion buttons", len(suggestions) >= 1 and suggestions[0].tag_name == "button")
    if not suggestions:
        return
    suggested = suggestions[0].text
    suggestions[0].click()
    second = wait_for_answers(driver, 2)[1]
    check(f"{label}: clicking a suggestion asks it", driver.find_elements(By.CSS_SELECTOR, "#log .msg.user")[-1].text == suggested, suggested)
    check(f"{label}: and a new .answer appears", len(second.find_element(By.TAG_NAME, "p").text) > 20)
    return suggested


def hostile_question(driver, label):
    hostile = '<script>window.__kolbotPwned = 1</script><img src=x onerror="window.__kolbotPwned = 2"> apa itu influencer?'
    before = len(answers(driver))
    type_question(driver, hostile)
    wait_for_answers(driver, before + 1)
    shown = driver.find_elements(By.CSS_SELECTOR, "#log .msg.user")[-1]
    check(f"{label}: a <script> question is shown as text", shown.text == hostile, shown.text)
    check(f"{label}: and not run", driver.execute_script("return window.__kolbotPwned === undefined"))
    check(f"{label}: no element was made from it", not driver.find_elements(By.CSS_SELECTOR, "#log script, #log img"))


def keyboard_only(driver, label):
    """Tab from the field to the send button and press Enter; then reach a suggestion by keyboard."""
    before = len(answers(driver))
    box = driver.find_element(By.ID, "question")
    box.click()
    box.send_keys("bedanya apa?")
    box.send_keys(Keys.TAB)
    check(f"{label}: Tab moves to the send button", driver.switch_to.active_element.get_attribute("id") == "send")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for_answers(driver, before + 1)
    check(f"{label}: the send button works from the keyboard", len(answers(driver)) == before + 1)


def phone(args):
    driver = make_driver(args, 390, 844, mobile=True)
    try:
        driver.get(args.url)
        WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.documentElement.dataset.ready === 'true'"))
        conversation(driver, "phone")
        hostile_question(driver, "phone")
        width, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        check("phone: no horizontal scrolling at 390 px", inner == 390 and width <= 390, f"scrollWidth {width}, innerWidth {inner}")
        composer = driver.find_element(By.ID, "ask").rect
        check("phone: the question field stays on screen", composer["y"] + composer["height"] <= 844 + 1, str(composer))
        user = driver.execute_script("return localStorage.getItem('kolbot.user')")
        check("phone: the visitor has an anonymous id", bool(user) and user.startswith("web:"), str(user))
        if args.screenshots:
            driver.save_screenshot(os.path.join(args.screenshots, "gateway-chat-phone.png"))
        return user
    finally:
        driver.quit()


def desktop(args, other_user):
    driver = make_driver(args, 1280, 860)
    try:
        driver.get(args.url)
        WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.documentElement.dataset.ready === 'true'"))
        user = driver.execute_script("return localStorage.getItem('kolbot.user')")
        conversation(driver, "desktop")
        user = driver.execute_script("return localStorage.getItem('kolbot.user')")
        check("desktop: another browser gets another visitor id", user and user != other_user, f"{user} vs {other_user}")
        keyboard_only(driver, "desktop")
        # The visitor writes English: the answer and then the page follow.
        before = len(answers(driver))
        type_question(driver, "what is an influencer?")
        english = wait_for_answers(driver, before + 1)[-1]
        check("desktop: an English question gets an English answer", english.get_attribute("lang") == "en")
        check("desktop: the page follows the visitor's language",
              driver.execute_script("return document.documentElement.lang") == "en"
              and driver.find_element(By.ID, "question").get_attribute("placeholder").startswith("Type"))
        driver.execute_script("document.getElementById('question').blur(); document.getElementById('log').scrollTop = 1e6;")
        time.sleep(0.3)
        if args.screenshots:
            driver.save_screenshot(os.path.join(args.screenshots, "gateway-chat.png"))
        # The same visitor reloading keeps its id (conversation memory is per visitor).
        driver.refresh()
        WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.documentElement.dataset.ready === 'true'"))
        check("desktop: a reload keeps the visitor id", driver.execute_script("return localStorage.getItem('kolbot.user')") == user)
    finally:
        driver.quit()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--screenshots", default=None, help="folder for gateway-chat.png and gateway-chat-phone.png")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    started = time.time()
    try:
        user = phone(args)
        desktop(args, user)
    except Exception as error:  # a timeout or a missing element: report it as a failed check
        check("the browser flow ran to the end", False, f"{type(error).__name__}: {error}".splitlines()[0])
    print(f"browser checks took {time.time() - started:.1f} s")
    print(f"{len(PASSED)} passed, {len(FAILED)} failed")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
