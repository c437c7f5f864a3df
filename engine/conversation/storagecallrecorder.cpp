#include "storagecallrecorder.h"

#include "conversationlog.h"
#include "storage/database.h"
#include "storage/leadrepository.h"

#include <QDateTime>
#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>

namespace Leadline::Conversation {

StorageCallRecorder::StorageCallRecorder(const Storage::Database &db, int maxQueued) : m_db(db), m_maxQueued(maxQueued)
{
    m_thread.setObjectName(QStringLiteral("leadline-calls"));
    m_worker.moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(&m_worker, [this] {
        m_batchTimer = new QTimer(&m_worker);
        m_batchTimer->setInterval(200);
        connect(m_batchTimer, &QTimer::timeout, &m_worker, [this] { writeTurns(); });
        m_batchTimer->start();
    }, Qt::BlockingQueuedConnection);
}

StorageCallRecorder::~StorageCallRecorder()
{
    flush();
    // The timer belongs to the recorder thread: stop and free it there.
    QMetaObject::invokeMethod(&m_worker, [this] { delete m_batchTimer; m_batchTimer = nullptr; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void StorageCallRecorder::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(&m_worker, std::move(job), Qt::QueuedConnection);
}

void StorageCallRecorder::flush()
{
    if (QThread::currentThread() == &m_thread) {
        writeTurns();
        return;
    }
    QMetaObject::invokeMethod(&m_worker, [this] { writeTurns(); }, Qt::BlockingQueuedConnection);
}

int StorageCallRecorder::droppedWrites() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

Result<CallContext> StorageCallRecorder::find(const CallKey &key)
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    Storage::CallRepository calls(conn.value());
    Result<Storage::CallRow> call = Error::make(Error::Code::NotFound, QStringLiteral("no correlation data"));
    for (const QString &token : {key.token, key.customToken}) {
        if (!call && !token.isEmpty())
            call = calls.findByToken(token);
    }
    if (!call && !key.callSid.isEmpty())
        call = calls.findByProviderSid(key.callSid);
    if (!call)
        return call.error();
    static const QStringList finalStates = {QStringLiteral("completed"), QStringLiteral("busy"), QStringLiteral("no-answer"),
                                            QStringLiteral("failed"), QStringLiteral("canceled")};
    if (finalStates.contains(call->status) && call->endedAt > 0)
        return Error::make(Error::Code::Conflict, QStringLiteral("call %1 is already over (%2)").arg(call->id).arg(call->status));

    CallContext ctx;
    ctx.callId = call->id;
    ctx.leadId = call->leadId;
    ctx.campaignId = call->campaignId;
    ctx.callStatus = call->status;
    QSqlQuery q(conn.value());
    q.prepare(QStringLiteral("SELECT l.name, l.phone_e164, l.city, l.property_type, l.budget, l.language, l.timezone, "
                             "c.name, c.script, c.language, c.timezone, c.window_start, c.window_end, c.calling_days FROM leads l JOIN campaigns c ON c.id = l.campaign_id "
                             "WHERE l.id = ?"));
    q.addBindValue(call->leadId);
    if (!q.exec())
        return Storage::sqlError(QStringLiteral("cannot read the call's lead"), q.lastError());
    if (q.next()) {
        ctx.leadName = q.value(0).toString();
        ctx.phoneE164 = q.value(1).toString();
        ctx.city = q.value(2).toString();
        ctx.propertyType = q.value(3).toString();
        ctx.budget = q.value(4).toString();
        ctx.leadLanguage = q.value(5).toString();
        const QString leadTz = q.value(6).toString();
        ctx.campaignName = q.value(7).toString();
        ctx.campaignScript = q.value(8).toString();
        ctx.campaignLanguage = q.value(9).toString();
        ctx.timezone = leadTz.isEmpty() ? q.value(10).toString() : leadTz;
        ctx.windowStart = q.value(11).toString();
        ctx.windowEnd = q.value(12).toString();
        ctx.callingDays = q.value(13).toString();
    }
    return ctx;
}

void StorageCallRecorder::lookup(const CallKey &key, QObject *context, std::function<void(Result<CallContext>)> done)
{
    QPointer<QObject> ctx(context);
    post([this, key, ctx, done = std::move(done)] {
        Result<CallContext> r = find(key);
        if (ctx)
            QMetaObject::invokeMethod(ctx, [done, r] { done(r); }, Qt::QueuedConnection);
    });
}

void StorageCallRecorder::callAnswered(qint64 callId, const QString &, const QString &callSid, qint64 atMs)
{
    post([this, callId, callSid, atMs] {
        auto conn = m_db.connection();
        if (!conn)
            return;
        Storage::CallRepository calls(conn.value());
        if (!callSid.isEmpty()) {
            auto row = calls.get(callId);
            if (row && row->providerSid.isEmpty())
                calls.setProviderSid(callId, callSid, atMs);
        }
        if (Status s = calls.updateStatus(callId, QStringLiteral("in-progress"), atMs, atMs); !s)
            qCWarning(lcConversation) << "call" << callId << "cannot mark answered:" << s.error().message;
    });
}

void StorageCallRecorder::appendTurn(const Storage::TurnRow &turn)
{
    QMutexLocker lock(&m_mutex);
    if (m_turns.size() >= m_maxQueued) {
        ++m_dropped; // counted; the database has been down for a long time
        return;
    }
    m_turns.append(turn);
}

void StorageCallRecorder::writeTurns()
{
    QList<Storage::TurnRow> batch;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_turns);
    }
    if (batch.isEmpty())
        return;
    auto conn = m_db.connection();
    Status s = conn ? okStatus() : Status(conn.error());
    if (s) {
        QSqlDatabase db = conn.value();
        db.transaction();
        s = Storage::CallRepository(db).insertTurns(batch);
        if (s && !db.commit())
            s = Storage::sqlError(QStringLiteral("commit turns"), db.lastError());
        if (!s)
            db.rollback();
    }
    if (!s) {
        qCWarning(lcConversation) << "cannot write" << batch.size() << "turns, will retry:" << s.error().message;
        QMutexLocker lock(&m_mutex);
        m_turns = batch + m_turns; // keep order; insert is idempotent per (call, idx)
    }
}

void StorageCallRecorder::addDnc(const QString &phoneE164, const QString &source)
{
    post([this, phoneE164, source] {
        auto conn = m_db.connection();
        if (!conn)
            return;
        if (Status s = Storage::LeadRepository(conn.value()).addDnc(phoneE164, source, QDateTime::currentMSecsSinceEpoch()); !s)
            qCWarning(lcConversation) << "cannot add to DNC:" << s.error().message;
    });
}

void StorageCallRecorder::finishCall(qint64 callId, const Storage::CallOutcome &outcome, const QString &status, qint64 endedAtMs)
{
    post([this, callId, outcome, status, endedAtMs] {
        writeTurns(); // the call row is final only after its turns
        auto conn = m_db.connection();
        if (!conn) {
            qCWarning(lcConversation) << "call" << callId << "outcome not stored:" << conn.error().message;
            return;
        }
        Storage::CallRepository calls(conn.value());
        if (Status s = calls.setOutcome(callId, outcome, endedAtMs); !s)
            qCWarning(lcConversation) << "call" << callId << "outcome not stored:" << s.error().message;
        if (Status s = calls.updateStatus(callId, status, endedAtMs, 0, endedAtMs); !s)
            qCWarning(lcConversation) << "call" << callId << "status not stored:" << s.error().message;
    });
}

} // namespace Leadline::Conversation
