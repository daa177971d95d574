#include "secretstore.h"

namespace ld {

namespace {

// Like the keychain, answer later: callers must not rely on the callback running inside
// the call.
void deliver(QObject *context, SecretStore::Callback done, SecretResult result)
{
    if (!done)
        return;
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

} // namespace

void MemorySecretStore::read(const QString &key, Callback done)
{
    SecretResult result;
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd()) {
        result.status = SecretResult::Status::NotFound;
        result.message = QStringLiteral("No entry \"%1\" in the memory store").arg(key);
    } else {
        result.value = *it;
    }
    deliver(this, std::move(done), std::move(result));
}

void MemorySecretStore::write(const QString &key, const QString &value, Callback done)
{
    m_values.insert(key, value);
    deliver(this, std::move(done), SecretResult());
}

void MemorySecretStore::remove(const QString &key, Callback done)
{
    SecretResult result;
    if (!m_values.remove(key)) {
        result.status = SecretResult::Status::NotFound;
        result.message = QStringLiteral("No entry \"%1\" in the memory store").arg(key);
    }
    deliver(this, std::move(done), std::move(result));
}

QString MemorySecretStore::backendName() const
{
    return QStringLiteral("memory");
}

} // namespace ld
