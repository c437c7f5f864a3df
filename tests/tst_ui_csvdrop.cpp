// CSV drops onto the console: a QDropEvent carrying file URLs of the shared lead fixtures
// (LEADLINE_TESTDATA_DIR/leads) lands on the leads table or the window, the backend imports them
// off the GUI thread, and the import report shows the counts and rejected lines of each
// fixture's .expected.json. Non-CSV drops are refused; Cancel stops an import with nothing stored.
#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "storage/leadrepository.h"
#include "ui/campaigns/campaignsmodel.h"
#include "ui/consoleapp.h"
#include "ui/common/csvdrop.h"
#include "ui/leads/importprogresspanel.h"
#include "ui/leads/importreportdialog.h"
#include "ui/leads/leadsmodel.h"
#include "ui/leads/leadsview.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Ui;

static ConsoleInfo testInfo()
{
    ConsoleInfo info;
    info.port = 8000;
    info.database = QStringLiteral("sqlite:test");
    return info;
}

static QString leadsDir() { return QStringLiteral(LEADLINE_TESTDATA_DIR "/leads"); }

// Sends enter + drop to w like a real drag would; returns whether the drop was accepted.
static bool dropFiles(QWidget *w, const QStringList &paths)
{
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    mime->setUrls(urls);
    const QPointF pos(w->width() / 2.0, w->height() / 2.0);
    QDragEnterEvent enter(pos.toPoint(), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(w, &enter);
    const bool enterAccepted = enter.isAccepted();
    QDropEvent drop(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(w, &drop);
    const bool accepted = enterAccepted && drop.isAccepted();
    delete mime;
    return accepted;
}

class tst_UiCsvDrop : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void dropFixtureOnTable_data();
    void dropFixtureOnTable();
    void dropSeveralOnWindow();
    void nonCsvDropIgnored();
    void cancelStoresNothing();
    void mimeFilter();

private:
    qint64 createCampaign(const QString &name);
    MainWindow &showConsole();
    ImportReportDialog *waitForReport(QSignalSpy &spy);

    Testing::TestDatabase m_t;
    Testing::FakeClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Campaigns::CampaignService> m_service;
    std::unique_ptr<ConsoleApp> m_app;
};

void tst_UiCsvDrop::init()
{
    m_t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(m_t.error.isEmpty(), qPrintable(m_t.error));
    m_dir = std::make_unique<QTemporaryDir>();
    m_service = std::make_unique<Campaigns::CampaignService>(*m_t.db, m_clock);
}

void tst_UiCsvDrop::cleanup()
{
    m_app.reset();
    m_service.reset();
    m_t = {};
}

qint64 tst_UiCsvDrop::createCampaign(const QString &name)
{
    auto c = m_service->create(QJsonObject{{QStringLiteral("name"), name}});
    return c ? c->id : 0;
}

// The console over this test's service and database, its window shown.
MainWindow &tst_UiCsvDrop::showConsole()
{
    m_app = std::make_unique<ConsoleApp>(*m_service, *m_t.db, testInfo(), m_dir->filePath(QStringLiteral("console.ini")));
    m_app->window().show();
    return m_app->window();
}

ImportReportDialog *tst_UiCsvDrop::waitForReport(QSignalSpy &spy)
{
    if (!QTest::qWaitFor([&] { return spy.count() > 0; }, 15000))
        return nullptr;
    return spy.takeFirst().at(0).value<ImportReportDialog *>();
}

void tst_UiCsvDrop::dropFixtureOnTable_data()
{
    QTest::addColumn<QString>("fixture");
    const QStringList files = QDir(leadsDir()).entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    QVERIFY2(!files.isEmpty(), "no lead fixtures in LEADLINE_TESTDATA_DIR/leads");
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << f;
}

void tst_UiCsvDrop::dropFixtureOnTable()
{
    QFETCH(QString, fixture);
    const QString csvPath = QDir(leadsDir()).filePath(fixture);
    QFile expectedFile(QString(csvPath).replace(QLatin1String(".csv"), QLatin1String(".expected.json")));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();

    const qint64 id = createCampaign(QStringLiteral("Drop ") + fixture);
    QVERIFY(id > 0);
    int preexisting = 0;
    const QJsonObject pre = expected.value(QStringLiteral("preconditions")).toObject();
    if (!pre.isEmpty()) {
        Storage::LeadRepository repo(m_t.conn());
        for (const QJsonValue &v : pre.value(QStringLiteral("dnc")).toArray())
            QVERIFY(repo.addDnc(v.toString(), QStringLiteral("test"), 0));
        QByteArray existing("phone\n");
        for (const QJsonValue &v : pre.value(QStringLiteral("existing_leads")).toArray())
            existing += v.toString().toUtf8() + '\n';
        QBuffer buf(&existing);
        buf.open(QIODevice::ReadOnly);
        auto r = m_service->importCsv(id, buf);
        QVERIFY(r);
        preexisting = r->accepted;
    }

    MainWindow &w = showConsole();
    QVERIFY(QTest::qWaitFor([&] { return w.currentCampaignId() == id && !w.leadsModel()->isLoading(); }, 5000));

    QSignalSpy reports(&w, &MainWindow::importReportShown);
    QVERIFY2(dropFiles(w.leadsView()->table()->viewport(), {csvPath}), "the table refused a CSV drop");
    QVERIFY(w.isImporting());
    ImportReportDialog *report = waitForReport(reports);
    QVERIFY2(report, "no import report within 15 s");

    const QJsonObject fileError = expected.value(QStringLiteral("file_error")).toObject();
    QCOMPARE(report->outcome().files.size(), 1);
    QCOMPARE(report->outcome().files.first().ok, fileError.isEmpty());
    QCOMPARE(report->outcome().accepted(), expected.value(QStringLiteral("accepted")).toInt());
    const QJsonArray rejected = expected.value(QStringLiteral("rejected")).toArray();
    QCOMPARE(report->rejectedTable()->rowCount(), int(rejected.size()));
    for (int i = 0; i < rejected.size(); ++i) {
        const QJsonObject e = rejected.at(i).toObject();
        QCOMPARE(report->rejectedTable()->item(i, 1)->data(Qt::DisplayRole).toInt(), e.value(QStringLiteral("line")).toInt());
        QCOMPARE(report->rejectedTable()->item(i, 2)->data(Qt::UserRole).toString(), e.value(QStringLiteral("reason")).toString());
        QVERIFY(!report->rejectedTable()->item(i, 3)->text().isEmpty());
    }
    const QString summary = report->summaryLabel()->text();
    QVERIFY2(summary.contains(QStringLiteral("Imported %1 lead").arg(expected.value(QStringLiteral("accepted")).toInt())),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("%1 row").arg(rejected.size())), qPrintable(summary));

    // Export: a header plus one CSV line per rejected row.
    const QString out = m_dir->filePath(QStringLiteral("report.csv"));
    QVERIFY(report->exportTo(out));
    QFile exported(out);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QByteArray text = exported.readAll();
    QVERIFY(text.startsWith("file,line,reason,detail\r\n"));
    if (!rejected.isEmpty())
        QVERIFY(text.contains(QByteArray(fixture.toUtf8() + ',' + QByteArray::number(rejected.first().toObject().value(QStringLiteral("line")).toInt())
                                         + ',' + rejected.first().toObject().value(QStringLiteral("reason")).toString().toUtf8())));

    // The table reloads with what was stored.
    const int total = preexisting + expected.value(QStringLiteral("accepted")).toInt();
    QVERIFY(QTest::qWaitFor([&] { return !w.isImporting() && w.leadsModel()->totalCount() == total; }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return w.leadsModel()->rowCount() == total; }, 5000));
}

void tst_UiCsvDrop::dropSeveralOnWindow()
{
    const qint64 id = createCampaign(QStringLiteral("Several"));
    MainWindow &w = showConsole();
    QVERIFY(QTest::qWaitFor([&] { return w.currentCampaignId() == id; }, 5000));
    QSignalSpy reports(&w, &MainWindow::importReportShown);
    const QStringList files = {QDir(leadsDir()).filePath(QStringLiteral("basic_clean.csv")),
                               QDir(leadsDir()).filePath(QStringLiteral("semicolon_european.csv"))};
    QVERIFY(dropFiles(&w, files));
    ImportReportDialog *report = waitForReport(reports);
    QVERIFY(report);
    QCOMPARE(report->outcome().files.size(), 2);
    QCOMPARE(report->outcome().accepted(), 24 + 12);
    QCOMPARE(report->outcome().rejected(), 3);
    QCOMPARE(report->rejectedTable()->item(0, 0)->text(), QStringLiteral("semicolon_european.csv"));
    QVERIFY(QTest::qWaitFor([&] { return w.leadsModel()->totalCount() == 36; }, 5000));
    // The sidebar's lead count follows.
    QVERIFY(QTest::qWaitFor([&] { return w.campaignsModel()->find(id) && w.campaignsModel()->find(id)->leadCount == 36; }, 5000));
}

void tst_UiCsvDrop::nonCsvDropIgnored()
{
    const qint64 id = createCampaign(QStringLiteral("Ignored"));
    MainWindow &w = showConsole();
    QVERIFY(QTest::qWaitFor([&] { return w.currentCampaignId() == id; }, 5000));
    QSignalSpy reports(&w, &MainWindow::importReportShown);
    const QStringList notCsv = {QDir(leadsDir()).filePath(QStringLiteral("README.md")),
                                QDir(leadsDir()).filePath(QStringLiteral("basic_clean.expected.json"))};
    QVERIFY(!dropFiles(w.leadsView()->table()->viewport(), notCsv));
    QVERIFY(!dropFiles(&w, notCsv));
    QVERIFY(!w.isImporting());
    QTest::qWait(300);
    QCOMPARE(reports.count(), 0);
    QCOMPARE(m_service->get(id).ok(), true);
    Storage::LeadRepository repo(m_t.conn());
    QCOMPARE(repo.count(id).value(), qint64(0));
}

void tst_UiCsvDrop::cancelStoresNothing()
{
    const qint64 id = createCampaign(QStringLiteral("Cancelled"));
    const QString big = m_dir->filePath(QStringLiteral("big.csv"));
    {
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,phone\n");
        for (int i = 0; i < 100000; ++i)
            f.write(QStringLiteral("Lead %1,97%2\n").arg(i).arg(10000000 + i).toUtf8());
    }
    MainWindow &w = showConsole();
    QVERIFY(QTest::qWaitFor([&] { return w.currentCampaignId() == id; }, 5000));
    QSignalSpy reports(&w, &MainWindow::importReportShown);
    QVERIFY(dropFiles(&w, {big}));
    QVERIFY(w.importPanel()->isVisible());
    QVERIFY(w.importPanel()->cancelButton()->isEnabled());
    QTest::mouseClick(w.importPanel()->cancelButton(), Qt::LeftButton);
    ImportReportDialog *report = waitForReport(reports);
    QVERIFY(report);
    QVERIFY(report->outcome().cancelled);
    QCOMPARE(report->outcome().files.first().errorCode, QStringLiteral("cancelled"));
    QCOMPARE(report->outcome().accepted(), 0);
    QVERIFY(!w.importPanel()->isVisible());
    Storage::LeadRepository repo(m_t.conn());
    QCOMPARE(repo.count(id).value(), qint64(0));
}

void tst_UiCsvDrop::mimeFilter()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/a.csv")), QUrl::fromLocalFile(QStringLiteral("/tmp/B.CSV")),
                  QUrl::fromLocalFile(QStringLiteral("/tmp/c.txt")), QUrl(QStringLiteral("https://example.com/d.csv"))});
    QCOMPARE(csvFilesFromMimeData(&mime), (QStringList{QStringLiteral("/tmp/a.csv"), QStringLiteral("/tmp/B.CSV")}));
    QVERIFY(csvFilesFromMimeData(nullptr).isEmpty());
}

QTEST_MAIN(tst_UiCsvDrop)
#include "tst_ui_csvdrop.moc"
