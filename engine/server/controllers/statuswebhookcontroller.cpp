#include "statuswebhookcontroller.h"

#include "campaigns/calllifecycle.h"
#include "core/logging.h"
#include "core/securecompare.h"
#include "handoff/handoffservice.h"
#include "telephony/exotelwebhook.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace Leadline::Server {

void StatusWebhookController::registerRoutes(Router &router)
{
    router.add(QHttpServerRequest::Method::Post, QStringLiteral("/webhooks/exotel/status"),
               [this](const RouteContext &c) { return webhook(c); }, Access::Public);
}

bool StatusWebhookController::keyMatches(const QByteArray &expected, const QByteArray &given)
{
    return !expected.isEmpty() && Leadline::constantTimeEquals(expected, given);
}

Reply StatusWebhookController::webhook(const RouteContext &ctx) const
{
    const QUrlQuery query(ctx.request.url());
    const QByteArray key = query.queryItemValue(QStringLiteral("k"), QUrl::FullyDecoded).toUtf8();
    if (key.isEmpty()) {
        ++m_webhooks.rejectedAuth;
        qCWarning(lcTelephony) << "status webhook without k= from" << ctx.request.remoteAddress().toString();
        return Error::make(Error::Code::Unauthorized, QStringLiteral("missing webhook key (k=)"));
    }
    if (!keyMatches(m_secret, key)) {
        ++m_webhooks.rejectedAuth;
        qCWarning(lcTelephony) << "status webhook with a wrong key from" << ctx.request.remoteAddress().toString()
                               << (m_secret.isEmpty() ? "(EXOTEL_WEBHOOK_SECRET is not set)" : "");
        return Error::make(Error::Code::Forbidden, QStringLiteral("wrong webhook key"));
    }
    auto event = Telephony::parseExotelStatusCallback(ctx.request.value("content-type"), ctx.request.body());
    if (!event) {
        ++m_webhooks.badBody;
        qCWarning(lcTelephony) << "unusable status webhook:" << event.error().message;
        return event.error();
    }
    const Telephony::ExotelStatusEvent &e = event.value();
    Campaigns::CallStatusReport r;
    r.providerSid = e.callSid;
    r.callId = e.customCallId;
    r.eventType = e.isTerminal() ? QStringLiteral("terminal") : e.eventType;
    r.carrierStatus = e.isTerminal() ? e.effectiveStatus() : e.status;
    r.recordingUrl = e.recordingUrl;
    int talk = e.conversationDurationS;
    if (talk < 0 && !e.legs.isEmpty())
        talk = e.legs.first().onCallDurationS;
    // Only the terminal callback's ConversationDuration is the call's talk time (it wins over
    // our own end time minus the carrier's answered time, which mixes two clocks).
    r.durationS = e.isTerminal() ? talk : -1;
    if (e.isTerminal()) {
        const QDateTime end = e.endTime.isValid() ? e.endTime : e.dateUpdated;
        r.endedAtMs = end.isValid() ? end.toMSecsSinceEpoch() : 0;
        if (talk > 0 && r.endedAtMs > 0)
            r.answeredAtMs = r.endedAtMs - qint64(talk) * 1000;
        if (e.answeredBy() == QLatin1String("machine"))
            r.failureReason = QStringLiteral("answered_by_machine");
    } else if (e.eventType == QLatin1String("answered")) {
        r.answeredAtMs = e.dateUpdated.isValid() ? e.dateUpdated.toMSecsSinceEpoch() : 0;
    }
    // The agent leg of a hot-lead handoff (answered or not) is recorded first: settling the lead
    // below reads it (an unanswered handoff gets the lead a callback).
    if (e.isTerminal())
        Handoff::HandoffService::recordCallEnd(m_db, e);
    auto applied = m_lifecycle.report(r);
    if (!applied) {
        ++m_webhooks.errors;
        qCWarning(lcTelephony) << "status webhook for" << e.callSid << "not applied:" << applied.error().message;
        // Never a 500 (Exotel retries those forever): a 503 asks for one of its few retries.
        Error err = applied.error();
        err.code = Error::Code::Unavailable;
        return err;
    }
    QString result;
    switch (applied.value()) {
    case Campaigns::CallLifecycle::Applied::Updated: ++m_webhooks.updated; result = QStringLiteral("updated"); break;
    case Campaigns::CallLifecycle::Applied::Duplicate: ++m_webhooks.duplicate; result = QStringLiteral("duplicate"); break;
    case Campaigns::CallLifecycle::Applied::NoChange: ++m_webhooks.stale; result = QStringLiteral("no_change"); break;
    case Campaigns::CallLifecycle::Applied::UnknownCall:
        ++m_webhooks.unknownCall;
        result = QStringLiteral("unknown_call");
        qCWarning(lcTelephony) << "status webhook for an unknown CallSid" << e.callSid << "(" << e.status << "): ignored";
        break;
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("result"), result}});
}

} // namespace Leadline::Server
