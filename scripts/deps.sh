#!/usr/bin/env bash
# Installs the Debian 12 packages Counterpart needs to build, test and run, if any are missing.
# Sourced by run-demo.sh and test.sh; safe to run again (it does nothing when all are present).
set -euo pipefail

COUNTERPART_PACKAGES=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev libqt6opengl6-dev libqt6sql6-sqlite qt6-charts-dev qt6-tools-dev qt6-l10n-tools
  qtkeychain-qt6-dev qt6-websockets-dev libsecret-1-0 libsqlite3-dev
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools fonts-noto-cjk fonts-dejavu-core
  poppler-utils
)

# The Chatwoot contract test runs Prism from npm; use the machine's npm when there is one.
command -v npm >/dev/null 2>&1 || COUNTERPART_PACKAGES+=(nodejs npm)

missing=()
for package in "${COUNTERPART_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  elif command -v sudo >/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Please install as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
