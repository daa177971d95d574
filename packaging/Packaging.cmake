# Installers, through CPack. Included from the top-level CMakeLists after every install() rule,
# so that `cpack -G DEB` (or TGZ, NSIS, DragNDrop) run in the build folder writes the package
# there. packaging/test-package.sh builds, installs, runs and removes the .deb on this machine.
#
# Only DEB and TGZ are built and tested here (Debian 12). The NSIS and DragNDrop settings below
# and the deploy steps in DeployQt.cmake cannot run on this machine (no Windows or macOS Qt):
# they are written from the CPack and Qt 6.4 documentation and must be checked on those systems.

include(${CMAKE_CURRENT_LIST_DIR}/DeployQt.cmake)

set(CPACK_PACKAGE_NAME linkup-desk)
set(CPACK_PACKAGE_VENDOR "LinkUp")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "LinkUp Desk connects LinkedIn accounts through the LinkUp V2 API: a unified inbox \
searchable offline, invitations and connections, paced bulk actions under safety caps, posts \
with scheduling, webhooks and live events, and the migration of V1 accounts. API keys stay in \
the system keychain. linkupctl, the command-line companion, works on the same data.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://linkupapi.com")
# The Debian Maintainer field needs "Name <address>". The repository names no address: check
# this one before publishing, or pass -DLD_PACKAGE_CONTACT=... at configure time.
set(LD_PACKAGE_CONTACT "LinkUp <support@linkupapi.com>" CACHE STRING
    "Maintainer of the installers (Name <address>)")
set(CPACK_PACKAGE_CONTACT "${LD_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "LinkUp Desk")
set(CPACK_PACKAGE_EXECUTABLES linkup-desk "LinkUp Desk")
# No licence is published in this repository; NSIS shows this notice instead of CMake's own
# licence, which is CPack's default.
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_LIST_DIR}/license-notice.txt)
# Release builds carry debug information (RelWithDebInfo); users do not need it.
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "\\\\.swp$")

if(WIN32)
    set(CPACK_GENERATOR NSIS)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB TGZ)
endif()

# --- DEB (Debian, Ubuntu): tested here by packaging/test-package.sh ---
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # linkup-desk_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps sees only what the binaries link. These are loaded at run time: the xcb and
# offscreen platform plugins, the SQLite driver of QtSql, the SVG icon engine and image plugin,
# and libsecret, which QtKeychain dlopen()s to reach the Secret Service.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, libqt6svg6, libsecret-1-0")
# Something must answer org.freedesktop.secrets for the API key to outlive the session; without
# one the app says so and keeps the key in memory.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# TGZ needs nothing more: linkup-desk-<version>-Linux.tar.gz holds the same tree as the .deb
# (without the dependencies, which the user installs).

# --- NSIS (Windows): configured, not run here ---
set(CPACK_NSIS_PACKAGE_NAME "LinkUp Desk")
set(CPACK_NSIS_DISPLAY_NAME "LinkUp Desk ${PROJECT_VERSION}")
set(CPACK_NSIS_URL_INFO_ABOUT "${CPACK_PACKAGE_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\linkup-desk.exe")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN linkup-desk.exe)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Offers to put bin\ (linkupctl.exe) on the PATH.
set(CPACK_NSIS_MODIFY_PATH ON)
# There is no .ico in resources/ yet: the installer keeps NSIS's default icon until one is added
# (CPACK_NSIS_MUI_ICON / CPACK_NSIS_MUI_UNIICON).

# --- DragNDrop (macOS .dmg): configured, not run here ---
set(CPACK_DMG_VOLUME_NAME "LinkUp Desk")
set(CPACK_DMG_FORMAT UDZO)

include(CPack)
