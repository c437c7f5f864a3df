#include "storagecallrecorder.h"

#include "conversationlog.h"
#include "storage/briefrepository.h"
#include "storage/callstatus.h"
#include "storage/database.h"
#include "storage/leadrepository.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>

namespace Leadline::Conversation {

StorageCallRecorder::StorageCallRecorder(const Storage::Database &db, int maxQueued, int lookupRetryMs)
    : m_db(db), m_maxQueued(maxQueued), m_lookupRetryMs(lookupRetryMs)
{
    m_lookups.setObjectName(QStringLiteral("leadline-call-lookups"));
    m_lookups.setMaxThreadCount(kLookupThreads);
    m_lookups.setExpiryTimeout(-1); // keep the threads and their database connections
    m_thread.setTeardown([this](QObject *) { writePending(); }); // the last writes; the timer goes with the worker
    (void)m_thread.start({}, [this](QObject *worker) {
        auto *batchTimer = new QTimer(worker);
        batchTimer->setInterval(200);
        connect(batchTimer, &QTimer::timeout, worker, [this] { writePending(kWriteSliceMs); });
        batchTimer->start();
        return okStatus();
    });
}

StorageCallRecorder::~StorageCallRecorder()
{
    m_lookups.waitForDone();
    m_thread.stop(); // flushes there first
}

void StorageCallRecorder::post(std::function<void()> job)
{
    m_thread.post(std::move(job));
}

void StorageCallRecorder::flush()
{
    m_thread.call([this] { writePending(); }); // directly when already on the recorder thread
}

int StorageCallRecorder::droppedWrites() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

int StorageCallRecorder::pendingWrites() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_turns.size() + m_writes.size());
}

void StorageCallRecorder::enqueue(PendingWrite write)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_writes.size() >= m_maxQueued) {
            ++m_dropped; // counted; the database has been down for a long time
            qCCritical(lcConversation) << "call" << write.callId << write.what << "dropped: too many writes waiting for the database";
            return;
        }
        m_writes.append(std::move(write));
    }
    post([this] { writePending(kWriteSliceMs); });
}

void StorageCallRecorder::writePending(int sliceMs)
{
    if (!writeTurns())
        return; // a call row is final only after its turns: keep the order
    QElapsedTimer slice;
    slice.start();
    for (;;) {
        PendingWrite w;
        {
            QMutexLocker lock(&m_mutex);
            if (m_writes.isEmpty())
                return;
            w = m_writes.first();
        }
        if (sliceMs >= 0 && slice.elapsed() >= sliceMs) {
            // Lookups queue on this thread too: a call that was just answered waits for its
            // context behind at most one slice of writes, not behind all of them (1000 calls
            // ending at once are seconds of commits). The rest follows after what is queued.
            post([this] { writePending(kWriteSliceMs); });
            return;
        }
        // Two tries: the first may have run on a connection the server had already dropped
        // (ping() then reconnects); a write refused twice by a live database is dropped.
        Status s = okStatus();
        for (int attempt = 0; attempt < 2; ++attempt) {
            auto conn = m_db.connection();
            s = conn ? okStatus() : Status(conn.error());
            if (s) {
                QSqlDatabase db = conn.value();
                db.transaction();
                s = w.apply(db);
                if (s && !db.commit())
                    s = Storage::sqlError(QStringLiteral("commit"), db.lastError());
                if (!s)
                    db.rollback();
            }
            if (s)
                break;
            // The database unreachable: keep the write for the next batch tick. A database that
            // answers and refuses it (a constraint; QSQLITE even calls those connection errors)
            // will never take it: drop it rather than block the writes behind it.
            if (!m_db.ping()) {
                if (!m_outage) // once per outage, not every 200 ms
                    qCWarning(lcConversation) << "call" << w.callId << w.what << "not stored yet, will retry:" << s.error().message;
                m_outage = true;
                return;
            }
        }
        if (!s)
            qCCritical(lcConversation) << "call" << w.callId << w.what << "not stored:" << s.error().message;
        if (m_outage)
            qCInfo(lcConversation) << "the database is back: buffered call writes are being stored";
        m_outage = false;
        QMutexLocker lock(&m_mutex);
        m_writes.removeFirst();
    }
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
    // The campaign's project brief as of now: the call keeps this version to its end.
    if (auto brief = Storage::BriefRepository(conn.value()).latest(ctx.campaignId)) {
        ctx.brief = brief->brief;
        ctx.briefVersion = brief->version;
    } else if (brief.error().code != Error::Code::NotFound) {
        qCWarning(lcConversation) << "call" << ctx.callId << "runs without its project brief:" << brief.error().message;
    }
    return ctx;
}

void StorageCallRecorder::lookup(const CallKey &key, QObject *context, std::function<void(Result<CallContext>)> done)
{
    QPointer<QObject> ctx(context);
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + m_lookupRetryMs;
    m_lookups.start([this, key, ctx, done = std::move(done), deadline] { findWithRetry(key, ctx, done, deadline); });
}

void StorageCallRecorder::findWithRetry(const CallKey &key, QPointer<QObject> ctx, std::function<void(Result<CallContext>)> done,
                                        qint64 deadlineMs)
{
    if (!ctx)
        return;
    Result<CallContext> r = find(key);
    if (!r && r.error().code != Error::Code::NotFound && r.error().code != Error::Code::Conflict && m_db.ping())
        r = find(key); // the first try may have met a connection the server had dropped
    const bool outage = !r && r.error().code != Error::Code::NotFound && r.error().code != Error::Code::Conflict && !m_db.ping();
    if (outage && QDateTime::currentMSecsSinceEpoch() < deadlineMs) {
        // The database is restarting: the caller hears the line open a moment later, not a hang-up.
        if (QObject *worker = m_thread.worker()) {
            QTimer::singleShot(250, worker, [this, key, ctx, done, deadlineMs] {
                m_lookups.start([this, key, ctx, done, deadlineMs] { findWithRetry(key, ctx, done, deadlineMs); });
            });
        }
        return;
    }
    QMetaObject::invokeMethod(ctx, [done, r] { done(r); }, Qt::QueuedConnection);
}

void StorageCallRecorder::callAnswered(qint64 callId, const QString &, const QString &callSid, qint64 atMs)
{
    enqueue({callId, QStringLiteral("answered"), [callId, callSid, atMs, nodeId = m_nodeId](QSqlDatabase &db) -> Status {
                 Storage::CallRepository calls(db);
                 if (!nodeId.isEmpty()) { // the session runs here: this node owns the call now
                     QSqlQuery q(db);
                     q.prepare(QStringLiteral("UPDATE calls SET node_id = ? WHERE id = ?"));
                     q.addBindValue(nodeId);
                     q.addBindValue(callId);
                     if (!q.exec())
                         return Storage::sqlError(QStringLiteral("cannot record the call's node"), q.lastError());
                 }
                 if (!callSid.isEmpty()) {
                     auto row = calls.get(callId);
                     if (!row)
                         return row.error();
                     if (row->providerSid.isEmpty())
                         if (Status s = calls.setProviderSid(callId, callSid, atMs); !s) // e.g. the sid is already another row's
                             qCWarning(lcConversation) << "call" << callId << "cannot store its call sid:" << s.error().message;
                 }
                 return calls.updateStatus(callId, Storage::statusName(Storage::CallStatus::InProgress), atMs, atMs);
             }});
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

bool StorageCallRecorder::writeTurns()
{
    QList<Storage::TurnRow> batch;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_turns);
    }
    if (batch.isEmpty())
        return true;
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
        if (!m_outage) // once per outage, not every 200 ms
            qCWarning(lcConversation) << "cannot write" << batch.size() << "turns, will retry:" << s.error().message;
        m_outage = true;
        QMutexLocker lock(&m_mutex);
        m_turns = batch + m_turns; // keep order; insert is idempotent per (call, idx)
        return false;
    }
    if (m_outage)
        qCInfo(lcConversation) << "the database is back: buffered call writes are being stored";
    m_outage = false;
    return true;
}

void StorageCallRecorder::addDnc(const QString &phoneE164, const QString &source)
{
    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    enqueue({0, QStringLiteral("DNC entry"), [phoneE164, source, at](QSqlDatabase &db) {
                 return Storage::LeadRepository(db).addDnc(phoneE164, source, at);
             }});
}

void StorageCallRecorder::finishCall(qint64 callId, const Storage::CallOutcome &outcome, const QString &status, qint64 endedAtMs)
{
    // Queued behind the call's turns and retried until the database takes it.
    enqueue({callId, QStringLiteral("outcome"), [callId, outcome, status, endedAtMs, settler = m_settler](QSqlDatabase &db) -> Status {
                 Storage::CallRepository calls(db);
                 // Settled before without an outcome (recovery gave up on it): this late outcome corrects it.
                 bool lateOutcome = false;
                 if (settler) {
                     // Write first: takes the row (PostgreSQL) or writer (SQLite) lock before reading.
                     QSqlQuery q(db);
                     q.prepare(QStringLiteral("UPDATE calls SET updated_at = updated_at WHERE id = ?"));
                     q.addBindValue(callId);
                     if (!q.exec())
                         return Storage::sqlError(QStringLiteral("cannot lock the call"), q.lastError());
                     q.prepare(QStringLiteral("SELECT settled_at, outcome FROM calls WHERE id = ?"));
                     q.addBindValue(callId);
                     if (!q.exec())
                         return Storage::sqlError(QStringLiteral("cannot read the call"), q.lastError());
                     lateOutcome = q.next() && !q.value(0).isNull() && q.value(1).toString().isEmpty();
                 }
                 if (Status s = calls.setOutcome(callId, outcome, endedAtMs); !s)
                     return s;
                 if (Status s = calls.updateStatus(callId, status, endedAtMs, 0, endedAtMs); !s)
                     return s;
                 if (settler) {
                     auto settled = settler(db, callId, lateOutcome);
                     if (!settled)
                         return settled.error();
                 }
                 return okStatus();
             }});
}

} // namespace Leadline::Conversation
