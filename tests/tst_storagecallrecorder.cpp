// StorageCallRecorder: an answered call's lookup never waits behind other calls' writes. On
// PostgreSQL another connection holds a lock on the row the recorder writes (a busy database);
// a lookup posted after that write must still answer at once (it runs on its own thread and
// connection), and the write lands when the lock goes.
#include "conversation/storagecallrecorder.h"
#include "fakes/testdatabase.h"

#include <QSqlQuery>
#include <QtTest>
#include <optional>

using namespace Leadline;

class tst_StorageCallRecorder : public QObject
{
    Q_OBJECT
private slots:
    void lookupDoesNotWaitBehindWrites();
};

void tst_StorageCallRecorder::lookupDoesNotWaitBehindWrites()
{
    Testing::TestDatabase t = Testing::openTestDatabase(QStringLiteral("postgres"));
    if (!t.skipReason.isEmpty())
        QSKIP(qPrintable(t.skipReason));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Storage::Database &db = *t.db;
    QSqlQuery q(t.conn());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO campaigns (name, created_at, updated_at) VALUES ('c', 0, 0)")));
    for (int i = 1; i <= 2; ++i) {
        QVERIFY(q.exec(QStringLiteral("INSERT INTO leads (campaign_id, name, phone_e164, status, attempts, created_at) "
                                      "VALUES (1, 'L%1', '+91900000000%1', 'calling', 1, 0)").arg(i)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO calls (lead_id, campaign_id, correlation_token, status, created_at, updated_at) "
                                      "VALUES (%1, 1, 'tok%1', 'dialing', 0, 0)").arg(i)));
    }

    Conversation::StorageCallRecorder recorder(db);
    // Another process holds call 1's row: the recorder's write to it waits.
    Storage::Database other(db.config());
    auto blocker = other.connection().value();
    QSqlQuery lock(blocker);
    QVERIFY(lock.exec(QStringLiteral("BEGIN")));
    QVERIFY(lock.exec(QStringLiteral("SELECT id FROM calls WHERE id = 1 FOR UPDATE")));
    recorder.callAnswered(1, QStringLiteral("stream1"), QStringLiteral("sid1"), 1000);
    // The write has started and waits for the lock (PostgreSQL says so).
    auto waitingForLock = [&t] {
        QSqlQuery w(t.conn());
        return w.exec(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))
               && w.next() && w.value(0).toInt() > 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(waitingForLock(), 5000);

    QObject context;
    std::optional<Result<Conversation::CallContext>> looked;
    Conversation::CallKey key;
    key.token = QStringLiteral("tok2");
    recorder.lookup(key, &context, [&looked](Result<Conversation::CallContext> r) { looked = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(looked.has_value(), 3000);
    QVERIFY2(looked->ok(), looked->ok() ? "" : qPrintable(looked->error().message));
    QCOMPARE(looked->value().callId, qint64(2));
    QCOMPARE(looked->value().leadName, QStringLiteral("L2"));
    QVERIFY(recorder.pendingWrites() > 0); // the write is still held up

    // The lock goes: the held write lands.
    QVERIFY(lock.exec(QStringLiteral("COMMIT")));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.pendingWrites(), 0, 15000);
    recorder.flush();
    QVERIFY(q.exec(QStringLiteral("SELECT status, provider_sid FROM calls WHERE id = 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("in-progress"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("sid1"));
}

QTEST_GUILESS_MAIN(tst_StorageCallRecorder)
#include "tst_storagecallrecorder.moc"
