"""The passcode lock in each engine, with the engine's own Web Crypto (PBKDF2, AES-GCM key
wrapping): write a reflection, set the lock up from Settings, lock now; a reload shows only the lock
screen, with none of the words anywhere in the page or stored readably; the passcode brings the
reflection back. With the lock on, the backup file is encrypted, and on a fresh start the engine's
own Web Crypto opens it with the passcode."""

import re

from selenium.webdriver.common.by import By

from app import App, labelled
from watch import PAGE_WATCH

PASSCODE = "otters hold hands asleep"
REFLECTION = "Listening without fixing felt unfamiliar but steadied the whole conversation"
WORDS = ["Listening", "fixing", "unfamiliar", "steadied", "conversation"]
LOCKED = "Peer Study is locked"
STORED = "return Object.keys(localStorage).map((k) => localStorage.getItem(k)).join('\\n')"


def set_up_lock(app: App):
    app.open("/settings")
    app.tap(app.button("Set up a passcode"))
    app.type(app.textbox("New passcode"), PASSCODE)
    app.type(app.textbox("Repeat new passcode"), PASSCODE)
    app.tap(app.button("Continue"))
    # Deriving the passcode's key (600,000 rounds of PBKDF2) comes first; then the key shows.
    code = app.find("//*[@role='group']//code", "the recovery key")
    key = code.text.strip()
    assert re.fullmatch(r"([0-9A-Z]{4} ){6}[0-9A-Z]{4}", key), key
    app.type(app.textbox("Type your recovery key"), key)
    app.tap(app.button("Turn on passcode lock"))
    app.find("//*[contains(normalize-space(.), 'The passcode lock is on.')]", "the lock being on")


def write_reflection(app: App):
    app.open("/course/journal")
    app.type(app.textbox("Your reflection"), REFLECTION)
    app.tap(app.button("Save reflection"))
    app.find("//*[@role='status'][contains(., 'Saved in your journal.')]", "the reflection saved")


def lock_screen_shows_nothing_of_it(app: App):
    app.wait_for_heading(LOCKED)
    app.textbox("Passcode")
    page = app.driver.page_source
    for word in WORDS:
        assert word not in page, f"{app.engine}: the lock screen shows “{word}”"
    assert not app.driver.find_elements(By.XPATH, "//nav[@aria-label='Main']")


def test_lock_now_then_a_reload_shows_the_lock_screen_and_the_passcode_brings_the_words_back(browser):
    # Written first, then sealed by turning the lock on (opening a page by its address with the
    # lock on would show the lock screen).
    write_reflection(browser)
    set_up_lock(browser)

    # "Lock now" saves first, then locks (the page reloads onto the lock screen).
    browser.collect()
    browser.driver.execute_script("window.__enginesOldPage = true")
    browser.tap(browser.button("Lock now"))
    browser.wait_for(
        lambda d: d.execute_script("return !window.__enginesOldPage") and browser.heading() == LOCKED,
        "the lock screen after the reload",
    )
    browser.driver.execute_script(PAGE_WATCH)
    stored = browser.driver.execute_script(STORED)
    assert '"sealed"' in stored
    for word in WORDS:
        assert word not in stored, f"{browser.engine}: “{word}” is stored readably"

    # A reload, and the journal's own address, still show only the lock screen.
    browser.reload()
    lock_screen_shows_nothing_of_it(browser)
    browser.open("/course/journal")
    lock_screen_shows_nothing_of_it(browser)

    # The passcode opens the journal at the address asked for, with the reflection.
    browser.type(browser.textbox("Passcode"), PASSCODE)
    browser.tap(browser.button("Unlock"))
    browser.wait_for_heading("Reflection journal")
    browser.text(REFLECTION)


def test_with_the_lock_on_the_backup_is_encrypted_and_the_passcode_opens_it_on_a_fresh_start(browser, tmp_path):
    write_reflection(browser)
    set_up_lock(browser)

    # Opening My data by its address reloads the page, so the lock screen asks first.
    browser.open("/my-data")
    browser.wait_for_heading(LOCKED)
    browser.type(browser.textbox("Passcode"), PASSCODE)
    browser.tap(browser.button("Unlock"))
    browser.wait_for_heading("My data")
    browser.tap(browser.button("Download a backup"))
    download = browser.downloaded("-encrypted.json")
    text = download.read_text(encoding="utf-8")
    for word in WORDS:
        assert word not in text, f"{browser.engine}: the encrypted backup shows “{word}”"
    # Kept outside the downloads folder, which forgetting empties.
    backup = tmp_path / download.name
    backup.write_text(text, encoding="utf-8")

    # As on a new phone: nothing stored, no lock. The engine's own Web Crypto opens the file.
    browser.forget_everything()
    browser.open("/my-data")
    chooser = browser.driver.find_element(By.XPATH, f"//input[@type='file']{labelled('Backup file')}")
    chooser.send_keys(str(backup))
    browser.find("//h3[normalize-space(.)='This backup is encrypted']", "the passcode form for the backup")
    browser.type(browser.textbox("Passcode"), PASSCODE)
    browser.tap(browser.button("Open the backup"))
    browser.find("//h3[normalize-space(.)='What this backup holds']", "what the backup holds")
    browser.tap(browser.button("Merge with what's here"))
    browser.find("//*[starts-with(normalize-space(.), 'Restored')]", "the message that it is restored")

    browser.open("/course/journal")
    browser.text(REFLECTION)
