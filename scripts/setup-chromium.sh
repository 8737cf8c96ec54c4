#!/usr/bin/env bash
# Chromium for the browser tests (test/web-page.test.ts, test/web-extension.test.ts,
# found by test/helpers/chromium.ts): Debian's `chromium` package, installed with
# apt-get when no Chromium is there yet and apt-get can run (as root, or with
# sudo that asks no password). Safe to run again: it does nothing when a
# Chromium is found. It never fails the run: without Chromium the browser tests
# skip with one line saying so.
set -uo pipefail

found() {
  local exe=$1
  if "$exe" --version >/dev/null 2>&1; then
    echo "Chromium for the browser tests: $exe ($("$exe" --version 2>/dev/null | head -n 1))"
    return 0
  fi
  return 1
}

if [ -n "${IR_LINT_CHROMIUM:-}" ]; then
  found "$IR_LINT_CHROMIUM" && exit 0
  echo "IR_LINT_CHROMIUM=$IR_LINT_CHROMIUM does not run; looking for another Chromium"
fi
for exe in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
  [ -x "$exe" ] && found "$exe" && exit 0
done

if ! command -v apt-get >/dev/null 2>&1; then
  echo "no Chromium and no apt-get to install it; the browser tests will be skipped"
  exit 0
fi
sudo=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "no Chromium, and installing it needs root (apt-get install chromium); the browser tests will be skipped"
    exit 0
  fi
fi
echo "installing Chromium (Debian package chromium) for the browser tests"
export DEBIAN_FRONTEND=noninteractive
if "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
  found /usr/bin/chromium && exit 0
fi
echo "Chromium could not be installed; the browser tests will be skipped"
exit 0
