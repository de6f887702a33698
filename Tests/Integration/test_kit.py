"""The onboarding kit and exports, checked by the tools the AWS world trusts: cfn-lint,
parliament, botocore; bookmarks parsed and opened in Chromium."""
import json
import os
import shutil
import subprocess
import sys
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import botocore.exceptions
import botocore.session
import pytest

BIN = Path(sys.executable).parent


def manifest(site: Path) -> dict:
    return json.loads((site / "portal.json").read_text())


def templates(site: Path) -> list[Path]:
    return sorted(site.glob("clients/*/kit/*.template.json"))


def role_sets(client: dict) -> set:
    """The distinct sets of roles (access level, name, path) among a client's accounts."""
    return {tuple((r["accessLevel"], r["roleName"], r["rolePath"]) for r in a["roles"]) for a in client["accounts"] if a["roles"]}


def test_cloudformation_templates_pass_cfn_lint(site):
    files = templates(site)
    clients = manifest(site)["clients"]
    assert len(files) == sum(1 + len(role_sets(c)) for c in clients)
    assert len(files) < len(clients) + sum(len(c["accounts"]) for c in clients)  # the example has accounts that share
    result = subprocess.run([str(BIN / "cfn-lint"), *map(str, files)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_cfn_lint_would_catch_a_broken_template(site, tmp_path):
    broken = json.loads((site / "clients/abc-corp/kit/permission-sets.template.json").read_text())
    first = next(iter(broken["Resources"].values()))
    first["Properties"]["SessionDuration"] = "one hour"
    path = tmp_path / "broken.template.json"
    path.write_text(json.dumps(broken))
    assert subprocess.run([str(BIN / "cfn-lint"), str(path)], capture_output=True).returncode != 0


def run_parliament(policy: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "parliament")], input=json.dumps(policy), capture_output=True, text=True)


def test_permission_set_policies_pass_parliament(site):
    files = sorted(site.glob("clients/*/kit/permission-set-policy-*.json"))
    assert files
    for path in files:
        policy = json.loads(path.read_text())
        result = run_parliament(policy)
        assert result.returncode == 0 and result.stdout.strip() == "", f"{path}: {result.stdout}"
        assert policy["Statement"][0]["Action"] == "sts:AssumeRole"


def test_verify_policies_pass_parliament_and_allow_only_reads(site):
    for name in ["home-permission-set-policy.json", "client-role-policy.json"]:
        policy = json.loads((site / "verify" / name).read_text())
        result = run_parliament(policy)
        assert result.returncode == 0 and result.stdout.strip() == "", f"{name}: {result.stdout}{result.stderr}"
        for statement in policy["Statement"]:
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            assert all(action.split(":")[1].startswith(("Get", "List", "Describe")) for action in actions), actions


def test_permission_set_policy_lists_exactly_the_clients_roles(site):
    for client in manifest(site)["clients"]:
        for path in (site / "clients" / client["slug"] / "kit").glob("permission-set-policy-*.json"):
            level = path.stem.removeprefix("permission-set-policy-")
            expected = [role["roleArn"] for account in client["accounts"] for role in account["roles"]
                        if role["accessLevel"] == level]
            assert json.loads(path.read_text())["Statement"][0]["Resource"] == expected


def test_trust_policies_pass_parliament(site):
    """parliament reads identity policies: lint the trust policy with its Principal dropped and a
    placeholder Resource, as the checker's documentation suggests."""
    files = sorted(site.glob("clients/*/kit/trust-policy-*.json"))
    assert files
    for path in files:
        policy = json.loads(path.read_text())
        statement = policy["Statement"][0]
        assert statement["Principal"] == {"AWS": f"arn:aws:iam::{manifest(site)['home']['accountId']}:root"}
        patterns = statement["Condition"]["ArnLike"]["aws:PrincipalArn"]
        assert len(patterns) == 2 and all("/AWSReservedSSO_" in p for p in patterns)
        for each in policy["Statement"]:
            each.pop("Principal")
            each["Resource"] = "arn:aws:iam::111122223333:role/placeholder"
        result = run_parliament(policy)
        assert result.returncode == 0 and result.stdout.strip() == "", f"{path}: {result.stdout}"


def botocore_session(config: Path) -> botocore.session.Session:
    os.environ["AWS_CONFIG_FILE"] = str(config)
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = str(config.parent / "no-credentials")
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
    for name in ("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        os.environ.pop(name, None)
    return botocore.session.Session()


def resolve(config: Path, profile: str):
    """Resolves a profile's credentials as the AWS CLI would. Without an SSO login the chain stops
    at the missing SSO token; a broken reference stops earlier with a configuration error."""
    session = botocore_session(config)
    session.set_config_variable("profile", profile)
    try:
        credentials = session.get_credentials()
        assert credentials is not None, f"no credentials for {profile}"
        credentials.get_frozen_credentials()  # SSO credentials are fetched lazily
    except (botocore.exceptions.SSOTokenLoadError, botocore.exceptions.UnauthorizedSSOTokenError,
            botocore.exceptions.TokenRetrievalError):
        return "needs sso login"
    return "resolved"


def test_aws_config_profiles_all_resolve(site):
    config = site / "exports/aws-config"
    session = botocore_session(config)
    full = session.full_config
    profiles = full["profiles"]
    data = manifest(site)
    roles = [role for client in data["clients"] for account in client["accounts"] for role in account["roles"]]
    role_profiles = {name: p for name, p in profiles.items() if "role_arn" in p}
    assert len(role_profiles) == len(roles)
    assert sorted(p["role_arn"] for p in role_profiles.values()) == sorted(r["roleArn"] for r in roles)
    for name, profile in profiles.items():
        if "role_arn" in profile:
            assert profile["source_profile"] in profiles
        else:
            assert profile["sso_session"] in full["sso_sessions"]
            assert profile["sso_account_id"] == data["home"]["accountId"]
        assert resolve(config, name) == "needs sso login"


def test_botocore_would_catch_a_dangling_source_profile(site, tmp_path):
    broken = tmp_path / "config"
    broken.write_text((site / "exports/aws-config").read_text().replace("source_profile = AbcCorpReadOnly",
                                                                         "source_profile = Missing", 1))
    name = next(n for n, p in botocore_session(broken).full_config["profiles"].items() if p.get("source_profile") == "Missing")
    with pytest.raises(botocore.exceptions.InvalidConfigError):
        resolve(broken, name)


def test_per_access_level_exports_contain_only_that_level(site):
    data = manifest(site)
    for level in ["administrator", "devops", "read-only"]:
        session = botocore_session(site / "exports" / level / "aws-config")
        profiles = session.full_config["profiles"]
        expected = sorted(r["roleArn"] for c in data["clients"] for a in c["accounts"] for r in a["roles"]
                          if r["accessLevel"] == level)
        assert sorted(p["role_arn"] for p in profiles.values() if "role_arn" in p) == expected
        aesr = (site / "exports" / level / "aesr.ini").read_text()
        assert aesr.count("source_profile = ") == len(expected)


class Bookmarks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.folders: list[str] = []
        self.links: list[str] = []
        self._in_folder = False

    def handle_starttag(self, tag, attrs):
        if tag == "h3":
            self._in_folder = True
        if tag == "a":
            self.links.append(dict(attrs)["href"])

    def handle_data(self, data):
        if self._in_folder:
            self.folders.append(data)
            self._in_folder = False


def test_bookmarks_have_a_folder_per_client_and_every_switch_link(site, browser):
    data = manifest(site)
    parser = Bookmarks()
    parser.feed((site / "exports/bookmarks.html").read_text())
    assert parser.folders == ["Larkspur Access Portal"] + [c["name"] for c in data["clients"]]
    expected = [r["switchRoleUrl"] for c in data["clients"] for a in c["accounts"] for r in a["roles"]]
    assert parser.links == expected
    browser.get((site / "exports/bookmarks.html").as_uri())
    assert browser.execute_script("return document.querySelectorAll('dl h3').length") == len(data["clients"]) + 1
    assert browser.execute_script("return Array.from(document.querySelectorAll('a')).map(a => a.href)") == expected


def test_aesr_targets_point_at_their_permission_set_base(site):
    text = (site / "exports/aesr.ini").read_text()
    sections = {}
    current = None
    for line in text.splitlines():
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = {}
        elif "=" in line and current:
            key, value = (part.strip() for part in line.split("=", 1))
            sections[current][key] = value
    bases = {name: s for name, s in sections.items() if "source_profile" not in s}
    targets = {name: s for name, s in sections.items() if "source_profile" in s}
    assert bases and targets
    for base in bases.values():
        assert base["aws_account_id"] == manifest(site)["home"]["accountId"]
    for target in targets.values():
        base = bases[target["source_profile"]]
        assert "role_arn" in target or "role_name" in target
        assert len(target["color"]) == 6 and target["region"]
        assert base["role_name"]


def test_access_matrix_matches_the_manifest(site, browser):
    data = manifest(site)
    access = json.loads((site / "access.json").read_text())
    reached = sorted(r["roleArn"] for s in access["permissionSets"] for r in s["roles"])
    assert reached == sorted(r["roleArn"] for c in data["clients"] for a in c["accounts"] for r in a["roles"])
    # The page: one row per client, each level's permission set and teams; the roles are in access.json
    # and the client's access statement, which the row links.
    browser.get((site / "access.html").as_uri())
    rows = browser.find_elements("css selector", "table.matrix tbody tr")
    assert len(rows) == len(data["clients"])
    for row, client in zip(rows, data["clients"]):
        cells = row.find_elements("css selector", "td")
        expected = sorted(s["name"] for s in access["permissionSets"] if s["client"] == client["slug"])
        assert sorted(code.text for code in row.find_elements("css selector", "td code")) == expected
        statement = cells[-1].find_element("tag name", "a").get_attribute("href")
        assert statement.endswith(f"clients/{client['slug']}/access-statement.html")
        assert cells[-1].text == str(len(client["accounts"]))
    search = browser.find_element("id", "search")
    search.send_keys("AbcCorpReadOnly")
    rows = [row for row in browser.find_elements("css selector", "table.matrix tbody tr") if row.is_displayed()]
    assert [row.find_element("css selector", "th").text for row in rows] == ["Abc Corp"]


def test_client_page_links_the_kit_and_the_onboarding_page(site, browser):
    browser.get((site / "clients/cedar-health/index.html").as_uri())
    browser.find_element("link text", "Onboarding steps for Cedar Health").click()
    assert browser.find_element("tag name", "h1").text == "Onboarding Cedar Health"
    links = [a.get_attribute("href") for a in browser.find_elements("css selector", "article a")]
    assert any(link.endswith("kit/permission-sets.template.json") for link in links)
    assert sum(link.endswith(".template.json") for link in links) == 4  # 3 accounts + permission sets


def test_deploying_each_accounts_template_creates_exactly_its_roles(site, browser):
    """What the client's admin does: follow each remote-roles link of the client page and deploy
    the template in every account listed with it (CloudFormation and IAM faked by moto). Every
    account gets exactly the roles the portal links to."""
    from moto import mock_aws
    import boto3
    deployed = {}
    with mock_aws():
        for client in manifest(site)["clients"]:
            browser.get((site / "clients" / client["slug"] / "index.html").as_uri())
            for item in browser.find_elements("css selector", "section.kit li"):
                links = [a for a in item.find_elements("tag name", "a") if a.text == "Remote-roles template"]
                if not links:
                    continue
                template = Path(urllib.parse.unquote(urllib.parse.urlparse(links[0].get_attribute("href")).path)).read_text()
                for account_id in [code.text for code in item.find_elements("tag name", "code")]:
                    assert account_id not in deployed
                    credentials = boto3.client("sts", region_name="us-east-1").assume_role(
                        RoleArn=f"arn:aws:iam::{account_id}:role/admin", RoleSessionName="deploy")["Credentials"]
                    keys = dict(aws_access_key_id=credentials["AccessKeyId"], aws_secret_access_key=credentials["SecretAccessKey"],
                                aws_session_token=credentials["SessionToken"], region_name="us-east-1")
                    boto3.client("cloudformation", **keys).create_stack(
                        StackName="switchboard-roles", TemplateBody=template, Capabilities=["CAPABILITY_NAMED_IAM"])
                    deployed[account_id] = sorted(role["Arn"] for role in boto3.client("iam", **keys).list_roles()["Roles"])
    expected = {a["id"]: sorted(r["roleArn"] for r in a["roles"])
                for c in manifest(site)["clients"] for a in c["accounts"] if a["roles"]}
    assert deployed == expected


def test_access_matrix_sorts_by_column(site, browser):
    browser.get((site / "access.html").as_uri())
    def column(index):
        return [row.find_elements("css selector", "th, td")[index].text
                for row in browser.find_elements("css selector", "table.matrix tbody tr")]
    original = column(0)
    last = len(browser.find_elements("css selector", "table.matrix thead th")) - 1
    browser.find_element("css selector", "table.matrix thead th:last-child button.sort").click()
    assert [int(n) for n in column(last)] == sorted(int(n) for n in column(last))  # numbers, not text
    browser.find_element("css selector", "table.matrix thead th:first-child button.sort").click()
    assert column(0) == sorted(original, key=str.lower)
    browser.find_element("css selector", "table.matrix thead th:first-child button.sort").click()
    assert column(0) == sorted(original, key=str.lower, reverse=True)
    assert browser.find_element("css selector", "table.matrix thead th:first-child button.sort").find_element("xpath", "..").get_attribute("aria-sort") == "descending"
