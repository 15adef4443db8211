#!/usr/bin/env bash
# Makes sure the services the tests talk to answer: PostgreSQL on 127.0.0.1:5432 (the
# PostgreSQL backend's tests, database `test`, trust authentication) and Redis on 127.0.0.1:6379
# (the shared cache's tests). Our machines start both before a session or a CI run; when one has
# stopped, this starts it with the machine's own command (Debian's packages, as root), waits up
# to 30 s for it to answer, and fails with one clear line if it never does. Tests that stop or
# kill a server start their own, on their own ports, and never touch these.
set -euo pipefail

wait_for() { # name, check command...
  local name=$1
  shift
  for _ in $(seq 1 60); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "ensure-services: $name does not answer after 30 s; start it, then run again." >&2
  exit 1
}

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "Starting PostgreSQL..."
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  if [ -z "$version" ]; then
    echo "ensure-services: PostgreSQL is not installed (no /etc/postgresql)." >&2
    exit 1
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_for PostgreSQL pg_isready -q -h 127.0.0.1 -p 5432
fi

if [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" != "PONG" ]; then
  echo "Starting Redis..."
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "ensure-services: Redis is not installed (no redis-server)." >&2
    exit 1
  fi
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis sh -c '[ "$(redis-cli -h 127.0.0.1 -p 6379 ping)" = PONG ]'
fi
