#include "apikeyvault.h"

#include "support/logging.h"

#include <QPointer>

namespace ld {

namespace {

bool keychainMissing(const SecretResult &r)
{
    return r.status == SecretResult::Status::Unavailable || r.status == SecretResult::Status::Timeout;
}

QString detailOf(const SecretResult &r)
{
    if (!r.message.isEmpty())
        return r.message;
    return r.status == SecretResult::Status::Timeout ? ApiKeyVault::tr("it did not answer in time")
                                                     : ApiKeyVault::tr("no details");
}

} // namespace

QString ApiKeyVault::entryName()
{
    return QStringLiteral("api-key");
}

ApiKeyVault::ApiKeyVault(SecretStore *store, QObject *parent) : QObject(parent), m_store(store) { }

void ApiKeyVault::load()
{
    QPointer<ApiKeyVault> self(this);
    m_store->read(entryName(), [self](const SecretResult &r) {
        if (!self)
            return;
        if (r.ok()) {
            self->m_sessionOnly = false;
            self->m_problem.clear();
            if (self->m_key != r.value) {
                logging::forgetSecret(self->m_key);
                self->m_key = r.value;
                logging::registerSecret(self->m_key);
                Q_EMIT self->keyChanged();
            }
            Q_EMIT self->loaded(!r.value.isEmpty());
            return;
        }
        if (r.status == SecretResult::Status::NotFound) {
            self->m_problem.clear();
        } else if (keychainMissing(r)) {
            self->m_sessionOnly = true;
            self->m_problem = tr("Your system keychain is not available (%1). An API key you enter "
                                 "is kept for this session only; you will be asked again next time.")
                                  .arg(detailOf(r));
        } else {
            self->m_problem = tr("The API key could not be read from your system keychain (%1). "
                                 "Enter it again to continue.")
                                  .arg(detailOf(r));
        }
        Q_EMIT self->loaded(false);
    });
}

void ApiKeyVault::setKey(const QString &key)
{
    if (m_key != key) {
        logging::forgetSecret(m_key);
        m_key = key;
        logging::registerSecret(m_key);
        Q_EMIT keyChanged();
    }
    QPointer<ApiKeyVault> self(this);
    m_store->write(entryName(), key, [self](const SecretResult &r) {
        if (!self)
            return;
        if (r.ok()) {
            self->m_sessionOnly = false;
            self->m_problem.clear();
            Q_EMIT self->saved(true);
            return;
        }
        // Never a plain-text fallback: the key stays in memory and the user is told.
        self->m_sessionOnly = true;
        if (keychainMissing(r)) {
            self->m_problem = tr("Your system keychain is not available (%1). The API key is kept "
                                 "for this session only; you will be asked again next time.")
                                  .arg(detailOf(r));
        } else {
            self->m_problem = tr("The API key could not be saved in your system keychain (%1). It "
                                 "is kept for this session only; you will be asked again next time.")
                                  .arg(detailOf(r));
        }
        Q_EMIT self->saved(false);
    });
}

void ApiKeyVault::removeKey()
{
    if (!m_key.isEmpty()) {
        logging::forgetSecret(m_key);
        m_key.clear();
        Q_EMIT keyChanged();
    }
    QPointer<ApiKeyVault> self(this);
    m_store->remove(entryName(), [self](const SecretResult &r) {
        if (!self)
            return;
        const bool ok = r.ok() || r.status == SecretResult::Status::NotFound;
        if (ok) {
            self->m_problem.clear();
        } else {
            self->m_problem = tr("The API key could not be removed from your system keychain "
                                 "(%1). Remove the entry \"%2\" with your keychain tool.")
                                  .arg(detailOf(r), entryName());
        }
        Q_EMIT self->removed(ok);
    });
}

} // namespace ld
