#!/usr/bin/env bash
# Installs what is missing, builds, and opens Counterpart on its demo workspace (a separate
# profile, so a real account's data is never touched). Without a display it renders the window
# to build/demo.png instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
profile="${COUNTERPART_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/Counterpart/demo-profile}"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec build/counterpart --data-dir "$profile" "$@"
fi
echo "No display found: rendering the demo workspace to build/demo.png instead."
QT_QPA_PLATFORM=offscreen build/counterpart --data-dir "$profile" --screenshot build/demo.png "$@"
echo "Wrote build/demo.png"
