"""Driving Peer Study over WebDriver as a trainee would: open a screen, find things by their role
and accessible name (XPath on the label, the button's words or aria-label), wait for what a
trainee would see.

Every wait allows WAIT seconds; on a quiet machine each one takes well under a second, so a slow,
busy CI machine has room to spare. Nothing here waits a fixed time.
"""

import datetime
import sys

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from watch import PAGE_REPORT, PAGE_WATCH

WAIT = 20  # seconds for any one thing to appear

# Run in a page of the app's origin: forget every service worker, cache and stored item.
FORGET = """
const done = arguments[arguments.length - 1];
(async () => {
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    await registration.unregister();
  }
  for (const name of await caches.keys()) await caches.delete(name);
  localStorage.clear();
  sessionStorage.clear();
  return {
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    caches: (await caches.keys()).length,
    stored: localStorage.length,
  };
})().then(done, (error) => done(String(error)));
"""
ESSAY = "Reflective essay: my recovery story"


def next_monday():
    """The Monday after today: a course start in the future, on the weekday courses start."""
    today = datetime.date.today()
    return today + datetime.timedelta(days=7 - today.weekday())


def literal(text):
    """`text` as an XPath 1.0 string literal, whatever quotes it holds."""
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


def named(name):
    """XPath predicate: the element's accessible name is `name` (its words or its aria-label)."""
    n = literal(name)
    return f"[normalize-space(.)={n} or @aria-label={n}]"


def labelled(name, exact=True):
    """XPath predicate: a form control whose <label> (or aria-label) says `name`."""
    n = literal(name)
    match = f"normalize-space(.)={n}" if exact else f"contains(normalize-space(.), {n})"
    return f"[@id=//label[{match}]/@for or @aria-label={n}]"


class App:
    """One browser session on the app, with what it has seen kept for the checks after a test."""

    def __init__(self, driver, engine, base_url, downloads):
        self.driver = driver
        self.engine = engine
        self.base_url = base_url
        self.downloads = downloads  # where this browser saves what it downloads
        self.page_errors = []  # from the in-page watch, every page of this session
        self.foreign = []  # URLs in resource timing that are not on the app's origin
        self.fetched = 0  # how many URLs resource timing listed, to show the check saw traffic

    def forget_everything(self):
        """Empty what the browser keeps for the app's origin (stored data, service workers, their
        caches) and the downloads folder, from a page of that origin that is not the app (so the
        app can't save anything while it happens); then check it is all gone."""
        for file in self.downloads.iterdir():
            if file.is_file():
                file.unlink()
        self.driver.get(self.base_url + "/engines-reset.txt")  # a 404 page on the app's origin
        left = self.driver.execute_async_script(FORGET)
        self.driver.get("about:blank")  # no page left for an unregistered worker to control
        assert left == {"workers": 0, "caches": 0, "stored": 0}, f"{self.engine}: still kept {left}"

    # --- pages --------------------------------------------------------------------------------

    def collect(self):
        """Read back what the current page has seen, before it is replaced by another."""
        try:
            report = self.driver.execute_script(PAGE_REPORT)
        except WebDriverException:
            return  # no page (yet), or one the browser itself shows; nothing of ours to read
        if not report:
            return
        self.page_errors += report["errors"]
        self.foreign += report["foreign"]
        self.fetched += report["fetched"]

    def _loaded(self):
        self.driver.execute_script(PAGE_WATCH)
        self.wait_for(lambda _: self.main_heading_shown(), "the page's main heading")

    def open(self, path="/"):
        """Open the app at `path` and wait until it has mounted (its main heading shows)."""
        self.collect()
        self.driver.get(self.base_url + path)
        self._loaded()

    def reload(self):
        """Reload the page as the browser's own reload button does. (geckodriver's Refresh
        command skips the service worker, so offline it shows Firefox's error page where a
        trainee's reload would open the app; location.reload() is the real thing in both.)"""
        self.collect()
        self.driver.execute_script("window.__enginesOldPage = true; location.reload();")
        self.wait_for(
            lambda d: d.execute_script("return document.readyState === 'complete' && !window.__enginesOldPage"),
            "the reloaded page",
        )
        self._loaded()

    def tap(self, element):
        """Click `element` as a trainee taps it: scrolled to the middle of the screen first.
        (Firefox's driver clicks an element whose middle is on screen where it is, even under
        the app's fixed navigation bar, where no trainee would tap.)"""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def main_heading_shown(self):
        found = self.driver.find_elements(By.XPATH, "//main//h1")
        return bool(found) and found[0].is_displayed() and found[0].text.strip() != ""

    def heading(self):
        return self.driver.find_element(By.XPATH, "//main//h1").text.strip()

    def wait_for(self, condition, what, timeout=WAIT):
        """Wait until `condition(driver)` is truthy; fail saying `what` never appeared."""

        def safe(driver):
            try:
                return condition(driver)
            except StaleElementReferenceException:
                return False  # re-rendered while we looked; look again

        return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(
            safe, f"{self.engine}: waited {timeout} s for {what}"
        )

    def wait_for_heading(self, text):
        self.wait_for(lambda _: self.heading() == text, f"the heading “{text}”")

    # --- finding things by role and name -------------------------------------------------------

    def find(self, xpath, what):
        """The first displayed element matching `xpath`, waiting for it to show."""

        def shown(driver):
            for element in driver.find_elements(By.XPATH, xpath):
                if element.is_displayed():
                    return element
            return None

        return self.wait_for(shown, what)

    def button(self, name, within=""):
        return self.find(f"{within}//button{named(name)}", f"the button “{name}”")

    def link(self, name):
        return self.find(f"//a{named(name)}", f"the link “{name}”")

    def textbox(self, label):
        xpath = f"//*[self::textarea or self::input]{labelled(label)}"
        return self.find(xpath, f"the text box “{label}”")

    def checkbox(self, label_start):
        xpath = f"//input[@type='checkbox']{labelled(label_start, exact=False)}"
        return self.find(xpath, f"the checkbox “{label_start}…”")

    def radio(self, label):
        return self.find(f"//input[@type='radio']{labelled(label)}", f"the radio “{label}”")

    def text(self, words):
        """An element showing exactly `words` (spaces normalised)."""
        return self.find(f"//*[normalize-space(.)={literal(words)}]", f"the words “{words}”")

    def article(self, name):
        """An <article> named by its heading (aria-labelledby) or aria-label."""
        n = literal(name)
        return f"//article[@aria-label={n} or .//*[@id=ancestor::article/@aria-labelledby][normalize-space(.)={n}]]"

    def type(self, field, text):
        """Type `text` key by key, each line break as the Enter key (WebKit's driver types "\n"
        as nothing at all; a trainee presses Enter).

        Once, on a busy CI machine, WebKit's driver answered a send-keys with "unknown error" and
        no message at all, for a field it had just found shown, with nothing typed; the same test
        passed in every run here. So a driver error that typed nothing is tried once more, and
        said on stderr with what the page showed; one that typed part of the text, or a second
        failure, still fails the test."""
        keys = text.replace("\n", Keys.ENTER)
        before = self.value(field)
        try:
            field.send_keys(keys)
        except StaleElementReferenceException:
            raise
        except WebDriverException as error:
            if self.value(field) != before:
                raise
            state = self.driver.execute_script(
                "const f = arguments[0]; return {connected: f.isConnected, "
                "focused: document.activeElement === f, url: location.pathname}",
                field,
            )
            print(
                f"{self.engine}: send-keys typed nothing ({error.msg!r}, {state}); once more",
                file=sys.stderr,
            )
            self.wait_for(lambda _: field.is_displayed(), "the text box, still shown")
            field.send_keys(keys)

    def type_date(self, field, date):
        """Type `date` into a date field. WebKit's field takes the digits in the order it shows
        them (month, day, year in the C locale the tests start it in); Firefox's takes the date
        as ISO text (WebDriver sets a date input's value directly)."""
        if self.engine == "webkit":
            field.send_keys(date.strftime("%m-%d-%Y"))
        else:
            field.send_keys(date.isoformat())

    def downloaded(self, suffix):
        """The file ending in `suffix` in the downloads folder, once the browser has finished
        writing it."""

        def arrived(_):
            done = [f for f in self.downloads.iterdir() if f.name.endswith(suffix)]
            return done[0] if done and done[0].stat().st_size > 0 else None

        return self.wait_for(arrived, f"a {suffix} file in the downloads folder")

    def value(self, element):
        return element.get_property("value")

    # --- what a trainee does first -------------------------------------------------------------

    def set_course_dates(self, start):
        """Set the course to start on `start` from the dates page, typed into the engine's own
        date field as a trainee with a keyboard would."""
        self.open("/course/dates")
        self.type_date(self.textbox("Course start date"), start)
        self.tap(self.button("Set up my dates"))
        self.find(
            "//*[@role='status'][contains(., 'Your dates are saved')]",
            "the message that dates are saved",
        )

    def start_essay(self):
        """Start the reflective essay from the assignments list (unless it is started already)
        and arrive in its editor."""
        self.open("/assignments")
        start = self.driver.find_elements(
            By.XPATH, f"{self.article(ESSAY)}//button{named('Start writing')}"
        )
        if start:
            self.tap(start[0])
        else:
            self.tap(self.link(ESSAY))
        self.wait_for_heading(ESSAY)
