"""What the cross-engine tests watch besides the screen: requests to other hosts, and page errors.

Two watches, because WebDriver in these engines can't see a page's traffic or console directly:

- `ForeignHostProxy`: both browsers are started with this as their HTTP and HTTPS proxy, and with
  127.0.0.1 (the app's own host) exempt. So any request for another host, from a page, a service
  worker or the browser itself, arrives here instead of leaving the machine; it is written down
  and refused. A test checks the list stays empty, and `test_privacy.py` proves the watch really
  sees a request when one is made.
- `PAGE_WATCH`: a script put into the page after each load, which writes down uncaught errors,
  unhandled promise rejections, resources that failed to load and `console.error` calls.
  WebKitGTK's driver has no way to read the console (no WebDriver BiDi in Debian's build, and its
  automation sessions are private, which turns off console output), so this is the only watch
  there; it starts when the page has loaded. Firefox also reports every console error and
  uncaught error from the very start through WebDriver BiDi (see conftest.py).
"""

import socketserver
import threading


class _Refuse(socketserver.StreamRequestHandler):
    """Writes down the request line ("GET http://host/...", "CONNECT host:443") and refuses it."""

    def handle(self):
        line = self.rfile.readline(8192).decode("latin-1").strip()
        if line:
            self.server.seen.append(line)
        self.wfile.write(
            b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )


class ForeignHostProxy(socketserver.ThreadingTCPServer):
    """A proxy on loopback that forwards nothing: it lists what would have gone to another host."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), _Refuse)
        self.seen = []
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self.shutdown()
        self.server_close()


# Installed once per page (a reload or a new address makes a new page). Kept small and
# dependency-free; it only ever appends to a list the test reads back.
PAGE_WATCH = """
if (!window.__enginesWatch) {
  const seen = (window.__enginesWatch = []);
  addEventListener("error", (event) => {
    const target = event.target;
    if (target && target !== window && (target.src || target.href)) {
      seen.push(`failed to load ${target.src || target.href}`);
    } else {
      seen.push(`uncaught error: ${event.message}`);
    }
  }, true);
  addEventListener("unhandledrejection", (event) => {
    seen.push(`unhandled rejection: ${event.reason}`);
  });
  const original = console.error;
  console.error = function (...args) {
    seen.push(`console.error: ${args.map(String).join(" ")}`);
    return original.apply(this, args);
  };
}
"""

# What the page has written down so far, and every URL it has fetched (resource timing), which
# the test checks are all on the app's own origin: a second, independent view of the traffic.
PAGE_REPORT = """
const origin = location.origin;
const fetched = performance.getEntries()
  .map((entry) => entry.name)
  .filter((name) => /^https?:/.test(name));
return {
  errors: window.__enginesWatch ? [...window.__enginesWatch] : [],
  foreign: fetched.filter((name) => new URL(name).origin !== origin),
  fetched: fetched.length,
};
"""
