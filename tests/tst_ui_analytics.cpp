// Analytics: the engine's per-hour / talk-time / latency / overall queries against a
// hand-counted seeded history on SQLite and PostgreSQL, the AnalyticsSnapshot the ConsoleBackend
// builds from them (funnel, cost per qualified lead), the AnalyticsView's charts and its CSV and
// PNG exports.
#include "fakes/callhistoryseed.h"
#include "fakes/testdatabase.h"
#include "storage/analyticsqueries.h"
#include "ui/analytics/analyticsview.h"
#include "ui/backend/consolebackend.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPieSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Ui;

class tst_UiAnalytics : public QObject
{
    Q_OBJECT
private slots:
    void queries_data() { Testing::addBackendRows(); }
    void queries();
    void snapshotChartsAndExports();
};

static constexpr qint64 kIst = 330 * 60000; // UTC+05:30

void tst_UiAnalytics::queries()
{
    QFETCH(QString, backend);
    LEADLINE_SEED_HISTORY(t, backend);
    Storage::AnalyticsQueries q(t.conn());

    // Per hour of the day (IST): 10h 1/1, 11h 2/1, 12h 1/0, 13h 2/2; not_placed is not a call.
    auto hourly = q.callsPerHour(t.seed.alpha, kIst);
    QVERIFY2(hourly, hourly ? "" : qPrintable(hourly.error().message));
    QList<qint64> calls(24, 0), connects(24, 0);
    calls[10] = 1; connects[10] = 1;
    calls[11] = 2; connects[11] = 1;
    calls[12] = 1;
    calls[13] = 2; connects[13] = 2;
    QCOMPARE(hourly->calls, calls);
    QCOMPARE(hourly->connects, connects);
    // Every campaign, in UTC: Beta adds 04h (10:00 IST, connected) and 09h (15:00 IST, failed).
    auto hourlyUtc = q.callsPerHour(0, 0);
    QVERIFY(hourlyUtc);
    QCOMPARE(hourlyUtc->calls[4], qint64(2));
    QCOMPARE(hourlyUtc->connects[4], qint64(2));
    QCOMPARE(hourlyUtc->calls[9], qint64(1));
    qint64 total = 0;
    for (qint64 n : hourlyUtc->calls)
        total += n;
    QCOMPARE(total, qint64(8));

    // Talk time: 40 s, 95 s, 200 s, 700 s in Alpha.
    auto talk = q.talkTimeHistogram(t.seed.alpha, ConsoleBackend::talkTimeBounds());
    QVERIFY(talk);
    QCOMPARE(talk.value(), (QList<qint64>{0, 1, 1, 0, 1, 0, 1}));
    auto talkAll = q.talkTimeHistogram(0, {60});
    QVERIFY(talkAll);
    QCOMPARE(talkAll.value(), (QList<qint64>{2, 3})); // 30 s and 40 s; 95, 200, 700

    // Latency: two buckets, at 10:00 and 13:00 IST (3 h apart, 4-minute buckets for 48 points).
    auto lat = q.latencyOverTime(t.seed.alpha, 48);
    QVERIFY2(lat, lat ? "" : qPrintable(lat.error().message));
    QCOMPARE(lat->size(), 2);
    QCOMPARE(lat->at(0).at, Testing::SeededHistory::kT0);
    QCOMPARE(lat->at(0).sttMs, 200.0);
    QCOMPARE(lat->at(0).llmMs, 500.0);
    QCOMPARE(lat->at(0).ttsMs, 250.0);
    QCOMPARE(lat->at(0).replyMs, 800.0); // 700 and 900
    QCOMPARE(lat->at(0).turns, qint64(5));
    QCOMPARE(lat->at(1).at, Testing::SeededHistory::kT0 + 3 * Testing::SeededHistory::kHour);
    QCOMPARE(lat->at(1).llmMs, 800.0);
    QCOMPARE(lat->at(1).sttMs, 300.0);
    auto latBeta = q.latencyOverTime(t.seed.beta, 48);
    QVERIFY(latBeta);
    QVERIFY(latBeta->isEmpty());

    // Overall vs one campaign (same SQL, no filter).
    auto a = q.campaign(t.seed.alpha);
    auto all = q.overall();
    QVERIFY(a && all);
    QCOMPARE(a->callsPlaced, qint64(6));
    QCOMPARE(a->callsConnected, qint64(4));
    QCOMPARE(a->qualifiedLeads, qint64(2));
    QCOMPARE(a->talkTimeTotalS, qint64(1035));
    QCOMPARE(a->billableMinutes, qint64(19));
    QCOMPARE(a->replies, qint64(2)); // reply latency: nearest rank of 700, 900
    QCOMPARE(a->replyP50Ms, 700.0);
    QCOMPARE(a->replyP90Ms, 900.0);
    QCOMPARE(a->avgReplyMs, 800.0);
    QCOMPARE(all->callsPlaced, qint64(8));
    QCOMPARE(all->callsConnected, qint64(5));
    QCOMPARE(all->qualifiedLeads, qint64(3));
    QCOMPARE(all->outcomes.value(QStringLiteral("interested")), qint64(3));
    QCOMPARE(all->leadsTotal, qint64(8));
    QVERIFY(!q.campaign(0)); // a campaign id is required there

    // Cost: ₹1/started minute telephony + ₹1 per talk minute (0.5 + 0.25 + 0.25).
    const Storage::CostEstimate cost = Storage::CostEstimate::of(a->billableMinutes, a->talkTimeTotalS, a->qualifiedLeads,
                                                                 Storage::CostPrices{1.0, 0.5, 0.25, 0.25});
    QCOMPARE(cost.telephony, 19.0);
    QCOMPARE(cost.total, 36.25);
    QCOMPARE(cost.perQualifiedLead, 18.125);
}

void tst_UiAnalytics::snapshotChartsAndExports()
{
    LEADLINE_SEED_HISTORY(t, QStringLiteral("sqlite"));
    ConsoleBackendOptions options;
    options.prices = Storage::CostPrices{1.0, 0.5, 0.25, 0.25};
    ConsoleBackendHost host(*t.service, *t.db, options);

    AnalyticsView view(host);
    view.resize(1100, 1000);
    QSignalSpy shown(&view, &AnalyticsView::snapshotShown);
    view.setCampaign(t.seed.alpha);
    QCOMPARE(shown.count(), 0); // hidden: no query
    view.show(); // showing refreshes
    QVERIFY(QTest::qWaitFor([&] { return shown.count() == 1; }, 5000));
    const AnalyticsSnapshot &s = view.snapshot();
    QCOMPARE(s.campaignId, t.seed.alpha);
    QCOMPARE(s.timezone, QStringLiteral("Asia/Kolkata"));
    QCOMPARE(s.hourly.calls[13], qint64(2));
    QCOMPARE(s.talkCounts, (QList<qint64>{0, 1, 1, 0, 1, 0, 1}));
    QCOMPARE(s.summary.qualifiedLeads, qint64(2));
    QVERIFY(s.pricesConfigured);
    QCOMPARE(s.cost.total, 36.25);

    // The charts draw those numbers.
    auto *pie = qobject_cast<QPieSeries *>(view.outcomesView()->chart()->series().value(0));
    QVERIFY(pie);
    QCOMPARE(pie->count(), 3);
    QCOMPARE(pie->sum(), 4.0);
    auto *funnel = qobject_cast<QBarSeries *>(view.funnelView()->chart()->series().value(0));
    QVERIFY(funnel);
    QCOMPARE(funnel->barSets().value(0)->at(0), 6.0);
    QCOMPARE(funnel->barSets().value(0)->at(1), 4.0);
    QCOMPARE(funnel->barSets().value(0)->at(2), 2.0);
    auto *hourly = qobject_cast<QBarSeries *>(view.hourlyView()->chart()->series().value(0));
    QVERIFY(hourly);
    QCOMPARE(hourly->barSets().size(), 2);
    // Bars for 09..20 h: 11 h is the third.
    QCOMPARE(hourly->barSets().at(0)->count(), 12);
    QCOMPARE(hourly->barSets().at(0)->at(2), 2.0);
    QCOMPARE(hourly->barSets().at(1)->at(2), 1.0);
    QCOMPARE(view.latencyView()->chart()->series().size(), 4); // the stages and the reply at the caller
    auto *reply = qobject_cast<QLineSeries *>(view.latencyView()->chart()->series().at(3));
    QVERIFY(reply);
    QCOMPARE(reply->at(0).y(), 800.0);
    auto *llm = qobject_cast<QLineSeries *>(view.latencyView()->chart()->series().at(1));
    QVERIFY(llm);
    QCOMPARE(llm->count(), 2);
    QCOMPARE(llm->at(1).y(), 800.0);
    QVERIFY(view.latencyNote()->text().isEmpty());
    QVERIFY2(view.figuresLabel()->text().contains(QStringLiteral("\u20b918.13")), qPrintable(view.figuresLabel()->text()));
    QVERIFY2(view.figuresLabel()->text().contains(QStringLiteral("p50 700 ms, p90 900 ms")), qPrintable(view.figuresLabel()->text()));

    // CSV: the numbers behind the charts.
    const QString csv = AnalyticsView::toCsv(s);
    const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("chart,category,series,value"));
    for (const char *line : {"outcomes,interested,calls,2", "outcomes,not_interested,calls,1", "outcomes,callback,calls,1",
                             "funnel,dialled,calls,6", "funnel,connected,calls,4", "funnel,qualified,leads,2",
                             "per_hour,11:00,calls,2", "per_hour,11:00,connects,1", "per_hour,13:00,connects,2",
                             "per_hour,03:00,calls,0", "talk_time,30-60s,calls,1", "talk_time,600s+,calls,1",
                             "talk_time,0-30s,calls,0", "latency_ms,2025-11-20T04:30:00Z,llm,500",
                             "latency_ms,2025-11-20T07:30:00Z,stt,300", "cost_inr,total,estimate,36.25",
                             "cost_inr,per_qualified_lead,estimate,18.13", "talk_time_s,total,seconds,1035",
                             "latency_ms,2025-11-20T04:30:00Z,reply,800", "reply_latency_ms,p50,ms,700", "reply_latency_ms,p90,ms,900"})
        QVERIFY2(lines.contains(QLatin1String(line)), line);
    QCOMPARE(lines.filter(QStringLiteral("per_hour,")).size(), 48);
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("a.csv"));
    QVERIFY(view.exportCsv(csvPath));
    QFile f(csvPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), csv);

    // For a human look at the dashboard (saved beside the test binary).
    QTest::qWait(100);
    view.grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/ui_analytics.png"));

    // PNG: a grab of the chart views.
    const QString pngPath = dir.filePath(QStringLiteral("a.png"));
    QVERIFY(view.exportPng(pngPath));
    QImage png(pngPath);
    QVERIFY(!png.isNull());
    QVERIFY(png.width() >= 640 && png.height() >= 480);

    // Every campaign: Beta's figures join in; refreshed on the timer while visible.
    view.setAllCampaigns(true);
    QVERIFY(QTest::qWaitFor([&] { return shown.count() == 2; }, 5000));
    QCOMPARE(view.snapshot().campaignId, qint64(0));
    QCOMPARE(view.snapshot().summary.callsPlaced, qint64(8));
    QVERIFY(AnalyticsView::toCsv(view.snapshot()).contains(QStringLiteral("funnel,qualified,leads,3\n")));
    view.setRefreshInterval(50);
    QVERIFY(QTest::qWaitFor([&] { return shown.count() >= 4; }, 5000));
    view.hide();
    QTest::qWait(200);
    const int afterHide = int(shown.count());
    QTest::qWait(300);
    QCOMPARE(int(shown.count()), afterHide); // no refresh while hidden
}

QTEST_MAIN(tst_UiAnalytics)
#include "tst_ui_analytics.moc"
