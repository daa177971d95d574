#pragma once
// Shared by the service tests: what an ApiCall reported, kept after the call has deleted
// itself, and a wait on the call's own done() signal (a polling wait would add its interval to
// each of the hundred calls a long paging test makes).
#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"

#include <QEventLoop>
#include <QJsonValue>
#include <QTimer>

#include <memory>

// A real client on the test's sandbox (loopback), with the retry back-off shortened so that
// retry cases stay quick. The caller checks baseUrl() == sandbox.baseUrl().
inline ld::ApiClient *sandboxClient(const ld::sandbox::SandboxServer &sandbox, QObject *parent)
{
    auto *client = new ld::ApiClient(parent);
    client->setBaseUrl(sandbox.baseUrl());
    client->setApiKey(ld::sandbox::Seeds::apiKey());
    ld::RetryTiming fast;
    fast.baseMs = 20;
    fast.capMs = 100;
    client->setRetryTiming(fast);
    return client;
}

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
