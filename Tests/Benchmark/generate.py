#!/usr/bin/env python3
"""Deterministic synthetic content for the benchmark.

    generate.py OUT --clients 1000 --accounts 10 --docs 2000 [--seed 7]

Writes OUT/content (inventory + Markdown docs, for Switchboard), OUT/hugo (the same docs as a
Hugo site with minimal local layouts) and OUT/all.md (the docs concatenated, for the cmark CLI)."""
import argparse
import random
from pathlib import Path

WORDS = ("account role switch console permission set policy trust identity center deploy pipeline "
         "cluster network logging billing incident runbook escalate region backup restore audit "
         "latency queue database cache release rollback change ticket owner on-call").split()
ENVIRONMENTS = ["production", "staging", "development", "test", "sandbox"]
REGIONS = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2"]

PORTAL = """title: Benchmark Portal
company: Benchmark Consulting
home_account:
  id: "111122223333"
identity_center:
  start_url: https://bench-example.awsapps.com/start
  region: eu-west-1
  instance_arn: arn:aws:sso:::instance/ssoins-1111222233334444
access_levels:
  - key: administrator
    name: Administrator
    description: Full access.
    role_name: bench-administrator
    permission_set: "{client}Admin"
    color: red
  - key: devops
    name: DevOps
    description: Operations.
    role_name: bench-devops
    permission_set: "{client}DevOps"
    color: orange
  - key: read-only
    name: ReadOnly
    description: Read only.
    role_name: bench-read-only
    permission_set: "{client}ReadOnly"
    color: blue
"""


def sentence(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count)).capitalize() + "."


def document(rng: random.Random, index: int, link: str) -> str:
    """About 4 KB: headings, paragraphs, lists, code, links."""
    parts = [f"# Runbook {index}\n"]
    for section in range(5):
        parts.append(f"## Section {section} {rng.choice(WORDS)}\n")
        parts.append(" ".join(sentence(rng, 12) for _ in range(4)) + f" See [related]({link}).\n")
        parts.append("".join(f"- {sentence(rng, 6)} `{rng.choice(WORDS)}`\n" for _ in range(4)))
        parts.append("```sh\naws sts get-caller-identity --profile " + rng.choice(WORDS) + "\n```\n")
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--accounts", type=int, default=10)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    content = args.out / "content"
    (content / "docs").mkdir(parents=True, exist_ok=True)
    (content / "portal.yaml").write_text(PORTAL)
    for client in range(args.clients):
        lines = [f"name: Client {client:04d} {rng.choice(WORDS).title()}", f"permission_set_prefix: C{client:04d}", "accounts:"]
        for account in range(args.accounts):
            lines += [f'  - id: "{client + 100000:06d}{account:06d}"', f"    name: {rng.choice(WORDS).title()} {account}",
                      f"    environment: {rng.choice(ENVIRONMENTS)}", f"    region: {rng.choice(REGIONS)}",
                      f"    tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]"]
        folder = content / "clients" / f"client-{client:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "client.yaml").write_text("\n".join(lines) + "\n")

    hugo = args.out / "hugo"
    (hugo / "content" / "docs").mkdir(parents=True, exist_ok=True)
    (hugo / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    (hugo / "hugo.toml").write_text('baseURL = "http://example.invalid/"\ntitle = "Benchmark"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n')
    layout = "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n"
    (hugo / "layouts" / "_default" / "single.html").write_text(layout)
    (hugo / "layouts" / "_default" / "list.html").write_text(layout)
    all_docs = []
    for index in range(args.docs):
        # Docs sit beside the clients (a runbook per client folder) and in docs/ beyond that.
        if index < args.clients:
            folder, name, link = content / "clients" / f"client-{index:04d}", "runbook.md", "../../docs/index.md"
        else:
            folder, name, link = content / "docs", f"guide-{index:04d}.md", "index.md"
        text = document(rng, index, link)
        (folder / name).write_text(text)
        (hugo / "content" / "docs" / f"doc-{index:04d}.md").write_text(f"---\ntitle: Doc {index}\n---\n" + text.replace(link, "https://example.invalid/"))
        all_docs.append(text)
    (content / "docs" / "index.md").write_text("Benchmark portal.\n")
    (args.out / "all.md").write_text("\n".join(all_docs))


if __name__ == "__main__":
    main()
