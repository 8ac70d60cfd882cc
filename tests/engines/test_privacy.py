"""Nothing leaves the device, in each engine. Every test is already checked for it (conftest.py:
the request watch, and each page's own list of what it fetched); this one goes through every
screen for it, and the last one proves the watch sees a request to another host when there is one,
so a silent watch can never pass for a private app."""

from test_screens import open_every_screen


def test_every_screen_asks_only_the_apps_own_host(browser, screens, proxy):
    before = len(proxy.seen)
    open_every_screen(browser, screens)
    browser.collect()
    # The pages' own lists saw the app's files being fetched (so they were watching), and none
    # from elsewhere; the watch at the door saw nothing at all.
    assert browser.fetched > 0
    assert browser.foreign == []
    assert proxy.seen[before:] == []


def test_the_request_watch_sees_a_request_to_another_host(browser, proxy):
    before = len(proxy.seen)
    # A top-level visit: the app's CSP would stop any request from its own pages before it left.
    browser.driver.get("http://peer-study.invalid/ping")
    browser.wait_for(
        lambda _: any("peer-study.invalid/ping" in r for r in proxy.seen[before:]),
        "the watch to see the request",
    )
    # Seen and refused on purpose (the page, then its favicon): not a leak by the app. Anything
    # else is still checked after the test.
    browser.driver.get("about:blank")
    proxy.seen[before:] = [r for r in proxy.seen[before:] if "peer-study.invalid" not in r]
