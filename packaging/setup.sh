#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (run as root, or with sudo available):
#   packaging/setup.sh deps    install the build and test dependencies only
#   packaging/setup.sh build   deps + configure + build (RelWithDebInfo, Ninja, ccache when present)
#   packaging/setup.sh demo    deps + build + open the app on its demo workspace (embedded sandbox)
#   packaging/setup.sh test    deps + build + every test headless (offscreen, private D-Bus, unlocked keyring)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DEBIAN_FRONTEND=noninteractive
BUILD_DIR=${BUILD_DIR:-build}

PKGS=(
  cmake ninja-build g++ ccache
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6sql6-sqlite
  qt6-httpserver-dev qt6-websockets-dev
  qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus libsecret-tools
  libxkbcommon-dev fonts-dejavu-core
  xvfb xauth x11-utils imagemagick
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup: need root (or sudo) to install: $*" >&2; exit 1; fi
}

deps() {
  local missing=() p
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

build() {
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" ${CMAKE_EXTRA_ARGS:-}
  cmake --build "$BUILD_DIR" -j"$(nproc)"
}

case "${1:-}" in
  deps) deps ;;
  build) deps; build ;;
  demo)
    deps; build
    shift
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "setup: no display found; run this from a desktop session (or set QT_QPA_PLATFORM)" >&2
      exit 1
    fi
    exec "$BUILD_DIR/app/linkup-desk" --demo "$@" ;;
  test)
    deps; build
    unset DISPLAY
    QT_QPA_PLATFORM=offscreen tests/tools/with-keyring.sh \
      ctest --test-dir "$BUILD_DIR" --output-on-failure --timeout 300 -j"$(nproc)" ;;
  *) echo "usage: packaging/setup.sh deps|build|demo|test" >&2; exit 2 ;;
esac
