"""Teams round trip through IAM Identity Center: what the example content's kit describes is created
with the real AWS CLI against a moto server on 127.0.0.1 (groups, permission sets with their inline
policies, assignments in the home account), read back with the README's commands, imported into the
example inventory without teams, and gives the same teams and access back."""
import json
import re
import shutil
import subprocess

from conftest import BINARY, REPO, aws, build


def sh(*arguments):
    return subprocess.run([str(BINARY), *map(str, arguments)], capture_output=True, text=True)


def access_by_group(site):
    """(client, access level) → sorted group names, and group name → group ID."""
    portal = json.loads((site / "portal.json").read_text())
    groups = {team["key"]: team["group"] for team in portal["teams"]}
    access = json.loads((site / "access.json").read_text())
    held = {(entry["client"], entry["accessLevel"]): sorted(groups[key] for key in entry["teams"])
            for entry in access["permissionSets"]}
    return held, {team["group"]: team["groupId"] for team in portal["teams"]}


def test_teams_round_trip_through_identity_center(moto, tmp_path):
    site = tmp_path / "site"
    build(REPO / "content", site)
    portal = json.loads((site / "portal.json").read_text())
    access = json.loads((site / "access.json").read_text())
    home = portal["home"]["accountId"]

    instance = json.loads(aws(moto, "sso-admin", "list-instances"))["Instances"][0]
    instance_arn, store = instance["InstanceArn"], instance["IdentityStoreId"]
    group_ids = {}
    for team in portal["teams"]:
        created = json.loads(aws(moto, "identitystore", "create-group", "--identity-store-id", store,
                                 "--display-name", team["group"]))
        group_ids[team["key"]] = created["GroupId"]
    created_assignments = 0
    for entry in access["permissionSets"]:
        arn = json.loads(aws(moto, "sso-admin", "create-permission-set", "--instance-arn", instance_arn,
                             "--name", entry["name"]))["PermissionSet"]["PermissionSetArn"]
        policy = site / "clients" / entry["client"] / "kit" / f"permission-set-policy-{entry['accessLevel']}.json"
        aws(moto, "sso-admin", "put-inline-policy-to-permission-set", "--instance-arn", instance_arn,
            "--permission-set-arn", arn, "--inline-policy", policy.read_text())
        for key in entry["teams"]:
            aws(moto, "sso-admin", "create-account-assignment", "--instance-arn", instance_arn, "--target-id", home,
                "--target-type", "AWS_ACCOUNT", "--permission-set-arn", arn, "--principal-type", "GROUP",
                "--principal-id", group_ids[key])
            created_assignments += 1
    # The kit's templates describe exactly these assignments.
    templates = [json.loads(path.read_text()) for path in site.glob("clients/*/kit/permission-sets.template.json")]
    assert created_assignments == sum(1 for template in templates for resource in template["Resources"].values()
                                      if resource["Type"] == "AWS::SSO::Assignment")

    # The README's commands.
    folder = tmp_path / "identity-center"
    folder.mkdir()
    (folder / "groups.json").write_text(aws(moto, "identitystore", "list-groups", "--identity-store-id", store))
    for arn in json.loads(aws(moto, "sso-admin", "list-permission-sets", "--instance-arn", instance_arn))["PermissionSets"]:
        name = arn.rsplit("/", 1)[1]
        (folder / f"set-{name}.json").write_text(aws(moto, "sso-admin", "describe-permission-set", "--instance-arn",
                                                     instance_arn, "--permission-set-arn", arn))
        (folder / f"assignments-{name}.json").write_text(aws(moto, "sso-admin", "list-account-assignments", "--instance-arn",
                                                             instance_arn, "--account-id", home, "--permission-set-arn", arn))

    # The example inventory without teams, access or request_access.
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    text = (content / "portal.yaml").read_text()
    (content / "portal.yaml").write_text(re.sub(r"# Who may use what.*?(?=# Raw HTML)", "", text, flags=re.S))
    cedar = content / "clients/cedar-health/client.yaml"
    cedar.write_text(re.sub(r"# Health data.*?\naccess:\n(  .*\n)+", "", cedar.read_text()))
    assert "teams:" not in (content / "portal.yaml").read_text() and "access:" not in cedar.read_text()

    dry = sh("import", "identity-center", folder, "--content", content, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "dry run: nothing was written" in dry.stdout and "teams:" not in (content / "portal.yaml").read_text()
    result = sh("import", "identity-center", folder, "--content", content)
    assert result.returncode == 0, result.stderr
    assert "3 teams with assignments" in result.stdout
    checked = sh("check", "--content", content, "--templates", REPO / "site-templates")
    assert checked.returncode == 0, checked.stderr

    imported = tmp_path / "imported"
    build(content, imported)
    held, ids = access_by_group(imported)
    original, _ = access_by_group(site)
    assert held == original
    assert ids == {team["group"]: group_ids[team["key"]] for team in portal["teams"]}
    # Cedar Health's read-only differs from the other clients': it stays Cedar's own entry.
    assert "read-only: [delivery-engineers]" in cedar.read_text()

    again = sh("import", "identity-center", folder, "--content", content)
    assert again.returncode == 1 and "already has teams and access" in again.stderr
