#include "consoleapp.h"

#include "ui/backend/consolebackend.h"
#include "ui/common/languagemanager.h"
#include "ui/common/uipreferences.h"

namespace Leadline::Ui {

ConsoleApp::ConsoleApp(Campaigns::CampaignService &campaigns, const Storage::Database &db, ConsoleInfo info,
                       const QString &prefsPath)
    : m_prefs(std::make_unique<UiPreferences>(prefsPath.isEmpty() ? UiPreferences::defaultPath() : prefsPath))
    , m_languages(std::make_unique<LanguageManager>())
{
    if (!m_languages->apply(m_prefs->language()))
        m_languages->apply(QStringLiteral("en"));
    m_backend = std::make_unique<ConsoleBackendHost>(campaigns, db);
    m_window = std::make_unique<MainWindow>(*m_backend, *m_languages, *m_prefs, std::move(info));
}

ConsoleApp::~ConsoleApp()
{
    // The window goes first (it holds references to the others), then the backend thread is joined.
    m_window.reset();
    m_backend.reset();
}

void ConsoleApp::show()
{
    m_window->show();
}

} // namespace Leadline::Ui
