#!/usr/bin/env bash
# Start what the test suite needs when it is not already running (CI machines start fresh).
set -u
if [ "${HARMATTAN_SKIP_PG:-0}" != "1" ]; then
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    echo "PostgreSQL not running on 127.0.0.1:5432: starting it"
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    fi
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable; set HARMATTAN_SKIP_PG=1 to skip its tests" >&2; exit 1; }
  fi
fi
exit 0
