// ConsoleApp: the console's composition root, built by app/main.cpp when a window is wanted.
// Owns, in construction order: the remembered UI preferences, the language manager (applies the
// stored language before any widget exists), the backend thread, the live feed thread
// ("leadline-live", fed by hooks.eventSource), the main window and the tray notifier.
// Thread: GUI thread.
#pragma once

#include "ui/consolehooks.h"
#include "ui/backend/consolebackend.h"
#include "ui/mainwindow.h"

#include <memory>

namespace Leadline::Campaigns { class CampaignService; }
namespace Leadline::Storage { class Database; }

namespace Leadline::Ui {

class ConsoleBackendHost;
class LanguageManager;
class LiveCallsFeedHost;
class TrayNotifier;
class UiPreferences;

class ConsoleApp
{
public:
    // prefsPath: the console's INI file (UiPreferences::defaultPath() when empty).
    // hooks: what the console may ask of the engine (app/main.cpp fills it); empty members
    // disable the matching actions.
    // backendOptions: prices for the cost estimates of History and Analytics.
    ConsoleApp(Campaigns::CampaignService &campaigns, const Storage::Database &db, ConsoleInfo info,
               const QString &prefsPath = {}, ConsoleHooks hooks = {}, ConsoleBackendOptions backendOptions = {});
    ~ConsoleApp();

    void show();
    MainWindow &window() const { return *m_window; }
    LanguageManager &languages() const { return *m_languages; }
    UiPreferences &preferences() const { return *m_prefs; }
    const ConsoleBackendHost &backend() const { return *m_backend; }
    const LiveCallsFeedHost &live() const { return *m_live; }
    TrayNotifier &tray() const { return *m_tray; }

private:
    std::unique_ptr<UiPreferences> m_prefs;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ConsoleBackendHost> m_backend;
    std::unique_ptr<LiveCallsFeedHost> m_live;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayNotifier> m_tray;
};

} // namespace Leadline::Ui
