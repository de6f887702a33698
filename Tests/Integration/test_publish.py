"""Publishing is incremental: the output is deterministic and unchanged files keep their timestamps,
so `aws s3 sync public/ s3://BUCKET --delete` uploads only what changed. The real AWS CLI against
a moto server on 127.0.0.1."""
import hashlib
import json
import shutil
import subprocess
import time

from conftest import BINARY, REPO, aws


def build(content, output):
    result = subprocess.run([str(BINARY), "build", "--content", str(content), "--templates", str(REPO / "site-templates"),
                             "--output", str(output)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def sync(moto, output):
    """The README's command; returns the keys it uploaded and deleted."""
    time.sleep(1.1)  # S3 times have whole seconds: a file written in the second of an upload looks newer
    lines = aws(moto, "s3", "sync", str(output), "s3://portal", "--delete", "--no-progress").splitlines()
    uploaded = sorted(line.split(" to s3://portal/")[1] for line in lines if line.startswith("upload: "))
    deleted = sorted(line.split("delete: s3://portal/")[1] for line in lines if line.startswith("delete: "))
    return uploaded, deleted


def digests(output):
    return {str(path.relative_to(output)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in output.rglob("*") if path.is_file()}


def changed(before, after):
    return sorted(path for path in after if before.get(path) != after[path])


def test_sync_uploads_only_what_changed(moto, tmp_path):
    content, output = tmp_path / "content", tmp_path / "public"
    shutil.copytree(REPO / "content", content)
    aws(moto, "s3api", "create-bucket", "--bucket", "portal")

    build(content, output)
    uploaded, deleted = sync(moto, output)
    assert uploaded == sorted(digests(output)) and deleted == []
    types = {key: json.loads(aws(moto, "s3api", "head-object", "--bucket", "portal", "--key", key))["ContentType"]
             for key in ["index.html", "assets/style.css", "assets/portal.js", "portal.json"]}
    assert types["index.html"].startswith("text/html")
    assert types["assets/style.css"].startswith("text/css")
    assert types["assets/portal.js"] in ("application/javascript", "text/javascript")
    assert types["portal.json"] == "application/json"

    # Nothing changed: neither a build that finds the output up to date nor a forced one uploads anything.
    assert "Up to date" in build(content, output)
    assert sync(moto, output) == ([], [])
    subprocess.run([str(BINARY), "build", "--force", "--content", str(content), "--templates", str(REPO / "site-templates"),
                    "--output", str(output)], check=True, capture_output=True)
    assert sync(moto, output) == ([], [])

    # One doc edited: exactly the files whose bytes changed are uploaded.
    before = digests(output)
    runbook = content / "clients/abc-corp/incident-runbook.md"
    runbook.write_text(runbook.read_text() + "\nCall the on-call engineer first.\n")
    build(content, output)
    uploaded, deleted = sync(moto, output)
    assert uploaded == changed(before, digests(output)) and deleted == []
    assert "clients/abc-corp/incident-runbook.html" in uploaded and len(uploaded) < 5

    # A client removed: --delete removes its pages, and only what changed is uploaded.
    before = digests(output)
    shutil.rmtree(content / "clients/driftwood-media")
    build(content, output)
    uploaded, deleted = sync(moto, output)
    assert deleted == sorted(path for path in before if path not in digests(output))
    assert "clients/driftwood-media/index.html" in deleted
    assert uploaded == changed(before, digests(output))
    listed = aws(moto, "s3", "ls", "s3://portal/clients/", "--recursive")
    assert "driftwood-media" not in listed
