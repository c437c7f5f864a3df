#include "settingsdialog.h"

#include "ui/common/languagemanager.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Leadline::Ui {

SettingsDialog::SettingsDialog(const QString &configFile, const QString &currentLanguage, QWidget *parent)
    : QDialog(parent), m_configFile(configFile)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    auto *general = new QWidget(this);
    auto *generalForm = new QFormLayout(general);
    m_language = new QComboBox(general);
    m_language->setObjectName(QStringLiteral("uiLanguage"));
    for (const QString &code : LanguageManager::available())
        m_language->addItem(LanguageManager::nativeName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(currentLanguage)));
    generalForm->addRow(tr("Console &language:"), m_language);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(general, tr("General"));
    tabs->addTab(buildProvidersPage(), tr("Providers"));
    tabs->addTab(buildServerPage(), tr("Server"));

    auto *note = new QLabel(tr("Provider, database and port changes are saved to %1 and take effect the next time "
                               "Leadline starts. Environment variables override them.")
                                .arg(QDir::toNativeSeparators(m_configFile)),
                            this);
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QString error;
        if (!save(&error)) {
            QMessageBox::warning(this, tr("Settings not saved"), error);
            return;
        }
        emit languageSelected(selectedLanguage());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QLineEdit *SettingsDialog::addField(QFormLayout *form, const QString &key, const QString &label, bool secret)
{
    auto *edit = new QLineEdit(form->parentWidget());
    edit->setObjectName(key);
    if (secret) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setPlaceholderText(tr("not set"));
    }
    edit->setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    form->addRow(label, edit);
    m_fields.insert(key, edit);
    return edit;
}

QWidget *SettingsDialog::buildProvidersPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    addField(form, QStringLiteral("EXOTEL_ACCOUNT_SID"), tr("Exotel account SID:"), false);
    addField(form, QStringLiteral("EXOTEL_API_KEY"), tr("Exotel API key:"), true);
    addField(form, QStringLiteral("EXOTEL_API_TOKEN"), tr("Exotel API token:"), true);
    addField(form, QStringLiteral("EXOTEL_VIRTUAL_NUMBER"), tr("Exotel virtual number:"), false);
    addField(form, QStringLiteral("EXOTEL_API_BASE_URL"), tr("Exotel API base URL:"), false);
    addField(form, QStringLiteral("DEEPGRAM_API_KEY"), tr("Deepgram API key:"), true);
    addField(form, QStringLiteral("DEEPGRAM_BASE_URL"), tr("Deepgram base URL:"), false);
    addField(form, QStringLiteral("OPENAI_API_KEY"), tr("OpenAI-compatible API key:"), true);
    addField(form, QStringLiteral("OPENAI_BASE_URL"), tr("OpenAI-compatible base URL:"), false);
    addField(form, QStringLiteral("OPENAI_MODEL"), tr("Model:"), false);
    addField(form, QStringLiteral("ELEVENLABS_API_KEY"), tr("ElevenLabs API key:"), true);
    addField(form, QStringLiteral("ELEVENLABS_VOICE_ID"), tr("ElevenLabs voice ID:"), false);
    addField(form, QStringLiteral("ELEVENLABS_BASE_URL"), tr("ElevenLabs base URL:"), false);
    const QSettings file(m_configFile, QSettings::IniFormat);
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it.value()->setText(file.value(it.key()).toString());
    return page;
}

QWidget *SettingsDialog::buildServerPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    QLineEdit *db = addField(form, QStringLiteral("DATABASE_URL"), tr("Database URL:"), false);
    db->setPlaceholderText(tr("empty: the embedded SQLite database"));
    // The URL may carry a password: mask it like a key.
    db->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_port = new QSpinBox(page);
    m_port->setObjectName(QStringLiteral("PORT"));
    m_port->setRange(1, 65535);
    form->addRow(tr("HTTP port:"), m_port);
    const QSettings file(m_configFile, QSettings::IniFormat);
    db->setText(file.value(QStringLiteral("DATABASE_URL")).toString());
    m_port->setValue(file.value(QStringLiteral("PORT"), 8000).toInt());
    return page;
}

QString SettingsDialog::selectedLanguage() const
{
    return m_language->currentData().toString();
}

bool SettingsDialog::save(QString *error)
{
    QDir().mkpath(QFileInfo(m_configFile).absolutePath());
    QSettings file(m_configFile, QSettings::IniFormat);
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString value = it.value()->text().trimmed();
        if (value.isEmpty())
            file.remove(it.key());
        else
            file.setValue(it.key(), value);
    }
    file.setValue(QStringLiteral("PORT"), m_port->value());
    file.sync();
    if (file.status() != QSettings::NoError) {
        if (error)
            *error = tr("Could not write %1.").arg(QDir::toNativeSeparators(m_configFile));
        return false;
    }
    QFile::setPermissions(m_configFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner); // holds secrets
    return true;
}

} // namespace Leadline::Ui
