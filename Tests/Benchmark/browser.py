#!/usr/bin/env python3
"""The home page as employees feel it, in headless Chromium from file://.

    browser.py PUBLIC [--runs 5] [--client-name "client 0421"] [--id-prefix 1004210] [--label NAME]

Prints one JSON line: bytes of the home page, the access matrix and the launcher's index; DOM
nodes; Navigation Timing (DOMContentLoaded and load, medians of RUNS fresh loads); when search is
ready, after the load event; and keystroke to painted results for four queries (a client name, an
account ID prefix, an environment word, no match): every keystroke of each query is timed from
the input event to the frame after it was painted (at 60 frames a second, a keystroke whose
results make the next frame takes up to 16.7 ms, whatever the page does), and, apart, the page's
own work for it (the input handler, style and layout, forced at once); medians per query.
Works on today's home page (in-page search, #search) and on the launcher (#launch)."""
import argparse
import json
import statistics
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

KEYSTROKE = """
const [id, text, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const input = document.getElementById(id), times = [], work = [];
input.value = ''; input.dispatchEvent(new Event('input'));
let i = 0;
function next() {
  if (i === text.length) { done([times, work]); return; }
  i += 1;
  const start = performance.now();
  input.value = text.slice(0, i);
  input.dispatchEvent(new Event('input'));
  void document.body.offsetHeight;  // style and layout now: the page's own work for this keystroke
  work.push(performance.now() - start);
  // rAF runs before the frame is painted, a task queued from it runs after.
  requestAnimationFrame(() => setTimeout(() => { times.push(performance.now() - start); setTimeout(next, 0); }, 0));
}
setTimeout(next, 50);
"""

READY = """
const done = arguments[arguments.length - 1];
const nav = performance.getEntriesByType('navigation')[0];
function check() {
  const ready = performance.getEntriesByName('switchboard:launcher-ready')[0];
  if (document.getElementById('launch')) {
    if (ready) { done(ready.startTime - nav.loadEventEnd); return; }
  } else if (nav.loadEventEnd > 0) { done(0); return; }  // today's search is set up before load
  setTimeout(check, 5);
}
check();
"""


def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--disable-extensions"]:
        options.add_argument(argument)
    browser = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    browser.set_page_load_timeout(600)
    browser.set_script_timeout(600)
    return browser


def size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("public", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--client-name", default="client 0421")
    parser.add_argument("--id-prefix", default="1004210")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    home = args.public.resolve() / "index.html"
    queries = {"client name": args.client_name, "account ID prefix": args.id_prefix,
               "environment word": "staging", "no match": "zqxv"}
    browser = driver()
    dcl, load, ready = [], [], []
    try:
        for _ in range(args.runs):
            browser.get("about:blank")
            browser.get(home.as_uri())
            timing = browser.execute_script("""const n = performance.getEntriesByType('navigation')[0];
              return [n.domContentLoadedEventEnd, n.loadEventEnd]""")
            dcl.append(timing[0])
            load.append(timing[1])
            ready.append(browser.execute_async_script(READY))
        nodes = browser.execute_script("return document.getElementsByTagName('*').length")
        field = "launch" if browser.find_elements("id", "launch") else "search"
        keystrokes, work = {}, {}
        for name, text in queries.items():
            times, busy = [], []
            for _ in range(max(1, args.runs // 2)):
                painted, handled = browser.execute_async_script(KEYSTROKE, field, text)
                times += painted
                busy += handled
            keystrokes[name] = round(statistics.median(times), 1)
            work[name] = round(statistics.median(busy), 1)
    finally:
        browser.quit()
    print(json.dumps({
        "label": args.label,
        "home_bytes": size(home), "access_bytes": size(home.parent / "access.html"),
        "index_bytes": size(home.parent / "launcher" / "index.js"), "dom_nodes": nodes,
        "dcl_ms": round(statistics.median(dcl)), "load_ms": round(statistics.median(load)),
        "search_ready_after_load_ms": round(statistics.median(ready)),
        "keystroke_ms": keystrokes, "keystroke_median_ms": round(statistics.median(keystrokes.values()), 1),
        "keystroke_work_ms": work, "keystroke_work_median_ms": round(statistics.median(work.values()), 1),
    }))


if __name__ == "__main__":
    main()
