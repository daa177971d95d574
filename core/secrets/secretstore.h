#pragma once
// Where secrets live (ARCHITECTURE.md §3 "Secrets"): an interface, a QtKeychain implementation
// (OS keychain, every job with a timeout) and an in-memory one for tests and the demo.
// Asynchronous: the callback runs on the caller's thread, exactly once.
#include <QHash>
#include <QObject>
#include <QString>
#include <functional>

namespace ld {

struct SecretResult
{
    enum class Status {
        Ok,
        NotFound,     // no entry under that key
        Unavailable,  // no usable keychain (no Secret Service, locked, no D-Bus, ...)
        Timeout,      // the keychain did not answer in time (e.g. waiting on an unlock prompt)
        Error,        // anything else
    };
    Status status = Status::Ok;
    QString value;    // on a successful read
    QString message;  // technical detail for the log; never contains the secret

    bool ok() const { return status == Status::Ok; }
};

class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;
    using QObject::QObject;

    virtual void read(const QString &key, Callback done) = 0;
    virtual void write(const QString &key, const QString &value, Callback done) = 0;
    virtual void remove(const QString &key, Callback done) = 0;
    virtual QString backendName() const = 0; // "Secret Service", "memory", ...
};

class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;
    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    void remove(const QString &key, Callback done) override;
    QString backendName() const override;

private:
    QHash<QString, QString> m_values;
};

} // namespace ld
