#pragma once
// Holds the LinkUp API key for the session. Loads it from a SecretStore and saves it there;
// when the store is unavailable the key is kept in memory for this session only, and
// sessionOnly() says so, so the UI can tell the user. Never writes the key anywhere else.
#include "secretstore.h"

#include <QObject>

namespace ld {

class ApiKeyVault : public QObject
{
    Q_OBJECT
public:
    static QString entryName(); // the keychain entry ("api-key")

    explicit ApiKeyVault(SecretStore *store, QObject *parent = nullptr);

    void load();                           // emits loaded()
    void setKey(const QString &key);       // emits saved(); key is usable immediately
    void removeKey();                      // emits removed()

    QString key() const { return m_key; }
    bool hasKey() const { return !m_key.isEmpty(); }
    bool sessionOnly() const { return m_sessionOnly; }
    QString lastProblem() const { return m_problem; } // a sentence for a person, empty when fine

Q_SIGNALS:
    void loaded(bool found);
    void saved(bool persisted);    // false: kept in memory only (sessionOnly())
    void removed(bool ok);
    void keyChanged();

private:
    SecretStore *m_store;
    QString m_key;
    bool m_sessionOnly = false;
    QString m_problem;
};

} // namespace ld
