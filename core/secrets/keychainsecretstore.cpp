#include "keychainsecretstore.h"

#include "support/logging.h"

#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace ld {

namespace {

SecretResult resultOf(QKeychain::Job *job)
{
    SecretResult r;
    // QtKeychain's error strings describe the backend failure, never the stored data.
    r.message = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        r.status = SecretResult::Status::Ok;
        r.message.clear();
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
            r.value = read->textData();
        break;
    case QKeychain::EntryNotFound:
        r.status = SecretResult::Status::NotFound;
        break;
    // On Linux every libsecret failure is OtherError (7): no D-Bus, no Secret Service,
    // a locked or missing collection. NoBackendAvailable (5) comes from the KWallet path.
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError:
        r.status = SecretResult::Status::Unavailable;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        r.status = SecretResult::Status::Unavailable;
        r.message = QStringLiteral("Access to the keychain was denied (%1)").arg(job->errorString());
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
        r.status = SecretResult::Status::Error;
        break;
    }
    return r;
}

// Runs one job and calls `done` exactly once: with the job's outcome, or with Timeout when
// the keychain does not answer (libsecret may wait forever on an unlock prompt nobody
// sees). A job that finishes after its timeout is ignored.
void runJob(QObject *context, QKeychain::Job *job, int timeoutMs, const QString &what,
            SecretStore::Callback done)
{
    struct Pending
    {
        SecretStore::Callback done;
        bool answered = false;
    };
    auto pending = std::make_shared<Pending>(Pending{std::move(done)});
    auto *timer = new QTimer(context);
    timer->setSingleShot(true);
    QPointer<QTimer> guard(timer);

    QObject::connect(timer, &QTimer::timeout, context, [pending, timer, timeoutMs, what] {
        timer->deleteLater();
        if (pending->answered)
            return;
        pending->answered = true;
        qCWarning(lcSecrets).noquote() << what << "timed out after" << timeoutMs << "ms";
        SecretResult r;
        r.status = SecretResult::Status::Timeout;
        r.message = QStringLiteral("The keychain did not answer within %1 s").arg(timeoutMs / 1000.0);
        if (pending->done)
            pending->done(r);
    });
    QObject::connect(job, &QKeychain::Job::finished, context, [pending, guard, what](QKeychain::Job *j) {
        if (guard)
            guard->deleteLater();
        if (pending->answered) {
            qCInfo(lcSecrets).noquote() << what << "finished after its timeout; result ignored";
            return;
        }
        pending->answered = true;
        const SecretResult r = resultOf(j);
        if (r.status != SecretResult::Status::Ok && r.status != SecretResult::Status::NotFound)
            qCWarning(lcSecrets).noquote() << what << "failed:" << j->error() << r.message;
        if (pending->done)
            pending->done(r);
    });
    job->setAutoDelete(true);
    timer->start(timeoutMs);
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent), m_service(service)
{
}

void KeychainSecretStore::read(const QString &key, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    runJob(this, job, m_timeoutMs, QStringLiteral("reading \"%1\"").arg(key), std::move(done));
}

void KeychainSecretStore::write(const QString &key, const QString &value, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(value);
    runJob(this, job, m_timeoutMs, QStringLiteral("writing \"%1\"").arg(key), std::move(done));
}

void KeychainSecretStore::remove(const QString &key, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    runJob(this, job, m_timeoutMs, QStringLiteral("deleting \"%1\"").arg(key), std::move(done));
}

QString KeychainSecretStore::backendName() const
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#elif defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Manager");
#else
    return QStringLiteral("Secret Service");
#endif
}

} // namespace ld
