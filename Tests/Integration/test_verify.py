"""`switchboard verify` against a moto server on 127.0.0.1, through the real AWS CLI: seeded with
exactly what the example content's kit describes it finds no drift; each drift introduced after
that is reported once, at its place; a call that cannot reach AWS is an error, not drift."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BINARY, REPO, build, moto_server

BIN = Path(sys.executable).parent
CLIENT = "abc-corp"


def cli(moto, config, *arguments, profile=None):
    environment = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                       AWS_DEFAULT_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true", AWS_ENDPOINT_URL=moto,
                       AWS_CONFIG_FILE=str(config), AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    command = [str(BIN / "aws"), "--output", "json", *arguments] + (["--profile", profile] if profile else [])
    result = subprocess.run(command, capture_output=True, text=True, env=environment, check=True)
    return json.loads(result.stdout) if result.stdout.strip() else {}


def verify(moto, config, content, endpoint=None, *extra):
    environment = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                       AWS_DEFAULT_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true",
                       AWS_ENDPOINT_URL=endpoint or moto, AWS_CONFIG_FILE=str(config), AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    result = subprocess.run([str(BINARY), "verify", "--content", "content", "--clients", CLIENT,
                             "--aws", str(BIN / "aws"), "--timeout", "30", *extra], capture_output=True, text=True, env=environment,
                            cwd=content.parent)
    findings = [line for line in result.stdout.splitlines() if line.startswith(("DRIFT ", "ERROR "))]
    return result.returncode, findings, result


ASSUME = """import json, re, sys, urllib.parse, urllib.request
endpoint, account = sys.argv[1], sys.argv[2]
form = urllib.parse.urlencode({"Action": "AssumeRole", "Version": "2011-06-15", "RoleSessionName": "verify",
                               "RoleArn": f"arn:aws:iam::{account}:role/verifier"}).encode()
answer = urllib.request.urlopen(urllib.request.Request(endpoint, data=form, headers={
    "Authorization": "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/sts/aws4_request"})).read().decode()
value = lambda name: re.search(f"<{name}>([^<]*)</{name}>", answer).group(1)
print(json.dumps({"Version": 1, "AccessKeyId": value("AccessKeyId"), "SecretAccessKey": value("SecretAccessKey"),
                  "SessionToken": value("SessionToken")}))
"""


@pytest.fixture(scope="module")
def moto():
    with moto_server() as url:
        yield url


@pytest.fixture(scope="module")
def seeded(moto, tmp_path_factory):
    """What the example content's kit describes, created with the AWS CLI: the home account's
    groups, permission sets, inline policies and assignments, and abc-corp's roles."""
    tmp_path = tmp_path_factory.mktemp("verify")
    site = tmp_path / "site"
    build(REPO / "content", site)
    portal = json.loads((site / "portal.json").read_text())
    access = json.loads((site / "access.json").read_text())
    home = portal["home"]["accountId"]
    # Every exported profile name reaches its account: moto's STS assumes a role there. (The CLI's
    # own role_arn chaining does not reach moto's other accounts; credential_process does.)
    helper = tmp_path / "assume.py"
    helper.write_text(ASSUME)
    config = tmp_path / "config"
    lines = []
    for client in portal["clients"]:
        for account in client["accounts"]:
            for role in account["roles"]:
                profile = f"{client['slug']}-{account['name'].lower().replace(' ', '-')}-{role['accessLevel']}"
                lines += [f"[profile {profile}]", f"credential_process = {sys.executable} {helper} {moto} {account['id']}", ""]
    config.write_text("\n".join(lines))
    instance = cli(moto, config, "sso-admin", "list-instances")["Instances"][0]
    instance_arn, store = instance["InstanceArn"], instance["IdentityStoreId"]
    # The example content, naming moto's Identity Center instance.
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    text = (content / "portal.yaml").read_text()
    (content / "portal.yaml").write_text(re.sub(r"instance_arn: \S+", f"instance_arn: {instance_arn}", text))
    groups = {team["key"]: cli(moto, config, "identitystore", "create-group", "--identity-store-id", store,
                               "--display-name", team["group"])["GroupId"] for team in portal["teams"]}
    # The inventory holds the IDs Identity Center gave the groups (moto makes new ones).
    text = (content / "portal.yaml").read_text()
    for team in portal["teams"]:
        if team["groupId"]:
            text = text.replace(f"group_id: {team['groupId']}", f"group_id: {groups[team['key']]}")
    (content / "portal.yaml").write_text(text)
    state = {"instance": instance_arn, "config": config, "sets": {}, "groups": groups, "home": home, "content": content}
    for entry in access["permissionSets"]:
        arn = cli(moto, config, "sso-admin", "create-permission-set", "--instance-arn", instance_arn,
                  "--name", entry["name"])["PermissionSet"]["PermissionSetArn"]
        state["sets"][entry["name"]] = arn
        policy = site / "clients" / entry["client"] / "kit" / f"permission-set-policy-{entry['accessLevel']}.json"
        cli(moto, config, "sso-admin", "put-inline-policy-to-permission-set", "--instance-arn", instance_arn,
            "--permission-set-arn", arn, "--inline-policy", policy.read_text())
        for key in entry["teams"]:
            cli(moto, config, "sso-admin", "create-account-assignment", "--instance-arn", instance_arn, "--target-id", home,
                "--target-type", "AWS_ACCOUNT", "--permission-set-arn", arn, "--principal-type", "GROUP",
                "--principal-id", groups[key])
    kit = site / "clients" / CLIENT / "kit"
    abc = next(client for client in portal["clients"] if client["slug"] == CLIENT)
    for account in abc["accounts"]:
        for role in account["roles"]:
            profile = f"{CLIENT}-{account['name'].lower().replace(' ', '-')}-{role['accessLevel']}"
            resource = next(r for tpl in [json.loads(p.read_text()) for p in kit.glob("remote-roles-*.template.json")]
                            for r in tpl["Resources"].values() if r["Properties"]["RoleName"] == role["roleName"])
            properties = resource["Properties"]
            arguments = ["iam", "create-role", "--role-name", role["roleName"], "--path", role["rolePath"],
                         "--assume-role-policy-document", json.dumps(properties["AssumeRolePolicyDocument"])]
            if "MaxSessionDuration" in properties:
                arguments += ["--max-session-duration", str(properties["MaxSessionDuration"])]
            cli(moto, config, *arguments, profile=profile)
            for policy in properties.get("ManagedPolicyArns", []):
                cli(moto, config, "iam", "attach-role-policy", "--role-name", role["roleName"], "--policy-arn", policy, profile=profile)
    state["abc"] = abc
    return state


def profile_of(account, level):
    return f"{CLIENT}-{account['name'].lower().replace(' ', '-')}-{level}"


def test_what_the_kit_describes_has_no_drift(moto, seeded):
    status, findings, result = verify(moto, seeded["config"], seeded["content"])
    assert (status, findings) == (0, []), result.stdout + result.stderr
    assert "OK: no drift" in result.stdout and "of 4 accounts" in result.stderr


def drift_cases():
    return ["deleted role", "trust principal", "inline policy", "assignment", "extra permission set", "managed policy",
            "permission set policy"]


@pytest.mark.parametrize("drift", drift_cases())
def test_each_drift_is_reported_once_at_its_place(moto, seeded, drift):
    """One drift at a time on the seeded accounts, undone after the check."""
    config, account = seeded["config"], seeded["abc"]["accounts"][0]  # Payments Production
    profile = profile_of(account, "read-only")
    role_name = next(role["roleName"] for role in account["roles"] if role["accessLevel"] == "read-only")
    read_only = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    location = f"content/clients/{CLIENT}/client.yaml"
    role = cli(moto, config, "iam", "get-role", "--role-name", role_name, profile=profile)["Role"]
    set_arn = seeded["sets"]["AbcCorpReadOnly"]
    inline = cli(moto, config, "sso-admin", "get-inline-policy-for-permission-set", "--instance-arn",
                 seeded["instance"], "--permission-set-arn", set_arn)["InlinePolicy"]
    assignment = ["--instance-arn", seeded["instance"], "--target-id", seeded["home"], "--target-type", "AWS_ACCOUNT",
                  "--permission-set-arn", seeded["sets"]["AbcCorpAdministrator"], "--principal-type", "GROUP",
                  "--principal-id", seeded["groups"]["platform-oncall"]]
    if drift == "deleted role":
        cli(moto, config, "iam", "detach-role-policy", "--role-name", role_name, "--policy-arn", read_only, profile=profile)
        cli(moto, config, "iam", "delete-role", "--role-name", role_name, profile=profile)
        expected = "role does not exist"

        def undo():
            cli(moto, config, "iam", "create-role", "--role-name", role_name, "--path", role["Path"], "--max-session-duration",
                str(role["MaxSessionDuration"]), "--assume-role-policy-document", json.dumps(role["AssumeRolePolicyDocument"]), profile=profile)
            cli(moto, config, "iam", "attach-role-policy", "--role-name", role_name, "--policy-arn", read_only, profile=profile)
    elif drift == "trust principal":
        document = json.loads(json.dumps(role["AssumeRolePolicyDocument"]))
        document["Statement"][0]["Principal"]["AWS"] = "arn:aws:iam::999999999999:root"
        cli(moto, config, "iam", "update-assume-role-policy", "--role-name", role_name, "--policy-document", json.dumps(document), profile=profile)
        expected = "trust policy differs from the kit's: missing arn:aws:iam::111122223333:root; unexpected arn:aws:iam::999999999999:root"

        def undo():
            cli(moto, config, "iam", "update-assume-role-policy", "--role-name", role_name,
                "--policy-document", json.dumps(role["AssumeRolePolicyDocument"]), profile=profile)
    elif drift == "inline policy":
        policy = json.loads(inline)
        policy["Statement"][0]["Resource"] = policy["Statement"][0]["Resource"][1:]
        cli(moto, config, "sso-admin", "put-inline-policy-to-permission-set", "--instance-arn", seeded["instance"],
            "--permission-set-arn", set_arn, "--inline-policy", json.dumps(policy))
        expected = "inline policy of AbcCorpReadOnly differs from the kit's: missing arn:aws:iam::444455556666:role/larkspur-read-only"

        def undo():
            cli(moto, config, "sso-admin", "put-inline-policy-to-permission-set", "--instance-arn", seeded["instance"],
                "--permission-set-arn", set_arn, "--inline-policy", inline)
    elif drift == "assignment":
        cli(moto, config, "sso-admin", "delete-account-assignment", *assignment)
        expected = "team platform-oncall (group platform-oncall) is not assigned AbcCorpAdministrator in the home account"

        def undo():
            cli(moto, config, "sso-admin", "create-account-assignment", *assignment)
    elif drift == "extra permission set":
        extra = cli(moto, config, "sso-admin", "create-permission-set", "--instance-arn", seeded["instance"],
                    "--name", "AbcCorpAdmin")["PermissionSet"]["PermissionSetArn"]
        expected = "unexpected permission set AbcCorpAdmin"

        def undo():
            cli(moto, config, "sso-admin", "delete-permission-set", "--instance-arn", seeded["instance"], "--permission-set-arn", extra)
    elif drift == "permission set policy":  # a managed policy on a permission set widens the home account
        administrator = "arn:aws:iam::aws:policy/AdministratorAccess"
        cli(moto, config, "sso-admin", "attach-managed-policy-to-permission-set", "--instance-arn", seeded["instance"],
            "--permission-set-arn", set_arn, "--managed-policy-arn", administrator)
        expected = f"managed policy {administrator} is attached to AbcCorpReadOnly; the kit attaches none"

        def undo():
            cli(moto, config, "sso-admin", "detach-managed-policy-from-permission-set", "--instance-arn", seeded["instance"],
                "--permission-set-arn", set_arn, "--managed-policy-arn", administrator)
    else:
        cli(moto, config, "iam", "detach-role-policy", "--role-name", role_name, "--policy-arn", read_only, profile=profile)
        expected = f"managed policy {read_only} is not attached"

        def undo():
            cli(moto, config, "iam", "attach-role-policy", "--role-name", role_name, "--policy-arn", read_only, profile=profile)
    try:
        status, findings, result = verify(moto, seeded["config"], seeded["content"])
    finally:
        undo()
    assert status == 1, result.stdout + result.stderr
    assert len(findings) == 1, findings
    assert findings[0].startswith(f"DRIFT {location}:") and expected in findings[0], findings[0]
    if drift in ("deleted role", "trust principal", "managed policy"):
        assert findings[0].startswith(f"DRIFT {location}:9:9: arn:aws:iam::444455556666:role/larkspur-read-only:")


def test_an_unreachable_aws_is_an_error_not_drift(moto, seeded):
    status, findings, result = verify(moto, seeded["config"], seeded["content"], endpoint="http://127.0.0.1:9")
    assert status == 3, result.stdout + result.stderr
    assert findings and all(line.startswith("ERROR ") for line in findings)
    assert "aws sso-admin list-instances failed" in findings[0] and "profile default" in findings[0]
    status, _, result = verify(moto, seeded["config"], seeded["content"], "http://127.0.0.1:9", "--format", "json")
    assert status == 3
    finding = json.loads(result.stdout)["findings"][0]
    assert finding["severity"] == "error" and finding["file"] == "content/portal.yaml" and finding["line"] == 1
    assert "sso-admin list-instances failed" in finding["message"]
