#include "storagehandoffdesk.h"
#include "storage/columnvalues.h"
#include "storage/handoffstatus.h"

#include "agentselector.h"
#include "handofflog.h"
#include "handoffservice.h"
#include "core/clock.h"
#include "core/settings.h"
#include "storage/database.h"
#include "storage/leadmessagerepository.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>

namespace Leadline::Handoff {

HandoffDeskOptions HandoffDeskOptions::fromSettings(const Settings &s)
{
    HandoffDeskOptions o;
    o.flowMode = flowModeFrom(s);
    o.smsSender = s.value(QStringLiteral("EXOTEL_SMS_SENDER"));
    o.exotel = Telephony::ExotelConfig::fromSettings(s);
    return o;
}

StorageHandoffDesk::StorageHandoffDesk(const Storage::Database &db, const Clock &clock, HandoffDeskOptions options)
    : m_db(db), m_clock(clock), m_options(std::move(options))
{
    m_thread.setTeardown([this](QObject *) {
        delete m_exotel;
        m_exotel = nullptr;
        delete m_nam;
        m_nam = nullptr;
    });
    (void)m_thread.start({}, [this](QObject *worker) {
        m_nam = new QNetworkAccessManager(worker);
        m_exotel = new Telephony::ExotelClient(*m_nam, m_options.exotel, worker);
        return okStatus();
    });
}

StorageHandoffDesk::~StorageHandoffDesk() { m_thread.stop(); }

void StorageHandoffDesk::post(std::function<void()> job)
{
    m_thread.post(std::move(job));
}

void StorageHandoffDesk::checkEnabled(qint64 campaignId, QObject *context, std::function<void(bool)> done)
{
    QPointer<QObject> ctx(context);
    post([this, campaignId, ctx, done = std::move(done)] {
        bool enabled = false;
        if (m_options.flowMode) {
            if (auto conn = m_db.connection()) {
                auto on = HandoffRepository(conn.value()).campaignHandoffEnabled(campaignId);
                enabled = on && on.value();
            }
        }
        if (ctx)
            QMetaObject::invokeMethod(ctx, [done, enabled] { done(enabled); }, Qt::QueuedConnection);
    });
}

QString StorageHandoffDesk::smsText(const QJsonObject &s)
{
    auto v = [&s](const char *k) { return s.value(QLatin1String(k)).toString().simplified(); };
    QStringList parts;
    parts << QStringLiteral("Hot lead connecting now: %1 %2").arg(v("name").isEmpty() ? QStringLiteral("(no name)") : v("name"), v("phone"));
    if (!v("budget").isEmpty())
        parts << QStringLiteral("Budget: ") + v("budget");
    if (!v("property").isEmpty())
        parts << QStringLiteral("Property: ") + v("property");
    if (!v("timeline").isEmpty())
        parts << QStringLiteral("Timeline: ") + v("timeline");
    if (!v("summary").isEmpty())
        parts << QStringLiteral("Summary: ") + v("summary");
    if (!v("caller_words").isEmpty())
        parts << QStringLiteral("Said: \"%1\"").arg(v("caller_words"));
    QString text = parts.join(QStringLiteral(". "));
    if (text.size() > 900)
        text = text.left(897) + QStringLiteral("...");
    return text;
}

Result<HandoffDecision> StorageHandoffDesk::decide(const HandoffRequest &req)
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = conn.value();
    HandoffRepository repo(db);
    const qint64 now = m_clock.nowMs();
    // One transaction: two calls asking at once must not both take an agent's last slot
    // (SQLite: the writer lock; PostgreSQL: the handoffs row lock via the unique call index
    // plus a transaction-scoped advisory lock on the roster).
    db.transaction();
    if (Storage::isPostgres(db)) {
        QSqlQuery lock(db);
        lock.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7243004)"));
    }
    if (auto existing = repo.handoffForCall(req.callId)) {
        db.commit();
        return HandoffDecision{existing->agentId > 0 && existing->status != Storage::statusName(Storage::HandoffStatus::Failed), existing->id,
                               existing->agentName};
    }
    auto roster = repo.agents();
    auto loads = repo.loads(now - m_options.activeWindowMs);
    if (!roster || !loads) {
        db.rollback();
        return roster ? loads.error() : roster.error();
    }
    QString named;
    if (auto custom = repo.leadCustom(req.leadId))
        named = AgentSelector::namedAgent(custom.value());
    const auto choice = AgentSelector::choose(roster.value(), loads.value(), req.callerLanguage, named, m_clock.now());
    HandoffRow row;
    row.callId = req.callId;
    row.leadId = req.leadId;
    row.campaignId = req.campaignId;
    row.requestedAt = now;
    row.reason = req.reason;
    row.summary = req.summary;
    if (!named.isEmpty())
        row.summary.insert(QStringLiteral("named_agent"), named);
    if (choice) {
        row.agentId = choice->agent.id;
        row.status = Storage::statusName(Storage::HandoffStatus::Pending);
    } else {
        row.status = Storage::statusName(Storage::HandoffStatus::Failed);
        row.summary.insert(QStringLiteral("failure"), QStringLiteral("no_agent_available"));
    }
    auto inserted = repo.insertHandoff(row, now);
    if (!inserted) {
        db.rollback();
        return inserted.error();
    }
    if (!db.commit())
        return Storage::sqlError(QStringLiteral("cannot commit handoff"), db.lastError());
    const HandoffRow h = inserted.value();
    emit handoffRequested(h.callId, h.toJson());
    if (choice) {
        qCInfo(lcHandoff) << "call" << req.callId << "handed to agent" << h.agentId << (choice->namedByLead ? "(named by the lead)" : "");
        if (m_options.smsSender.isEmpty() || !m_exotel || !m_options.exotel.isComplete()) {
            if (const Status st = repo.setSmsStatus(h.id, QStringLiteral("not_configured"), now); !st)
                qCWarning(lcHandoff) << "handoff" << h.id << "cannot record its SMS status:" << st.error().message;
        } else {
            const qint64 handoffId = h.id;
            m_exotel->sendSms(m_options.smsSender, h.agentPhone, smsText(h.summary), [this, handoffId](Result<QString> sid) {
                if (!sid)
                    qCWarning(lcHandoff) << "handoff" << handoffId << "SMS to the agent failed:" << sid.error().message;
                auto c = m_db.connection();
                const Status st = c ? HandoffRepository(c.value()).setSmsStatus(
                                          handoffId, sid ? QStringLiteral("sent") : QStringLiteral("failed"), m_clock.nowMs())
                                    : Status(c.error());
                if (!st)
                    qCWarning(lcHandoff) << "handoff" << handoffId << "cannot record its SMS status:" << st.error().message;
            });
        }
    } else {
        qCInfo(lcHandoff) << "call" << req.callId << "wanted an agent; none available (language" << req.callerLanguage << ")";
    }
    return HandoffDecision{choice.has_value(), h.id, h.agentName};
}

void StorageHandoffDesk::requestHandoff(const HandoffRequest &request, QObject *context,
                                        std::function<void(Result<HandoffDecision>)> done)
{
    QPointer<QObject> ctx(context);
    post([this, request, ctx, done = std::move(done)] {
        Result<HandoffDecision> r = decide(request);
        if (!r)
            qCWarning(lcHandoff) << "call" << request.callId << "handoff failed:" << r.error().message;
        if (ctx)
            QMetaObject::invokeMethod(ctx, [done, r] { done(r); }, Qt::QueuedConnection);
    });
}

void StorageHandoffDesk::sendToLead(const LeadSms &sms)
{
    post([this, sms] {
        auto conn = m_db.connection();
        if (!conn) {
            qCWarning(lcHandoff) << "call" << sms.callId << sms.kind << "SMS not recorded:" << conn.error().message;
            return;
        }
        Storage::LeadMessageRow row;
        row.callId = sms.callId;
        row.campaignId = sms.campaignId;
        row.leadId = sms.leadId;
        row.kind = sms.kind;
        row.toE164 = sms.toE164;
        row.body = sms.body;
        auto id = Storage::LeadMessageRepository(conn.value()).insert(row, m_clock.nowMs());
        if (!id || id.value() == 0) { // failed, or already sent for this call
            if (!id)
                qCWarning(lcHandoff) << "call" << sms.callId << sms.kind << "SMS not recorded:" << id.error().message;
            return;
        }
        const qint64 messageId = id.value();
        if (m_options.smsSender.isEmpty() || !m_exotel || !m_options.exotel.isComplete()) {
            if (Status st = Storage::LeadMessageRepository(conn.value()).setStatus(messageId, QStringLiteral("not_configured"), {}, {},
                                                                                   m_clock.nowMs());
                !st)
                qCWarning(lcHandoff) << "call" << sms.callId << sms.kind << "SMS state not stored:" << st.error().message;
            return;
        }
        m_exotel->sendSms(m_options.smsSender, sms.toE164, sms.body, [this, messageId, callId = sms.callId](Result<QString> sid) {
            if (!sid)
                qCWarning(lcHandoff) << "call" << callId << "SMS to the lead failed:" << sid.error().message;
            auto c = m_db.connection();
            const Status st = c ? Storage::LeadMessageRepository(c.value()).setStatus(
                                      messageId, sid ? QStringLiteral("sent") : QStringLiteral("failed"), sid ? sid.value() : QString(),
                                      sid ? QString() : sid.error().message, m_clock.nowMs())
                                : Status(c.error());
            if (!st)
                qCWarning(lcHandoff) << "call" << callId << "SMS state not stored:" << st.error().message;
        });
    });
}

} // namespace Leadline::Handoff
