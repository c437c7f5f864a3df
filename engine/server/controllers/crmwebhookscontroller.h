// CrmWebhooksController: the CRM webhook REST surface.
//   PUT    /campaigns/{id}/webhook             {"url", "secret"?, "events"?, "enabled"?}
//   GET    /campaigns/{id}/webhook             the configuration, secret masked, outbox counts
//   DELETE /campaigns/{id}/webhook
//   GET    /campaigns/{id}/webhook/deliveries  the attempt log, newest first (?before=&limit=)
//   GET    /webhooks/deliveries                 the same for every campaign (?campaign_id=)
// The secret is sealed with WEBHOOK_SECRET_KEY (engine/webhooks/webhookcrypto.h) before it is
// stored and never returned; a PUT without one on a new webhook generates one and returns it once.
// Thread: immutable after registration; handlers run on the REST pool ("leadline-rest"), each
// thread with its own database connection.
#pragma once

#include "server/router.h"
#include "webhooks/webhookcrypto.h"

namespace Leadline::Storage { class Database; }
namespace Leadline::Webhooks { class WebhookDispatcher; }
namespace Leadline { class Clock; }

namespace Leadline::Server {

class CrmWebhooksController
{
public:
    // dispatcher may be null (tests, or a node that does not deliver).
    CrmWebhooksController(const Storage::Database &db, const Clock &clock, const QByteArray &secretKey,
               Webhooks::WebhookDispatcher *dispatcher = nullptr);
    void registerRoutes(Router &router);

    // Only https URLs, or http to a loopback host (tests, a local relay); public for tests.
    static Status validateUrl(const QString &url);

private:
    Reply put(const RouteContext &ctx) const;
    Reply get(const RouteContext &ctx) const;
    Reply remove(const RouteContext &ctx) const;
    Reply deliveries(const RouteContext &ctx, qint64 campaignId) const;

    const Storage::Database &m_db;
    const Clock &m_clock;
    Webhooks::SecretBox m_box;
    Webhooks::WebhookDispatcher *m_dispatcher;
};

} // namespace Leadline::Server
