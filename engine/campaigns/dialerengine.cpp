#include "dialerengine.h"

#include "callingwindow.h"
#include "core/logging.h"
#include "core/settings.h"
#include "storage/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace Leadline::Campaigns {

DialerOptions DialerOptions::fromSettings(const Settings &s)
{
    DialerOptions o;
    o.globalMaxConcurrent = qMax(1, s.maxConcurrentCalls());
    bool ok = false;
    const int tick = s.value(QStringLiteral("DIALER_TICK_MS")).toInt(&ok);
    if (ok && tick >= 50)
        o.tickMs = tick;
    const int limit = s.value(QStringLiteral("EXOTEL_TIME_LIMIT_S")).toInt(&ok);
    if (ok && limit > 0)
        o.activeStaleMs = (qint64(limit) + 30 + 5 * 60) * 1000;
    const int staleAfter = s.value(QStringLiteral("DIALER_STALE_AFTER_S")).toInt(&ok);
    if (ok && staleAfter > 0) {
        o.activeStaleMs = qint64(staleAfter) * 1000;
        o.createdStaleMs = qint64(staleAfter) * 1000;
    }
    return o;
}

DialerEngine::DialerEngine(const Storage::Database &db, const Clock &clock, CallPlacer &placer, DialerOptions options)
    : m_db(db), m_clock(clock), m_placer(placer), m_options(options), m_lifecycle(db, clock)
{
}

QString DialerEngine::makeToken()
{
    const quint64 v = QRandomGenerator::system()->generate64();
    return QString::number(v, 16).rightJustified(16, QLatin1Char('0'));
}

Storage::DialerQueue DialerEngine::queue() const
{
    auto db = m_db.connection();
    return Storage::DialerQueue(db ? db.value() : QSqlDatabase());
}

DialerEngine::TickStats DialerEngine::tick()
{
    TickStats stats;
    auto db = m_db.connection();
    if (!db) {
        qCWarning(lcCampaigns) << "dialer: database unavailable:" << db.error().message;
        return stats;
    }
    Storage::DialerQueue q(db.value());
    auto campaigns = q.runningCampaigns();
    if (!campaigns) {
        qCWarning(lcCampaigns) << "dialer:" << campaigns.error().message;
        return stats;
    }
    const qint64 now = m_clock.nowMs();
    const QDateTime nowUtc = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    // A campaign paused elsewhere (another node, the CLI): withdraw its dials still queued here.
    QSet<qint64> running;
    for (const Storage::DialerCampaign &c : campaigns.value())
        running.insert(c.id);
    QSet<qint64> stopped;
    for (const Pending &p : std::as_const(m_pending)) {
        if (!running.contains(p.campaignId))
            stopped.insert(p.campaignId);
    }
    for (qint64 id : std::as_const(stopped))
        pauseCampaign(id);
    for (const Storage::DialerCampaign &c : campaigns.value()) {
        ++stats.campaigns;
        const int room = m_options.maxPlacerBacklog - m_placer.backlog();
        if (room <= 0)
            break;
        auto window = CallingWindow::make(c.windowStart, c.windowEnd, c.callingDays, c.timezone, c.holidays);
        if (!window) {
            qCWarning(lcCampaigns) << "campaign" << c.id << "has an invalid calling window:" << window.error().message;
            continue;
        }
        const CallingWindow w = window.value();
        auto gate = [&](const Storage::DueLead &lead) -> qint64 {
            const CallingWindow lw = w.forLeadZone(lead.timezone);
            if (lw.isOpen(nowUtc))
                return 0;
            const QDateTime next = lw.nextOpen(nowUtc);
            return next.isValid() ? next.toMSecsSinceEpoch() : -1;
        };
        auto claimed = q.claim(c.id, m_options.globalMaxConcurrent, qMin(room, m_options.claimBatch), now, gate, &makeToken);
        if (!claimed) {
            qCWarning(lcCampaigns) << "dialer: claiming for campaign" << c.id << "failed:" << claimed.error().message;
            continue;
        }
        stats.rescheduled += claimed->rescheduled;
        stats.dnc += claimed->dnc;
        for (const Storage::ClaimedCall &call : claimed->claimed) {
            place(call);
            ++stats.placed;
        }
        if (claimed->claimed.isEmpty() && claimed->freeSlots > 0) {
            // Nothing due and nothing in a call: the campaign is finished.
            auto open = q.openLeads(c.id);
            if (open && open.value() == 0) {
                qCInfo(lcCampaigns) << "campaign" << c.id << c.name << "has no leads left to call: done";
                (void)q.setCampaignStatus(c.id, QStringLiteral("done"), now);
                (void)q.addEvent(QStringLiteral("campaign_done"), c.id, 0, {}, now);
            }
        }
    }
    return stats;
}

void DialerEngine::place(const Storage::ClaimedCall &call)
{
    const qint64 now = m_clock.nowMs();
    if (Status s = queue().markDialing(call.callId, now); !s)
        qCWarning(lcCampaigns) << "dialer:" << s.error().message;
    m_pending.insert(call.callId, Pending{call.campaignId, 0, false});
    PlaceCallRequest req{call.callId, call.leadId, call.campaignId, call.phoneE164, call.correlationToken, call.attempt};
    const quint64 handle = m_placer.place(req, [this, call](Result<PlacedCall> r) { onPlaced(call, std::move(r)); });
    auto it = m_pending.find(call.callId);
    if (it != m_pending.end())
        it->handle = handle;
}

void DialerEngine::finishWithStatus(qint64 callId, const QString &status, const QString &reason)
{
    auto db = m_db.connection();
    if (!db)
        return;
    Storage::DialerQueue q(db.value());
    const qint64 now = m_clock.nowMs();
    Storage::DialerQueue::CarrierUpdate u;
    u.callId = callId;
    u.status = status;
    u.endedAt = now;
    u.failureReason = reason;
    if (auto r = q.applyCarrierUpdate(u, now); !r)
        qCWarning(lcCampaigns) << "dialer:" << r.error().message;
    if (auto r = m_lifecycle.settle(callId); !r)
        qCWarning(lcCampaigns) << "dialer:" << r.error().message;
}

void DialerEngine::onPlaced(const Storage::ClaimedCall &call, Result<PlacedCall> r)
{
    m_pending.remove(call.callId);
    auto db = m_db.connection();
    if (!db) {
        qCWarning(lcCampaigns) << "dialer: database unavailable after placing call" << call.callId;
        return; // recover() reconciles it
    }
    Storage::DialerQueue q(db.value());
    const qint64 now = m_clock.nowMs();
    if (r) {
        if (Status s = q.setPlaced(call.callId, r->providerSid, now); !s)
            qCWarning(lcCampaigns) << "dialer:" << s.error().message;
        return;
    }
    const Error &e = r.error();
    const QString detail = e.codeName();
    if (detail == QLatin1String("exotel_network")) {
        // The request may or may not have reached Exotel: count it as an attempt.
        finishWithStatus(call.callId, QStringLiteral("failed"), QStringLiteral("network_error: ") + e.message);
        return;
    }
    if (e.retryable) {
        // 429/5xx: no call was created; not an attempt.
        (void)q.releaseUnplaced(call.callId, detail + QLatin1String(": ") + e.message, now + m_options.apiRetryDelayMs, now);
        return;
    }
    if (e.code == Error::Code::BadRequest) {
        // Exotel rejected this request (typically the number): a failed attempt of this lead.
        finishWithStatus(call.callId, QStringLiteral("failed"), QStringLiteral("rejected: ") + e.message);
        return;
    }
    // Credentials, plan, feature or configuration: nothing will work until an operator acts.
    qCCritical(lcCampaigns).noquote() << "pausing campaign" << call.campaignId << "because the carrier refused:" << e.message;
    (void)q.releaseUnplaced(call.callId, detail + QLatin1String(": ") + e.message, now, now);
    (void)q.setCampaignStatus(call.campaignId, QStringLiteral("paused"), now);
    (void)q.addEvent(QStringLiteral("campaign_paused"), call.campaignId, call.callId,
                     QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("reason"), detail},
                                                                 {QStringLiteral("message"), e.message}})
                                           .toJson(QJsonDocument::Compact)),
                     now);
    pauseCampaign(call.campaignId);
}

void DialerEngine::pauseCampaign(qint64 campaignId)
{
    const qint64 now = m_clock.nowMs();
    QList<qint64> withdrawn;
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->campaignId == campaignId && m_placer.cancelQueued(it->handle))
            withdrawn << it.key();
    }
    for (qint64 callId : std::as_const(withdrawn)) {
        m_pending.remove(callId);
        (void)queue().releaseUnplaced(callId, QStringLiteral("paused before dialling"), now, now);
    }
    if (!withdrawn.isEmpty())
        qCInfo(lcCampaigns) << "campaign" << campaignId << "paused:" << withdrawn.size() << "queued dials withdrawn";
}

int DialerEngine::recover()
{
    auto db = m_db.connection();
    if (!db)
        return 0;
    Storage::DialerQueue q(db.value());
    const qint64 now = m_clock.nowMs();
    auto stale = q.staleCalls(now - qMin(m_options.createdStaleMs, m_options.activeStaleMs));
    if (!stale) {
        qCWarning(lcCampaigns) << "dialer recovery:" << stale.error().message;
        return 0;
    }
    int looked = 0;
    // Finished calls whose lead was never settled (no outcome arrived, or a crash in between).
    if (auto unsettled = q.unsettledCalls(now - m_options.settleGraceMs)) {
        for (qint64 callId : unsettled.value()) {
            if (auto r = m_lifecycle.settle(callId, false, true); !r)
                qCWarning(lcCampaigns) << "recovery: cannot settle call" << callId << ":" << r.error().message;
        }
    }
    for (const auto &c : stale.value()) {
        if (m_pending.contains(c.callId))
            continue; // ours and still waiting for the carrier's answer
        const bool neverSent = c.status == QLatin1String("created");
        if (!neverSent && c.updatedAt >= now - m_options.activeStaleMs)
            continue;
        ++looked;
        if (neverSent) {
            qCInfo(lcCampaigns) << "recovery: call" << c.callId << "was claimed but never sent; lead requeued";
            (void)q.releaseUnplaced(c.callId, QStringLiteral("recovered: never sent"), now, now);
            continue;
        }
        if (c.providerSid.isEmpty()) {
            qCInfo(lcCampaigns) << "recovery: call" << c.callId << "has no carrier sid; marked unknown";
            finishWithStatus(c.callId, QStringLiteral("unknown"), QStringLiteral("recovered: no carrier sid"));
            continue;
        }
        (void)q.touchCall(c.callId, now); // one poll per bound, not one per pass
        const qint64 callId = c.callId;
        const QString sid = c.providerSid;
        m_placer.fetchStatus(sid, [this, callId, sid](Result<ProviderCallStatus> r) {
            if (!r) {
                qCWarning(lcCampaigns) << "recovery: cannot fetch call" << callId << "from the carrier:" << r.error().message
                                       << "; marked unknown";
                finishWithStatus(callId, QStringLiteral("unknown"), QStringLiteral("recovered: ") + r.error().message);
                return;
            }
            if (!r->terminal)
                return; // still live: the webhook (or the next pass) finishes it
            CallStatusReport rep;
            rep.providerSid = sid;
            rep.callId = callId;
            rep.eventType = QStringLiteral("terminal");
            rep.carrierStatus = r->status;
            rep.answeredAtMs = r->answeredAtMs;
            rep.endedAtMs = r->endedAtMs;
            rep.durationS = r->durationS;
            rep.recordingUrl = r->recordingUrl;
            if (auto a = m_lifecycle.report(rep); !a)
                qCWarning(lcCampaigns) << "recovery:" << a.error().message;
        });
    }
    return looked;
}

} // namespace Leadline::Campaigns
