#include "webhookoutbox.h"

#include "storage/database.h"
#include "webhookpayload.h"
#include "webhookslog.h"
#include "webhookstore.h"

namespace Leadline::Webhooks {

Result<bool> WebhookOutbox::callEnded(qint64 callId)
{
    return enqueue(callId, QStringLiteral("call_ended"), callEndedEventId(callId), true,
                   [this](const CallEndedSource &src, qint64 now) {
                       return callEndedPayload(src, m_options.baseUrl, m_options.prices, now);
                   });
}

Result<bool> WebhookOutbox::handoff(qint64 callId, const QJsonObject &details)
{
    return enqueue(callId, QStringLiteral("handoff"), handoffEventId(callId), false,
                   [this, &details](const CallEndedSource &src, qint64 now) {
                       return handoffPayload(src, details, m_options.baseUrl, now);
                   });
}

Result<bool> WebhookOutbox::enqueue(qint64 callId, const QString &event, const QString &eventId, bool settledOnly,
                                    const std::function<QByteArray(const CallEndedSource &, qint64)> &payload)
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    WebhookStore store(db.value());
    auto src = store.callEndedSource(callId, settledOnly);
    if (!src)
        return src.error();
    const qint64 campaignId = src->campaign.value(QStringLiteral("id")).toInteger();
    auto cfg = store.config(campaignId);
    if (!cfg)
        return cfg.error().code == Error::Code::NotFound ? Result<bool>(false) : Result<bool>(cfg.error());
    if (!cfg->wants(event))
        return false; // this campaign's webhook does not want the event
    const qint64 now = m_clock.nowMs();
    auto added = store.enqueue(eventId, event, campaignId, callId, payload(src.value(), now), now);
    if (added && added.value())
        qCInfo(lcWebhooks) << "queued" << event << "for call" << callId << "of campaign" << campaignId;
    return added;
}

Result<int> WebhookOutbox::sweep(qint64 settledSinceMs, bool *complete, int batch, int maxRounds)
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    int added = 0;
    bool backlog = false;
    for (int round = 0; round < maxRounds; ++round) {
        auto ids = WebhookStore(db.value()).callsMissingCallEnded(settledSinceMs, batch);
        if (!ids)
            return ids.error();
        int addedNow = 0;
        for (qint64 id : ids.value()) {
            auto r = callEnded(id);
            if (!r) {
                qCWarning(lcWebhooks) << "cannot queue call_ended for call" << id << ":" << r.error().message;
                continue;
            }
            addedNow += r.value() ? 1 : 0;
        }
        added += addedNow;
        backlog = ids->size() >= batch; // a full round: there may be more
        if (!backlog || addedNow == 0)
            break; // done, or rows that cannot be queued (logged): try again next sweep
    }
    if (complete)
        *complete = !backlog;
    return added;
}

} // namespace Leadline::Webhooks
