#!/usr/bin/env bash
# One command that runs every test: unit tests, then end-to-end tests in real
# browsers and a real VS Code host. On a fresh machine it first installs what
# is missing (pnpm, the workspace, and each scripts/provision.d/*.sh: Debian
# browsers, fonts, code-server). Every stage runs even when an earlier one
# fails, so one run shows every failure; the exit code is non-zero if any did.
set -uo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/setup.sh || exit 1
for step in scripts/provision.d/*.sh; do
  [[ -e "$step" ]] || continue
  echo "test: provisioning with $step" >&2
  bash "$step" || { echo "test: provisioning failed: $step" >&2; exit 1; }
done
failed=()
log=$(mktemp)
pnpm test 2>&1 | tee -a "$log" || failed+=("unit tests")
pnpm e2e 2>&1 | tee -a "$log" || failed+=("end-to-end tests")
# One plain total over every runner (vitest "Tests  N passed | M failed", mocha "N passing" / "M failing").
node scripts/count-tests.mjs "$log" || true
rm -f "$log"
if ((${#failed[@]})); then
  echo "test: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "test: all unit and end-to-end tests passed" >&2
