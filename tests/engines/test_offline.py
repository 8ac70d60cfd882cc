"""After one visit, with the service worker in control, every screen opens again in each engine
with the network gone: the server the app came from is stopped, so any request the app still
needed would fail (and the page would show no heading, or the wrong one)."""

from test_screens import open_every_screen


def test_every_screen_opens_with_the_network_gone(browser, own_server, screens):
    own_server.start()
    browser.base_url = own_server.url
    browser.forget_everything()  # this origin, too, starts empty
    browser.open("/")
    browser.wait_for(
        lambda d: d.execute_script("return navigator.serviceWorker?.controller != null"),
        "the service worker to take control",
    )

    own_server.stop()
    browser.reload()
    seen = open_every_screen(browser, screens)
    assert seen == [s["heading"] for s in screens]
    # Every screen was a full load by address, with nothing to answer but the service worker.
    assert browser.driver.execute_script(
        "return navigator.serviceWorker.controller.scriptURL"
    ).endswith("/sw.js")
