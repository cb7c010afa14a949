"""Checks that each package's declared `rust-version` is true to its dependencies.

A dependency that declares a higher `rust-version` than its dependent cannot build with the
dependent's, so that declaration would be false. This reads `cargo metadata` (the resolved
graph for this platform) and, for every workspace member, fails when a normal or build
dependency needs more than the member declares, or when the member declares more than its
highest dependency needs. No second toolchain is installed: the check is the dependencies'
own declarations.

Run: python3 scripts/msrv.py (scripts/test.sh does).
"""

from __future__ import annotations

import json
import subprocess
import sys


def version(text: str) -> tuple[int, int, int]:
    parts = [int(part) for part in text.split(".")] + [0, 0]
    return (parts[0], parts[1], parts[2])


def host() -> str:
    info = subprocess.run(["rustc", "-vV"], check=True, capture_output=True, text=True).stdout
    return next(line.split(": ", 1)[1] for line in info.splitlines() if line.startswith("host: "))


def main() -> int:
    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", host()],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    packages = {p["id"]: p for p in metadata["packages"]}
    nodes = {n["id"]: n for n in metadata["resolve"]["nodes"]}
    failed = False
    for member in sorted(metadata["workspace_members"], key=lambda m: packages[m]["name"]):
        name, declared = packages[member]["name"], packages[member].get("rust_version")
        if not declared:
            print(f"{name}: declares no rust-version")
            failed = True
            continue
        # What is built for the member: its normal and build dependencies (not dev), down.
        needed: dict[str, str] = {}
        stack, seen = [member], {member}
        while stack:
            for dep in nodes[stack.pop()]["deps"]:
                if {k["kind"] for k in dep["dep_kinds"]} <= {"dev"} or dep["pkg"] in seen:
                    continue
                seen.add(dep["pkg"])
                stack.append(dep["pkg"])
                if rust := packages[dep["pkg"]].get("rust_version"):
                    needed[dep["pkg"]] = rust
        highest = max(needed.values(), key=version, default="0")
        if version(declared) < version(highest):
            over = sorted(
                f"{packages[p]['name']} {packages[p]['version']} needs {v}"
                for p, v in needed.items()
                if version(v) > version(declared)
            )
            print(f"{name}: rust-version {declared} is too low: " + "; ".join(over))
            failed = True
        elif version(declared) > version(highest):
            print(f"{name}: rust-version {declared} is higher than any dependency needs ({highest})")
            failed = True
        else:
            print(f"{name}: rust-version {declared}, the highest a dependency declares")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
