"""Nothing leaves the device, in each engine. Every test is already checked for it (conftest.py:
the request watch, and each page's own list of what it fetched); this one goes through every
screen for it. test_watch.py proves the watch sees a request to another host when there is one."""

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

