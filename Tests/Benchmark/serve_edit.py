"""Time from saving an edit to a doc until `switchboard serve` serves the new page.

    python3 serve_edit.py SWITCHBOARD CONTENT TEMPLATES OUTPUT RUNS

Starts serve on a free loopback port, waits for its first build, measures the CPU serve uses
while nothing changes, then RUNS times appends a marker line to one doc and polls the page every
2 ms until the marker is served. Prints `idle MS` (CPU milliseconds per second while idle), then
`edit MS` for each edit.
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

binary, content, templates, output, runs = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
server = subprocess.Popen([binary, "serve", "--port", str(port), "--content", str(content), "--templates", templates,
                           "--output", output], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
try:
    for line in server.stdout:
        if line.startswith("Serving"):
            break
    else:
        sys.exit("serve did not start")
    ticks = os.sysconf("SC_CLK_TCK")
    def cpu_seconds():
        fields = Path(f"/proc/{server.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
    time.sleep(1)
    before, idle = cpu_seconds(), 5
    time.sleep(idle)
    print(f"idle {round((cpu_seconds() - before) * 1000 / idle)}")
    doc = sorted(p for p in (content / "docs").glob("*.md") if p.name != "index.md")[0]
    url = f"http://127.0.0.1:{port}/docs/{doc.stem}.html"
    for run in range(runs):
        marker = f"serve-benchmark-edit-{time.time_ns()}"
        start = time.monotonic()
        with doc.open("a", encoding="utf-8") as file:
            file.write(f"\n{marker}\n")
        while marker not in urllib.request.urlopen(url).read().decode():
            time.sleep(0.002)
        print(f"edit {round((time.monotonic() - start) * 1000)}")
        time.sleep(0.5)
finally:
    server.terminate()
    server.wait()
