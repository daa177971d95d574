#pragma once
// A Workspace on a throw-away profile talking to a real SandboxServer over loopback, as the demo
// runs it: what the GUI tests drive their widgets against.
#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"
#include "support/appsettings.h"
#include "support/profile.h"
#include "sync/workspace.h"

#include <memory>

struct SandboxWorkspace
{
    ld::sandbox::SandboxServer server;
    ld::Profile profile = ld::Profile::throwAway();
    std::unique_ptr<ld::Workspace> ws;

    bool open()
    {
        if (!server.listen(0) || !profile.isValid())
            return false;
        ws = std::make_unique<ld::Workspace>(profile);
        if (!ws->open())
            return false;
        ws->settings()->setBaseUrl(server.baseUrl());
        ws->client()->setBaseUrl(server.baseUrl());
        ws->client()->setApiKey(server.apiKey());
        // Retries after injected faults should not make the tests slow.
        ld::RetryTiming fast;
        fast.baseMs = 5;
        fast.capMs = 20;
        ws->client()->setRetryTiming(fast);
        return true;
    }

    ~SandboxWorkspace()
    {
        ws.reset();
        profile.removeThrowAway();
    }
};
