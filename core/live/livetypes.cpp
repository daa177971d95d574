#include "livetypes.h"

#include "domain/webhook.h"

#include <QCoreApplication>

Q_LOGGING_CATEGORY(lcLive, "ld.live")

namespace ld {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("ld::LiveStatus", text, nullptr, n);
}

} // namespace

QString LiveStatus::text() const
{
    switch (state) {
    case State::Stopped:
        return tr("Not watched");
    case State::Connecting:
        return tr("Connecting…");
    case State::Live:
        return tr("Live");
    case State::Reconnecting: {
        const QString next = tr("Reconnecting in %n s", qMax(0, retryInSeconds));
        return reason.isEmpty() ? next : next + QStringLiteral(": ") + reason;
    }
    case State::Polling:
        if (retryInSeconds >= 120)
            return tr("Checked for new events about every %n minute(s)", retryInSeconds / 60);
        return tr("Checked for new events about every %n second(s)", qMax(1, retryInSeconds));
    case State::Error:
        return reason + QLatin1Char(' ')
            + tr("Trying again in %n second(s).", qMax(0, retryInSeconds));
    }
    return {};
}

void registerLiveMetaTypes()
{
    qRegisterMetaType<WatchedAccount>("ld::WatchedAccount");
    qRegisterMetaType<QList<WatchedAccount>>("QList<ld::WatchedAccount>");
    qRegisterMetaType<LiveStatus>("ld::LiveStatus");
    qRegisterMetaType<LiveEvent>("ld::LiveEvent");
}

} // namespace ld
