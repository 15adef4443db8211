#!/usr/bin/env bash
# Makes sure the end-to-end tests have a Chromium to drive. Playwright's own browser download
# does not work on our machines (no network but the package registries), so the tests use
# Debian's chromium (or whatever CHROMIUM_PATH names). Installs it with apt-get when it is
# missing and we may (root, apt-get present); otherwise says what to do and fails.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
  exit 1
fi
if [ -x /usr/bin/chromium ]; then exit 0; fi

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Debian's chromium for the end-to-end tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi

echo "The end-to-end tests need Chromium: install Debian's 'chromium' package" >&2
echo "(sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
exit 1
