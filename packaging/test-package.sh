#!/usr/bin/env bash
# Builds the .deb and .tar.gz of an existing build folder, installs the .deb on this machine,
# runs what it installed, and removes it again. Run as root (or with sudo) on Debian 12:
#   packaging/test-package.sh [BUILD_DIR]       (default: build)
# The build folder must hold linkup-desk and linkupctl built (cmake --build BUILD_DIR).
# Leaves BUILD_DIR/linkup-desk_*.deb, the .tar.gz and BUILD_DIR/package-demo.png behind.
# Exits non-zero on the first failure, saying which step failed.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

BUILD_DIR=$(cd "${1:-build}" && pwd)
PKG=linkup-desk
STARTED=$SECONDS
STEP_STARTED=$SECONDS
INSTALLED=0

fail() { echo "test-package: FAIL: $*" >&2; exit 1; }
step() {
  echo "test-package: $1 ($((SECONDS - STEP_STARTED)) s)"
  STEP_STARTED=$SECONDS
}
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    fail "need root (or sudo) to run: $*"; fi
}
# A failed run must not leave the package installed on the machine.
cleanup() {
  if [ "$INSTALLED" = 1 ]; then as_root apt-get remove -y -qq "$PKG" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

[ -f "$BUILD_DIR/CPackConfig.cmake" ] || fail "$BUILD_DIR has no CPackConfig.cmake: configure it first"
[ -x "$BUILD_DIR/app/desk/linkup-desk" ] && [ -x "$BUILD_DIR/app/ctl/linkupctl" ] ||
  fail "build linkup-desk and linkupctl in $BUILD_DIR first"
if dpkg-query -W -f='${db:Status-Status}' "$PKG" 2>/dev/null | grep -qx installed; then
  fail "$PKG is already installed: remove it first (apt-get remove $PKG), this test would remove it"
fi

# Xvfb and xauth for the screenshot of the installed app; dbus-run-session keeps its D-Bus
# session (and anything started on it) from outliving the run.
missing=()
for p in xvfb xauth dbus; do
  dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
done
if ((${#missing[@]})); then
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  step "installed ${missing[*]}"
fi

cd "$BUILD_DIR"
rm -f "$PKG"_*.deb "$PKG"-*.tar.gz
cpack -G DEB >cpack-deb.log 2>&1 || { cat cpack-deb.log >&2; fail "cpack -G DEB"; }
debs=("$PKG"_*.deb)
[ -f "${debs[0]}" ] || fail "cpack wrote no ${PKG}_*.deb in $BUILD_DIR"
DEB=${debs[0]}
step "cpack -G DEB: $DEB, $(du -k "$DEB" | cut -f1) KB"
depends=$(dpkg-deb -f "$DEB" Depends)
echo "  Depends: $depends"
echo "  Recommends: $(dpkg-deb -f "$DEB" Recommends)"
for d in libqt6widgets6 qt6-qpa-plugins libqt6sql6-sqlite libqt6svg6 libsecret-1-0; do
  grep -q "\b$d\b" <<<"$depends" || fail "the .deb does not depend on $d"
done
contents=$(dpkg-deb -c "$DEB")
for f in ./usr/bin/linkup-desk ./usr/bin/linkupctl ./usr/share/applications/linkup-desk.desktop \
         ./usr/share/icons/hicolor/scalable/apps/linkup-desk.svg \
         ./usr/share/metainfo/com.linkupapi.desk.metainfo.xml; do
  grep -q " $f\$" <<<"$contents" || fail "the .deb lacks $f"
done

cpack -G TGZ >cpack-tgz.log 2>&1 || { cat cpack-tgz.log >&2; fail "cpack -G TGZ"; }
tgzs=("$PKG"-*.tar.gz)
[ -f "${tgzs[0]}" ] || fail "cpack wrote no $PKG-*.tar.gz"
step "cpack -G TGZ: ${tgzs[0]}, $(du -k "${tgzs[0]}" | cut -f1) KB"
tar -tzf "${tgzs[0]}" | sed 's/^/  /'
tar -tzf "${tgzs[0]}" | grep -q '/bin/linkup-desk$' || fail "the .tar.gz lacks bin/linkup-desk"

as_root apt-get install -y -qq "./$DEB" >apt-install.log 2>&1 ||
  { cat apt-install.log >&2; fail "apt-get install ./$DEB"; }
INSTALLED=1
step "apt-get install ./$DEB"
[ -x /usr/bin/linkup-desk ] && [ -x /usr/bin/linkupctl ] || fail "/usr/bin/linkup-desk or linkupctl missing"

# Run the installed files, not the build folder's: from /, with no build path anywhere.
cd /
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM
out=$(/usr/bin/linkup-desk --version) || fail "linkup-desk --version exited $?"
version=$(dpkg-query -W -f='${Version}' "$PKG")
grep -q "$version" <<<"$out" || fail "linkup-desk --version printed '$out', not $version"
echo "  linkup-desk --version: $out"
out=$(/usr/bin/linkupctl --help) || fail "linkupctl --help exited $?"
grep -q 'Usage:' <<<"$out" || fail "linkupctl --help printed no usage"
grep -q 'accounts' <<<"$out" || fail "linkupctl --help does not list its commands"
step "installed --version and --help"

if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/linkup-desk.desktop || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net /usr/share/metainfo/com.linkupapi.desk.metainfo.xml >/dev/null ||
    fail "appstreamcli validate"
fi

# The installed app on its demo workspace, under a real X server (the xcb plugin from
# qt6-qpa-plugins, not offscreen), with a throw-away profile; --grab quits once loaded.
PNG="$BUILD_DIR/package-demo.png"
PROFILE=$(mktemp -d)
rm -f "$PNG"
timeout 120 dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  env QT_QPA_PLATFORM=xcb /usr/bin/linkup-desk --demo --profile "$PROFILE" --grab "$PNG" \
  >"$BUILD_DIR/demo.log" 2>&1 || { rc=$?; cat "$BUILD_DIR/demo.log" >&2; rm -rf "$PROFILE"; fail "the installed demo exited $rc"; }
rm -rf "$PROFILE"
[ -s "$PNG" ] || { cat "$BUILD_DIR/demo.log" >&2; fail "no screenshot at $PNG"; }
size=$(stat -c %s "$PNG")
# A blank or tiny window compresses to a few KB; the demo's main window is far larger.
[ "$size" -gt 20000 ] || fail "$PNG is only $size bytes: the window looks empty"
dims=$(file "$PNG" | grep -o '[0-9]* x [0-9]*' || true)
step "installed demo under Xvfb: $PNG ($dims, $size bytes)"
rm -f "$BUILD_DIR/demo.log"

as_root apt-get remove -y -qq "$PKG" >/dev/null 2>&1 || fail "apt-get remove $PKG"
INSTALLED=0
for f in /usr/bin/linkup-desk /usr/bin/linkupctl /usr/share/applications/linkup-desk.desktop; do
  [ ! -e "$f" ] || fail "$f is still there after apt-get remove"
done
step "apt-get remove $PKG"
echo "test-package: OK in $((SECONDS - STARTED)) s"
