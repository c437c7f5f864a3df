// ConsoleApp: the console's composition root, built by app/main.cpp when a window is wanted.
// Owns, in construction order: the remembered UI preferences, the language manager (applies the
// stored language before any widget exists), the backend thread and the main window.
// Thread: GUI thread.
#pragma once

#include "ui/mainwindow.h"

#include <memory>

namespace Leadline::Campaigns { class CampaignService; }
namespace Leadline::Storage { class Database; }

namespace Leadline::Ui {

class ConsoleBackendHost;
class LanguageManager;
class UiPreferences;

class ConsoleApp
{
public:
    // prefsPath: the console's INI file (UiPreferences::defaultPath() when empty).
    ConsoleApp(Campaigns::CampaignService &campaigns, const Storage::Database &db, ConsoleInfo info,
               const QString &prefsPath = {});
    ~ConsoleApp();

    void show();
    MainWindow &window() const { return *m_window; }
    LanguageManager &languages() const { return *m_languages; }
    UiPreferences &preferences() const { return *m_prefs; }
    const ConsoleBackendHost &backend() const { return *m_backend; }

private:
    std::unique_ptr<UiPreferences> m_prefs;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ConsoleBackendHost> m_backend;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace Leadline::Ui
