#!/usr/bin/env bash
# The browser tests drive Debian's chromium through Playwright (`playwright install` cannot download
# browsers here). Install the package when it is missing; set HARMATTAN_SKIP_BROWSER=1 to skip.
set -u
CHROMIUM=/usr/bin/chromium
if [ "${HARMATTAN_SKIP_BROWSER:-0}" = "1" ] || [ -x "$CHROMIUM" ]; then
  exit 0
fi
echo "chromium not found at $CHROMIUM: installing Debian's package"
SUDO=""
if [ "$(id -u)" != "0" ]; then
  command -v sudo >/dev/null 2>&1 && SUDO="sudo -n"
fi
if command -v apt-get >/dev/null 2>&1; then
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "could not install chromium; the browser tests will be skipped (apt-get install chromium)" >&2
fi
exit 0
