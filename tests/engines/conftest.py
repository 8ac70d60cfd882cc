"""The cross-engine layer's set-up: the release build served on loopback, and a WebKit
(WebKitGTK's MiniBrowser) or Firefox (ESR, through geckodriver) browser, emptied for every test.

Every test runs once per engine. After each one, whatever the test itself checked, it fails if
the page logged an error or anything asked for another host (see watch.py for how each is seen).

    xvfb-run -a python3 -m pytest tests/engines              # both engines (make test-engines)
    xvfb-run -a python3 -m pytest tests/engines --engine webkit

ENGINES_PORT (default 4204) is the port dist/ is served on; the offline test serves its own copy
on ENGINES_PORT + 10, and the request watch listens on ENGINES_PORT + 20. WebKit needs a display
(xvfb-run); Firefox runs headless.
"""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium import webdriver

from app import App
from watch import ForeignHostProxy

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("ENGINES_PORT", "4204"))
OWN_PORT = PORT + 10
PROXY_PORT = PORT + 20
ENGINES = ("webkit", "firefox")
MINIBROWSER = os.environ.get(
    "MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
)
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
# A phone-sized window (the content area is a little smaller once the browser's own bar is in).
WINDOW = (400, 860)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def pytest_addoption(parser):
    parser.addoption(
        "--engine",
        action="append",
        choices=ENGINES,
        help="run in this engine only (repeatable; default: all)",
    )


def pytest_generate_tests(metafunc):
    if "engine" in metafunc.fixturenames:
        chosen = metafunc.config.getoption("engine") or list(ENGINES)
        # Session scope: pytest then runs all of one engine's tests before the other's.
        metafunc.parametrize("engine", chosen, scope="session")


# --- serving the release build -------------------------------------------------------------------


def wait_for_port(port, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing answered on 127.0.0.1:{port} within {timeout} s")


class DistServer:
    """`node scripts/serve-dist.mjs`, the same server the end-to-end tests use."""

    def __init__(self, port, directory):
        self.port = port
        self.directory = directory
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.process = subprocess.Popen(
            ["node", "scripts/serve-dist.mjs", "--port", str(self.port), "--dir", str(self.directory)],
            cwd=ROOT,
        )
        wait_for_port(self.port)
        return self

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture(scope="session")
def dist():
    index = ROOT / "dist" / "index.html"
    if not index.exists():
        pytest.exit("dist/ has no release build: run `make release` first", 2)
    return ROOT / "dist"


@pytest.fixture(scope="session")
def server(dist):
    served = DistServer(PORT, dist).start()
    yield served
    served.stop()


@pytest.fixture
def own_server(dist):
    """A server of this test's own, which the test may stop (the network going away)."""
    served = DistServer(OWN_PORT, dist)
    yield served
    served.stop()


@pytest.fixture(scope="session")
def screens():
    """Every screen of the app, read from tests/e2e/screens.js (the one list of them)."""
    out = subprocess.run(
        ["node", "tests/engines/screens.mjs"], cwd=ROOT, check=True, capture_output=True
    )
    return json.loads(out.stdout)


@pytest.fixture(scope="session")
def proxy():
    watch = ForeignHostProxy(PROXY_PORT).start()
    yield watch
    watch.stop()


# --- the browsers -------------------------------------------------------------------------------


def start_webkit(home):
    options = webdriver.WebKitGTKOptions()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    # Every host but the app's own goes to the request watch instead of the network.
    options.add_argument(f"--proxy=http://127.0.0.1:{PROXY_PORT}")
    options.add_argument("--ignore-host=127.0.0.1")
    # MiniBrowser saves downloads in $HOME when there is no Downloads folder: a folder of our own.
    service = webdriver.WebKitGTKService(
        executable_path=shutil.which("WebKitWebDriver") or "WebKitWebDriver",
        env={**os.environ, "HOME": str(home), "LC_ALL": "C.UTF-8"},
    )
    return webdriver.WebKitGTK(options=options, service=service)


def start_firefox(downloads):
    options = webdriver.FirefoxOptions()
    options.binary_location = FIREFOX
    options.add_argument("-headless")
    options.enable_bidi = True
    prefs = {
        "browser.download.folderList": 2,
        "browser.download.dir": str(downloads),
        "browser.download.useDownloadDir": True,
        "browser.download.always_ask_before_handling_new_types": False,
        "browser.helperApps.neverAsk.saveToDisk": f"{DOCX_TYPE},text/calendar",
        # Every host but loopback (Firefox never proxies it) goes to the request watch.
        "network.proxy.type": 1,
        "network.proxy.http": "127.0.0.1",
        "network.proxy.http_port": PROXY_PORT,
        "network.proxy.ssl": "127.0.0.1",
        "network.proxy.ssl_port": PROXY_PORT,
        "network.proxy.no_proxies_on": "",
        # Firefox's own background download of its settings (not the app's doing) goes to a
        # closed loopback port instead (refused at once), so whatever reaches the watch is the
        # page's. Release builds honour this only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 (below).
        "services.settings.server": "http://127.0.0.1:9/v1",
        # Firefox's other services of its own, which would otherwise reach the watch now and then
        # and be counted against the app: the reputation check on a finished download (the likely
        # cause of a rare failure after the Word download), safe-browsing list updates, the
        # captive-portal and connectivity probes, add-on and app updates, and telemetry.
        "browser.safebrowsing.downloads.enabled": False,
        "browser.safebrowsing.downloads.remote.enabled": False,
        "browser.safebrowsing.malware.enabled": False,
        "browser.safebrowsing.phishing.enabled": False,
        "browser.safebrowsing.blockedURIs.enabled": False,
        "browser.safebrowsing.update.enabled": False,
        "network.captive-portal-service.enabled": False,
        "network.connectivity-service.enabled": False,
        "extensions.update.enabled": False,
        "app.update.disabledForTesting": True,
        "datareporting.policy.dataSubmissionEnabled": False,
        "toolkit.telemetry.enabled": False,
    }
    for name, value in prefs.items():
        options.set_preference(name, value)
    service = webdriver.FirefoxService(
        executable_path=shutil.which("geckodriver") or os.path.expanduser("~/.cargo/bin/geckodriver"),
        log_output=subprocess.DEVNULL,
        env={**os.environ, "MOZ_REMOTE_SETTINGS_DEVTOOLS": "1"},
    )
    return webdriver.Firefox(options=options, service=service)


class Session:
    """One engine's browser, shared by that engine's tests (starting Firefox takes 10-20 s on
    two busy cores, so one per test would be most of the layer's time). Each test gets it back
    emptied: see `App.forget_everything`."""

    def __init__(self, engine):
        self.engine = engine
        self.downloads = Path(tempfile.mkdtemp(prefix=f"peer-study-{engine}-"))
        self.console = []  # Firefox: errors reported over WebDriver BiDi
        if engine == "webkit":
            self.driver = start_webkit(self.downloads)
        else:
            self.driver = start_firefox(self.downloads)
            # From the very first script of every page: errors and console errors (BiDi).
            self.driver.script.add_console_message_handler(self._console)
            self.driver.script.add_javascript_error_handler(
                lambda entry: self.console.append(f"uncaught error: {entry.text}")
            )
        self.driver.set_window_size(*WINDOW)
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(30)

    def _console(self, entry):
        if entry.level == "error":
            self.console.append(f"console.{entry.method}: {entry.text}")

    def close(self):
        self.driver.quit()
        shutil.rmtree(self.downloads, ignore_errors=True)


@pytest.fixture(scope="session")
def session(engine):
    started = Session(engine)
    yield started
    started.close()


@pytest.fixture
def browser(session, server, proxy):
    """The engine's browser on the app served from dist/, with nothing stored, no service worker
    and no downloads: as a trainee's first visit."""
    app = App(session.driver, session.engine, server.url, session.downloads)
    app.forget_everything()
    session.console.clear()
    proxied_before = len(proxy.seen)
    yield app
    app.collect()
    app.driver.get("about:blank")
    foreign = proxy.seen[proxied_before:] + app.foreign
    assert foreign == [], f"{session.engine}: requests to other hosts: {foreign}"
    errors = app.page_errors + session.console
    assert errors == [], f"{session.engine}: page errors: {errors}"


# --- how long each engine took -------------------------------------------------------------------

_seconds = {}


def pytest_runtest_logreport(report):
    for engine in ENGINES:
        if f"[{engine}" in report.nodeid:
            _seconds[engine] = _seconds.get(engine, 0.0) + report.duration


def pytest_terminal_summary(terminalreporter):
    for engine, seconds in _seconds.items():
        terminalreporter.write_line(f"{engine}: {seconds:.1f} s (set-up, tests and tear-down)")
