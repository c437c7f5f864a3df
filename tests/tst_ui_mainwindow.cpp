// The console's main window end to end (offscreen): a demo campaign imported from
// resources/demo_leads.csv, every main view and dialog grabbed as PNG into
// <build>/tests/screenshots in English and Hindi, the language switched at run time and back,
// and window geometry, last campaign and language remembered across a restart.
#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "ui/campaigns/campaigneditordialog.h"
#include "ui/campaigns/campaignsmodel.h"
#include "ui/common/languagemanager.h"
#include "ui/common/uipreferences.h"
#include "ui/consoleapp.h"
#include "ui/leads/importreportdialog.h"
#include "ui/leads/leadsmodel.h"
#include "ui/settings/settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QMenuBar>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlDatabase>
#include <QThread>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Ui;

static bool hasDevanagari(const QString &s)
{
    for (QChar c : s)
        if (c.unicode() >= 0x0900 && c.unicode() <= 0x097F)
            return true;
    return false;
}

class tst_UiMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void devanagariFontInstalled();
    void screenshotsInBothLanguages_data();
    void screenshotsInBothLanguages();
    void switchLanguageAndBack();
    void stateRememberedAcrossRestart();
    void guiThreadNeverOpensTheDatabase();

private:
    void grab(QWidget *w, const QString &name);
    ConsoleApp &startApp();

    Testing::TestDatabase m_t;
    Testing::FakeClock m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<Campaigns::CampaignService> m_service;
    std::unique_ptr<ConsoleApp> m_app;
    QString m_shots;
    qint64 m_demo = 0;
    qint64 m_second = 0;
};

void tst_UiMainWindow::initTestCase()
{
    m_t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(m_t.error.isEmpty(), qPrintable(m_t.error));
    m_service = std::make_unique<Campaigns::CampaignService>(*m_t.db, m_clock);
    auto second = m_service->create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Whitefield launch")}});
    auto demo = m_service->create(QJsonObject{
        {QStringLiteral("name"), QStringLiteral("Demo")},
        {QStringLiteral("script"), QStringLiteral("Namaste {name}, this is Leadline calling about {property_type} in {city}.")}});
    QVERIFY(demo && second);
    m_demo = demo->id;
    m_second = second->id;
    QVERIFY(m_service->setStatus(m_second, QStringLiteral("running")));
    QFile csv(QStringLiteral(LEADLINE_SOURCE_DIR "/resources/demo_leads.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    auto report = m_service->importCsv(m_demo, csv);
    QVERIFY(report && report->accepted > 0);

    m_shots = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("screenshots"));
    QVERIFY(QDir().mkpath(m_shots));
}

void tst_UiMainWindow::cleanupTestCase()
{
    m_app.reset();
    qInfo().noquote() << "screenshots in" << m_shots;
}

ConsoleApp &tst_UiMainWindow::startApp()
{
    m_app.reset();
    m_app = std::make_unique<ConsoleApp>(*m_service, *m_t.db,
                                         ConsoleInfo{8000, m_t.db->config().describe(), QStringLiteral("offline"),
                                                     m_dir.filePath(QStringLiteral("leadline.conf"))},
                                         m_dir.filePath(QStringLiteral("console.ini")));
    return *m_app;
}

void tst_UiMainWindow::grab(QWidget *w, const QString &name)
{
    QCoreApplication::processEvents();
    QTest::qWait(30);
    const QPixmap pix = w->grab();
    QVERIFY(!pix.isNull());
    QVERIFY2(pix.save(QDir(m_shots).filePath(name + QLatin1String(".png"))), qPrintable(name));
}

void tst_UiMainWindow::devanagariFontInstalled()
{
    QVERIFY2(!QFontDatabase::families(QFontDatabase::Devanagari).isEmpty(),
             "no Devanagari font: install fonts-noto-core (scripts/install-deps.sh)");
}

void tst_UiMainWindow::screenshotsInBothLanguages_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("hi") << QStringLiteral("hi");
}

void tst_UiMainWindow::screenshotsInBothLanguages()
{
    QFETCH(QString, language);
    ConsoleApp &app = startApp();
    QVERIFY(app.languages().apply(language));
    MainWindow &w = app.window();
    w.resize(1280, 760);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(QTest::qWaitFor([&] { return w.campaignsModel()->rowCount() == 2; }, 5000));
    w.selectCampaign(m_demo);
    QVERIFY(QTest::qWaitFor([&] { return w.leadsModel()->rowCount() > 0 && !w.leadsModel()->isLoading(); }, 5000));

    const QStringList views = {QStringLiteral("leads"), QStringLiteral("live-calls"), QStringLiteral("history"),
                               QStringLiteral("analytics")};
    for (int i = 0; i < views.size(); ++i) {
        w.tabs()->setCurrentIndex(i);
        grab(&w, QStringLiteral("mainwindow-%1-%2").arg(language, views.at(i)));
        QVERIFY2(language == QLatin1String("en") || hasDevanagari(w.tabs()->tabText(i)), qPrintable(w.tabs()->tabText(i)));
    }
    w.tabs()->setCurrentIndex(MainWindow::LeadsTab);

    w.openCampaignEditor(false);
    auto *editor = w.findChild<CampaignEditorDialog *>();
    QVERIFY(editor);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    grab(editor, QStringLiteral("campaign-editor-%1").arg(language));
    editor->close();
    QCoreApplication::processEvents();
    w.openCampaignEditor(true);
    auto *fresh = w.findChild<CampaignEditorDialog *>();
    QVERIFY(fresh && fresh->isNew());
    QVERIFY(QTest::qWaitForWindowExposed(fresh));
    grab(fresh, QStringLiteral("campaign-editor-new-%1").arg(language));
    fresh->close();
    QCoreApplication::processEvents();

    w.openSettings();
    auto *settings = w.findChild<SettingsDialog *>();
    QVERIFY(settings);
    QVERIFY(QTest::qWaitForWindowExposed(settings));
    grab(settings, QStringLiteral("settings-%1").arg(language));
    auto *pages = settings->findChild<QTabWidget *>();
    QVERIFY(pages);
    settings->field(QStringLiteral("OPENAI_API_KEY"))->setText(QStringLiteral("sk-secret"));
    pages->setCurrentIndex(1);
    grab(settings, QStringLiteral("settings-providers-%1").arg(language));
    settings->close();

    QSignalSpy reports(&w, &MainWindow::importReportShown);
    w.importFiles({QStringLiteral(LEADLINE_TESTDATA_DIR "/leads/phone_variants.csv")});
    QVERIFY(QTest::qWaitFor([&] { return reports.count() == 1; }, 15000));
    auto *report = reports.first().at(0).value<ImportReportDialog *>();
    QVERIFY(QTest::qWaitForWindowExposed(report));
    grab(report, QStringLiteral("import-report-%1").arg(language));
    QVERIFY(report->outcome().rejected() > 0);
    report->close();
    if (language == QLatin1String("hi"))
        QVERIFY2(hasDevanagari(w.menuBar()->actions().first()->text()), "File menu not translated");
}

void tst_UiMainWindow::switchLanguageAndBack()
{
    ConsoleApp &app = startApp();
    QVERIFY(app.languages().apply(QStringLiteral("en")));
    MainWindow &w = app.window();
    w.show();
    QVERIFY(QTest::qWaitFor([&] { return w.leadsModel()->rowCount() > 0; }, 5000));
    QCOMPARE(w.tabs()->tabText(MainWindow::LeadsTab), QStringLiteral("&Leads"));
    QCOMPARE(w.leadsModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));

    QSignalSpy headers(w.leadsModel(), &QAbstractItemModel::headerDataChanged);
    QVERIFY(app.languages().apply(QStringLiteral("hi")));
    QCoreApplication::processEvents();
    QVERIFY(hasDevanagari(w.tabs()->tabText(MainWindow::LeadsTab)));
    QVERIFY(hasDevanagari(w.tabs()->tabText(MainWindow::LiveCallsTab)));
    QVERIFY(hasDevanagari(w.leadsModel()->headerData(0, Qt::Horizontal).toString()));
    QVERIFY(hasDevanagari(w.campaignsModel()->headerData(0, Qt::Horizontal).toString()));
    QVERIFY(headers.count() > 0); // the views are told to repaint their headers
    QVERIFY(hasDevanagari(w.menuBar()->actions().first()->text()));

    QVERIFY(app.languages().apply(QStringLiteral("en")));
    QCoreApplication::processEvents();
    QCOMPARE(w.tabs()->tabText(MainWindow::LeadsTab), QStringLiteral("&Leads"));
    QCOMPARE(w.leadsModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&File"));
}

void tst_UiMainWindow::stateRememberedAcrossRestart()
{
    {
        ConsoleApp &app = startApp();
        MainWindow &w = app.window();
        w.show();
        QVERIFY(QTest::qWaitFor([&] { return w.campaignsModel()->rowCount() == 2; }, 5000));
        w.campaignList()->setCurrentIndex(w.campaignsModel()->index(w.campaignsModel()->rowOf(m_second), 0));
        QCOMPARE(w.currentCampaignId(), m_second);
        w.resize(1111, 666);
        // The language is chosen in the settings dialog and saved with its Save button.
        w.openSettings();
        auto *settings = w.findChild<SettingsDialog *>();
        QVERIFY(settings);
        settings->languageCombo()->setCurrentIndex(settings->languageCombo()->findData(QStringLiteral("hi")));
        settings->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QCOMPARE(app.languages().current(), QStringLiteral("hi"));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("leadline.conf"))));
        QVERIFY(w.close());
    }
    m_app.reset();
    ConsoleApp &again = startApp();
    QCOMPARE(again.languages().current(), QStringLiteral("hi"));
    MainWindow &w = again.window();
    QCOMPARE(w.size(), QSize(1111, 666));
    w.show();
    QVERIFY(QTest::qWaitFor([&] { return w.currentCampaignId() == m_second; }, 5000));
    QCOMPARE(w.campaignList()->currentIndex().data(CampaignsModel::CampaignIdRole).toLongLong(), m_second);
    QVERIFY(hasDevanagari(w.tabs()->tabText(MainWindow::LeadsTab)));
    again.preferences().setLanguage(QStringLiteral("en"));
}

void tst_UiMainWindow::guiThreadNeverOpensTheDatabase()
{
    // A second Database on the same file, used by nothing but the console: every connection it
    // opens while the window lists, pages, imports and creates must belong to another thread.
    m_app.reset();
    const QStringList before = QSqlDatabase::connectionNames();
    Storage::Database appDb(m_t.db->config());
    Campaigns::CampaignService service(appDb, m_clock);
    const QString guiSuffix = QLatin1Char('-') + QString::number(quintptr(QThread::currentThread()), 16);
    QStringList opened;
    {
        ConsoleInfo info;
        info.port = 8000;
        info.database = appDb.config().describe();
        ConsoleApp app(service, appDb, info, m_dir.filePath(QStringLiteral("gui-thread.ini")));
        MainWindow &w = app.window();
        w.show();
        QVERIFY(QTest::qWaitFor([&] { return w.campaignsModel()->rowCount() == 2; }, 5000));
        w.selectCampaign(m_demo);
        QVERIFY(QTest::qWaitFor([&] { return w.leadsModel()->rowCount() > 0 && !w.leadsModel()->isLoading(); }, 5000));
        QSignalSpy reports(&w, &MainWindow::importReportShown);
        w.importFiles({QStringLiteral(LEADLINE_TESTDATA_DIR "/leads/basic_clean.csv")});
        QVERIFY(QTest::qWaitFor([&] { return reports.count() == 1; }, 15000));

        // New campaign through the editor: created by the backend, then selected in the sidebar.
        w.openCampaignEditor(true);
        auto *editor = w.findChild<CampaignEditorDialog *>();
        QVERIFY(editor);
        editor->nameEdit()->setText(QStringLiteral("Sarjapur plots"));
        editor->primaryButton()->click();
        QVERIFY(QTest::qWaitFor([&] { return w.campaignsModel()->rowCount() == 3; }, 5000));
        QVERIFY(QTest::qWaitFor([&] {
            const CampaignSnapshot *c = w.campaignsModel()->find(w.currentCampaignId());
            return c && c->row.name == QLatin1String("Sarjapur plots");
        }, 5000));
        // A duplicate name comes back as an inline error in the editor.
        w.openCampaignEditor(true);
        auto *dup = w.findChild<CampaignEditorDialog *>();
        QVERIFY(dup && dup->isNew());
        dup->nameEdit()->setText(QStringLiteral("Demo"));
        dup->primaryButton()->click();
        QVERIFY(QTest::qWaitFor([&] { return !dup->validationMessage().isEmpty(); }, 5000));
        QCOMPARE(dup->validationMessage(), QStringLiteral("A campaign with this name already exists."));
        dup->close();

        for (const QString &name : QSqlDatabase::connectionNames())
            if (!before.contains(name))
                opened << name;
    }
    QVERIFY2(!opened.isEmpty(), "the backend opened no connection of its own");
    for (const QString &name : std::as_const(opened))
        QVERIFY2(!name.endsWith(guiSuffix), qPrintable(QStringLiteral("GUI thread opened %1").arg(name)));
}

QTEST_MAIN(tst_UiMainWindow)
#include "tst_ui_mainwindow.moc"
