#!/usr/bin/env bash
# One command for a fresh machine with Node (>= 20.19) and npm: installs pnpm
# and the workspace, then builds everything (the default archive, the CLI and
# the extension packages).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != 12.* ]]; then
  echo "setup: installing pnpm 12" >&2
  npm install -g pnpm@12.21.0 >&2
fi
pnpm install --frozen-lockfile
pnpm build
# The extension packages: browser zips (.output/*.zip) and the VS Code .vsix.
pnpm --filter @jianbao/browser-extension zip
pnpm --filter @jianbao/vscode-extension package
echo "setup: done. Try: pnpm --silent jianbao articles" >&2
