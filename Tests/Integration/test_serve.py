"""`switchboard serve` as a user at a terminal meets it: a port in use, a failure while editing."""
import socket
import subprocess
import time

from conftest import BINARY, REPO


def test_a_port_in_use_is_said_at_once_with_the_way_out(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        result = subprocess.run(
            [str(BINARY), "serve", "--port", str(port), "--content", str(REPO / "content"),
             "--templates", str(REPO / "site-templates"), "--output", str(tmp_path / "public")],
            capture_output=True, text=True, timeout=30)
        elapsed = time.monotonic() - started
    assert result.returncode == 1, result.stderr
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert f"--port {port + 1}" in result.stderr
    assert "Timeout" not in result.stderr and "SocketError" not in result.stderr
    assert elapsed < 3, f"took {elapsed:.1f} s"  # not after a 5 s time-out
    assert not (tmp_path / "public").exists()  # nothing built for a server that cannot start


def wait_for(log, text, count=1, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if log.read_text().count(text) >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"{text!r} not seen {count} times in:\n{log.read_text()}")


def test_a_failure_is_listed_once_however_often_it_repeats(served, tmp_path):
    _, content = served
    log = tmp_path / "serve.log"
    portal = content / "portal.yaml"
    good = portal.read_text()
    broken = good.replace("color: blue", "color: purple", 1)
    portal.write_text(broken)
    wait_for(log, "Build failed")
    # The same broken file saved again, in two writes as some editors do, then an edit elsewhere.
    with open(portal, "w") as file:
        file.write(broken[:100])
        file.flush()
        time.sleep(0.02)
        file.write(broken[100:])
    wait_for(log, "Build still fails with the same 1 error as above")
    with open(content / "docs" / "index.md", "a") as doc:
        doc.write("\nOne more line.\n")
    wait_for(log, "Build still fails with the same 1 error as above", count=2)
    assert log.read_text().count("unknown color 'purple'") == 1
    portal.write_text(good)
    wait_for(log, "Built ", count=2)
    portal.write_text(broken)  # after a good build, the failure is new again
    wait_for(log, "unknown color 'purple'", count=2)
