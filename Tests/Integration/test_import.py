"""`switchboard import organizations` on real AWS CLI output: the CLI talks to a moto server on
127.0.0.1, which creates an organization and accounts; the imported inventory then builds."""
import json
import shutil
import subprocess

from conftest import BINARY, REPO, aws


def test_import_real_list_accounts_output(moto, tmp_path):
    aws(moto, "organizations", "create-organization", "--feature-set", "ALL")
    for name in ["Widgets Production", "Widgets Staging", "widgets-dev"]:
        aws(moto, "organizations", "create-account", "--email", f"{name.replace(' ', '.')}@example.com", "--account-name", name)
    output = tmp_path / "accounts.json"
    output.write_text(aws(moto, "organizations", "list-accounts"))
    listed = json.loads(output.read_text())["Accounts"]
    assert len(listed) == 4  # the management account and three members

    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    result = subprocess.run([str(BINARY), "import", "organizations", str(output), "--client", "widgets",
                             "--content", str(content)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "new file with 4 accounts" in result.stdout
    text = (content / "clients/widgets/client.yaml").read_text()
    for account in listed:
        assert f'id: "{account["Id"]}"' in text
    assert "environment: staging  # guessed" in text and "environment: development  # guessed" in text

    build = subprocess.run([str(BINARY), "build", "--content", str(content), "--templates", str(REPO / "site-templates"),
                            "--output", str(tmp_path / "public")], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    manifest = json.loads((tmp_path / "public/portal.json").read_text())
    widgets = next(client for client in manifest["clients"] if client["slug"] == "widgets")
    assert sorted(a["id"] for a in widgets["accounts"]) == sorted(a["Id"] for a in listed)
