"""The README's GitHub Actions workflow: it parses, publishes nowhere public, and its pull-request
step, run here as the runner runs it (bash -eo pipefail, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), tells
access changes from other edits."""
import re
import shutil
import subprocess

import yaml

from conftest import BINARY, REPO


def workflow():
    text = (REPO / "README.md").read_text()
    section = text.split("## Regenerating in CI", 1)[1].split("\n## ", 1)[0]
    return yaml.safe_load(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))


def test_the_workflow_checks_annotates_and_publishes_privately():
    jobs = workflow()["jobs"]
    steps = jobs["portal"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    uses = [step.get("uses", "") for step in steps]
    assert "bin/switchboard check --diagnostics github" in runs
    assert "bash .ci/release bin" in runs  # compiled only on a cache miss
    assert not any("pages" in use for use in uses)  # GitHub Pages is public for public repositories
    assert re.search(r"aws s3 sync public/ s3://\S+ --delete", runs)
    assert jobs["access-approval"]["environment"] == "access-approval"
    assert jobs["access-approval"]["if"] == "needs.portal.outputs.access-changed == 'true'"


def git(folder, *arguments):
    subprocess.run(["git", "-C", str(folder), "-c", "user.name=CI", "-c", "user.email=ci@example.com", *arguments],
                   check=True, capture_output=True, text=True)


def run_access_step(tmp_path, edit):
    """A base branch with the example content, a pull request with `edit` applied; the step's outputs."""
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(work)], check=True)
    shutil.copytree(REPO / "content", work / "content")
    git(work, "add", "content")
    git(work, "commit", "-qm", "base")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "-q", "origin", "main")
    git(work, "checkout", "-qb", "pull-request")
    edit(work / "content")
    git(work, "commit", "-qam", "change")
    (work / "bin").mkdir()
    (work / "bin/switchboard").symlink_to(BINARY)
    step = next(step for step in workflow()["jobs"]["portal"]["steps"] if step.get("id") == "access")
    (tmp_path / "step.sh").write_text(step["run"])
    output, summary, runner = tmp_path / "output", tmp_path / "summary.md", tmp_path / "runner"
    runner.mkdir()
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "GITHUB_BASE_REF": "main", "RUNNER_TEMP": str(runner),
                   "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(tmp_path / "step.sh")],
                            cwd=work, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return output.read_text(), summary.read_text(), result.stdout


def test_a_pull_request_that_moves_access_asks_for_approval(tmp_path):
    def edit(content):
        client = content / "clients/abc-corp/client.yaml"
        client.write_text(client.read_text().replace('id: "444455556666"', 'id: "444455556667"'))
    output, summary, annotations = run_access_step(tmp_path, edit)
    assert output == "changed=true\n"
    assert summary.startswith("### Access changes\n") and "444455556667" in summary
    assert "::warning file=content/clients/abc-corp/client.yaml,line=" in annotations


def test_a_pull_request_that_only_edits_docs_does_not(tmp_path):
    def edit(content):
        doc = content / "docs/onboarding.md"
        doc.write_text(doc.read_text() + "\nOne more tip.\n")
    output, summary, _ = run_access_step(tmp_path, edit)
    assert output == "changed=false\n"
    assert "No access changes" in summary
