// The console's project brief and site visits: the brief dialog validates every edit (problems
// listed, Save disabled), previews what the agent will be told, saves new versions through the
// backend thread; the Site visits dialog lists a campaign's booked visits and exports them as CSV.
#include "campaigns/campaignservice.h"
#include "fakes/callhistoryseed.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "ui/backend/consolebackend.h"
#include "ui/campaigns/projectbriefdialog.h"
#include "ui/campaigns/sitevisitsdialog.h"

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Ui;

class tst_UiProjectBrief : public QObject
{
    Q_OBJECT
private slots:
    void previewAndProblems();
    void editAndSaveVersions();
    void siteVisitsListAndExport();
};

static QByteArray sample()
{
    QFile f(QFINDTESTDATA("../resources/demo_brief.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void tst_UiProjectBrief::previewAndProblems()
{
    const QDateTime sunday = QDateTime::fromMSecsSinceEpoch(1763884800000, Qt::UTC);
    QStringList problems;
    const QString p = ProjectBriefDialog::preview(sample(), &problems, sunday);
    QVERIFY(problems.isEmpty());
    QVERIFY2(p.contains(QStringLiteral("2 BHK: carpet area 680 to 740 sq ft, price 78 lakh to 92 lakh rupees.")), qPrintable(p));
    QVERIFY(p.contains(QStringLiteral("I will have our advisor confirm that.")));
    QVERIFY(p.contains(QStringLiteral("tomorrow at 10:00 AM"))); // Monday: the site is closed on Sundays
    QVERIFY(ProjectBriefDialog::preview(R"({"builder":"X","brochure_url":"x"})", &problems, sunday).isEmpty());
    QCOMPARE(problems.size(), 2);
}

void tst_UiProjectBrief::editAndSaveVersions()
{
    auto t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock;
    Campaigns::CampaignService service(*t.db, clock);
    auto c = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Greens")}});
    QVERIFY(c);
    ConsoleBackendHost host(service, *t.db);
    ProjectBriefDialog dialog(host, c->id, c->name);
    QTRY_VERIFY(dialog.versionLabel()->text().contains(QStringLiteral("no brief yet")));
    QVERIFY(!dialog.saveButton()->isEnabled());

    dialog.jsonEdit()->setPlainText(QStringLiteral(R"({"project_name": "Greens", "configurations": [{"type": "2 BHK", "price": "call us"}]})"));
    QVERIFY(!dialog.saveButton()->isEnabled());
    QVERIFY2(dialog.problemsLabel()->text().contains(QStringLiteral("configurations[0].price")), qPrintable(dialog.problemsLabel()->text()));

    dialog.jsonEdit()->setPlainText(QString::fromUtf8(sample()));
    QVERIFY(dialog.problemsLabel()->text().isEmpty());
    QVERIFY(dialog.previewEdit()->toPlainText().contains(QStringLiteral("Possession: December 2027.")));
    QVERIFY(dialog.saveButton()->isEnabled());
    dialog.saveButton()->click();
    QTRY_VERIFY(dialog.versionLabel()->text().contains(QStringLiteral("version 1")));
    dialog.saveButton()->click();
    QTRY_VERIFY(dialog.versionLabel()->text().contains(QStringLiteral("version 2")));

    ProjectBriefDialog reopened(host, c->id, c->name); // loads the stored brief
    QTRY_VERIFY(reopened.versionLabel()->text().contains(QStringLiteral("Version 2")));
    QVERIFY(reopened.jsonEdit()->toPlainText().contains(QStringLiteral("P52100054321")));
}

void tst_UiProjectBrief::siteVisitsListAndExport()
{
    LEADLINE_SEED_HISTORY(t, QStringLiteral("sqlite"));
    // Call #1 (Asha) booked Saturday 29 Nov 2025, 11:00 IST for 3.
    Storage::CallOutcome o;
    o.outcome = QStringLiteral("site_visit");
    o.siteVisitAt = QDateTime(QDate(2025, 11, 29), QTime(11, 0), QTimeZone("Asia/Kolkata")).toMSecsSinceEpoch();
    o.siteVisitVisitors = 3;
    o.siteVisitTurn = 2;
    o.briefVersion = 1;
    o.questionForAdvisor = QStringLiteral("stamp duty, \"exact\"");
    QVERIFY(Storage::CallRepository(t.db->connection().value()).setOutcome(t.seed.calls.at(0), o, 1));

    ConsoleBackendHost host(*t.service, *t.db);
    SiteVisitsDialog dialog(host, t.seed.alpha, QStringLiteral("Alpha"));
    QTRY_COMPARE(dialog.table()->rowCount(), 1);
    QCOMPARE(dialog.table()->item(0, 0)->text(), QStringLiteral("Asha"));
    QCOMPARE(dialog.table()->item(0, 4)->text(), QStringLiteral("3"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("visits.csv"));
    QString error;
    QVERIFY2(dialog.exportCsv(path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QVERIFY(lines.at(0).startsWith("call_id,lead_id,name,phone,visit_date,visit_time,time_zone,visitors"));
    QVERIFY2(lines.at(1).contains(",Asha,+919811100001,2025-11-29,11:00,Asia/Kolkata,3,"), lines.at(1).constData());
    QVERIFY(lines.at(1).contains("\"stamp duty, \"\"exact\"\"\""));
}

QTEST_MAIN(tst_UiProjectBrief)
#include "tst_ui_projectbrief.moc"
