// LeadsModel + LeadsFilterProxy over a temporary SQLite database with a few thousand leads:
// fetchMore pages through the ConsoleBackend thread (keyset pages, canFetchMore false at the
// end, one request in flight, stale answers dropped) and the proxy filters by status and text.
#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "ui/backend/consolebackend.h"
#include "ui/leads/leadsfilterproxy.h"
#include "ui/leads/leadsmodel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Ui;

static constexpr int kLeads = 3000;

class tst_UiLeadsModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pagesUntilTheEnd();
    void oneRequestInFlight();
    void staleAnswersIgnored();
    void viewFetchesLazily();
    void filterByStatusAndText();
    void refreshUpdatesRowsInPlace();

private:
    void loadAll(LeadsModel &model);

    Testing::TestDatabase m_t;
    Testing::FakeClock m_clock;
    std::unique_ptr<Campaigns::CampaignService> m_service;
    std::unique_ptr<ConsoleBackendHost> m_host;
    qint64 m_big = 0;
    qint64 m_small = 0;
};

void tst_UiLeadsModel::initTestCase()
{
    m_t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(m_t.error.isEmpty(), qPrintable(m_t.error));
    m_service = std::make_unique<Campaigns::CampaignService>(*m_t.db, m_clock);
    auto big = m_service->create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Big")}});
    auto small = m_service->create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Small")}});
    QVERIFY(big && small);
    m_big = big->id;
    m_small = small->id;

    QByteArray csv("name,phone,city\n");
    for (int i = 0; i < kLeads; ++i)
        csv += QStringLiteral("Lead %1,98%2,%3\n")
                   .arg(i, 5, 10, QLatin1Char('0'))
                   .arg(10000000 + i)
                   .arg(i % 2 ? QStringLiteral("Pune") : QStringLiteral("Bengaluru"))
                   .toUtf8();
    QBuffer buf(&csv);
    buf.open(QIODevice::ReadOnly);
    auto report = m_service->importCsv(m_big, buf);
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    QCOMPARE(report->accepted, kLeads);

    QByteArray few("name,phone\nA,9811100001\nB,9811100002\nC,9811100003\n");
    QBuffer fewBuf(&few);
    fewBuf.open(QIODevice::ReadOnly);
    QCOMPARE(m_service->importCsv(m_small, fewBuf)->accepted, 3);

    // Every tenth lead completed (the lead was interested), so the status filter has something to separate.
    QSqlQuery q(m_t.conn());
    QVERIFY(q.exec(QStringLiteral("UPDATE leads SET status = 'completed', last_outcome = 'interested' WHERE campaign_id = %1 AND id % 10 = 0").arg(m_big)));
    m_host = std::make_unique<ConsoleBackendHost>(*m_service, *m_t.db);
}

void tst_UiLeadsModel::loadAll(LeadsModel &model)
{
    for (int guard = 0; guard < 100 && model.canFetchMore({}); ++guard) {
        const int before = model.rowCount();
        model.fetchMore({});
        QVERIFY2(QTest::qWaitFor([&] { return !model.isLoading(); }, 5000), "page did not arrive");
        QVERIFY(model.rowCount() > before || model.atEnd());
    }
}

void tst_UiLeadsModel::pagesUntilTheEnd()
{
    LeadsModel model(*m_host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &LeadsModel::pageLoaded);
    model.setPageSize(500);
    QVERIFY(!model.canFetchMore({})); // no campaign yet
    model.setCampaign(m_big);
    QVERIFY(model.isLoading());
    QCOMPARE(model.rowCount(), 0); // nothing synchronous: the page comes from the backend thread
    QVERIFY(QTest::qWaitFor([&] { return model.rowCount() == 500; }, 5000));
    QCOMPARE(model.totalCount(), qint64(kLeads));
    QVERIFY(model.canFetchMore({}));
    loadAll(model);
    QCOMPARE(model.rowCount(), kLeads);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(pages.count(), kLeads / 500);
    // Keyset order: ids ascending, CSV lines ascending, no row twice.
    qint64 lastId = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const qint64 id = model.index(r, 0).data(LeadsModel::LeadIdRole).toLongLong();
        QVERIFY2(id > lastId, qPrintable(QStringLiteral("row %1").arg(r)));
        lastId = id;
    }
    QCOMPARE(model.index(0, LeadsModel::Name).data().toString(), QStringLiteral("Lead 00000"));
    QCOMPARE(model.index(kLeads - 1, LeadsModel::Phone).data().toString(), QStringLiteral("+919810002999"));
    QCOMPARE(model.index(kLeads - 1, LeadsModel::Line).data().toInt(), kLeads + 1);
    // At the end, fetchMore is a no-op.
    model.fetchMore({});
    QVERIFY(!model.isLoading());
}

void tst_UiLeadsModel::oneRequestInFlight()
{
    LeadsModel model(*m_host);
    model.setPageSize(700);
    model.setCampaign(m_big);
    model.fetchMore({}); // the first page is already requested: these must not add requests
    model.fetchMore({});
    QVERIFY(QTest::qWaitFor([&] { return !model.isLoading(); }, 5000));
    QTest::qWait(100);
    QCOMPARE(model.rowCount(), 700);
}

void tst_UiLeadsModel::staleAnswersIgnored()
{
    LeadsModel model(*m_host);
    model.setCampaign(m_big);
    model.setCampaign(m_small); // the Big page is still in flight and must be dropped
    QVERIFY(QTest::qWaitFor([&] { return !model.isLoading(); }, 5000));
    QTest::qWait(100);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.index(0, LeadsModel::Name).data().toString(), QStringLiteral("A"));
}

void tst_UiLeadsModel::viewFetchesLazily()
{
    LeadsModel model(*m_host);
    model.setPageSize(100);
    LeadsFilterProxy proxy;
    proxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&proxy);
    view.resize(600, 400);
    view.show();
    model.setCampaign(m_big);
    QVERIFY(QTest::qWaitFor([&] { return model.rowCount() >= 100 && !model.isLoading(); }, 5000));
    QTest::qWait(200);
    const int shown = model.rowCount();
    QVERIFY2(shown < kLeads, "the view must not load everything up front");
    view.scrollToBottom(); // reaching the end of the scroll range asks for the next page
    QVERIFY(QTest::qWaitFor([&] { return model.rowCount() > shown; }, 5000));
}

void tst_UiLeadsModel::filterByStatusAndText()
{
    LeadsModel model(*m_host);
    model.setCampaign(m_big);
    QVERIFY(QTest::qWaitFor([&] { return !model.isLoading(); }, 5000));
    loadAll(model);
    QCOMPARE(model.rowCount(), kLeads);
    QCOMPARE(model.statusCodes(), (QStringList{QStringLiteral("completed"), QStringLiteral("pending")}));

    LeadsFilterProxy proxy;
    proxy.setSourceModel(&model);
    QCOMPARE(proxy.rowCount(), kLeads);
    proxy.setStatusFilter(QStringLiteral("completed"));
    QCOMPARE(proxy.rowCount(), kLeads / 10);
    for (int r = 0; r < proxy.rowCount(); ++r)
        QCOMPARE(proxy.index(r, 0).data(LeadsModel::StatusCodeRole).toString(), QStringLiteral("completed"));
    // Codes are shown as words: the status and the last result.
    QCOMPARE(proxy.index(0, LeadsModel::Status).data().toString(), QStringLiteral("Completed"));
    QCOMPARE(proxy.index(0, LeadsModel::LastOutcome).data().toString(), QStringLiteral("Interested"));
    proxy.setStatusFilter(QString());
    proxy.setTextFilter(QStringLiteral("lead 0004"));   // name, case-insensitive: Lead 00040..00049
    QCOMPARE(proxy.rowCount(), 10);
    proxy.setTextFilter(QStringLiteral("pune"));       // city
    QCOMPARE(proxy.rowCount(), kLeads / 2);
    proxy.setTextFilter(QStringLiteral("+91981000000")); // phone prefix: 9810000000..9810000009
    QCOMPARE(proxy.rowCount(), 10);
    proxy.setStatusFilter(QStringLiteral("completed"));
    QCOMPARE(proxy.rowCount(), 1);                      // only id%10==0 among them
    proxy.setTextFilter(QStringLiteral("no such lead"));
    QCOMPARE(proxy.rowCount(), 0);

    // Sorting goes through the proxy too.
    proxy.setStatusFilter(QString());
    proxy.setTextFilter(QString());
    proxy.sort(LeadsModel::Line, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, LeadsModel::Line).data().toInt(), kLeads + 1);
}

void tst_UiLeadsModel::refreshUpdatesRowsInPlace()
{
    LeadsModel model(*m_host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCampaign(m_small);
    QVERIFY(QTest::qWaitFor([&] { return !model.isLoading(); }, 5000));
    QCOMPARE(model.rowCount(), 3);
    const qint64 second = model.index(1, 0).data(LeadsModel::LeadIdRole).toLongLong();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy statuses(&model, &LeadsModel::statusCodesChanged);

    // The dialer calls the second lead; it ends with a callback.
    QSqlQuery q(m_t.conn());
    QVERIFY(q.exec(QStringLiteral("UPDATE leads SET status = 'callback', attempts = 1, last_outcome = 'callback' WHERE id = %1").arg(second)));
    model.refreshRows({0, 1, 2, 7}); // a row that does not exist is ignored
    QVERIFY(model.isRefreshing());
    model.refreshRows({0}); // one refresh at a time
    QVERIFY(QTest::qWaitFor([&] { return !model.isRefreshing(); }, 5000));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(changed.count(), 1); // only the row that changed
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(model.index(1, LeadsModel::Status).data().toString(), QStringLiteral("Callback scheduled"));
    QCOMPARE(model.index(1, LeadsModel::LastOutcome).data().toString(), QStringLiteral("Callback"));
    QCOMPARE(model.index(1, LeadsModel::Attempts).data().toInt(), 1);
    QCOMPARE(model.index(0, LeadsModel::Status).data().toString(), QStringLiteral("Pending"));
    QCOMPARE(statuses.count(), 1);
    QVERIFY(model.statusCodes().contains(QStringLiteral("callback")));
}

QTEST_MAIN(tst_UiLeadsModel)
#include "tst_ui_leadsmodel.moc"
