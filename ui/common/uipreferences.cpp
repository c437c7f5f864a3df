#include "uipreferences.h"

#include <QDir>
#include <QStandardPaths>

namespace Leadline::Ui {

static const QString kLanguage = QStringLiteral("ui/language");
static const QString kGeometry = QStringLiteral("window/geometry");
static const QString kState = QStringLiteral("window/state");
static const QString kSplitter = QStringLiteral("window/splitter");
static const QString kLastCampaign = QStringLiteral("campaigns/last");

UiPreferences::UiPreferences(const QString &iniPath) : m_settings(iniPath, QSettings::IniFormat) {}

QString UiPreferences::defaultPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QLatin1String("/.config/leadline");
    return QDir(dir).filePath(QStringLiteral("console.ini"));
}

QString UiPreferences::language() const
{
    const QString code = m_settings.value(kLanguage, QStringLiteral("en")).toString();
    return code == QLatin1String("hi") ? code : QStringLiteral("en");
}

void UiPreferences::setLanguage(const QString &code) { m_settings.setValue(kLanguage, code); }
QByteArray UiPreferences::windowGeometry() const { return m_settings.value(kGeometry).toByteArray(); }
void UiPreferences::setWindowGeometry(const QByteArray &g) { m_settings.setValue(kGeometry, g); }
QByteArray UiPreferences::windowState() const { return m_settings.value(kState).toByteArray(); }
void UiPreferences::setWindowState(const QByteArray &s) { m_settings.setValue(kState, s); }
QByteArray UiPreferences::splitterState() const { return m_settings.value(kSplitter).toByteArray(); }
void UiPreferences::setSplitterState(const QByteArray &s) { m_settings.setValue(kSplitter, s); }
qint64 UiPreferences::lastCampaignId() const { return m_settings.value(kLastCampaign, 0).toLongLong(); }
void UiPreferences::setLastCampaignId(qint64 id) { m_settings.setValue(kLastCampaign, id); }

} // namespace Leadline::Ui
