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
