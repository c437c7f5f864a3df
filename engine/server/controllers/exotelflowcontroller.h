// ExotelFlowController: the Exotel flow's routing for a hot-lead handoff (public routes,
// authenticated like the status webhook: k=<EXOTEL_WEBHOOK_SECRET> in the URL, or Basic auth
// whose password is that secret; GET or POST as the applet is set): /exotel/passthru (200 connect
// / 302 hang up, no Location) and /exotel/connect/dial-whom (the agent's number, text or
// format=json). Never fails open: an unknown CallSid gets 302 / the fallback number. Part of
// HandoffApi (its header describes the protocol).
// Thread: immutable after registration; handlers run on the REST threads; counters are atomics.
#pragma once

#include "server/router.h"

#include <QByteArray>
#include <QHash>
#include <atomic>
#include <optional>

namespace Leadline::Handoff { class HandoffService; }

namespace Leadline::Server {

class ExotelFlowController
{
public:
    ExotelFlowController(Handoff::HandoffService &service, QByteArray exotelSecret)
        : m_service(service), m_exotelSecret(std::move(exotelSecret)) {}
    void registerRoutes(Router &router);

private:
    Reply passthru(const RouteContext &ctx) const;
    Reply dialWhom(const RouteContext &ctx) const;
    // Shared-secret check for Exotel's requests (k= among `params`, or Basic auth); nothing =
    // allowed, else the refusal (401 without a key, 403 with a wrong one).
    std::optional<Error> refuseExotel(const RouteContext &ctx, const QHash<QString, QString> &params, const char *what) const;

    Handoff::HandoffService &m_service;
    QByteArray m_exotelSecret;
    mutable std::atomic<qint64> m_unknownSids{0};
    mutable std::atomic<qint64> m_rejected{0};
};

} // namespace Leadline::Server
