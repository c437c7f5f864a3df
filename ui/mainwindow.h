// MainWindow: the operator console's top-level window: campaigns sidebar, central tabs (Leads,
// Live calls, History, Analytics, Handoffs), status bar, menus, CSV drops and import flow.
// Thread: GUI thread. It only draws: every engine call is posted to the ConsoleBackend
// ("leadline-console" thread) and every answer arrives as a value snapshot signal.
#pragma once

#include "ui/backend/snapshots.h"
#include "ui/consolehooks.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace Leadline::Ui {

class CampaignEditorDialog;
class CampaignsModel;
class ConsoleBackendHost;
class CsvDropFilter;
class ImportProgressPanel;
class ImportReportDialog;
class AnalyticsView;
class HandoffsView;
class HistoryView;
class LanguageManager;
class LeadsModel;
class LeadsView;
class LiveCallsFeed;
class LiveCallsModel;
class LiveCallsView;
struct LiveCallsBatch;
class WelcomePanel;
class UiPreferences;

struct ConsoleInfo
{
    quint16 port = 0;
    QString database;     // Database config describe(): no password
    QString providerMode; // e.g. "offline"; placeholder until the providers land
    QString configFile;   // where the settings page saves engine settings
    bool offlineSpeech = false; // no DEEPGRAM_API_KEY: running campaigns are flagged in the status bar
};

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const ConsoleBackendHost &backend, LanguageManager &languages, UiPreferences &prefs,
               ConsoleInfo info, QWidget *parent = nullptr);
    ~MainWindow() override;

    enum Tab { LeadsTab, LiveCallsTab, HistoryTab, AnalyticsTab, HandoffsTab };

    // Imports the files into the selected campaign (File → Import and drops end here).
    void importFiles(const QStringList &files);
    void selectCampaign(qint64 campaignId);
    qint64 currentCampaignId() const { return m_currentCampaign; }
    bool isImporting() const { return m_importId != 0; }

    QTabWidget *tabs() const { return m_tabs; }
    LeadsView *leadsView() const { return m_leadsView; }
    LeadsModel *leadsModel() const { return m_leadsModel; }
    HistoryView *historyView() const { return m_historyView; }
    AnalyticsView *analyticsView() const { return m_analyticsView; }
    HandoffsView *handoffsView() const { return m_handoffsView; }
    CampaignsModel *campaignsModel() const { return m_campaignsModel; }
    QTreeView *campaignList() const { return m_campaignList; }
    ImportProgressPanel *importPanel() const { return m_importPanel; }
    ImportReportDialog *lastImportReport() const;
    void openCampaignEditor(bool newCampaign);
    void openSettings();

    // Live calls (mainwindow_live.cpp): engine hooks from ConsoleApp, and the live feed whose
    // batches drive the Live calls tab, the sidebar's live counts and the status bar.
    void setHooks(ConsoleHooks hooks);
    const ConsoleHooks &hooks() const { return m_hooks; }
    void attachLiveFeed(LiveCallsFeed *feed);
    void applyLiveBatch(const LiveCallsBatch &batch);
    LiveCallsModel *liveCallsModel() const { return m_liveModel; }
    LiveCallsView *liveCallsView() const { return m_liveView; }
    WelcomePanel *welcomePanel() const { return m_welcome; }
    QAction *runDemoAction() const { return m_runDemoAction; }
    QAction *startAction() const { return m_startAction; }
    QAction *pauseAction() const { return m_pauseAction; }

signals:
    void importReportShown(Leadline::Ui::ImportReportDialog *dialog);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildCentral();
    void buildStatusBar();
    void retranslate();
    void updateTitle();
    void updateProviderLabel();
    void restoreState();
    void rememberState();
    void updateActions();
    void chooseImportFiles();
    void confirmAndSetStatus(const QString &status);
    void requestStatus(qint64 campaignId, const QString &status);
    void onCampaigns(const QList<CampaignSnapshot> &campaigns);
    void onCampaignSaved(quint64 requestId, const Storage::CampaignRow &row);
    void onImportFinished(quint64 importId, const ImportOutcome &outcome);
    void onFailed(const BackendError &error);
    QWidget *placeholder(const QString &objectName);
    void buildLive();
    void retranslateLive();
    void updateWelcome();
    void hangUpCall(qint64 callId);

    const ConsoleBackendHost &m_backend;
    LanguageManager &m_languages;
    UiPreferences &m_prefs;
    ConsoleInfo m_info;

    CampaignsModel *m_campaignsModel = nullptr;
    LeadsModel *m_leadsModel = nullptr;
    CsvDropFilter *m_drops = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_sidebarTitle = nullptr;
    QTreeView *m_campaignList = nullptr;
    QPushButton *m_newCampaignButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    LeadsView *m_leadsView = nullptr;
    HistoryView *m_historyView = nullptr;
    AnalyticsView *m_analyticsView = nullptr;
    HandoffsView *m_handoffsView = nullptr;
    QLabel *m_portLabel = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QLabel *m_providerLabel = nullptr;
    ImportProgressPanel *m_importPanel = nullptr;
    QPointer<ImportReportDialog> m_lastReport;
    QPointer<CampaignEditorDialog> m_editor;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_campaignMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_newCampaignAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_editCampaignAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_findAction = nullptr;
    QList<QAction *> m_tabActions;
    QAction *m_aboutAction = nullptr;

    ConsoleHooks m_hooks;
    LiveCallsModel *m_liveModel = nullptr;
    LiveCallsView *m_liveView = nullptr;
    WelcomePanel *m_welcome = nullptr;
    QStackedWidget *m_centralStack = nullptr;
    QLabel *m_activeCallsLabel = nullptr;
    QAction *m_runDemoAction = nullptr;
    bool m_campaignsLoaded = false;
    int m_runningCampaigns = 0;
    qint64 m_lastProgressRefreshMs = 0;

    qint64 m_currentCampaign = 0;
    bool m_restoredSelection = false;
    quint64 m_importId = 0;
    quint64 m_createRequest = 0;
};

} // namespace Leadline::Ui
