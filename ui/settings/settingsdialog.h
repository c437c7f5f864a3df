// SettingsDialog: the console language (applied at once and remembered in UiPreferences) and
// the engine settings a manager may change: provider keys (masked), base URLs, database URL and
// port, written to the user's config file (INI, same keys as the environment variables; they
// take effect at the next start; the environment still overrides them). Secrets are never logged
// or shown in clear. "Test connection" buttons probe Deepgram, the OpenAI-compatible LLM,
// ElevenLabs, Exotel and the database URL with the values typed in the dialog; the probes run
// in the engine (Diagnostics::ConnectionTester) on the ConsoleBackend thread, the answer comes back
// as a value. The "API tokens" tab is an ApiTokensPage (below). Thread: GUI thread.
#pragma once

#include "diagnostics/connectiontester.h"
#include "ui/backend/snapshots.h"

#include <QDialog>
#include <QHash>
#include <QMap>
#include <functional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Leadline::Ui {

class ConsoleBackendHost;

// ApiTokensPage: the Settings dialog's "API tokens" tab. Lists the REST bearer tokens (name,
// created, last used, revoked; never the token itself), creates a token by name and shows the
// new token once (read-only field, Copy button, a note that it will not be shown again), and
// revokes the selected token after a confirmation. Every database operation is a ConsoleBackend
// request (Storage::ApiTokenRepository on the "leadline-console" thread) answered with an
// ApiTokensSnapshot; nothing here touches the database. Thread: GUI thread.
class ApiTokensPage : public QWidget
{
    Q_OBJECT
public:
    explicit ApiTokensPage(QWidget *parent = nullptr);

    // Enables the page and loads the list (null: disabled, with a note).
    void setBackend(const ConsoleBackendHost *backend);
    // Reloads the list; false when no backend is set.
    bool refresh();
    // Creates a token named as typed in the name field (what the Create button does); false
    // when nothing was sent (no backend, empty name: the error is shown).
    bool createToken();
    // Revokes the selected token after asking (what the Revoke button does); false when nothing
    // was sent (no backend, no selection, already revoked, or the question was declined).
    bool revokeSelected();
    // Replaces the confirmation question (tests); the default asks with a QMessageBox.
    void setConfirmRevoke(std::function<bool(const QString &name)> ask) { m_confirmRevoke = std::move(ask); }

    bool isBusy() const { return !m_pending.isEmpty(); }
    QTableWidget *table() const { return m_table; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *newTokenField() const { return m_newToken; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *createButton() const { return m_create; }
    QPushButton *revokeButton() const { return m_revoke; }
    QPushButton *copyButton() const { return m_copy; }
    // The token id of a table row (0 when out of range).
    qint64 tokenIdAt(int row) const;

    // The translated message for a failed operation.
    static QString describeError(const ApiTokensSnapshot &snapshot, const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    // After every answer from the backend (ok or not).
    void answered(bool ok);

private:
    // Registers a request about `subject` (a token name, for messages) and posts it.
    bool send(const QString &subject, const std::function<void(quint64)> &post);
    void onReady(const ApiTokensSnapshot &snapshot);
    void showTokens(const QList<Storage::ApiTokenRow> &tokens);
    void showMessage(const QString &text, bool error);
    void hideNewToken();
    void updateButtons();

    const ConsoleBackendHost *m_backend = nullptr;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_name = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_revoke = nullptr;
    QPushButton *m_refresh = nullptr;
    QWidget *m_newTokenBox = nullptr;
    QLineEdit *m_newToken = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_message = nullptr;
    QMap<quint64, QString> m_pending; // request id -> token name concerned (for messages)
    std::function<bool(const QString &)> m_confirmRevoke;
};

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

    using Target = Diagnostics::ConnectionTestRequest::Target;
    // Enables the "Test connection" buttons: probes are posted to this backend (may be null).
    void setBackend(const ConsoleBackendHost *backend);
    // The probe the dialog's current values describe (what the button sends).
    Diagnostics::ConnectionTestRequest testRequest(Target target) const;
    // Starts a probe as the button does; false when no backend is set.
    bool testConnection(Target target);
    QPushButton *testButton(Target target) const { return m_testButtons.value(int(target)); }
    QLabel *testResultLabel(Target target) const { return m_testResults.value(int(target)); }
    // The translated one-line verdict shown for a result.
    static QString describe(const Diagnostics::ConnectionTestResult &result);
    ApiTokensPage *apiTokensPage() const { return m_apiTokens; }

signals:
    void languageSelected(const QString &code);
    void connectionTested(Leadline::Diagnostics::ConnectionTestRequest::Target target, bool ok);

private:
    QWidget *buildProvidersPage();
    QWidget *buildServerPage();
    QWidget *buildCostsPage();
    QLineEdit *addField(QFormLayout *form, const QString &key, const QString &label, bool secret);
    void addTestRow(QFormLayout *form, Target target);
    void onTested(quint64 requestId, const Diagnostics::ConnectionTestResult &result);

    QString m_configFile;
    QComboBox *m_language = nullptr;
    QSpinBox *m_port = nullptr;
    QHash<QString, QLineEdit *> m_fields;
    const ConsoleBackendHost *m_backend = nullptr;
    QHash<int, QPushButton *> m_testButtons;
    QHash<int, QLabel *> m_testResults;
    QMap<quint64, Target> m_pendingTests;
    ApiTokensPage *m_apiTokens = nullptr;
};

} // namespace Leadline::Ui
