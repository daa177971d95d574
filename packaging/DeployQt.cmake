# Install-time deploy steps for the self-contained Windows and macOS installers: the Qt
# libraries and plugins (windeployqt / macdeployqt) and QtKeychain. On Linux the .deb depends on
# the distribution's Qt instead, so nothing happens there.
#
# Not run on this machine (Debian has no Windows or macOS Qt): written from the Qt 6.4 and 6.5+
# documentation of qt_generate_deploy_app_script() / qt_deploy_runtime_dependencies(), both still
# "technology preview" in 6.4. Check on each system that `cmake --install` (which cpack runs)
# leaves an app that starts from a folder with no Qt installed.

if(NOT (WIN32 OR APPLE))
    return()
endif()

# Qt 6.5 renamed FILENAME_VARIABLE to OUTPUT_SCRIPT; the CI may use a newer Qt than Debian's 6.4.
if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
    set(ld_deploy_script_arg OUTPUT_SCRIPT)
else()
    set(ld_deploy_script_arg FILENAME_VARIABLE)
endif()

if(WIN32)
    # windeployqt copies the Qt DLLs and plugins (platforms, sqldrivers, imageformats,
    # iconengines, tls) next to linkup-desk.exe and writes qt.conf. linkupctl.exe sits in the same
    # bin\ and uses a subset of those DLLs, so one run covers both executables.
    qt_generate_deploy_app_script(TARGET linkup-desk ${ld_deploy_script_arg} ld_deploy_script)
    install(SCRIPT ${ld_deploy_script})

    # windeployqt deploys Qt's own libraries only: QtKeychain's DLL must be installed by hand.
    get_target_property(ld_keychain Qt6Keychain::Qt6Keychain ALIASED_TARGET)
    if(NOT ld_keychain)
        set(ld_keychain Qt6Keychain::Qt6Keychain)
    endif()
    install(IMPORTED_RUNTIME_ARTIFACTS ${ld_keychain} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

    # The MSVC runtime (vcruntime, msvcp), so that no redistributable has to be installed first.
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
    include(InstallRequiredSystemLibraries)
elseif(APPLE)
    # The .dmg holds linkup-desk.app and a link to /Applications to drag it onto. linkupctl goes
    # inside the bundle (Contents/MacOS), where macdeployqt makes it use the bundle's frameworks;
    # a bare bin/linkupctl beside the bundle would look for Qt where the user has none.
    # macdeployqt also copies non-Qt dylibs it finds (QtKeychain) into Contents/Frameworks.
    file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/packaging/deploy-macos.cmake CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
set(root \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}\")
set(app \"$<TARGET_FILE_NAME:linkup-desk>.app\")
file(RENAME \"\${root}/${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:linkupctl>\"
            \"\${root}/\${app}/Contents/MacOS/$<TARGET_FILE_NAME:linkupctl>\")
file(REMOVE_RECURSE \"\${root}/${CMAKE_INSTALL_BINDIR}\")
qt6_deploy_runtime_dependencies(EXECUTABLE \"\${app}\"
    ADDITIONAL_EXECUTABLES \"\${app}/Contents/MacOS/$<TARGET_FILE_NAME:linkupctl>\")
file(CREATE_LINK /Applications \"\${root}/Applications\" SYMBOLIC)
")
    install(SCRIPT ${CMAKE_BINARY_DIR}/packaging/deploy-macos.cmake)
endif()
