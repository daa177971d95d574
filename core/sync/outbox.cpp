#include "outbox.h"

#include "outbox_p.h"
#include "processalive_p.h"

#include "api/apicall.h"
#include "domain/conversation.h"
#include "services/messagesservice.h"
#include "support/appsettings.h"
#include "support/logging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>
#include <QTimer>

#include <climits>

namespace ld {

namespace outbox {

const QString kMessageKind = QStringLiteral("message");
const QString kText = QStringLiteral("text");
const QString kAttachmentPath = QStringLiteral("attachment_path");
const QString kAttachmentName = QStringLiteral("attachment_name");
const QString kSendingPid = QStringLiteral("sending_pid");
const QString kSendingHost = QStringLiteral("sending_host");
const QString kVerified = QStringLiteral("verified");
const QString kMissing = QStringLiteral("missing");

} // namespace outbox

using namespace outbox;

Outbox::Outbox(MessagesService *messages, OutboxRepository *items,
    ConversationRepository *conversations, AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_messages(messages)
    , m_items(items)
    , m_conversations(conversations)
    , m_settings(settings)
{ }

void Outbox::setUndoDelayMs(int ms)
{
    m_undoDelayMs = qMax(0, ms);
}

DailyUsage Outbox::dailyUsage(const QString &accountId) const
{
    DailyUsage usage;
    usage.cap = m_settings ? m_settings->pacing().messagesPerDay : PacingLimits().messagesPerDay;
    usage.used = m_items->countSentSince(accountId, kMessageKind, sync::localMidnight());
    return usage;
}

QString Outbox::capRefusal(const QString &accountId, bool countQueued) const
{
    const DailyUsage usage = dailyUsage(accountId);
    int queued = 0;
    if (countQueued) {
        const QList<OutboxItem> waiting
            = m_items->inStates({ OutboxItem::State::Queued }, kMessageKind);
        for (const OutboxItem &item : waiting)
            queued += item.accountId == accountId ? 1 : 0;
    }
    if (usage.used + queued < usage.cap)
        return {};
    if (queued == 0)
        return tr("Daily limit reached for this account: %1 of %2 messages sent today. The limit "
                  "resets at midnight; change it in Settings.")
            .arg(usage.used)
            .arg(usage.cap);
    return tr("Daily limit reached for this account: %1 of %2 messages sent today and %3 waiting "
              "to be sent. The limit resets at midnight; change it in Settings.")
        .arg(usage.used)
        .arg(usage.cap)
        .arg(queued);
}

qint64 Outbox::enqueue(const OutgoingMessage &message, QString *refusal)
{
    auto refuse = [refusal](const QString &why) {
        if (refusal)
            *refusal = why;
        return qint64(0);
    };
    if (message.accountId.isEmpty())
        return refuse(tr("Choose the account to send the message from."));
    if (message.profileUrl.trimmed().isEmpty())
        return refuse(tr("The recipient's profile URL is missing, so the message cannot be sent."));
    if (message.text.trimmed().isEmpty())
        return refuse(tr("The message is empty: write something before sending."));

    QJsonObject payload { { kText, message.text } };
    if (!message.attachmentPath.isEmpty()) {
        const ApiError bad = MessagesService::readAttachment(message.attachmentPath, nullptr);
        if (bad.isError())
            return refuse(bad.userMessage());
        const QFileInfo file(message.attachmentPath);
        payload.insert(kAttachmentPath, file.absoluteFilePath());
        payload.insert(kAttachmentName, file.fileName());
    }
    const QString capped = capRefusal(message.accountId, true);
    if (!capped.isEmpty())
        return refuse(capped);

    OutboxItem item;
    item.kind = kMessageKind;
    item.accountId = message.accountId;
    item.target = message.profileUrl.trimmed();
    item.conversationId = message.conversationId;
    item.payload = payload;
    item.createdAt = QDateTime::currentDateTimeUtc();
    item.sendAfter = item.createdAt.addMSecs(m_undoDelayMs);
    item.id = m_items->enqueue(item);
    if (item.id == 0)
        return refuse(tr("The message could not be saved, so it was not sent. Check that the disk "
                         "is not full, then try again."));
    if (refusal)
        refusal->clear();
    Q_EMIT itemChanged(item.id, OutboxItem::State::Queued);
    schedule(item);
    return item.id;
}

void Outbox::schedule(const OutboxItem &item)
{
    if (item.state != OutboxItem::State::Queued)
        return;
    const qint64 wait = item.sendAfter.isValid()
        ? qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(item.sendAfter))
        : 0;
    QTimer *&timer = m_timers[item.id];
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        const qint64 id = item.id;
        connect(timer, &QTimer::timeout, this, [this, id] { sendNow(id); });
    }
    timer->start(int(qMin<qint64>(wait, INT_MAX)));
}

void Outbox::dropTimer(qint64 id)
{
    if (QTimer *timer = m_timers.take(id)) {
        timer->stop();
        timer->deleteLater();
    }
}

bool Outbox::cancel(qint64 id)
{
    const std::optional<OutboxItem> item = m_items->find(id);
    if (!item || item->state != OutboxItem::State::Queued)
        return false;
    OutboxItem next = *item;
    next.state = OutboxItem::State::Cancelled;
    if (!m_items->transition(id, OutboxItem::State::Queued, next))
        return false; // it left meanwhile (here or in another process)
    dropTimer(id);
    Q_EMIT itemChanged(id, next.state);
    return true;
}

bool Outbox::sendAgain(qint64 id)
{
    const std::optional<OutboxItem> item = m_items->find(id);
    if (!item || m_verifying.contains(id))
        return false;
    if (item->state != OutboxItem::State::Failed && item->state != OutboxItem::State::Unknown)
        return false;
    OutboxItem next = *item;
    next.state = OutboxItem::State::Queued;
    next.sendAfter = QDateTime::currentDateTimeUtc();
    next.errorCode.clear();
    next.errorMessage.clear();
    next.payload.remove(kVerified);
    if (!m_items->transition(id, item->state, next))
        return false;
    Q_EMIT itemChanged(id, next.state);
    schedule(next);
    return true;
}

void Outbox::failUnsent(const OutboxItem &item, const QString &why)
{
    OutboxItem next = item;
    next.state = OutboxItem::State::Failed;
    next.errorCode = QStringLiteral("NOT_SENT");
    next.errorMessage = why;
    if (m_items->transition(item.id, OutboxItem::State::Queued, next))
        Q_EMIT itemChanged(item.id, next.state);
}

void Outbox::sendNow(qint64 id)
{
    dropTimer(id);
    const std::optional<OutboxItem> item = m_items->find(id);
    if (!item || item->state != OutboxItem::State::Queued)
        return; // cancelled, or another process took it

    // The file and the cap are checked again: both may have changed during the undo delay.
    std::optional<MediaFile> media;
    const QString path = item->payload.value(kAttachmentPath).toString();
    if (!path.isEmpty()) {
        MediaFile file;
        const ApiError bad = MessagesService::readAttachment(path, &file);
        if (bad.isError())
            return failUnsent(*item, bad.userMessage());
        media = file;
    }
    const QString capped = capRefusal(item->accountId, false);
    if (!capped.isEmpty())
        return failUnsent(*item, capped);

    OutboxItem next = *item;
    next.state = OutboxItem::State::Sending;
    next.attempts = item->attempts + 1;
    next.sentAt = QDateTime::currentDateTimeUtc();
    next.errorCode.clear();
    next.errorMessage.clear();
    // Lets resume() in another process tell a send in progress from one whose process died.
    next.payload.insert(kSendingPid, QCoreApplication::applicationPid());
    next.payload.insert(kSendingHost, QSysInfo::machineHostName());
    // The compare-and-set is the guarantee: of every process that holds this item, exactly
    // one moves it out of Queued, and only that one sends.
    if (!m_items->transition(id, OutboxItem::State::Queued, next))
        return;
    m_sending.insert(id);
    Q_EMIT itemChanged(id, next.state);

    ApiCall *call = m_messages->send(
        next.accountId, next.target, next.payload.value(kText).toString(), media);
    const int attempt = next.attempts;
    connect(
        call, &ApiCall::done, this, [this, id, call, attempt] { onSendDone(id, call, attempt); });
}

void Outbox::onSendDone(qint64 id, ApiCall *call, int attempt)
{
    m_sending.remove(id);
    const std::optional<OutboxItem> item = m_items->find(id);
    if (!item || item->attempts != attempt) {
        qCWarning(lcSync) << "outbox item" << id << "changed while its request ran; reply ignored";
        return;
    }
    OutboxItem next = *item;
    if (call->state() == ApiCall::State::Succeeded) {
        next.state = OutboxItem::State::Sent;
        const Decoded<SentMessage> sent = SentMessage::fromJson(call->data());
        if (sent.ok()) {
            next.resultId = sent.value.entityUrn;
            if (next.conversationId.isEmpty())
                next.conversationId = sent.value.conversationId;
        }
        settle(next);
        return;
    }
    const ApiError error = call->error();
    // An aborted call may have been written already: as uncertain as a timeout.
    const bool mayHaveLeft = error.isAmbiguous() || error.kind == ApiError::Kind::Aborted;
    next.errorCode = error.code.isEmpty() ? ApiError::kindName(error.kind) : error.code;
    if (mayHaveLeft) {
        next.state = OutboxItem::State::Unknown;
        next.errorMessage = error.userMessage() + QLatin1Char(' ')
            + tr("The message may have been sent: LinkUp Desk checks the conversation and never "
                 "sends it again on its own.");
    } else {
        next.state = OutboxItem::State::Failed;
        next.errorMessage = error.userMessage();
    }
    if (settle(next) && mayHaveLeft)
        QTimer::singleShot(0, this, [this, id] { verify(id); });
}

bool Outbox::settle(const OutboxItem &next)
{
    // resume() in another process may have turned the item into Unknown meanwhile: what this
    // process learnt from its own reply is still the truth about that request.
    for (OutboxItem::State from : { OutboxItem::State::Sending, OutboxItem::State::Unknown }) {
        if (m_items->transition(next.id, from, next)) {
            Q_EMIT itemChanged(next.id, next.state);
            return true;
        }
    }
    return false;
}

bool Outbox::sendingElsewhere(const OutboxItem &item) const
{
    // Our own pid: m_sending knows whether it is still in flight.
    return sync::otherProcessAlive(
        item.payload.value(kSendingPid).toInteger(), item.payload.value(kSendingHost).toString());
}

bool Outbox::markInterrupted(const OutboxItem &item)
{
    if (item.state != OutboxItem::State::Sending || m_sending.contains(item.id)
        || sendingElsewhere(item))
        return false;
    OutboxItem next = item;
    next.state = OutboxItem::State::Unknown;
    next.errorCode = QStringLiteral("INTERRUPTED");
    next.errorMessage = tr("LinkUp Desk stopped while this message was being sent, so it may have "
                           "left. The conversation is checked before anything is sent again.");
    if (!m_items->transition(item.id, OutboxItem::State::Sending, next))
        return false;
    Q_EMIT itemChanged(item.id, next.state);
    return true;
}

void Outbox::resume()
{
    const QList<OutboxItem> items = m_items->inStates(
        { OutboxItem::State::Queued, OutboxItem::State::Sending, OutboxItem::State::Unknown },
        kMessageKind);
    for (const OutboxItem &item : items) {
        switch (item.state) {
        case OutboxItem::State::Queued:
            if (!m_timers.contains(item.id))
                schedule(item);
            break;
        case OutboxItem::State::Sending:
            if (markInterrupted(item))
                verify(item.id);
            break;
        case OutboxItem::State::Unknown:
            // A check that already found nothing is not repeated on every start (each costs a
            // credit); the person decides with "Send again", or verifies once more explicitly.
            if (item.payload.value(kVerified).toString() != kMissing)
                verify(item.id);
            break;
        default:
            break;
        }
    }
}

} // namespace ld
