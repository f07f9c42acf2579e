#!/usr/bin/env bash
# Debian browsers and a CJK font for the browser extension's end-to-end tests
# (apps/browser-extension/e2e). Idempotent: installs only what is missing and
# runs `apt-get update` only when something is.
set -euo pipefail
# chromium-l10n and firefox-esr-l10n-zh-cn: the zh-CN UI locale, so the extension shows its default (Chinese) messages in tests.
wanted=(chromium chromium-l10n firefox-esr firefox-esr-l10n-zh-cn fonts-wqy-zenhei)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]} == 0)); then
  echo "provision: browsers already installed (${wanted[*]})" >&2
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "provision: installing ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
