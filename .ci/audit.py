"""Known vulnerabilities of the locked packages, by pip-audit.

    python .ci/audit.py LOCK_FILE... [-- PIP_AUDIT_OPTION...]

Fails (exit 1) on a vulnerability that a release fixes: the lock must move
to that release (`make lock LOCK_ARGS="--upgrade-package NAME"`). One with no
fix yet is listed and does not fail: there is nothing to upgrade to. Neither
does a package the vulnerability service could not answer for, listed too.

pip-audit fails on any vulnerability and has no option for "only those with
a fix", so its JSON report is read here. The lock files are fully pinned
with hashes, so pip-audit reads them as they are (--disable-pip): nothing
is installed or resolved.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def main(args):
    lock_files, extra = args, []
    if "--" in args:
        split = args.index("--")
        lock_files, extra = args[:split], args[split + 1 :]
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        command = [sys.executable, "-m", "pip_audit", "--disable-pip", "--progress-spinner=off"]
        for lock_file in lock_files:
            command += ["-r", lock_file]
        command += ["--format=json", f"--output={report}", *extra]
        subprocess.run(command, check=False)
        if not report.is_file():
            print("pip-audit wrote no report: see its error above.", file=sys.stderr)
            return 2
        dependencies = json.loads(report.read_text())["dependencies"]

    fixable, unfixed, skipped = set(), set(), set()
    for dependency in dependencies:
        if "skip_reason" in dependency:
            skipped.add(dependency["skip_reason"])
            continue
        name = f"{dependency['name']}=={dependency['version']}"
        for vuln in dependency.get("vulns", []):
            line = f"{name}: {vuln['id']}"
            if vuln["fix_versions"]:
                fixable.add(f"{line}, fixed in {', '.join(vuln['fix_versions'])}")
            else:
                unfixed.add(f"{line}, no fix released yet")

    audited = len({d["name"] for d in dependencies if "skip_reason" not in d})
    for title, lines in (
        ("Not audited (the vulnerability service did not answer for them)", skipped),
        ("Known vulnerabilities without a fix (not failing)", unfixed),
        ("Known vulnerabilities with a fix: upgrade these", fixable),
    ):
        if lines:
            print(f"{title}:")
            print("\n".join(f"  {line}" for line in sorted(lines)))
    print(
        f"pip-audit: {audited} packages audited, {len(skipped)} not audited, "
        f"{len(fixable)} fixable and {len(unfixed)} unfixed vulnerabilities."
    )
    if skipped and not audited:
        print(
            "WARNING: no package could be audited: the vulnerability service"
            " (PyPI's JSON API per release, or OSV) did not answer."
        )
    return 1 if fixable else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
