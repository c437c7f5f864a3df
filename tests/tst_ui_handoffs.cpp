// Handoffs tab (offscreen): HandoffsView over ConsoleBackend::fetchHandoffs shows who was handed
// to whom, when, and whether the agent answered, newest first, for the sidebar's campaign or for
// every campaign; its texts follow the console language (English and Hindi).
#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "storage/callrepository.h"
#include "handoff/handoffrepository.h"
#include "ui/backend/consolebackend.h"
#include "ui/common/languagemanager.h"
#include "ui/handoffs/handoffsview.h"

#include <QBuffer>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Ui;

class tst_UiHandoffs : public QObject
{
    Q_OBJECT
private slots:
    void showsWhoWasHandedToWhom();
};

static bool hasDevanagari(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() >= 0x0900 && c.unicode() <= 0x097F)
            return true;
    return false;
}

// One lead with a call in `campaign`, handed to `agentId` (0: nobody free) at `atMs`.
static QString seedHandoff(const Testing::TestDatabase &t, Campaigns::CampaignService &service, qint64 campaign,
                           const QString &name, const QString &phone, qint64 agentId, const QString &status, qint64 atMs)
{
    QByteArray csv = "name,phone\n" + name.toUtf8() + ',' + phone.toUtf8() + '\n';
    QBuffer buf(&csv);
    buf.open(QIODevice::ReadOnly);
    auto report = service.importCsv(campaign, buf);
    if (!report || report->accepted != 1)
        return QStringLiteral("import of ") + name;
    QSqlQuery q(t.conn());
    q.prepare(QStringLiteral("SELECT MAX(id) FROM leads WHERE campaign_id = ?"));
    q.addBindValue(campaign);
    if (!q.exec() || !q.next())
        return QStringLiteral("lead");
    Storage::CallRow call;
    call.leadId = q.value(0).toLongLong();
    call.campaignId = campaign;
    call.status = QStringLiteral("completed");
    auto c = Storage::CallRepository(t.conn()).create(call, atMs);
    if (!c)
        return c.error().message;
    Handoff::HandoffRepository repo(t.conn());
    Handoff::HandoffRow h;
    h.callId = c->id;
    h.leadId = call.leadId;
    h.campaignId = campaign;
    h.agentId = agentId;
    h.requestedAt = atMs;
    h.status = agentId > 0 ? QStringLiteral("pending") : QStringLiteral("failed");
    h.summary = QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("phone"), QString(QStringLiteral("+91") + phone)}};
    auto inserted = repo.insertHandoff(h, atMs);
    if (!inserted)
        return inserted.error().message;
    if (status == QLatin1String("answered") || status == QLatin1String("not_answered")) {
        auto done = repo.finishHandoff(c->id, status == QLatin1String("answered"), atMs + 120000);
        if (!done || !done.value())
            return QStringLiteral("finish");
    }
    return {};
}

static QStringList rowTexts(const QTableWidget *table, int row)
{
    QStringList out;
    for (int c = 0; c < table->columnCount(); ++c)
        out << (table->item(row, c) ? table->item(row, c)->text() : QString());
    return out;
}

void tst_UiHandoffs::showsWhoWasHandedToWhom()
{
    Testing::TestDatabase t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock;
    Campaigns::CampaignService service(*t.db, clock);
    auto hot = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Hot leads")}});
    auto other = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Other")}});
    QVERIFY(hot && other);
    Handoff::HandoffRepository repo(t.conn());
    Handoff::SalesAgentRow priya;
    priya.name = QStringLiteral("Priya Sharma");
    priya.phoneE164 = QStringLiteral("+919800000001");
    Handoff::SalesAgentRow rahul;
    rahul.name = QStringLiteral("Rahul Verma");
    rahul.phoneE164 = QStringLiteral("+919800000002");
    auto p = repo.createAgent(priya, 1);
    auto r = repo.createAgent(rahul, 1);
    QVERIFY(p && r);
    const qint64 t0 = clock.nowMs();
    for (const QString &err : {seedHandoff(t, service, hot->id, QStringLiteral("Aarav Sharma"), QStringLiteral("9876543210"), p->id,
                                           QStringLiteral("answered"), t0),
                               seedHandoff(t, service, hot->id, QStringLiteral("Meera Iyer"), QStringLiteral("9876543211"), r->id,
                                           QStringLiteral("not_answered"), t0 + 60000),
                               seedHandoff(t, service, hot->id, QStringLiteral("Kavya Nair"), QStringLiteral("9876543212"), 0,
                                           QStringLiteral("failed"), t0 + 120000),
                               seedHandoff(t, service, other->id, QStringLiteral("Dev Patel"), QStringLiteral("9876543213"), p->id,
                                           QStringLiteral("pending"), t0 + 180000)})
        QVERIFY2(err.isEmpty(), qPrintable(err));

    ConsoleBackendHost host(service, *t.db);
    HandoffsView view(host);
    view.setRefreshInterval(60000); // refreshes in this test are explicit
    QSignalSpy shown(&view, &HandoffsView::snapshotShown);
    view.resize(1000, 400);
    view.show(); // no campaign yet: nothing to ask for
    QCOMPARE(view.table()->rowCount(), 0);
    QVERIFY(!view.isRefreshing());
    view.setCampaign(hot->id); // visible: asks at once
    QVERIFY(shown.wait(10000));

    QTableWidget *table = view.table();
    QCOMPARE(table->rowCount(), 3);
    // Newest first: nobody free, then Rahul (did not answer), then Priya (answered).
    const QStringList kavya = rowTexts(table, 0);
    QCOMPARE(kavya.at(HandoffsView::LeadColumn), QStringLiteral("Kavya Nair"));
    QCOMPARE(kavya.at(HandoffsView::PhoneColumn), QStringLiteral("+919876543212"));
    QCOMPARE(kavya.at(HandoffsView::AgentColumn), QStringLiteral("Nobody (no agent free)"));
    QCOMPARE(kavya.at(HandoffsView::StatusColumn), QStringLiteral("No agent free: callback scheduled"));
    QCOMPARE(kavya.at(HandoffsView::AnsweredColumn), QStringLiteral("\u2014"));
    const QStringList meera = rowTexts(table, 1);
    QCOMPARE(meera.at(HandoffsView::LeadColumn), QStringLiteral("Meera Iyer"));
    QCOMPARE(meera.at(HandoffsView::AgentColumn), QStringLiteral("Rahul Verma"));
    QCOMPARE(meera.at(HandoffsView::StatusColumn), QStringLiteral("Agent did not answer: callback scheduled"));
    QCOMPARE(meera.at(HandoffsView::AnsweredColumn), QStringLiteral("No"));
    const QStringList aarav = rowTexts(table, 2);
    QCOMPARE(aarav.at(HandoffsView::AgentColumn), QStringLiteral("Priya Sharma"));
    QCOMPARE(aarav.at(HandoffsView::StatusColumn), QStringLiteral("Agent answered"));
    QCOMPARE(aarav.at(HandoffsView::AnsweredColumn), QStringLiteral("Yes"));
    // When: the request time, in the console's locale.
    QCOMPARE(aarav.at(HandoffsView::WhenColumn),
             QLocale().toString(QDateTime::fromMSecsSinceEpoch(t0).toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(table->item(2, HandoffsView::WhenColumn)->data(Qt::UserRole).toLongLong(),
             repo.handoffs(hot->id).value().last().callId);
    QCOMPARE(view.summaryLabel()->text(), QStringLiteral("Handoffs: 3, answered by the agent: 1 of 2"));

    // Every campaign: Dev's handoff in the other campaign too, still waiting.
    view.scopeCombo()->setCurrentIndex(1);
    QVERIFY(shown.wait(10000));
    QCOMPARE(view.scopeCampaignId(), qint64(0));
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(rowTexts(table, 0).at(HandoffsView::LeadColumn), QStringLiteral("Dev Patel"));
    QCOMPARE(rowTexts(table, 0).at(HandoffsView::StatusColumn), QStringLiteral("Waiting to connect"));

    // Hindi: headers, states and the answer column are translated; names stay as they are.
    LanguageManager languages;
    QVERIFY(languages.apply(QStringLiteral("hi")));
    QTRY_VERIFY(hasDevanagari(table->horizontalHeaderItem(0)->text())); // LanguageChange is posted
    for (int c = 0; c < table->columnCount(); ++c)
        QVERIFY2(hasDevanagari(table->horizontalHeaderItem(c)->text()), qPrintable(table->horizontalHeaderItem(c)->text()));
    QCOMPARE(rowTexts(table, 2).at(HandoffsView::StatusColumn), QStringLiteral("एजेंट ने कॉल नहीं उठाई: कॉलबैक तय है"));
    QCOMPARE(rowTexts(table, 2).at(HandoffsView::AnsweredColumn), QStringLiteral("नहीं"));
    QCOMPARE(rowTexts(table, 2).at(HandoffsView::AgentColumn), QStringLiteral("Rahul Verma"));
    QVERIFY(hasDevanagari(view.summaryLabel()->text()));
    QVERIFY(hasDevanagari(HandoffsView::statusLabel(QStringLiteral("connecting"))));
    QVERIFY(languages.apply(QStringLiteral("en")));
    QTRY_COMPARE(table->horizontalHeaderItem(HandoffsView::AgentColumn)->text(), QStringLiteral("Handed to"));
    QCOMPARE(rowTexts(table, 2).at(HandoffsView::AnsweredColumn), QStringLiteral("No"));
    QCOMPARE(HandoffsView::statusLabel(QStringLiteral("some_new_state")), QStringLiteral("some_new_state"));
}

QTEST_MAIN(tst_UiHandoffs)
#include "tst_ui_handoffs.moc"
