#include "webhookoutbox.h"

#include "storage/database.h"
#include "webhookpayload.h"
#include "webhookslog.h"
#include "webhookstore.h"

namespace Leadline::Webhooks {

Result<bool> WebhookOutbox::callEnded(qint64 callId)
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    WebhookStore store(db.value());
    auto src = store.callEndedSource(callId);
    if (!src)
        return src.error();
    const qint64 campaignId = src->campaign.value(QStringLiteral("id")).toInteger();
    auto cfg = store.config(campaignId);
    if (!cfg)
        return cfg.error().code == Error::Code::NotFound ? Result<bool>(false) : Result<bool>(cfg.error());
    if (!cfg->wants(QStringLiteral("call_ended")))
        return false;
    const qint64 now = m_clock.nowMs();
    auto added = store.enqueue(callEndedEventId(callId), QStringLiteral("call_ended"), campaignId, callId,
                               callEndedPayload(src.value(), m_options.baseUrl, m_options.prices, now), now);
    if (added && added.value())
        qCInfo(lcWebhooks) << "queued call_ended for call" << callId << "of campaign" << campaignId;
    return added;
}

Result<bool> WebhookOutbox::handoff(qint64 callId, const QJsonObject &details)
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    WebhookStore store(db.value());
    auto src = store.callEndedSource(callId, false);
    if (!src)
        return src.error();
    const qint64 campaignId = src->campaign.value(QStringLiteral("id")).toInteger();
    auto cfg = store.config(campaignId);
    if (!cfg)
        return cfg.error().code == Error::Code::NotFound ? Result<bool>(false) : Result<bool>(cfg.error());
    if (!cfg->wants(QStringLiteral("handoff")))
        return false;
    const qint64 now = m_clock.nowMs();
    auto added = store.enqueue(handoffEventId(callId), QStringLiteral("handoff"), campaignId, callId,
                               handoffPayload(src.value(), details, m_options.baseUrl, now), now);
    if (added && added.value())
        qCInfo(lcWebhooks) << "queued handoff for call" << callId << "of campaign" << campaignId;
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
