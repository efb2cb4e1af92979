#!/usr/bin/env bash
# Installs Debian's Neovim (0.7), the second real LSP client of the tests, when it is missing.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Neovim is missing; install it with: sudo apt-get install -y neovim" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends neovim >/dev/null
