#!/usr/bin/env bash
# Makes sure `npm test` finds what it drives besides Node.js (run by `npm test` itself, as its
# pretest, and by .ci/run): PostgreSQL and Redis answering (scripts/ensure-services.sh), Debian's
# Chromium (scripts/ensure-chromium.sh), Java for the Nu Html Checker (e2e/html-validity.spec.ts
# runs vnu-jar's vnu.jar) and nginx with its brotli filter when Debian has one (e2e/nginx/,
# e2e/cluster/). Installs what is missing with apt-get when it runs as root; otherwise says what
# to install and fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-services.sh
bash scripts/ensure-chromium.sh

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != "0" ]; then
  echo "The tests need Debian's ${missing[*]}: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian's ${missing[*]} for the tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
for package in "${missing[@]}"; do
  if [ "$package" = nginx-light ]; then
    apt-get install -y -qq nginx-light >/dev/null 2>&1 || apt-get install -y -qq nginx >/dev/null
    apt-get install -y -qq libnginx-mod-http-brotli-filter >/dev/null 2>&1 ||
      echo "Debian's brotli module for nginx is not available: nginx compresses with gzip only."
  else
    apt-get install -y -qq "$package" >/dev/null
  fi
done
