// The console's live calls (offscreen): the LiveCallsFeed folding synthetic EventHub JSON into
// batches (aggregation, batching under a burst, ended calls, missing fields, malformed JSON,
// campaign-finished and rate-limited provider notices), the LiveCallsModel applying batches as
// ranges (rows, masking, state text), and the LiveCallsView (transcript chat, hang-up).
#include "ui/live/livecallsfeed.h"
#include "ui/live/livecallsmodel.h"
#include "ui/live/livecallsview.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTextBrowser>
#include <QThread>
#include <QtTest>

using namespace Leadline::Ui;

namespace {

QByteArray makeEvent(const QString &type, QJsonObject fields)
{
    fields.insert(QStringLiteral("type"), type);
    if (!fields.contains(QStringLiteral("at")))
        fields.insert(QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

QByteArray started(qint64 id, const QString &name, qint64 campaign = 7, const QString &phone = QStringLiteral("+9198•••••210"))
{
    return makeEvent(QStringLiteral("call.started"), {{QStringLiteral("call_id"), id},
                                                  {QStringLiteral("campaign_id"), campaign},
                                                  {QStringLiteral("lead_id"), id * 10},
                                                  {QStringLiteral("lead_name"), name},
                                                  {QStringLiteral("phone"), phone},
                                                  {QStringLiteral("attempt"), 1}});
}

QByteArray activity(qint64 id, const QString &state, const QString &speaker = {}, const QString &text = {})
{
    return makeEvent(QStringLiteral("call.activity"), {{QStringLiteral("call_id"), id},
                                                   {QStringLiteral("state"), state},
                                                   {QStringLiteral("speaker"), speaker},
                                                   {QStringLiteral("text"), text}});
}

QByteArray turn(qint64 id, int n, const QString &speaker, const QString &text, int latencyMs = -1)
{
    QJsonObject o{{QStringLiteral("call_id"), id}, {QStringLiteral("turn"), n}, {QStringLiteral("speaker"), speaker},
                  {QStringLiteral("text"), text}, {QStringLiteral("language"), QStringLiteral("en")}};
    if (latencyMs >= 0)
        o.insert(QStringLiteral("latency_ms"), latencyMs);
    return makeEvent(QStringLiteral("call.turn"), o);
}

QByteArray ended(qint64 id)
{
    return makeEvent(QStringLiteral("call.ended"), {{QStringLiteral("call_id"), id}, {QStringLiteral("status"), QStringLiteral("completed")}});
}

QByteArray progress(qint64 campaign, const QString &status, int pending, int active)
{
    return makeEvent(QStringLiteral("campaign.progress"), {{QStringLiteral("campaign_id"), campaign},
                                                       {QStringLiteral("status"), status},
                                                       {QStringLiteral("leads_total"), 10},
                                                       {QStringLiteral("leads_done"), 10 - pending},
                                                       {QStringLiteral("leads_pending"), pending},
                                                       {QStringLiteral("calls_active"), active}});
}

// Runs the feed synchronously: ingest everything, flush once, return the batch (if any).
struct FeedProbe
{
    LiveCallsFeed feed;
    QList<LiveCallsBatch> batches;
    FeedProbe()
    {
        QObject::connect(&feed, &LiveCallsFeed::batchReady, &feed, [this](const LiveCallsBatch &b) { batches << b; });
    }
    void push(std::initializer_list<QByteArray> events)
    {
        for (const QByteArray &e : events)
            feed.ingest(e);
        feed.flush();
    }
};

// Stands in for Server::EventHub: the same signal.
class FakeEventSource : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void published(const QByteArray &json);
};

} // namespace

class tst_UiLiveCalls : public QObject
{
    Q_OBJECT
private slots:
    void feedAggregatesEventsIntoSnapshots();
    void feedRemovesEndedCallsAndIgnoresStragglers();
    void feedToleratesMissingFieldsAndUnknownTypes();
    void feedIgnoresMalformedJson();
    void feedKeepsLastTurns();
    void feedBatchesABurstFromAnotherThread();
    void feedNotifiesCampaignFinishedOnce();
    void feedRateLimitsProviderErrors();
    void maskPhone_data();
    void maskPhone();
    void modelAppliesBatchesAsRanges();
    void modelStateAndUtteranceTexts();
    void viewShowsTranscriptWithLatencies();
    void viewHangUpAsksAndEmitsSelectedCall();
    void viewScrollsOnlyWhenTheSupervisorMoves();
};

void tst_UiLiveCalls::feedAggregatesEventsIntoSnapshots()
{
    FeedProbe p;
    p.push({started(1, QStringLiteral("Asha Rao")), started(2, QStringLiteral("Vikram Singh"), 8),
            makeEvent(QStringLiteral("call.answered"), {{QStringLiteral("call_id"), 1}, {QStringLiteral("campaign_id"), 7}}),
            activity(1, QStringLiteral("speaking"), QStringLiteral("agent"), QStringLiteral("Namaste Asha ji")),
            turn(1, 1, QStringLiteral("agent"), QStringLiteral("Namaste Asha ji"), 640),
            activity(1, QStringLiteral("listening"))});
    QCOMPARE(p.batches.size(), 1);
    const LiveCallsBatch &b = p.batches.first();
    QCOMPARE(b.activeCalls, 2);
    QCOMPARE(b.changed.size(), 2);
    QCOMPARE(b.changed.at(0).callId, qint64(1)); // in call order
    QCOMPARE(b.changed.at(1).callId, qint64(2));
    QCOMPARE(b.eventsSeen, quint64(6));
    const LiveCall *c = p.feed.call(1);
    QVERIFY(c);
    QCOMPARE(c->leadName, QStringLiteral("Asha Rao"));
    QCOMPARE(c->campaignId, qint64(7));
    QCOMPARE(c->leadId, qint64(10));
    QCOMPARE(c->attempt, 1);
    QVERIFY(c->answered);
    QCOMPARE(c->state, QStringLiteral("listening"));
    QCOMPARE(c->lastText, QStringLiteral("Namaste Asha ji"));
    QCOMPARE(c->lastSpeaker, QStringLiteral("agent"));
    QCOMPARE(c->turns.size(), 1);
    QCOMPARE(c->turns.first().latencyMs, 640);
    QCOMPARE(p.feed.call(2)->state, QStringLiteral("dialling"));
    QVERIFY(!p.feed.call(2)->answered);
    for (const LiveCall &v : b.changed)
        QCOMPARE(v.state, p.feed.call(v.callId)->state); // the batch carries the latest value

    // A console that missed call.started learns the lead from call.answered.
    p.push({makeEvent(QStringLiteral("call.answered"), {{QStringLiteral("call_id"), 3}, {QStringLiteral("campaign_id"), 7},
                                                        {QStringLiteral("lead_name"), QStringLiteral("Nisha")},
                                                        {QStringLiteral("phone"), QStringLiteral("+91 98XXX XX123")}})});
    QCOMPARE(p.batches.size(), 2);
    QCOMPARE(p.feed.call(3)->leadName, QStringLiteral("Nisha"));
    QCOMPARE(p.feed.call(3)->state, QStringLiteral("listening"));
    QCOMPARE(LiveCallsModel::maskPhone(p.feed.call(3)->phone), QStringLiteral("+91 98XXX XX123"));
    p.batches.removeLast();

    // The duration counts from call.started's own time (a console opened mid-call), unless absurd.
    const QString ninetySecondsAgo = QDateTime::currentDateTimeUtc().addSecs(-90).toString(Qt::ISODateWithMs);
    p.push({makeEvent(QStringLiteral("call.started"), {{QStringLiteral("call_id"), 4}, {QStringLiteral("at"), ninetySecondsAgo}}),
            makeEvent(QStringLiteral("call.started"), {{QStringLiteral("call_id"), 5}, {QStringLiteral("at"), QStringLiteral("1999-01-01T00:00:00Z")}}),
            makeEvent(QStringLiteral("call.started"), {{QStringLiteral("call_id"), 6}, {QStringLiteral("at"), QStringLiteral("soon")}})});
    LiveCallsModel durations;
    durations.applyBatch(p.batches.last());
    const auto duration = [&](qint64 id) { return durations.index(durations.rowOf(id), LiveCallsModel::Duration).data().toString(); };
    QVERIFY2(duration(4) == QStringLiteral("1:30") || duration(4) == QStringLiteral("1:31"), qPrintable(duration(4)));
    QCOMPARE(duration(5), QStringLiteral("0:00"));
    QCOMPARE(duration(6), QStringLiteral("0:00"));
    p.batches.removeLast();

    // Nothing new: no batch.
    p.feed.flush();
    QCOMPARE(p.batches.size(), 1);
    // Only the call that changed travels.
    p.push({activity(2, QStringLiteral("thinking"))});
    QCOMPARE(p.batches.size(), 2);
    QCOMPARE(p.batches.last().changed.size(), 1);
    QCOMPARE(p.batches.last().changed.first().callId, qint64(2));
}

void tst_UiLiveCalls::feedRemovesEndedCallsAndIgnoresStragglers()
{
    FeedProbe p;
    p.push({started(1, QStringLiteral("A")), started(2, QStringLiteral("B")), started(3, QStringLiteral("C"))});
    p.push({ended(1), activity(2, QStringLiteral("ended"))});
    QCOMPARE(p.batches.size(), 2);
    QList<qint64> removed = p.batches.last().removed;
    std::sort(removed.begin(), removed.end());
    QCOMPARE(removed, (QList<qint64>{1, 2}));
    QCOMPARE(p.batches.last().activeCalls, 1);
    QVERIFY(p.batches.last().changed.isEmpty());
    // Late activity of an ended call does not bring it back; a new call.started does.
    p.push({activity(1, QStringLiteral("speaking"), QStringLiteral("agent"), QStringLiteral("late")),
            turn(2, 4, QStringLiteral("caller"), QStringLiteral("late too"))});
    QCOMPARE(p.feed.activeCalls(), 1);
    QCOMPARE(p.batches.size(), 2);
    // Started and ended within one interval: removed only, nothing to insert.
    p.push({started(9, QStringLiteral("Brief")), ended(9)});
    QCOMPARE(p.feed.activeCalls(), 1);
    QVERIFY(p.batches.last().changed.isEmpty());
    p.push({started(1, QStringLiteral("A again"))});
    QCOMPARE(p.feed.activeCalls(), 2);
    QCOMPARE(p.feed.call(1)->leadName, QStringLiteral("A again"));
}

void tst_UiLiveCalls::feedToleratesMissingFieldsAndUnknownTypes()
{
    FeedProbe p;
    // Activity for a call the console never saw start (the engine of today sends only these).
    p.push({R"({"type":"call.activity","call_id":"41"})", R"({"type":"call.turn","call_id":41,"text":"Hello?"})",
            R"({"type":"call.turn","call_id":41,"speaker":"agent","text":"Hi","latency_ms":"fast"})",
            R"({"type":"call.started"})", R"({"type":"call.answered","call_id":-3})",
            R"({"type":"lead.updated","lead_id":5})", R"({"call_id":12,"state":"speaking"})",
            R"({"type":"campaign.progress"})", R"({"type":"provider.error"})"});
    QCOMPARE(p.batches.size(), 1);
    QCOMPARE(p.feed.activeCalls(), 1);
    const LiveCall *c = p.feed.call(41);
    QVERIFY(c);
    QVERIFY(c->leadName.isEmpty());
    QCOMPARE(c->state, QStringLiteral("listening")); // talking, so answered: no longer "dialling"
    QCOMPARE(c->turns.size(), 2);
    QCOMPARE(c->turns.at(0).turn, 1);
    QCOMPARE(c->turns.at(1).turn, 2);
    QCOMPARE(c->turns.at(1).latencyMs, -1);
    QCOMPARE(c->lastText, QStringLiteral("Hi"));
    // A provider.error without a provider still makes one notice.
    QCOMPARE(p.batches.first().notices.size(), 1);

    LiveCallsModel model;
    model.applyBatch(p.batches.first());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, LiveCallsModel::Lead).data().toString(), QStringLiteral("Call 41"));
    QCOMPARE(model.index(0, LiveCallsModel::State).data().toString(), QStringLiteral("Listening"));
    QVERIFY(model.index(0, LiveCallsModel::Phone).data().toString().isEmpty());
}

void tst_UiLiveCalls::feedIgnoresMalformedJson()
{
    FeedProbe p;
    p.push({"", "{", "not json", "[1,2,3]", R"({"type":"call.started","call_id":1)", "\xff\xfe"});
    QCOMPARE(p.batches.size(), 0);
    QCOMPARE(p.feed.activeCalls(), 0);
    p.push({"{", started(5, QStringLiteral("After garbage"))});
    QCOMPARE(p.batches.size(), 1);
    QCOMPARE(p.feed.activeCalls(), 1);
}

void tst_UiLiveCalls::feedKeepsLastTurns()
{
    FeedProbe p;
    p.feed.maxTurns = 5;
    p.feed.ingest(started(1, QStringLiteral("Long talker")));
    for (int i = 1; i <= 12; ++i)
        p.feed.ingest(turn(1, i, i % 2 ? QStringLiteral("agent") : QStringLiteral("caller"), QStringLiteral("turn %1").arg(i)));
    p.feed.flush();
    const LiveCall *c = p.feed.call(1);
    QCOMPARE(c->turns.size(), 5);
    QCOMPARE(c->turns.first().turn, 8);
    QCOMPARE(c->turns.last().text, QStringLiteral("turn 12"));
}

void tst_UiLiveCalls::feedBatchesABurstFromAnotherThread()
{
    FakeEventSource source;
    LiveCallsFeedHost host(&source);
    QCOMPARE(host.thread()->objectName(), QStringLiteral("leadline-live"));
    int batches = 0;
    quint64 events = 0;
    QSet<qint64> live;
    QObject receiver;
    QObject::connect(host.feed(), &LiveCallsFeed::batchReady, &receiver, [&](const LiveCallsBatch &b) {
        QCOMPARE(QThread::currentThread(), qApp->thread()); // delivered to the GUI thread
        ++batches;
        events += b.eventsSeen;
        for (const LiveCall &c : b.changed)
            live.insert(c.callId);
        for (qint64 id : b.removed)
            live.remove(id);
    });

    // 200 calls, 25 events each, published from a worker thread like the engine does.
    constexpr int Calls = 200, PerCall = 25;
    QElapsedTimer timer;
    timer.start();
    QThread *producer = QThread::create([&source] {
        for (int id = 1; id <= Calls; ++id)
            emit source.published(started(id, QStringLiteral("Lead %1").arg(id)));
        for (int k = 0; k < PerCall - 2; ++k)
            for (int id = 1; id <= Calls; ++id)
                emit source.published(activity(id, k % 2 ? QStringLiteral("speaking") : QStringLiteral("listening"),
                                               QStringLiteral("agent"), QStringLiteral("utterance %1").arg(k)));
        for (int id = 1; id <= Calls; id += 2)
            emit source.published(ended(id));
    });
    producer->start();
    QVERIFY(producer->wait(20000));
    delete producer;
    const quint64 expected = quint64(Calls) + quint64(Calls) * (PerCall - 2) + Calls / 2;
    QVERIFY2(QTest::qWaitFor([&] { return events == expected; }, 10000), qPrintable(QString::number(events)));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(live.size(), Calls / 2);
    // At most one batch per flush interval (100 ms), plus the first and the last.
    QVERIFY2(batches <= elapsed / 100 + 2, qPrintable(QStringLiteral("%1 batches for %2 events in %3 ms")
                                                          .arg(batches).arg(expected).arg(elapsed)));
    QVERIFY(batches >= 1);
}

void tst_UiLiveCalls::feedNotifiesCampaignFinishedOnce()
{
    FeedProbe p;
    // An old, finished campaign seen at start-up stays quiet.
    p.push({progress(3, QStringLiteral("done"), 0, 0)});
    QVERIFY(p.batches.last().notices.isEmpty());
    QCOMPARE(p.batches.last().campaigns.size(), 1);
    // Running with work left, then drained: one notice.
    p.push({progress(7, QStringLiteral("running"), 5, 2), progress(7, QStringLiteral("running"), 1, 1)});
    QVERIFY(p.batches.last().notices.isEmpty());
    QCOMPARE(p.batches.last().campaigns.size(), 1);
    QCOMPARE(p.batches.last().campaigns.first().leadsPending, qint64(1)); // the latest per campaign
    p.push({progress(7, QStringLiteral("running"), 0, 0), progress(7, QStringLiteral("running"), 0, 0),
            progress(7, QStringLiteral("done"), 0, 0)});
    QCOMPARE(p.batches.last().notices.size(), 1);
    QCOMPARE(p.batches.last().notices.first().kind, LiveNotice::CampaignFinished);
    QCOMPARE(p.batches.last().notices.first().campaignId, qint64(7));
    // A paused campaign with nothing in flight is not "finished".
    p.push({progress(8, QStringLiteral("running"), 4, 1), progress(8, QStringLiteral("paused"), 4, 0)});
    QVERIFY(p.batches.last().notices.isEmpty());
    // An explicit final status after running (done: the only final campaign status, campaignstatus.h).
    p.push({progress(8, QStringLiteral("running"), 4, 1), progress(8, QStringLiteral("done"), 2, 0)});
    QCOMPARE(p.batches.last().notices.size(), 1);
    QCOMPARE(p.batches.last().notices.first().campaignId, qint64(8));
}

void tst_UiLiveCalls::feedRateLimitsProviderErrors()
{
    FeedProbe p;
    auto err = [](const QString &provider, const QString &message) {
        return makeEvent(QStringLiteral("provider.error"), {{QStringLiteral("call_id"), 12},
                                                        {QStringLiteral("provider"), provider},
                                                        {QStringLiteral("message"), message}});
    };
    p.push({err(QStringLiteral("deepgram"), QStringLiteral("HTTP 429")), err(QStringLiteral("deepgram"), QStringLiteral("HTTP 429")),
            err(QStringLiteral("openai"), QStringLiteral("timeout"))});
    QCOMPARE(p.batches.last().notices.size(), 2);
    QCOMPARE(p.batches.last().notices.at(0).provider, QStringLiteral("deepgram"));
    QCOMPARE(p.batches.last().notices.at(0).message, QStringLiteral("HTTP 429"));
    QCOMPARE(p.batches.last().notices.at(0).callId, qint64(12));
    QCOMPARE(p.batches.last().notices.at(1).provider, QStringLiteral("openai"));
    p.push({err(QStringLiteral("deepgram"), QStringLiteral("again"))});
    QCOMPARE(p.batches.size(), 1); // within the minute: nothing at all
    p.feed.providerNoticeIntervalMs = 0;
    p.push({err(QStringLiteral("deepgram"), QStringLiteral("after the interval"))});
    QCOMPARE(p.batches.size(), 2);
    QCOMPARE(p.batches.last().notices.size(), 1);
}

void tst_UiLiveCalls::maskPhone_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("masked");
    QTest::newRow("E.164 India") << QStringLiteral("+919876543210") << QStringLiteral("+9198•••••210");
    QTest::newRow("10 digits") << QStringLiteral("9876543210") << QStringLiteral("98•••••210");
    QTest::newRow("separators kept") << QStringLiteral("+91 98765 43210") << QStringLiteral("+91 98••• ••210");
    QTest::newRow("already masked by the engine") << QStringLiteral("+91******3210") << QStringLiteral("+91******3210");
    QTest::newRow("bullets") << QStringLiteral("+9198•••••210") << QStringLiteral("+9198•••••210");
    QTest::newRow("short") << QStringLiteral("12345") << QStringLiteral("•••45");
    QTest::newRow("empty") << QString() << QString();
}

void tst_UiLiveCalls::maskPhone()
{
    QFETCH(QString, phone);
    QFETCH(QString, masked);
    QCOMPARE(LiveCallsModel::maskPhone(phone), masked);
}

void tst_UiLiveCalls::modelAppliesBatchesAsRanges()
{
    LiveCallsModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    auto call = [](qint64 id, const QString &state) {
        LiveCall c;
        c.callId = id;
        c.campaignId = 7;
        c.leadName = QStringLiteral("Lead %1").arg(id);
        c.phone = QStringLiteral("+91987654%1").arg(id, 4, 10, QLatin1Char('0'));
        c.state = state;
        c.firstSeenMs = QDateTime::currentMSecsSinceEpoch() - 65000;
        return c;
    };
    LiveCallsBatch first;
    for (int id = 1; id <= 6; ++id)
        first.changed << call(id, QStringLiteral("listening"));
    model.applyBatch(first);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(inserted.count(), 1); // one insertion for the whole batch
    QCOMPARE(model.index(0, LiveCallsModel::Phone).data().toString(), QStringLiteral("+9198•••••001"));
    QCOMPARE(model.index(0, LiveCallsModel::Duration).data().toString(), QStringLiteral("1:05"));
    QCOMPARE(model.activeCalls(7), 6);

    const auto ids = [&model] {
        QList<qint64> out;
        for (int r = 0; r < model.rowCount(); ++r)
            out << model.index(r, 0).data(LiveCallsModel::CallIdRole).toLongLong();
        return out;
    };

    // Steady load: as many calls start as end. The new calls take the ended calls' rows;
    // nothing is inserted or removed, and only those rows (and the changed one) are reported.
    LiveCallsBatch steady;
    steady.removed = {2, 5};
    steady.changed << call(21, QStringLiteral("dialling")) << call(3, QStringLiteral("thinking")) << call(22, QStringLiteral("dialling"));
    changed.clear();
    model.applyBatch(steady);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(ids(), (QList<qint64>{1, 21, 3, 4, 22, 6}));
    QCOMPARE(changed.count(), 2); // rows 1-2 and row 4
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 2);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 4);
    QCOMPARE(model.rowOf(22), 4);
    QCOMPARE(model.rowOf(2), -1);
    QCOMPARE(model.index(1, LiveCallsModel::Lead).data().toString(), QStringLiteral("Lead 21"));

    // Rows 1, 2 and 4 (ids 21, 3, 22) end; id 4 changes; id 9 is new; id 99 (never shown) ends.
    // Id 9 takes row 1; rows 2 and 4 go, as two ranges.
    LiveCallsBatch second;
    second.removed = {22, 21, 3, 99};
    second.changed << call(4, QStringLiteral("speaking")) << call(9, QStringLiteral("dialling"));
    changed.clear();
    model.applyBatch(second);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 2); // row 1 (id 9) and row 3 (id 4), before the removals
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(ids(), (QList<qint64>{1, 9, 4, 6}));
    QCOMPARE(model.rowOf(9), 1);
    QCOMPARE(model.rowOf(6), 3);

    // More calls start than end: the rest are appended in one insertion.
    LiveCallsBatch third;
    third.removed = {1};
    third.changed << call(31, QStringLiteral("dialling")) << call(32, QStringLiteral("dialling")) << call(33, QStringLiteral("dialling"));
    model.applyBatch(third);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(ids(), (QList<qint64>{31, 9, 4, 6, 32, 33}));
    QCOMPARE(model.rowOf(33), 5);
    QCOMPARE(model.rowOf(1), -1);
    QCOMPARE(model.index(model.rowOf(4), LiveCallsModel::State).data().toString(), QStringLiteral("Speaking"));
    QCOMPARE(model.index(model.rowOf(4), LiveCallsModel::State).data(LiveCallsModel::StateCodeRole).toString(),
             QStringLiteral("speaking"));

    // The duration ticks with one signal over one column.
    changed.clear();
    model.tick(QDateTime::currentMSecsSinceEpoch() + 60000);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().column(), int(LiveCallsModel::Duration));
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 5);
    QCOMPARE(model.index(1, LiveCallsModel::Duration).data().toString(), QStringLiteral("2:05"));
    QCOMPARE(reset.count(), 0);

    // A call that ends and comes back in the same batch is found where it now is.
    LiveCallsBatch back;
    back.removed = {31, 9};
    back.changed << call(9, QStringLiteral("ringing"));
    model.applyBatch(back);
    QCOMPARE(ids(), (QList<qint64>{9, 4, 6, 32, 33}));
    QCOMPARE(model.rowOf(9), 0);
    QCOMPARE(model.rowOf(31), -1);
    QCOMPARE(model.rowOf(33), 4);
    QCOMPARE(model.index(0, LiveCallsModel::State).data(LiveCallsModel::StateCodeRole).toString(), QStringLiteral("ringing"));
}

void tst_UiLiveCalls::modelStateAndUtteranceTexts()
{
    QCOMPARE(LiveCallsModel::stateText(QStringLiteral("listening")), QStringLiteral("Listening"));
    QCOMPARE(LiveCallsModel::stateText(QStringLiteral("thinking")), QStringLiteral("Thinking"));
    QCOMPARE(LiveCallsModel::stateText(QStringLiteral("speaking")), QStringLiteral("Speaking"));
    QCOMPARE(LiveCallsModel::stateText(QStringLiteral("on_hold")), QStringLiteral("on_hold"));
    QCOMPARE(LiveCallsModel::durationText(3725), QStringLiteral("1:02:05"));
    QCOMPARE(LiveCallsModel::durationText(-4), QStringLiteral("0:00"));

    FeedProbe p;
    p.push({started(1, QStringLiteral("Asha")), activity(1, QStringLiteral("listening"), QStringLiteral("caller"), QStringLiteral("Haan, boliye")),
            started(2, QStringLiteral("Ravi")), activity(2, QStringLiteral("thinking"), QStringLiteral("agent"), QStringLiteral("One moment"))});
    LiveCallsModel model;
    model.applyBatch(p.batches.first());
    const int asha = model.rowOf(1), ravi = model.rowOf(2);
    QCOMPARE(model.index(asha, LiveCallsModel::LastUtterance).data().toString(), QStringLiteral("Caller: Haan, boliye"));
    QCOMPARE(model.index(asha, LiveCallsModel::LastUtterance).data(Qt::ToolTipRole).toString(), QStringLiteral("Haan, boliye"));
    QCOMPARE(model.index(ravi, LiveCallsModel::LastUtterance).data().toString(), QStringLiteral("Agent: One moment"));
    QCOMPARE(model.index(ravi, LiveCallsModel::State).data().toString(), QStringLiteral("Thinking"));
    QCOMPARE(model.index(ravi, LiveCallsModel::Phone).data().toString(), QStringLiteral("+9198•••••210"));
    QCOMPARE(model.headerData(LiveCallsModel::LastUtterance, Qt::Horizontal).toString(), QStringLiteral("Last utterance"));
}

void tst_UiLiveCalls::viewShowsTranscriptWithLatencies()
{
    LiveCallsModel model;
    LiveCallsView view(model);
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.table()->isVisible()); // the empty state first
    FeedProbe p;
    p.push({started(5, QStringLiteral("Meera Iyer"), 7, QStringLiteral("+919812345678")),
            turn(5, 1, QStringLiteral("agent"), QStringLiteral("Namaste Meera ji, Leadline se baat kar rahi hoon."), 820),
            turn(5, 2, QStringLiteral("caller"), QStringLiteral("Haan, bataiye <b>kya</b> hai?")),
            started(6, QStringLiteral("Other"))});
    model.applyBatch(p.batches.last());
    QVERIFY(view.table()->isVisible());
    view.selectCall(5);
    QCOMPARE(view.selectedCallId(), qint64(5));
    QString text = view.transcript()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Namaste Meera ji")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Agent \u00b7 820 ms")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Haan, bataiye <b>kya</b> hai?")), qPrintable(text)); // escaped, not markup
    QVERIFY(text.contains(QStringLiteral("Caller")));
    QVERIFY(text.indexOf(QStringLiteral("Namaste")) < text.indexOf(QStringLiteral("bataiye")));
    QVERIFY2(view.callTitle()->text().contains(QStringLiteral("+9198•••••678")), qPrintable(view.callTitle()->text()));

    // A new turn of the selected call shows up; a turn of another call does not.
    p.push({turn(5, 3, QStringLiteral("agent"), QStringLiteral("Aap 2BHK dekh rahe hain?"), 910),
            turn(6, 1, QStringLiteral("agent"), QStringLiteral("Unrelated call"), 100)});
    model.applyBatch(p.batches.last());
    text = view.transcript()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("910 ms")) && text.contains(QStringLiteral("2BHK")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("Unrelated")));
    // Only the new turn was appended: every turn once, in order.
    QCOMPARE(text.count(QStringLiteral("Namaste Meera ji")), 1);
    QCOMPARE(text.count(QStringLiteral("2BHK")), 1);
    QVERIFY(text.indexOf(QStringLiteral("bataiye")) < text.indexOf(QStringLiteral("2BHK")));
    // An update without new turns (state only) adds nothing.
    p.push({turn(6, 2, QStringLiteral("caller"), QStringLiteral("Other call"))});
    model.applyBatch(p.batches.last());
    QCOMPARE(view.transcript()->toPlainText(), text);
    // Re-selecting the call lays the whole chat out again, each turn once.
    view.selectCall(6);
    view.selectCall(5);
    text = view.transcript()->toPlainText();
    QCOMPARE(text.count(QStringLiteral("Namaste Meera ji")), 1);
    QCOMPARE(text.count(QStringLiteral("2BHK")), 1);

    // The call ends: its transcript stays, marked as ended; nothing else gets selected.
    p.push({ended(5)});
    model.applyBatch(p.batches.last());
    QCOMPARE(model.rowCount(), 1);
    QVERIFY2(view.callTitle()->text().contains(QStringLiteral("Call ended")), qPrintable(view.callTitle()->text()));
    QVERIFY(view.transcript()->toPlainText().contains(QStringLiteral("2BHK")));
    QVERIFY(!view.hangUpButton()->isEnabled());
    QVERIFY(!view.table()->currentIndex().isValid());

    // The selected call ends while a new call takes its row: the chat stays with the ended
    // call; the new call is not selected and its turns do not join the chat.
    view.selectCall(6);
    QCOMPARE(view.selectedCallId(), qint64(6));
    const int row = model.rowOf(6);
    p.push({ended(6), started(7, QStringLiteral("Newcomer")), turn(7, 1, QStringLiteral("agent"), QStringLiteral("Hello newcomer"), 300)});
    model.applyBatch(p.batches.last());
    QCOMPARE(model.rowOf(7), row); // the same row, a different call
    QCOMPARE(model.rowCount(), 1);
    QVERIFY2(view.callTitle()->text().contains(QStringLiteral("Call ended")), qPrintable(view.callTitle()->text()));
    QVERIFY2(view.callTitle()->text().contains(QStringLiteral("Other")), qPrintable(view.callTitle()->text()));
    QVERIFY(!view.transcript()->toPlainText().contains(QStringLiteral("newcomer")));
    QVERIFY(!view.table()->currentIndex().isValid());
    QVERIFY(!view.hangUpButton()->isEnabled());
    QSignalSpy hangUps(&view, &LiveCallsView::hangUpRequested);
    view.confirm = [](const QString &, const QString &) { return true; };
    view.hangUpSelected(); // nothing to hang up: the ended call is not the new one
    QCOMPARE(hangUps.count(), 0);
}

void tst_UiLiveCalls::viewHangUpAsksAndEmitsSelectedCall()
{
    LiveCallsModel model;
    LiveCallsView view(model);
    view.show();
    FeedProbe p;
    p.push({started(11, QStringLiteral("Kiran")), started(12, QStringLiteral("Sunil")), started(13, QStringLiteral("Farah"))});
    model.applyBatch(p.batches.last());
    QSignalSpy hangUps(&view, &LiveCallsView::hangUpRequested);
    QStringList asked;
    bool answer = false;
    view.confirm = [&](const QString &, const QString &text) {
        asked << text;
        return answer;
    };
    QVERIFY(!view.hangUpButton()->isEnabled()); // nothing selected
    view.selectCall(12);
    QVERIFY(view.hangUpButton()->isEnabled());
    QVERIFY(view.hangUpAction()->isEnabled());
    view.hangUpButton()->click();
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.first().contains(QStringLiteral("Sunil")));
    QCOMPARE(hangUps.count(), 0); // declined
    answer = true;
    view.hangUpAction()->trigger(); // the context menu's action
    QCOMPARE(hangUps.count(), 1);
    QCOMPARE(hangUps.first().first().toLongLong(), qint64(12));
    // Rows move underneath (call 11 ends): the selection follows call 12.
    p.push({ended(11)});
    model.applyBatch(p.batches.last());
    QCOMPARE(view.selectedCallId(), qint64(12));
    view.hangUpButton()->click();
    QCOMPARE(hangUps.count(), 2);
    QCOMPARE(hangUps.last().first().toLongLong(), qint64(12));
    // Without the engine hook the action is off.
    view.setHangUpAvailable(false);
    QVERIFY(!view.hangUpButton()->isEnabled());
    view.hangUpSelected();
    QCOMPARE(hangUps.count(), 2);
}

void tst_UiLiveCalls::viewScrollsOnlyWhenTheSupervisorMoves()
{
    LiveCallsModel model;
    LiveCallsView view(model);
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    FeedProbe p;
    for (int id = 1; id <= 400; ++id) // enough rows below that the scroll range never clamps
        p.feed.ingest(started(id, QStringLiteral("Lead %1").arg(id)));
    p.feed.flush();
    model.applyBatch(p.batches.last());
    QScrollBar *bar = view.table()->verticalScrollBar();
    QCOMPARE(bar->value(), 0);
    // Choosing a call far down brings it into view.
    view.selectCall(150);
    QVERIFY(bar->value() > 100);
    // Calls above it end (nothing replaces them): the selection follows call 150 to its new row.
    for (int id = 1; id <= 20; ++id)
        p.feed.ingest(ended(id));
    p.feed.flush();
    model.applyBatch(p.batches.last());
    QCOMPARE(view.selectedCallId(), qint64(150));
    QCOMPARE(view.table()->currentIndex().row(), model.rowOf(150));
    // Then it ends with the 50 calls before it: Qt moves the current row to a neighbour, which
    // must not scroll the table (every scroll is an X server round trip, and with hundreds of
    // live calls rows go all the time). The chat stays with the ended call.
    const int before = bar->value();
    for (int id = 100; id <= 150; ++id)
        p.feed.ingest(ended(id));
    p.feed.flush();
    model.applyBatch(p.batches.last());
    QCOMPARE(bar->value(), before);
    QVERIFY(view.callTitle()->text().contains(QStringLiteral("Call ended")));
    QVERIFY(!view.table()->currentIndex().isValid());
    // The keyboard still scrolls: choosing a call and moving up brings the new row into view.
    view.selectCall(160);
    view.table()->setFocus();
    QTest::keyClick(view.table(), Qt::Key_Up);
    QCOMPARE(view.selectedCallId(), qint64(159));
    QVERIFY2(bar->value() <= model.rowOf(159), qPrintable(QString::number(bar->value())));
}

QTEST_MAIN(tst_UiLiveCalls)
#include "tst_ui_livecalls.moc"
