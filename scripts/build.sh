#!/usr/bin/env bash
# Configures and builds into ./build (or $COUNTERPART_BUILD_DIR). Extra arguments go to CMake.
# ccache is used when it is installed (it is optional): CCACHE_BASEDIR makes the cache hit across
# checkouts at different paths, e.g. a CI clone beside the developer's tree.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${COUNTERPART_BUILD_DIR:-build}"
launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "$PWD")}"
    export CCACHE_NOHASHDIR=1
fi
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
