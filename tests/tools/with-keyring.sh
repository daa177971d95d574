#!/usr/bin/env bash
# Run a command inside a private D-Bus session with an unlocked gnome-keyring (Secret Service),
# isolated from $HOME, so keychain tests use the real Secret Service and never the user's keyring.
# Works as root, headless, without stdin. Usage: tests/tools/with-keyring.sh CMD [ARGS...]
# Nested use is a no-op wrapper: when LD_PRIVATE_KEYRING is set we are already inside one.
set -euo pipefail
if [ -n "${LD_PRIVATE_KEYRING:-}" ]; then exec "$@"; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/run"
export XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
export LD_PRIVATE_KEYRING=1
unset DISPLAY   # with DISPLAY set and no unlocked keyring, libsecret can hang on a GUI prompt
dbus-run-session -- bash -c '
  # The password must be non-empty: with "" gnome-keyring tries to prompt and the login collection never appears.
  printf "%s" ci-keyring-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
    || { echo "with-keyring: gnome-keyring-daemon --unlock failed" >&2; exit 1; }
  # --unlock returns before the daemon owns org.freedesktop.secrets: wait for it and remember its PID.
  kpid=
  for _ in $(seq 200); do
    kpid=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
             org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null \
           | awk "{print \$2}") && [ -n "$kpid" ] && break
    sleep 0.05
  done
  [ -n "$kpid" ] || { echo "with-keyring: Secret Service did not appear on the bus" >&2; exit 1; }
  rc=0; "$@" || rc=$?
  kill "$kpid" 2>/dev/null || true   # a daemon still starting would otherwise outlive the bus
  exit "$rc"' with-keyring "$@"
