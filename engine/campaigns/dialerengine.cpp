#include "dialerengine.h"

#include <utility>

#include "callingwindow.h"
#include "core/logging.h"
#include "core/settings.h"
#include "storage/callstatus.h"
#include "storage/database.h"
#include "storage/noderegistry.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QCoreApplication>
#include <QSysInfo>

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
    const qint64 noAnswer = s.value(QStringLiteral("RETRY_DELAY_NO_ANSWER_S")).toLongLong(&ok);
    if (ok && noAnswer >= 0)
        o.retryDelays.noAnswerS = noAnswer;
    const qint64 busy = s.value(QStringLiteral("RETRY_DELAY_BUSY_S")).toLongLong(&ok);
    if (ok && busy >= 0)
        o.retryDelays.busyS = busy;
    auto seconds = [&s](const char *name, qint64 fallbackMs) {
        bool valid = false;
        const double v = s.value(QLatin1String(name)).toDouble(&valid);
        return valid && v > 0 ? qint64(v * 1000) : fallbackMs;
    };
    o.recoverMs = int(qBound(qint64(100), seconds("RECOVERY_INTERVAL_S", o.recoverMs), qint64(3600 * 1000)));
    o.settleGraceMs = seconds("OUTCOME_GRACE_S", o.settleGraceMs);
    o.heartbeatMs = seconds("NODE_HEARTBEAT_S", o.heartbeatMs);
    o.nodeDeadAfterMs = qMax(2 * o.heartbeatMs, seconds("NODE_DEAD_AFTER_S", o.nodeDeadAfterMs));
    o.nodeName = s.value(QStringLiteral("NODE_NAME"));
    if (o.nodeName.isEmpty()) {
        // One name per host and port, so a node restarted on its port retires its predecessor.
        const int port = s.port();
        o.nodeName = QSysInfo::machineHostName() + QLatin1Char(':')
                     + (port > 0 ? QString::number(port) : QStringLiteral("pid") + QString::number(QCoreApplication::applicationPid()));
    }
    o.nodeId = makeNodeId(o.nodeName);
    return o;
}

QString DialerOptions::makeNodeId(const QString &nodeName)
{
    return nodeName + QLatin1Char('#') + QString::number(QRandomGenerator::system()->generate(), 16).rightJustified(8, QLatin1Char('0'));
}

DialerEngine::DialerEngine(const Storage::Database &db, const Clock &clock, CallPlacer &placer, DialerOptions options,
                           EventSink *events)
    : m_db(db), m_clock(clock), m_placer(placer), m_options(options), m_events(events), m_lifecycle(db, clock, events)
{
    m_lifecycle.setRetryDelays(options.retryDelays);
}

// call.ended for a call the dialer settled itself (never placed, withdrawn, refused).
static Events::CallEnded endedByDialer(qint64 callId, qint64 campaignId, const QString &status, const QString &reason)
{
    Events::CallEnded e;
    e.callId = callId;
    e.campaignId = campaignId;
    e.status = status;
    e.reason = reason;
    e.source = QStringLiteral("dialer");
    return e;
}

int DialerEngine::publishProgress()
{
    if (!m_events)
        return 0;
    Storage::DialerQueue q = queue();
    auto running = q.runningCampaigns();
    if (!running)
        return 0;
    QList<qint64> ids;
    for (const Storage::DialerCampaign &c : running.value())
        ids << c.id;
    // Campaigns that stopped running since the last pass get one final event.
    for (auto it = m_progress.cbegin(); it != m_progress.cend(); ++it)
        if (!ids.contains(it.key()))
            ids << it.key();
    int published = 0;
    for (qint64 id : std::as_const(ids)) {
        auto p = q.progress(id);
        if (!p)
            continue;
        const auto last = m_progress.constFind(id);
        if (last != m_progress.cend() && last.value() == p.value())
            continue;
        if (p->status == Storage::statusName(Storage::CampaignStatus::Running))
            m_progress.insert(id, p.value());
        else
            m_progress.remove(id);
        Events::CampaignProgress e;
        e.campaignId = id;
        e.status = p->status;
        e.leadsTotal = p->leadsTotal;
        e.leadsDone = p->leadsDone;
        e.leadsPending = p->leadsPending;
        e.callsActive = int(p->callsActive);
        e.nextDueAtMs = p->nextDueAt;
        publish(e);
        ++published;
    }
    return published;
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

void DialerEngine::keepAlive()
{
    if (m_options.nodeId.isEmpty())
        return;
    auto db = m_db.connection();
    if (!db)
        return;
    Storage::NodeRegistry nodes(db.value());
    const qint64 now = m_clock.nowMs();
    if (!m_enrolled) {
        auto retired = nodes.enroll(m_options.nodeId, m_options.nodeName, now);
        if (!retired) {
            qCWarning(lcCampaigns) << "dialer: cannot enrol node" << m_options.nodeId << ":" << retired.error().message;
            return;
        }
        m_enrolled = true;
        m_lastBeatMs = now;
        qCInfo(lcCampaigns) << "node" << m_options.nodeId << "enrolled" << (retired.value() > 0 ? "(replaces its earlier run)" : "");
        return;
    }
    if (now - m_lastBeatMs < m_options.heartbeatMs)
        return;
    if (Status s = nodes.heartbeat(m_options.nodeId, now); !s)
        qCWarning(lcCampaigns) << "dialer: heartbeat:" << s.error().message;
    else
        m_lastBeatMs = now;
}

DialerEngine::TickStats DialerEngine::tick()
{
    TickStats stats;
    auto db = m_db.connection();
    if (!db) {
        qCWarning(lcCampaigns) << "dialer: database unavailable:" << db.error().message;
        return stats;
    }
    keepAlive();
    // Carrier answers that arrived while the database was down, oldest first.
    for (auto &u : std::exchange(m_unsaved, {}))
        onPlaced(u.first, std::move(u.second));
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
        auto window = CallingWindow::of(c);
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
        auto claimed = q.claim(c.id, m_options.globalMaxConcurrent, qMin(room, m_options.claimBatch), now, gate, &makeToken,
                               m_options.nodeId);
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
                if (Status s = q.setCampaignStatus(c.id, Storage::CampaignStatus::Done, now, {QStringLiteral("campaign_done"), 0, {}}); !s)
                    qCWarning(lcCampaigns) << "dialer: campaign" << c.id << "not marked done:" << s.error().message;
            }
        }
    }
    return stats;
}

void DialerEngine::place(const Storage::ClaimedCall &call)
{
    const qint64 now = m_clock.nowMs();
    if (Status s = queue().markDialing(call.callId, now); !s) {
        // Not dialled: the row stays "created" and recovery returns the lead to the queue. Dialling
        // now could not be recorded, and recovery would then dial the lead a second time.
        qCWarning(lcCampaigns) << "dialer: call" << call.callId << "not dialled, the database refused it:" << s.error().message;
        return;
    }
    m_pending.insert(call.callId, Pending{call.campaignId, 0, false});
    if (m_events)
        Events::publish(*m_events, Events::Type::CallStarted,
                        Events::CallParty{call.callId, call.campaignId, call.leadId, call.leadName, maskPhone(call.phoneE164), call.attempt});
    if (m_options.preparer) // the greeting is synthesised while the phone rings
        m_options.preparer->dialing(call.callId, call.correlationToken);
    const quint64 handle = m_placer.place(call, [this, call](Result<PlacedCall> r) { onPlaced(call, std::move(r)); });
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
    publish(endedByDialer(callId, 0, status, reason));
}

void DialerEngine::deferPlaced(const Storage::ClaimedCall &call, Result<PlacedCall> r)
{
    if (!m_pending.contains(call.callId))
        m_pending.insert(call.callId, Pending{call.campaignId, 0, true});
    m_unsaved.append({call, std::move(r)});
}

void DialerEngine::onPlaced(const Storage::ClaimedCall &call, Result<PlacedCall> r)
{
    auto db = m_db.connection();
    if (!db) {
        qCWarning(lcCampaigns) << "dialer: database unavailable after placing call" << call.callId << "- will store it later";
        deferPlaced(call, std::move(r));
        return;
    }
    Storage::DialerQueue q(db.value());
    const qint64 now = m_clock.nowMs();
    if (r) {
        Status s = q.setPlaced(call.callId, r->providerSid, now);
        if (!s && m_db.ping()) // maybe a connection the server had dropped: once more on the fresh one
            s = queue().setPlaced(call.callId, r->providerSid, now);
        if (!s) {
            if (m_db.ping()) { // the database is up and refuses it: nothing to retry
                qCWarning(lcCampaigns) << "dialer:" << s.error().message;
            } else {
                qCWarning(lcCampaigns) << "dialer: call" << call.callId << "placed, not stored yet (database down):" << s.error().message;
                deferPlaced(call, std::move(r));
                return;
            }
        }
        m_pending.remove(call.callId);
        return;
    }
    m_pending.remove(call.callId);
    if (m_options.preparer)
        m_options.preparer->notAnswered(call.callId);
    const Error &e = r.error();
    const QString detail = e.codeName();
    if (detail == QLatin1String("exotel_network")) {
        // The request may or may not have reached Exotel: count it as an attempt.
        finishWithStatus(call.callId, Storage::statusName(Storage::CallStatus::Failed), QStringLiteral("network_error: ") + e.message);
        return;
    }
    if (e.retryable) {
        // 429/5xx: no call was created; not an attempt.
        if (Status s = q.releaseUnplaced(call.callId, detail + QLatin1String(": ") + e.message, now + m_options.apiRetryDelayMs, now); !s)
            qCWarning(lcCampaigns) << "dialer: call" << call.callId << "not released:" << s.error().message;
        publish(endedByDialer(call.callId, call.campaignId, Storage::statusName(Storage::CallStatus::NotPlaced), detail));
        return;
    }
    if (e.code == Error::Code::BadRequest) {
        // Exotel rejected this request (typically the number): a failed attempt of this lead.
        finishWithStatus(call.callId, Storage::statusName(Storage::CallStatus::Failed), QStringLiteral("rejected: ") + e.message);
        return;
    }
    // Credentials, plan, feature or configuration: nothing will work until an operator acts.
    qCCritical(lcCampaigns).noquote() << "pausing campaign" << call.campaignId << "because the carrier refused:" << e.message;
    // One transaction: the call released, the campaign paused, the campaign_paused event.
    const QString reason = detail + QLatin1String(": ") + e.message;
    const Storage::AuditEvent paused{
        QStringLiteral("campaign_paused"), call.callId,
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("reason"), detail}, {QStringLiteral("message"), e.message}})
                              .toJson(QJsonDocument::Compact))};
    if (Status s = q.releaseAndPause(call.callId, call.campaignId, reason, now, paused); !s) {
        qCWarning(lcCampaigns) << "dialer: campaign" << call.campaignId << "not paused:" << s.error().message;
        if (Status r = q.releaseUnplaced(call.callId, reason, now, now); !r)
            qCWarning(lcCampaigns) << "dialer: call" << call.callId << "not released:" << r.error().message;
    }
    publish(endedByDialer(call.callId, call.campaignId, Storage::statusName(Storage::CallStatus::NotPlaced), detail));
    publish(Events::ProviderError{QStringLiteral("telephony"), 0, call.campaignId, e.message});
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
        if (Status s = queue().releaseUnplaced(callId, QStringLiteral("paused before dialling"), now, now); !s)
            qCWarning(lcCampaigns) << "dialer: call" << callId << "not released:" << s.error().message;
        publish(endedByDialer(callId, campaignId, Storage::statusName(Storage::CallStatus::NotPlaced), QStringLiteral("paused")));
    }
    if (!withdrawn.isEmpty())
        qCInfo(lcCampaigns) << "campaign" << campaignId << "paused:" << withdrawn.size() << "queued dials withdrawn";
}

int DialerEngine::recover()
{
    auto db = m_db.connection();
    if (!db)
        return 0;
    keepAlive();
    Storage::DialerQueue q(db.value());
    Storage::NodeRegistry nodes(db.value());
    const qint64 now = m_clock.nowMs();
    const qint64 deadBefore = now - m_options.nodeDeadAfterMs; // calls of unknown nodes are never "dead"
    auto stale = q.staleCalls(now - qMin(m_options.createdStaleMs, m_options.activeStaleMs), deadBefore);
    if (!stale) {
        qCWarning(lcCampaigns) << "dialer recovery:" << stale.error().message;
        return 0;
    }
    int looked = 0;
    // Finished calls whose lead was never settled: the outcome did not come within the grace, or
    // the node that ran the conversation is dead. Either way it was cut off on our side.
    if (auto unsettled = q.unsettledCalls(now - m_options.settleGraceMs, deadBefore)) {
        for (const auto &u : unsettled.value()) {
            const QString reason = !u.deadNode.isEmpty() && u.deadNode != m_options.nodeId
                                       ? QStringLiteral("cut off: node %1 stopped").arg(u.deadNode)
                                       : QStringLiteral("cut off: no conversation outcome within %1 s").arg(m_options.settleGraceMs / 1000);
            if (auto r = m_lifecycle.settle(u.callId, false, true, reason); !r)
                qCWarning(lcCampaigns) << "recovery: cannot settle call" << u.callId << ":" << r.error().message;
        }
    }
    for (const auto &c : stale.value()) {
        if (m_pending.contains(c.callId))
            continue; // ours and still waiting for the carrier's answer
        QString deadNode = c.deadNode == m_options.nodeId ? QString() : c.deadNode;
        if (!deadNode.isEmpty()) {
            // A peer died with this call: take it over (one node wins) rather than wait for its bound.
            auto mine = nodes.takeOver(c.callId, deadNode, m_options.nodeId, now);
            if (!mine) {
                qCWarning(lcCampaigns) << "recovery:" << mine.error().message;
                continue;
            }
            if (!mine.value())
                continue; // another node took it
            qCInfo(lcCampaigns) << "recovery: call" << c.callId << "taken over from dead node" << deadNode;
        }
        const bool orphan = !deadNode.isEmpty();
        const bool neverSent = c.status == Storage::statusName(Storage::CallStatus::Created);
        if (!orphan && !neverSent && c.updatedAt >= now - m_options.activeStaleMs)
            continue;
        ++looked;
        if (neverSent) {
            qCInfo(lcCampaigns) << "recovery: call" << c.callId << "was claimed but never sent; lead requeued";
            if (Status s = q.releaseUnplaced(c.callId, QStringLiteral("recovered: never sent"), now, now); !s)
                qCWarning(lcCampaigns) << "recovery: call" << c.callId << "not released:" << s.error().message;
            continue;
        }
        if (c.providerSid.isEmpty()) {
            qCInfo(lcCampaigns) << "recovery: call" << c.callId << "has no carrier sid; marked unknown";
            finishWithStatus(c.callId, Storage::statusName(Storage::CallStatus::Unknown), QStringLiteral("recovered: no carrier sid"));
            continue;
        }
        (void)q.touchCall(c.callId, now); // one poll per bound, not one per pass
        const qint64 callId = c.callId;
        const QString sid = c.providerSid;
        const QString cutOff = orphan ? QStringLiteral("cut off: node %1 stopped").arg(deadNode) : QString();
        m_placer.fetchStatus(sid, [this, callId, sid, cutOff](Result<ProviderCallStatus> r) {
            if (!r) {
                qCWarning(lcCampaigns) << "recovery: cannot fetch call" << callId << "from the carrier:" << r.error().message
                                       << "; marked unknown";
                finishWithStatus(callId, Storage::statusName(Storage::CallStatus::Unknown), QStringLiteral("recovered: ") + r.error().message);
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
            // The conversation died with its node: no outcome will come.
            if (!cutOff.isEmpty())
                if (auto s = m_lifecycle.settle(callId, false, true, cutOff); !s)
                    qCWarning(lcCampaigns) << "recovery: cannot settle call" << callId << ":" << s.error().message;
        });
    }
    return looked;
}

} // namespace Leadline::Campaigns
