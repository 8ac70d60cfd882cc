"""After one visit, with the service worker in control, every screen opens again in each engine
with the network gone: the server the app came from is stopped, so any request the app still
needed would fail (and the page would show no heading, or the wrong one)."""

from test_screens import HOME, open_every_screen, wait_for_whole_screen


def test_every_screen_opens_with_the_network_gone(browser, own_server, screens):
    own_server.start()
    browser.base_url = own_server.url
    browser.forget_everything()  # this origin, too, starts empty
    browser.open("/")
    # The one visit: home, its lower cards included (their download must not be cut off by the
    # server stopping), and the worker, which keeps every file, in control.
    wait_for_whole_screen(browser, HOME)
    browser.wait_for(
        lambda d: d.execute_script("return navigator.serviceWorker?.controller != null"),
        "the service worker to take control",
    )

    own_server.stop()
    browser.reload()
    # Home, its lower cards included, from the worker alone.
    wait_for_whole_screen(browser, HOME)
    seen = open_every_screen(browser, screens)
    assert seen == [s["heading"] for s in screens]
    # Every screen was a full load by address, with nothing to answer but the service worker.
    assert browser.driver.execute_script(
        "return navigator.serviceWorker.controller.scriptURL"
    ).endswith("/sw.js")
