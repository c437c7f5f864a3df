// UiPreferences: the console's own remembered state (UI language, window geometry, splitter,
// last campaign) in an INI file: by default <config dir>/leadline/console.ini; tests pass a
// temporary path. Engine settings live elsewhere (the leadline.conf the settings page writes).
// Thread: GUI thread.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace Leadline::Ui {

class UiPreferences
{
public:
    explicit UiPreferences(const QString &iniPath = defaultPath());
    static QString defaultPath();

    QString language() const; // "en" or "hi"
    void setLanguage(const QString &code);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &g);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &s);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &s);
    qint64 lastCampaignId() const;
    void setLastCampaignId(qint64 id);
    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};

} // namespace Leadline::Ui
