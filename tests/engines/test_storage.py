"""What a trainee sets or ticks survives a reload in each engine: prep ticked on the home page,
and a theme and text size chosen in settings."""

from app import App, next_monday


def test_prep_ticked_at_home_survives_a_reload(browser):
    browser.set_course_dates(next_monday())
    browser.open("/")
    browser.find("//h2[normalize-space(.)='Your next session']", "the next session")
    first = browser.checkbox("Look through the course map")
    second = browser.checkbox("Jot down what you hope")
    browser.tap(first)
    browser.tap(second)
    browser.text("2 of 4 tasks · 30 of 60 min")

    browser.reload()
    assert browser.checkbox("Look through the course map").is_selected()
    assert browser.checkbox("Jot down what you hope").is_selected()
    assert not browser.checkbox("Prepare a short introduction").is_selected()
    browser.text("2 of 4 tasks · 30 of 60 min")


def html_attribute(app: App, name):
    return app.driver.execute_script(f"return document.documentElement.getAttribute('{name}')")


def test_a_setting_survives_a_reload(browser):
    browser.open("/settings")
    light = browser.driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    browser.tap(browser.radio("Dark"))
    browser.tap(browser.radio("Larger"))
    browser.wait_for(lambda _: html_attribute(browser, "data-theme") == "dark", "the dark theme")

    browser.reload()
    assert browser.radio("Dark").is_selected()
    assert browser.radio("Larger").is_selected()
    assert html_attribute(browser, "data-theme") == "dark"
    assert html_attribute(browser, "data-text-size") == "larger"
    dark = browser.driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert dark != light
