#include "consoleapp.h"

#include "ui/backend/consolebackend.h"
#include "ui/common/languagemanager.h"
#include "ui/common/uipreferences.h"
#include "ui/campaigns/campaignsmodel.h"
#include "ui/live/livecallsfeed.h"
#include "ui/tray/traynotifier.h"

#include <QStatusBar>

namespace Leadline::Ui {

ConsoleApp::ConsoleApp(Campaigns::CampaignService &campaigns, const Storage::Database &db, ConsoleInfo info,
                       const QString &prefsPath, ConsoleHooks hooks, ConsoleBackendOptions backendOptions)
    : m_prefs(std::make_unique<UiPreferences>(prefsPath.isEmpty() ? UiPreferences::defaultPath() : prefsPath))
    , m_languages(std::make_unique<LanguageManager>())
{
    if (!m_languages->apply(m_prefs->language()))
        m_languages->apply(QStringLiteral("en"));
    m_backend = std::make_unique<ConsoleBackendHost>(campaigns, db, std::move(backendOptions));
    m_live = std::make_unique<LiveCallsFeedHost>(hooks.eventSource);
    m_window = std::make_unique<MainWindow>(*m_backend, *m_languages, *m_prefs, std::move(info));
    m_window->setHooks(std::move(hooks));
    m_window->attachLiveFeed(m_live->feed());
    m_tray = std::make_unique<TrayNotifier>(m_window.get());
    MainWindow *w = m_window.get();
    m_tray->campaignName = [w](qint64 id) {
        const CampaignSnapshot *c = w->campaignsModel()->find(id);
        return c ? c->row.name : QString();
    };
    QObject::connect(m_live->feed(), &LiveCallsFeed::batchReady, m_tray.get(), &TrayNotifier::onBatch);
    QObject::connect(m_tray.get(), &TrayNotifier::notified, w,
                     [w](const QString &title, const QString &text) { w->statusBar()->showMessage(title + QStringLiteral(": ") + text, 15000); });
}

ConsoleApp::~ConsoleApp()
{
    // The window goes first (it holds references to the others), then the backend thread is joined.
    m_tray.reset();
    m_window.reset();
    m_live.reset();
    m_backend.reset();
}

void ConsoleApp::show()
{
    m_window->show();
}

} // namespace Leadline::Ui
