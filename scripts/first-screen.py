#!/usr/bin/env python3
"""Times the web app from navigation to its first screen in headless Chromium.

Usage: first-screen.py URL [SCREENSHOT.png]

Drives Debian's chromium through chromedriver over plain WebDriver (the standard
library only, so nothing to install). The page is loaded twice in one fresh profile:
once cold (nothing cached, what a partner's first visit costs) and once warm (a reload,
served from the browser's cache). Each time it waits until the sign-in form is on the
screen and the app's stylesheet applies, and prints the time from navigation start in
the page's own clock (Performance API), with what each file weighed on the wire. Prints
figures only: timings on a shared machine are too noisy to assert. It fails when the
page's Content-Security-Policy refused anything on either load.
"""

import base64
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

# Runs in the page: resolves once the sign-in form is in the document and styled, after
# the frame that shows it, with the page's timings. `arguments` is WebDriver's.
WAIT_FOR_SIGN_IN = """
const done = arguments[arguments.length - 1];
const shown = () => {
  const form = document.querySelector('[data-testid="sign-in-form"]');
  const app = document.querySelector('.app');
  return form && form.offsetHeight > 0 && app
    && getComputedStyle(app).maxInlineSize === '480px';
};
const report = () => {
  const inDom = performance.now();
  // The next frame paints it; a task after it runs once that frame is done.
  requestAnimationFrame(() => setTimeout(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    done({
      in_dom_ms: inDom,
      painted_ms: performance.now(),
      first_contentful_paint_ms: paint ? paint.startTime : null,
      load_event_ms: nav ? nav.loadEventEnd : null,
      text: document.body.innerText,
      files: performance.getEntriesByType('resource').concat(nav ? [nav] : []).map(e => ({
        name: e.name, transfer: e.transferSize, encoded: e.encodedBodySize,
        decoded: e.decodedBodySize, ms: e.responseEnd - e.startTime,
      })),
    });
  }, 0));
};
if (shown()) { report(); } else {
  // Polled each frame rather than observed: the stylesheet can arrive after the form.
  const tick = () => shown() ? report() : requestAnimationFrame(tick);
  requestAnimationFrame(tick);
}
"""


class WebDriver:
    """The few WebDriver commands this needs, over HTTP."""

    def __init__(self, url):
        self.url = url
        self.session = None

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.url + path, data=data, method=method,
            headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.load(response)["value"]
        except urllib.error.HTTPError as error:
            raise SystemExit(f"WebDriver {method} {path}: {error.read().decode()}") from None

    def start(self, profile):
        options = {
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=412,915", "--lang=en", f"--user-data-dir={profile}",
            ],
        }
        value = self.call("POST", "/session", {
            "capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}})
        self.session = f"/session/{value['sessionId']}"
        self.call("POST", self.session + "/timeouts", {"script": 60_000})

    def goto(self, url):
        self.call("POST", self.session + "/url", {"url": url})

    def run_async(self, script):
        return self.call("POST", self.session + "/execute/async", {"script": script, "args": []})

    def log(self):
        """What the page wrote to the browser's console (chromedriver's log)."""
        return self.call("POST", self.session + "/se/log", {"type": "browser"})

    def refresh(self):
        self.call("POST", self.session + "/refresh", {})

    def screenshot(self, path):
        png = base64.b64decode(self.call("GET", self.session + "/screenshot"))
        with open(path, "wb") as file:
            file.write(png)

    def stop(self):
        if self.session:
            self.call("DELETE", self.session)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"nothing listens on port {port}")


def wait_for_page(url, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"{url} does not answer") from None
            time.sleep(0.2)


def kind(name):
    for ending, label in ((".wasm", "wasm"), (".js", "js"), (".css", "css"), (".svg", "icon")):
        if name.split("?")[0].endswith(ending):
            return label
    return "page" if not name.split("?")[0].rsplit("/", 1)[-1].count(".") else "other"


def report(label, figures):
    print(f"{label}: sign-in form on screen {figures['painted_ms']:.0f} ms after navigation "
          f"(in the DOM at {figures['in_dom_ms']:.0f} ms; first contentful paint "
          f"{figures['first_contentful_paint_ms'] or 0:.0f} ms; load event "
          f"{figures['load_event_ms'] or 0:.0f} ms)")
    for entry in sorted(figures["files"], key=lambda e: e["name"]):
        print(f"    {kind(entry['name']):5} {entry['name'].rsplit('/', 1)[-1] or '/':48} "
              f"{entry['transfer']:>9} B on the wire, {entry['decoded']:>9} B decoded, "
              f"{entry['ms']:6.0f} ms")


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    url = sys.argv[1]
    port = free_port()
    driver = subprocess.Popen(["chromedriver", f"--port={port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    profile = tempfile.mkdtemp(prefix="pulse-first-screen-")
    browser = WebDriver(f"http://127.0.0.1:{port}")
    try:
        wait_for_page(url)
        wait_for_port(port)
        browser.start(profile)
        browser.goto(url)
        cold = browser.run_async(WAIT_FOR_SIGN_IN)
        if "Sign in" not in cold["text"]:
            raise SystemExit(f"the first screen is not the sign-in screen: {cold['text']!r}")
        if len(sys.argv) == 3:
            browser.screenshot(sys.argv[2])
        report("cold (empty cache)", cold)
        browser.refresh()
        report("warm (reload)", browser.run_async(WAIT_FOR_SIGN_IN))
        # The page works under its Content-Security-Policy only if nothing was refused.
        refused = [entry["message"] for entry in browser.log()
                   if entry.get("source") == "security"]
        if refused:
            raise SystemExit("the Content-Security-Policy refused:\n  " + "\n  ".join(refused))
    finally:
        browser.stop()
        driver.terminate()
        driver.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
