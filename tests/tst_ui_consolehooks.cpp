// The console's engine hooks end to end (offscreen, SQLite): ConsoleApp built with a fake event
// source and recording hooks. The welcome panel and "Run demo campaign" call runDemo; Start and
// Pause go through CampaignControl: the status is stored, then the dialer is woken or told to
// pause (a recording DialerControl); events published from
// another thread reach the Live calls tab, the status bar and the sidebar; "Hang up" calls
// hangUpCall with the selected call's id; a finished campaign becomes a notification.
#include "campaigns/campaigncontrol.h"
#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "ui/campaigns/campaignsmodel.h"
#include "ui/common/languagemanager.h"
#include "ui/consoleapp.h"
#include "ui/leads/leadsmodel.h"
#include "ui/live/livecallsmodel.h"
#include "ui/live/livecallsview.h"
#include "ui/live/welcomepanel.h"
#include "ui/tray/traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMutex>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTemporaryDir>
#include <QThread>
#include <QTreeView>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Ui;

namespace {

class FakeEventSource : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void published(const QByteArray &json);
};

// The dialer as CampaignControl sees it; called on the console's backend thread.
class RecordingDialer : public Campaigns::DialerControl
{
public:
    void wake() override
    {
        QMutexLocker lock(&m_mutex);
        ++m_wakes;
    }
    void pauseCampaign(qint64 campaignId) override
    {
        QMutexLocker lock(&m_mutex);
        m_paused.append(campaignId);
    }
    int wakes() const
    {
        QMutexLocker lock(&m_mutex);
        return m_wakes;
    }
    QList<qint64> paused() const
    {
        QMutexLocker lock(&m_mutex);
        return m_paused;
    }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_wakes = 0;
        m_paused.clear();
    }

private:
    mutable QMutex m_mutex;
    int m_wakes = 0;
    QList<qint64> m_paused;
};

QByteArray makeEvent(const QString &type, QJsonObject fields)
{
    fields.insert(QStringLiteral("type"), type);
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

// Clicks "Yes" on the next modal message box (the start/pause confirmation).
void acceptNextMessageBox()
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            box->button(QMessageBox::Yes)->click();
        }
    });
    timer->start();
}

} // namespace

class tst_UiConsoleHooks : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void welcomePanelRunsTheDemo();
    void startAndPauseReachTheDialer();
    void liveEventsReachTheWindowAndHangUpCallsTheHook();
    void finishedCampaignNotifies();
    void leadsFollowTheRunningCampaign();
    void withoutHooksActionsAreDisabled();

private:
    ConsoleApp &startApp(bool withHooks = true);
    void grab(QWidget *w, const QString &name);

    Testing::TestDatabase m_t;
    Testing::FakeClock m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<Campaigns::CampaignService> m_service;
    FakeEventSource m_source;
    RecordingDialer m_dialer; // before m_app: the console's backend points at it
    std::unique_ptr<ConsoleApp> m_app;
    QList<qint64> m_hungUp;
    int m_demos = 0;
};

void tst_UiConsoleHooks::initTestCase()
{
    m_t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(m_t.error.isEmpty(), qPrintable(m_t.error));
    m_service = std::make_unique<Campaigns::CampaignService>(*m_t.db, m_clock);
}

// Screenshots for a look by eye: <build>/tests/screenshots.
void tst_UiConsoleHooks::grab(QWidget *w, const QString &name)
{
    const QString dir = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("screenshots"));
    QVERIFY(QDir().mkpath(dir));
    QCoreApplication::processEvents();
    QTest::qWait(30);
    QVERIFY(w->grab().save(QDir(dir).filePath(name + QLatin1String(".png"))));
}

ConsoleApp &tst_UiConsoleHooks::startApp(bool withHooks)
{
    m_app.reset();
    ConsoleHooks hooks;
    hooks.eventSource = &m_source;
    if (withHooks) {
        hooks.hangUpCall = [this](qint64 id) { m_hungUp << id; };
        hooks.runDemo = [this] { ++m_demos; };
    }
    ConsoleBackendOptions backendOptions;
    backendOptions.dialer = &m_dialer;
    m_app = std::make_unique<ConsoleApp>(*m_service, *m_t.db,
                                         ConsoleInfo{8000, m_t.db->config().describe(), QStringLiteral("offline"),
                                                     m_dir.filePath(QStringLiteral("leadline.conf"))},
                                         m_dir.filePath(QStringLiteral("console.ini")), std::move(hooks), backendOptions);
    m_app->window().resize(1200, 700);
    m_app->show();
    return *m_app;
}

void tst_UiConsoleHooks::welcomePanelRunsTheDemo()
{
    ConsoleApp &app = startApp();
    MainWindow &w = app.window();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // No campaigns yet: the welcome panel replaces the tabs.
    QVERIFY(QTest::qWaitFor([&] { return w.welcomePanel()->isVisible(); }, 5000));
    QVERIFY(!w.tabs()->isVisible());
    QVERIFY(w.welcomePanel()->demoButton()->isVisible());
    grab(&w, QStringLiteral("welcome-en"));
    QVERIFY(app.languages().apply(QStringLiteral("hi")));
    QTRY_VERIFY(w.welcomePanel()->demoButton()->text().contains(QChar(0x0921))); // डेमो
    grab(&w, QStringLiteral("welcome-hi"));
    QVERIFY(app.languages().apply(QStringLiteral("en")));
    w.welcomePanel()->demoButton()->click();
    QCOMPARE(m_demos, 1);
    QVERIFY(w.runDemoAction()->isEnabled());
    w.runDemoAction()->trigger();
    QCOMPARE(m_demos, 2);

    // A campaign appears (the demo made one): the tabs come back on the next refresh.
    QVERIFY(m_service->create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Demo")}}));
    QVERIFY(QTest::qWaitFor([&] { return w.tabs()->isVisible(); }, 8000)); // the demo action refreshes at 1 s
    QVERIFY(!w.welcomePanel()->isVisible());
    QCOMPARE(w.tabs()->currentIndex(), int(MainWindow::LiveCallsTab));
}

void tst_UiConsoleHooks::startAndPauseReachTheDialer()
{
    auto created = m_service->create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Whitefield launch")}});
    QVERIFY(created);
    const qint64 id = created->id;
    ConsoleApp &app = startApp();
    MainWindow &w = app.window();
    QVERIFY(QTest::qWaitFor([&] { return w.campaignsModel()->rowOf(id) >= 0; }, 5000));
    w.selectCampaign(id);
    QVERIFY(w.startAction()->isEnabled());
    m_dialer.clear();
    acceptNextMessageBox();
    w.startAction()->trigger();
    QVERIFY(QTest::qWaitFor([&] { return m_dialer.wakes() > 0; }, 5000));
    QCOMPARE(m_dialer.wakes(), 1);
    QCOMPARE(m_service->get(id)->status, QStringLiteral("running")); // stored before the dialer is woken
    QVERIFY(m_dialer.paused().isEmpty());

    QVERIFY(QTest::qWaitFor([&] { return w.pauseAction()->isEnabled(); }, 5000));
    acceptNextMessageBox();
    w.pauseAction()->trigger();
    QVERIFY(QTest::qWaitFor([&] { return !m_dialer.paused().isEmpty(); }, 5000));
    QCOMPARE(m_dialer.paused(), QList<qint64>{id});
    QCOMPARE(m_service->get(id)->status, QStringLiteral("paused"));
    QCOMPARE(m_dialer.wakes(), 1);
}

void tst_UiConsoleHooks::liveEventsReachTheWindowAndHangUpCallsTheHook()
{
    auto created = m_service->create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Live one")}});
    QVERIFY(created);
    const qint64 campaign = created->id;
    ConsoleApp &app = startApp();
    MainWindow &w = app.window();
    QVERIFY(QTest::qWaitFor([&] { return w.campaignsModel()->rowOf(campaign) >= 0; }, 5000));
    w.tabs()->setCurrentIndex(MainWindow::LiveCallsTab);

    // Published from an engine-like worker thread.
    QThread *worker = QThread::create([this, campaign] {
        for (int id = 101; id <= 103; ++id)
            emit m_source.published(makeEvent(QStringLiteral("call.started"),
                                          {{QStringLiteral("call_id"), id}, {QStringLiteral("campaign_id"), campaign},
                                           {QStringLiteral("lead_name"), QStringLiteral("Lead %1").arg(id)},
                                           {QStringLiteral("phone"), QStringLiteral("+919876540%1").arg(id)}}));
        emit m_source.published(makeEvent(QStringLiteral("call.turn"),
                                      {{QStringLiteral("call_id"), 102}, {QStringLiteral("turn"), 1},
                                       {QStringLiteral("speaker"), QStringLiteral("agent")},
                                       {QStringLiteral("text"), QStringLiteral("Namaste!")}, {QStringLiteral("latency_ms"), 700}}));
    });
    worker->start();
    QVERIFY(worker->wait(5000));
    delete worker;
    LiveCallsModel *model = w.liveCallsModel();
    QVERIFY(QTest::qWaitFor([&] { return model->rowCount() == 3 && model->call(102) && !model->call(102)->turns.isEmpty(); }, 5000));
    auto *label = w.findChild<QLabel *>(QStringLiteral("activeCallsLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Active calls: 3"));
    QCOMPARE(w.campaignsModel()->liveCalls(campaign), 3);
    const int row = w.campaignsModel()->rowOf(campaign);
    QVERIFY2(w.campaignsModel()->index(row, CampaignsModel::Status).data().toString().contains(QStringLiteral("3 live")),
             qPrintable(w.campaignsModel()->index(row, CampaignsModel::Status).data().toString()));

    LiveCallsView *view = w.liveCallsView();
    view->selectCall(102);
    QVERIFY(view->transcript()->toPlainText().contains(QStringLiteral("700 ms")));
    grab(&w, QStringLiteral("live-calls-en"));
    QVERIFY(app.languages().apply(QStringLiteral("hi")));
    QTRY_VERIFY(view->transcript()->toPlainText().contains(QStringLiteral("एजेंट")));
    QCOMPARE(model->index(0, LiveCallsModel::State).data().toString(), QStringLiteral("डायल हो रहा है"));
    grab(&w, QStringLiteral("live-calls-hi"));
    QVERIFY(app.languages().apply(QStringLiteral("en")));
    QString asked;
    view->confirm = [&](const QString &, const QString &text) {
        asked = text;
        return true;
    };
    m_hungUp.clear();
    view->hangUpButton()->click();
    QVERIFY(asked.contains(QStringLiteral("Lead 102")));
    QCOMPARE(m_hungUp, QList<qint64>{102});

    // The engine ends the call: the row goes, counts follow.
    emit m_source.published(makeEvent(QStringLiteral("call.ended"), {{QStringLiteral("call_id"), 102}}));
    QVERIFY(QTest::qWaitFor([&] { return model->rowCount() == 2; }, 5000));
    QCOMPARE(label->text(), QStringLiteral("Active calls: 2"));
    QCOMPARE(w.campaignsModel()->liveCalls(campaign), 2);
    QVERIFY(!view->hangUpButton()->isEnabled());
}

void tst_UiConsoleHooks::finishedCampaignNotifies()
{
    auto created = m_service->create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Finisher")}});
    QVERIFY(created);
    const qint64 campaign = created->id;
    ConsoleApp &app = startApp();
    QVERIFY(QTest::qWaitFor([&] { return app.window().campaignsModel()->rowOf(campaign) >= 0; }, 5000));
    QSignalSpy notified(&app.tray(), &TrayNotifier::notified);
    auto progress = [&](int pending, int active) {
        emit m_source.published(makeEvent(QStringLiteral("campaign.progress"),
                                      {{QStringLiteral("campaign_id"), campaign}, {QStringLiteral("status"), QStringLiteral("running")},
                                       {QStringLiteral("leads_total"), 4}, {QStringLiteral("leads_done"), 4 - pending},
                                       {QStringLiteral("leads_pending"), pending}, {QStringLiteral("calls_active"), active}}));
    };
    progress(2, 1);
    QVERIFY(QTest::qWaitFor([&] {
        const int row = app.window().campaignsModel()->rowOf(campaign);
        return app.window().campaignsModel()->index(row, CampaignsModel::Leads).data().toString() == QStringLiteral("2/4");
    }, 5000));
    QCOMPARE(notified.count(), 0);
    progress(0, 0);
    QVERIFY(notified.wait(5000));
    QCOMPARE(notified.first().at(0).toString(), QStringLiteral("Campaign finished"));
    QVERIFY2(notified.first().at(1).toString().contains(QStringLiteral("Finisher")), qPrintable(notified.first().at(1).toString()));
    emit m_source.published(makeEvent(QStringLiteral("provider.error"),
                                  {{QStringLiteral("provider"), QStringLiteral("deepgram")}, {QStringLiteral("message"), QStringLiteral("HTTP 429")}}));
    emit m_source.published(makeEvent(QStringLiteral("provider.error"),
                                  {{QStringLiteral("provider"), QStringLiteral("deepgram")}, {QStringLiteral("message"), QStringLiteral("HTTP 429")}}));
    QVERIFY(QTest::qWaitFor([&] { return notified.count() == 2; }, 5000));
    QTest::qWait(300);
    QCOMPARE(notified.count(), 2); // the second error within the minute stays quiet
    QCOMPARE(app.tray().history().last().title, QStringLiteral("Provider error"));
}

void tst_UiConsoleHooks::leadsFollowTheRunningCampaign()
{
    auto created = m_service->create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Follower")}});
    QVERIFY(created);
    const qint64 campaign = created->id;
    QByteArray csv("name,phone\nAsha,9811100041\nRavi,9811100042\n");
    QBuffer buf(&csv);
    buf.open(QIODevice::ReadOnly);
    QCOMPARE(m_service->importCsv(campaign, buf)->accepted, 2);
    ConsoleApp &app = startApp();
    MainWindow &w = app.window();
    QVERIFY(QTest::qWaitFor([&] { return w.campaignsModel()->rowOf(campaign) >= 0; }, 5000));
    w.selectCampaign(campaign);
    w.tabs()->setCurrentIndex(MainWindow::LeadsTab);
    LeadsModel *leads = w.leadsModel();
    QVERIFY(QTest::qWaitFor([&] { return leads->rowCount() == 2; }, 5000));
    QCOMPARE(leads->index(0, LeadsModel::Status).data().toString(), QStringLiteral("Pending"));

    // The dialer calls Asha; the campaign's progress event makes the table read her row again.
    QSqlQuery q(m_t.conn());
    QVERIFY(q.exec(QStringLiteral("UPDATE leads SET status = 'calling', attempts = 1 WHERE campaign_id = %1 AND name = 'Asha'").arg(campaign)));
    emit m_source.published(makeEvent(QStringLiteral("campaign.progress"),
                                      {{QStringLiteral("campaign_id"), campaign}, {QStringLiteral("status"), QStringLiteral("running")},
                                       {QStringLiteral("leads_total"), 2}, {QStringLiteral("leads_done"), 0},
                                       {QStringLiteral("leads_pending"), 1}, {QStringLiteral("calls_active"), 1}}));
    QVERIFY(QTest::qWaitFor([&] { return leads->index(0, LeadsModel::Status).data().toString() == QStringLiteral("Calling"); }, 5000));
    QCOMPARE(leads->index(0, LeadsModel::Attempts).data().toInt(), 1);
    QCOMPARE(leads->index(1, LeadsModel::Status).data().toString(), QStringLiteral("Pending"));
    QCOMPARE(leads->rowCount(), 2);
}

void tst_UiConsoleHooks::withoutHooksActionsAreDisabled()
{
    ConsoleApp &app = startApp(false);
    MainWindow &w = app.window();
    QVERIFY(!w.runDemoAction()->isEnabled());
    QVERIFY(!w.welcomePanel()->demoButton()->isVisibleTo(w.welcomePanel()));
    emit m_source.published(makeEvent(QStringLiteral("call.started"), {{QStringLiteral("call_id"), 501}}));
    QVERIFY(QTest::qWaitFor([&] { return w.liveCallsModel()->rowCount() == 1; }, 5000));
    w.liveCallsView()->selectCall(501);
    QVERIFY(!w.liveCallsView()->hangUpButton()->isEnabled());
}

QTEST_MAIN(tst_UiConsoleHooks)
#include "tst_ui_consolehooks.moc"
