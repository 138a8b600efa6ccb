#!/bin/sh
# Makes sure Debian's Chromium is installed for the end-to-end tests (test/e2e), which drive it with
# playwright-core. Never downloads a browser from anywhere but apt. Does nothing when one is present.
set -eu

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "Chromium found at $CHROMIUM"
  exit 0
fi

if [ -n "${CHROMIUM_PATH:-}" ] && [ "$CHROMIUM_PATH" != /usr/bin/chromium ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable; installing Debian's chromium at /usr/bin/chromium instead" >&2
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Not root and no sudo: run 'apt-get install -y chromium' as root" >&2; exit 1; }
  SUDO="sudo"
fi
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
/usr/bin/chromium --version
