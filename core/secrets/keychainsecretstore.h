#pragma once
// The OS keychain through QtKeychain: Keychain (macOS), Credential Manager (Windows),
// Secret Service or KWallet (Linux). No insecure fallback, ever; each job has a timeout
// because libsecret can wait forever on an unlock prompt nobody sees.
#include "secretstore.h"

namespace ld {

class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; } // default 10 s
    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    void remove(const QString &key, Callback done) override;
    QString backendName() const override;

private:
    QString m_service;
    int m_timeoutMs = 10000;
};

} // namespace ld
