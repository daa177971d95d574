// credits: what the profile's ledger recorded, per account and action, and the balance when
// GET /v2/credits answers (an inferred endpoint: its absence is not an error).
#include "commands.h"
#include "session.h"

#include "store/creditledger.h"
#include "sync/accountssync.h"

#include <QJsonArray>

namespace ld::ctl {

int credits(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args, {}, {}, &parsed, &error))
        return usageError(error);
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("credits takes no arguments"));

    Session session(options);
    if (const int rc = session.open(Session::KeyNeed::Optional))
        return rc;
    Workspace *ws = session.workspace();

    std::optional<qint64> balance;
    if (session.hasKey()) {
        AccountsSync *sync = ws->accountsSync();
        sync->refreshBalance();
        if (!waitUntil(sync, &AccountsSync::busyChanged, [&] { return !sync->isBusy(); }))
            return fail(QStringLiteral("interrupted"));
        balance = sync->balance();
    }

    const QList<CreditSummaryRow> rows = ws->ledger()->summary();
    const qint64 total = ws->ledger()->total();
    if (options.json) {
        QJsonArray items;
        for (const CreditSummaryRow &r : rows) {
            items.append(QJsonObject { { QStringLiteral("account_id"), r.accountId },
                { QStringLiteral("action"), r.action }, { QStringLiteral("calls"), r.calls },
                { QStringLiteral("credits"), r.credits } });
        }
        printJson({ { QStringLiteral("items"), items }, { QStringLiteral("total"), total },
            { QStringLiteral("balance"), balance ? QJsonValue(*balance) : QJsonValue() } });
        return ExitOk;
    }

    QList<QStringList> table { { QStringLiteral("ACCOUNT"), QStringLiteral("ACTION"),
        QStringLiteral("CALLS"), QStringLiteral("CREDITS") } };
    for (const CreditSummaryRow &r : rows) {
        table.append({ r.accountId.isEmpty() ? QStringLiteral("-") : r.accountId, r.action,
            QString::number(r.calls), QString::number(r.credits) });
    }
    QList<int> widths(4, 0);
    for (const QStringList &row : table) {
        for (int c = 0; c < 4; ++c)
            widths[c] = qMax(widths[c], int(row.at(c).size()));
    }
    for (const QStringList &row : table) {
        printLine(row.at(0).leftJustified(widths[0] + 2) + row.at(1).leftJustified(widths[1] + 2)
            + row.at(2).rightJustified(widths[2]) + QStringLiteral("  ")
            + row.at(3).rightJustified(widths[3]));
    }
    printLine(QStringLiteral("total: %1 credits spent").arg(total));
    if (balance)
        printLine(QStringLiteral("balance: %1 credits").arg(*balance));
    return ExitOk;
}

} // namespace ld::ctl
