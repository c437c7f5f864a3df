// SettingsDialog: the console language (applied at once and remembered in UiPreferences) and
// the engine settings a manager may change: provider keys (masked), base URLs, database URL and
// port, written to the user's config file (INI, same keys as the environment variables; they
// take effect at the next start; the environment still overrides them). Secrets are never logged
// or shown in clear. Thread: GUI thread.
#pragma once

#include <QDialog>
#include <QHash>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

namespace Leadline::Ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // configFile: where engine settings are saved; currentLanguage: "en" or "hi".
    SettingsDialog(const QString &configFile, const QString &currentLanguage, QWidget *parent = nullptr);

    QString selectedLanguage() const;
    QComboBox *languageCombo() const { return m_language; }
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    // Writes the engine settings to the config file; false with a message on failure.
    bool save(QString *error = nullptr);

signals:
    void languageSelected(const QString &code);

private:
    QWidget *buildProvidersPage();
    QWidget *buildServerPage();
    QLineEdit *addField(QFormLayout *form, const QString &key, const QString &label, bool secret);

    QString m_configFile;
    QComboBox *m_language = nullptr;
    QSpinBox *m_port = nullptr;
    QHash<QString, QLineEdit *> m_fields;
};

} // namespace Leadline::Ui
