// Engine: builds and wires Leadline's engine from Settings, the one place that knows how the
// modules fit together: the dialer ("leadline-dialer"), live calls on /media and live events on
// /events (network workers), REST (the "leadline-rest" pool), CRM webhooks, hot-lead handoff,
// the session index and the API tokens. app/main.cpp only picks console, headless or a verb.
// Thread: created, started and stopped on the main thread; what it builds runs on the threads
// docs/ARCHITECTURE.md names.
#pragma once

#include "core/result.h"

#include <memory>

class QObject;

namespace Leadline { class Settings; class Clock; }
namespace Leadline::Storage { class Database; }
namespace Leadline::Providers { class DefaultProviderFactory; }
namespace Leadline::Campaigns { class CampaignControl; class DialerControl; }
namespace Leadline::Server { class ApiTokenVerifier; }

namespace Leadline::Runtime {

class Services;

struct EngineOptions
{
    // `leadline demo`: its campaign retries every result after the campaign's own delay.
    bool demo = false;
};

class Engine
{
public:
    // Fails (a Validation error naming the setting) when a setting is unusable, e.g. a
    // HANDOFF_FALLBACK_NUMBER that is no phone number. Every reference must outlive the engine.
    static Result<std::unique_ptr<Engine>> create(const Settings &settings, const Storage::Database &db, const Clock &clock,
                                                  Services &services, Providers::DefaultProviderFactory &providers,
                                                  EngineOptions options = {});
    ~Engine();

    // Listens (PORT, LISTEN_ADDRESS, TLS_*), then starts the dialer and the webhook dispatcher.
    Status start();
    // Stops the dialer, the webhook dispatcher and the server, in that order. Idempotent.
    void stop();
    quint16 port() const;
    bool tls() const;

    // Start and pause: the status, then the dialer (REST, console and CLI share it).
    const Campaigns::CampaignControl &campaignControl() const;
    Campaigns::DialerControl &dialer() const;
    // Ends a live call (the supervisor's "Hang up"); false when no such call is live here.
    bool hangUp(qint64 callId) const;
    // Emits published(QByteArray json) from any thread: what /events streams (the console's feed).
    const QObject *eventSource() const;
    Server::ApiTokenVerifier &tokenVerifier() const;

private:
    struct Parts;
    explicit Engine(std::unique_ptr<Parts> parts);
    std::unique_ptr<Parts> d;
};

} // namespace Leadline::Runtime
