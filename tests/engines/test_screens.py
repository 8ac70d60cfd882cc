"""Every screen of the app (the list in tests/e2e/screens.js) opens by its address and shows its
own heading, in each engine; the checks after every test add that no page logged an error."""

from app import App

# The home page's heading (tests/e2e/screens.js names it too).
HOME = "Welcome to Peer Study"


def prepare(app: App, screen):
    """What a trainee does first for the screen to exist (screens.js names the step)."""
    steps = {"startEssay": app.start_essay}
    if screen["prepare"] is None:
        return
    if screen["prepare"] not in steps:
        raise AssertionError(
            f"screens.js has a preparation step “{screen['prepare']}” that "
            "tests/engines/test_screens.py does not know yet: add it to `steps`."
        )
    steps[screen["prepare"]]()


def wait_for_whole_screen(app: App, heading):
    """Waits for a screen's heading and, on the home page, for its lower cards too: they arrive
    just after the page is on show, as a piece of their own (src/app/lazy_area.rs), and leaving
    before they have cuts their download off, which Firefox reports as a page error."""
    app.wait_for_heading(heading)
    if heading == HOME:
        app.link("Study flashcards")


def open_every_screen(app: App, screens):
    """Open each screen by its address and check its heading; returns the headings seen."""
    seen = []
    for screen in screens:
        prepare(app, screen)
        app.open(screen["path"])
        wait_for_whole_screen(app, screen["heading"])
        seen.append(app.heading())
    return seen


def test_every_screen_opens_with_its_heading(browser, screens):
    assert len(screens) > 10, "screens.js lists every screen; this looks like too few"
    seen = open_every_screen(browser, screens)
    assert seen == [s["heading"] for s in screens]


def test_the_home_pages_later_cards_arrive_from_a_cold_start(browser):
    """The home page's lower cards are a piece of their own (src/app/lazy_area.rs), fetched once
    the page is on show: each engine must fetch it, run it and show its cards."""
    browser.open("/")
    browser.wait_for_heading(HOME)
    browser.link("Study flashcards")
    browser.find("//h2[normalize-space(.)='Graduating']", "the graduation card's heading")


# Keeps every URL the page asks `fetch` for from now on, in `window.__enginesAsked`. (WebKit's
# resource timing leaves out the pieces the loader streams into WebAssembly, so it can't say.)
WATCH_FETCH = """
window.__enginesAsked = [];
const fetchAsBefore = window.fetch;
window.fetch = (url, ...rest) => {
  window.__enginesAsked.push(String(url));
  return fetchAsBefore(url, ...rest);
};
"""
COURSE_PIECE_ASKED = (
    "return window.__enginesAsked.some((url) => /\\/split_course-[0-9a-f]{16}\\.wasm$/.test(url))"
)


def test_an_area_starts_to_come_as_its_link_takes_focus(browser):
    """An area's piece is asked for as soon as its link in the navigation takes focus, before any
    click (get_ready in src/app/lazy_area.rs); then the area opens. Each engine must fire the
    header's focusin, start the fetch from it, and open the page from the piece it brought."""
    browser.open("/")
    browser.wait_for_heading(HOME)
    browser.link("Study flashcards")
    course = browser.find("//nav[@aria-label='Main']//a[normalize-space(.)='Course']", "the Course link")
    browser.driver.execute_script(WATCH_FETCH)

    browser.driver.execute_script("arguments[0].focus()", course)
    browser.wait_for(lambda d: d.execute_script(COURSE_PIECE_ASKED), "the course's piece, asked for on focus")
    assert browser.heading() == HOME, "the link's focus alone left the home page"

    browser.tap(course)
    browser.wait_for_heading("Your course")
