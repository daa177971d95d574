#pragma once
// Where one profile keeps its files: the database, settings (preferences only, never secrets)
// and logs. --profile DIR (GUI and CLI) picks DIR, created if missing; the default is the
// platform's app data location (QStandardPaths::AppDataLocation).
#include <QString>

namespace ld {

class Profile
{
public:
    // Empty dir: the default location. Returns an invalid Profile with error() set when the
    // directory cannot be created or written.
    static Profile open(const QString &dir = {});
    // A throw-away profile in a new temporary directory, removed by removeThrowAway().
    static Profile throwAway();

    bool isValid() const { return m_error.isEmpty() && !m_dir.isEmpty(); }
    QString error() const { return m_error; }
    QString dir() const { return m_dir; }
    QString databasePath() const;  // <dir>/linkup-desk.sqlite
    QString settingsPath() const;  // <dir>/settings.ini
    QString logDir() const;        // <dir>/logs
    QString keychainService() const; // per-profile keychain service name
    // Short stable id derived from the path, for names that must not collide between
    // profiles (single-instance socket, keychain service).
    QString id() const;
    bool isThrowAway() const { return m_throwAway; }
    void removeThrowAway() const;

private:
    QString m_dir;
    QString m_error;
    bool m_throwAway = false;
};

} // namespace ld
