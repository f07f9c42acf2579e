#!/usr/bin/env bash
# Debian PostgreSQL for the server's integration tests (packages/server/test): the tests start their own
# throwaway cluster with initdb/pg_ctl (as the `postgres` user when run as root) and stop it after, so
# nothing is started here. Idempotent: installs only when missing, `apt-get update` only then.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "provision: postgresql already installed ($(ls /usr/lib/postgresql | tr '\n' ' '))" >&2
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "provision: installing postgresql" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql
# Debian's package creates and starts a cluster 15/main; the tests do not use it.
