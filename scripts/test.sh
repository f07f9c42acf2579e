#!/usr/bin/env bash
# One command that runs every test: unit tests, then end-to-end tests in real
# browsers and a real VS Code host. On a fresh machine it first installs what
# is missing (pnpm, the workspace, and each scripts/provision.d/*.sh: Debian
# browsers, fonts, code-server).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/setup.sh
for step in scripts/provision.d/*.sh; do
  [[ -e "$step" ]] || continue
  echo "test: provisioning with $step" >&2
  bash "$step"
done
pnpm test
pnpm e2e
