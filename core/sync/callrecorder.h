#pragma once
// Writes every finished API call into the profile's credit ledger and activity log
// (ARCHITECTURE.md §2, "credits are money"). Records what happened, never what was sent:
// no request body, so no password, V1 token or message text ever reaches the store.
#include <QObject>

namespace ld {

class ApiCall;
class ApiClient;
class ActivityLog;
class CreditLedger;
struct ActivityEntry;
struct CreditCharge;

class CallRecorder : public QObject
{
    Q_OBJECT
public:
    CallRecorder(
        ApiClient *client, CreditLedger *ledger, ActivityLog *activity, QObject *parent = nullptr);

    // What would be recorded for a finished call; public so the wording can be tested alone.
    static ActivityEntry activityFor(const ApiCall *call);
    static CreditCharge chargeFor(const ApiCall *call);

private:
    void record(ApiCall *call);

    CreditLedger *m_ledger;
    ActivityLog *m_activity;
};

} // namespace ld
