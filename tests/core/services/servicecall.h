#pragma once
// Shared by the service tests: what an ApiCall reported, kept after the call has deleted
// itself, and a wait on the call's own done() signal (a polling wait would add its interval to
// each of the hundred calls a long paging test makes).
#include "api/apiclient.h"

#include <QEventLoop>
#include <QJsonValue>
#include <QTimer>

#include <memory>

struct Outcome
{
    int done = 0;
    ld::ApiError error;
    QJsonValue data;
    int credits = 0;
};

inline std::shared_ptr<Outcome> watch(ld::ApiCall *call)
{
    auto o = std::make_shared<Outcome>();
    QObject::connect(call, &ld::ApiCall::done, call, [o, call] {
        o->error = call->error();
        o->data = call->data();
        o->credits = call->creditsConsumed();
        ++o->done;
    });
    return o;
}

inline std::shared_ptr<Outcome> run(ld::ApiCall *call)
{
    auto o = watch(call);
    QEventLoop loop;
    QObject::connect(call, &ld::ApiCall::done, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit); // safety net only
    loop.exec();
    return o;
}
