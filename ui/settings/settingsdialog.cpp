#include "settingsdialog.h"

#include "core/settings.h"
#include "ui/backend/consolebackend.h"
#include "ui/common/languagemanager.h"

#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleValidator>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
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
    tabs->addTab(buildCostsPage(), tr("Costs"));
    m_apiTokens = new ApiTokensPage(this);
    tabs->addTab(m_apiTokens, tr("API tokens"));

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
    addTestRow(form, Target::Exotel);
    addField(form, QStringLiteral("DEEPGRAM_API_KEY"), tr("Deepgram API key:"), true);
    addField(form, QStringLiteral("DEEPGRAM_BASE_URL"), tr("Deepgram base URL:"), false);
    addTestRow(form, Target::Deepgram);
    addField(form, QStringLiteral("OPENAI_API_KEY"), tr("OpenAI-compatible API key:"), true);
    addField(form, QStringLiteral("OPENAI_BASE_URL"), tr("OpenAI-compatible base URL:"), false);
    addField(form, QStringLiteral("OPENAI_MODEL"), tr("Model:"), false);
    addTestRow(form, Target::OpenAi);
    addField(form, QStringLiteral("ELEVENLABS_API_KEY"), tr("ElevenLabs API key:"), true);
    addField(form, QStringLiteral("ELEVENLABS_VOICE_ID"), tr("ElevenLabs voice ID:"), false);
    addField(form, QStringLiteral("ELEVENLABS_BASE_URL"), tr("ElevenLabs base URL:"), false);
    addTestRow(form, Target::ElevenLabs);
    const QSettings file(m_configFile, QSettings::IniFormat);
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it.value()->setText(file.value(it.key()).toString());
    for (const char *key : {"EXOTEL_API_BASE_URL", "DEEPGRAM_BASE_URL", "OPENAI_BASE_URL", "ELEVENLABS_BASE_URL"})
        m_fields.value(QLatin1String(key))->setPlaceholderText(Settings::defaults().value(QLatin1String(key)));
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
    addTestRow(form, Target::Database);
    m_port = new QSpinBox(page);
    m_port->setObjectName(QStringLiteral("PORT"));
    m_port->setRange(1, 65535);
    form->addRow(tr("HTTP port:"), m_port);
    const QSettings file(m_configFile, QSettings::IniFormat);
    db->setText(file.value(QStringLiteral("DATABASE_URL")).toString());
    m_port->setValue(file.value(QStringLiteral("PORT"), 8000).toInt());
    return page;
}

QWidget *SettingsDialog::buildCostsPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    auto *note = new QLabel(tr("Prices per minute in rupees, for the cost estimates in History and Analytics."), page);
    note->setWordWrap(true);
    form->addRow(note);
    const QList<QPair<const char *, QString>> prices = {
        {"PRICE_TELEPHONY_INR_PER_MIN", tr("Telephony (per started minute):")},
        {"PRICE_STT_INR_PER_MIN", tr("Speech-to-text (per talk minute):")},
        {"PRICE_LLM_INR_PER_MIN", tr("Language model (per talk minute):")},
        {"PRICE_TTS_INR_PER_MIN", tr("Text-to-speech (per talk minute):")},
    };
    const QSettings file(m_configFile, QSettings::IniFormat);
    for (const auto &p : prices) {
        QLineEdit *e = addField(form, QLatin1String(p.first), p.second, false);
        auto *v = new QDoubleValidator(0.0, 1000000.0, 4, e);
        v->setNotation(QDoubleValidator::StandardNotation);
        v->setLocale(QLocale::c()); // the INI value is read with toDouble()
        e->setValidator(v);
        e->setPlaceholderText(QStringLiteral("0"));
        e->setText(file.value(QLatin1String(p.first)).toString());
    }
    return page;
}

void SettingsDialog::addTestRow(QFormLayout *form, Target target)
{
    auto *row = new QWidget(form->parentWidget());
    auto *button = new QPushButton(tr("Test connection"), row);
    button->setObjectName(QStringLiteral("testConnection%1").arg(int(target)));
    button->setEnabled(false); // until a backend is set
    auto *result = new QLabel(row);
    result->setObjectName(QStringLiteral("testResult%1").arg(int(target)));
    result->setWordWrap(true);
    result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(button);
    layout->addWidget(result, 1);
    form->addRow(QString(), row);
    m_testButtons.insert(int(target), button);
    m_testResults.insert(int(target), result);
    connect(button, &QPushButton::clicked, this, [this, target] { testConnection(target); });
}

void SettingsDialog::setBackend(const ConsoleBackendHost *backend)
{
    if (m_backend)
        disconnect(m_backend->backend(), nullptr, this, nullptr);
    m_backend = backend;
    for (QPushButton *b : std::as_const(m_testButtons))
        b->setEnabled(backend != nullptr);
    if (backend)
        connect(backend->backend(), &ConsoleBackend::connectionTested, this, &SettingsDialog::onTested);
    m_apiTokens->setBackend(backend);
}

Diagnostics::ConnectionTestRequest SettingsDialog::testRequest(Target target) const
{
    auto text = [this](const char *key) {
        QLineEdit *e = m_fields.value(QLatin1String(key));
        return e ? e->text().trimmed() : QString();
    };
    Diagnostics::ConnectionTestRequest r;
    r.target = target;
    switch (target) {
    case Target::Deepgram:
        r.baseUrl = text("DEEPGRAM_BASE_URL");
        r.key = text("DEEPGRAM_API_KEY");
        break;
    case Target::OpenAi:
        r.baseUrl = text("OPENAI_BASE_URL");
        r.key = text("OPENAI_API_KEY");
        break;
    case Target::ElevenLabs:
        r.baseUrl = text("ELEVENLABS_BASE_URL");
        r.key = text("ELEVENLABS_API_KEY");
        break;
    case Target::Exotel:
        r.baseUrl = text("EXOTEL_API_BASE_URL");
        r.key = text("EXOTEL_API_KEY");
        r.secret = text("EXOTEL_API_TOKEN");
        r.account = text("EXOTEL_ACCOUNT_SID");
        break;
    case Target::Database:
        r.baseUrl = text("DATABASE_URL");
        break;
    }
    return r;
}

bool SettingsDialog::testConnection(Target target)
{
    if (!m_backend)
        return false;
    const Diagnostics::ConnectionTestRequest request = testRequest(target);
    const quint64 id = m_backend->nextRequestId();
    m_pendingTests.insert(id, target);
    if (QPushButton *b = m_testButtons.value(int(target)))
        b->setEnabled(false);
    if (QLabel *l = m_testResults.value(int(target))) {
        l->setText(tr("Testing…"));
        l->setToolTip(QString());
    }
    ConsoleBackend *b = m_backend->backend();
    m_backend->post([b, id, request] { b->testConnection(id, request); });
    return true;
}

QString SettingsDialog::describe(const Diagnostics::ConnectionTestResult &r)
{
    const QString c = r.code;
    if (r.ok)
        return tr("Connected (%1 ms).").arg(r.elapsedMs);
    if (c == QLatin1String("unauthorized"))
        return tr("The key was rejected (HTTP 401).");
    if (c == QLatin1String("forbidden"))
        return tr("The key was accepted but access was refused (HTTP 403).");
    if (c == QLatin1String("not_found"))
        return tr("Nothing at this address (HTTP 404): check the base URL.");
    if (c == QLatin1String("rate_limited"))
        return tr("The key works but is being rate limited (HTTP 429).");
    if (c == QLatin1String("http_error"))
        return tr("The server answered with an error (HTTP %1).").arg(r.httpStatus);
    if (c == QLatin1String("timeout"))
        return tr("No answer in time (timeout).");
    if (c == QLatin1String("dns"))
        return tr("Host not found (DNS).");
    if (c == QLatin1String("refused"))
        return tr("Connection refused: nothing listens at that address.");
    if (c == QLatin1String("tls"))
        return tr("Secure connection (TLS) failed.");
    if (c == QLatin1String("not_configured"))
        return tr("Fill in the key (and, for Exotel, the account SID and token) first.");
    if (c == QLatin1String("bad_url"))
        return tr("The URL is not valid.");
    if (c == QLatin1String("database"))
        return tr("Could not connect to the database.");
    return tr("Network error.");
}

void SettingsDialog::onTested(quint64 requestId, const Diagnostics::ConnectionTestResult &result)
{
    auto it = m_pendingTests.find(requestId);
    if (it == m_pendingTests.end())
        return; // another dialog's probe
    const Target target = it.value();
    m_pendingTests.erase(it);
    if (QPushButton *b = m_testButtons.value(int(target)))
        b->setEnabled(true);
    if (QLabel *l = m_testResults.value(int(target))) {
        l->setText(describe(result));
        // The engine's details (English, never a secret) for the curious.
        l->setToolTip(result.message);
        QPalette p = l->palette();
        p.setColor(QPalette::WindowText, result.ok ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb0, 0x20, 0x20));
        l->setPalette(p);
    }
    emit connectionTested(target, result.ok);
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

// --- ApiTokensPage ---------------------------------------------------------------------------

namespace {
enum TokenColumn { NameColumn, CreatedColumn, LastUsedColumn, RevokedColumn, ColumnCount };
constexpr int TokenIdRole = Qt::UserRole;
constexpr int RevokedRole = Qt::UserRole + 1;
} // namespace

ApiTokensPage::ApiTokensPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("apiTokensPage"));
    auto *intro = new QLabel(tr("Bearer tokens let other programs use the REST API and the live events feed. "
                                "Leadline stores only a hash of each token, so a new token is shown once, "
                                "right after it is created."),
                             this);
    intro->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("apiTokensTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Created"), tr("Last used"), tr("Revoked")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c = CreatedColumn; c < ColumnCount; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ApiTokensPage::updateButtons);

    m_revoke = new QPushButton(tr("&Revoke…"), this);
    m_revoke->setObjectName(QStringLiteral("revokeApiToken"));
    connect(m_revoke, &QPushButton::clicked, this, [this] { revokeSelected(); });
    m_refresh = new QPushButton(tr("Re&fresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshApiTokens"));
    connect(m_refresh, &QPushButton::clicked, this, [this] { refresh(); });
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_revoke);
    listButtons->addWidget(m_refresh);
    listButtons->addStretch(1);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("apiTokenName"));
    m_name->setMaxLength(100);
    m_name->setPlaceholderText(tr("e.g. crm-sync"));
    m_name->installEventFilter(this); // Enter creates the token instead of saving the dialog
    m_create = new QPushButton(tr("&Create token"), this);
    m_create->setObjectName(QStringLiteral("createApiToken"));
    m_create->setAutoDefault(false);
    connect(m_create, &QPushButton::clicked, this, [this] { createToken(); });
    auto *createRow = new QHBoxLayout;
    createRow->addWidget(new QLabel(tr("New token name:"), this));
    createRow->addWidget(m_name, 1);
    createRow->addWidget(m_create);

    m_newTokenBox = new QWidget(this);
    m_newTokenBox->setObjectName(QStringLiteral("newApiTokenBox"));
    m_newToken = new QLineEdit(m_newTokenBox);
    m_newToken->setObjectName(QStringLiteral("newApiToken"));
    m_newToken->setReadOnly(true);
    m_newToken->setMinimumWidth(fontMetrics().averageCharWidth() * 50);
    m_copy = new QPushButton(tr("Co&py"), m_newTokenBox);
    m_copy->setObjectName(QStringLiteral("copyApiToken"));
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (QClipboard *clipboard = QGuiApplication::clipboard())
            clipboard->setText(m_newToken->text());
        showMessage(tr("The token was copied to the clipboard."), false);
    });
    auto *onceNote = new QLabel(tr("Copy this token now and keep it somewhere safe: it will not be shown again. "
                                   "If it is lost, revoke it and create a new one."),
                                m_newTokenBox);
    onceNote->setObjectName(QStringLiteral("newApiTokenNote"));
    onceNote->setWordWrap(true);
    QFont bold = onceNote->font();
    bold.setBold(true);
    onceNote->setFont(bold);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(new QLabel(tr("New token:"), m_newTokenBox));
    tokenRow->addWidget(m_newToken, 1);
    tokenRow->addWidget(m_copy);
    auto *boxLayout = new QVBoxLayout(m_newTokenBox);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    boxLayout->addLayout(tokenRow);
    boxLayout->addWidget(onceNote);
    m_newTokenBox->hide();

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("apiTokensMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(listButtons);
    layout->addLayout(createRow);
    layout->addWidget(m_newTokenBox);
    layout->addWidget(m_message);
    setBackend(nullptr);
}

bool ApiTokensPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_name && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            createToken();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ApiTokensPage::setBackend(const ConsoleBackendHost *backend)
{
    if (m_backend)
        disconnect(m_backend->backend(), nullptr, this, nullptr);
    m_backend = backend;
    m_pending.clear();
    m_name->setEnabled(backend != nullptr);
    if (!backend) {
        showMessage(tr("API tokens can be managed here once the console is connected to its database."), false);
        updateButtons();
        return;
    }
    showMessage(QString(), false);
    connect(backend->backend(), &ConsoleBackend::apiTokensReady, this, &ApiTokensPage::onReady);
    refresh();
}

bool ApiTokensPage::send(const QString &subject, const std::function<void(quint64)> &post)
{
    if (!m_backend)
        return false;
    const quint64 id = m_backend->nextRequestId();
    m_pending.insert(id, subject);
    post(id);
    updateButtons();
    return true;
}

bool ApiTokensPage::refresh()
{
    const ConsoleBackendHost *host = m_backend;
    return send(QString(), [host](quint64 id) {
        ConsoleBackend *b = host->backend();
        host->post([b, id] { b->listApiTokens(id); });
    });
}

bool ApiTokensPage::createToken()
{
    if (!m_backend)
        return false;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        showMessage(tr("Enter a name for the new token (for example the program that will use it)."), true);
        m_name->setFocus();
        return false;
    }
    hideNewToken();
    showMessage(tr("Creating…"), false);
    const ConsoleBackendHost *host = m_backend;
    return send(name, [host, name](quint64 id) {
        ConsoleBackend *b = host->backend();
        host->post([b, id, name] { b->createApiToken(id, name); });
    });
}

qint64 ApiTokensPage::tokenIdAt(int row) const
{
    const QTableWidgetItem *item = row >= 0 ? m_table->item(row, NameColumn) : nullptr;
    return item ? item->data(TokenIdRole).toLongLong() : 0;
}

bool ApiTokensPage::revokeSelected()
{
    if (!m_backend)
        return false;
    const int row = m_table->currentRow();
    const QTableWidgetItem *item = row >= 0 && m_table->selectionModel()->isRowSelected(row, {})
                                       ? m_table->item(row, NameColumn)
                                       : nullptr;
    if (!item) {
        showMessage(tr("Select the token to revoke first."), true);
        return false;
    }
    const QString name = item->text();
    const qint64 id = item->data(TokenIdRole).toLongLong();
    if (item->data(RevokedRole).toBool()) {
        showMessage(tr("The token “%1” is already revoked.").arg(name), true);
        return false;
    }
    bool confirmed = false;
    if (m_confirmRevoke) {
        confirmed = m_confirmRevoke(name);
    } else {
        QMessageBox box(QMessageBox::Warning, tr("Revoke API token"),
                        tr("Revoke the token “%1”? Programs using it will be refused from now on. "
                           "This cannot be undone.")
                            .arg(name),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("confirmRevokeApiToken"));
        QPushButton *yes = box.addButton(tr("Revoke"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        confirmed = box.clickedButton() == yes;
    }
    if (!confirmed || !m_backend)
        return false;
    hideNewToken();
    const ConsoleBackendHost *host = m_backend;
    return send(name, [host, id](quint64 requestId) {
        ConsoleBackend *b = host->backend();
        host->post([b, requestId, id] { b->revokeApiToken(requestId, id); });
    });
}

QString ApiTokensPage::describeError(const ApiTokensSnapshot &s, const QString &name)
{
    const QString c = s.errorCode;
    if (c == QLatin1String("duplicate_name") || c == QLatin1String("conflict"))
        return tr("An active token named “%1” already exists. Choose another name, or revoke that token first.").arg(name);
    if (c == QLatin1String("validation_failed"))
        return tr("A token name must have 1 to 100 characters and must not be just a number.");
    if (c == QLatin1String("not_found"))
        return tr("That token no longer exists; the list has been reloaded.");
    switch (s.operation) {
    case ApiTokensSnapshot::Operation::Create:
        return tr("The token could not be created (database error).");
    case ApiTokensSnapshot::Operation::Revoke:
        return tr("The token could not be revoked (database error).");
    case ApiTokensSnapshot::Operation::List:
        break;
    }
    return tr("The tokens could not be loaded (database error).");
}

void ApiTokensPage::onReady(const ApiTokensSnapshot &s)
{
    auto it = m_pending.find(s.requestId);
    if (it == m_pending.end())
        return; // another page's request
    const QString subject = it.value();
    m_pending.erase(it);
    if (s.listed)
        showTokens(s.tokens);
    if (!s.ok) {
        showMessage(describeError(s, s.row.name.isEmpty() ? subject : s.row.name), true);
        // The engine's details (English, never a token) for the curious.
        m_message->setToolTip(s.errorMessage);
    } else if (s.operation == ApiTokensSnapshot::Operation::Create) {
        m_newToken->setText(QString::fromLatin1(s.token));
        m_newTokenBox->show();
        m_newToken->selectAll();
        m_name->clear();
        showMessage(tr("Token “%1” created.").arg(s.row.name), false);
    } else if (s.operation == ApiTokensSnapshot::Operation::Revoke) {
        showMessage(tr("Token “%1” revoked: it is no longer accepted.").arg(s.row.name), false);
    }
    updateButtons();
    emit answered(s.ok);
}

void ApiTokensPage::showTokens(const QList<Storage::ApiTokenRow> &tokens)
{
    const qint64 selected = tokenIdAt(m_table->currentRow());
    auto when = [this](qint64 ms) {
        return locale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
    };
    m_table->setRowCount(0);
    m_table->setRowCount(int(tokens.size()));
    int reselect = -1;
    for (int r = 0; r < tokens.size(); ++r) {
        const Storage::ApiTokenRow &t = tokens.at(r);
        auto *name = new QTableWidgetItem(t.name);
        name->setData(TokenIdRole, t.id);
        name->setData(RevokedRole, !t.active());
        QList<QTableWidgetItem *> items{
            name,
            new QTableWidgetItem(when(t.createdAt)),
            new QTableWidgetItem(t.lastUsedAt ? when(t.lastUsedAt) : tr("never")),
            new QTableWidgetItem(t.active() ? tr("no (active)") : when(t.revokedAt)),
        };
        for (int c = 0; c < items.size(); ++c) {
            if (!t.active())
                items[c]->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
            m_table->setItem(r, c, items[c]);
        }
        if (t.id == selected)
            reselect = r;
    }
    if (reselect >= 0)
        m_table->selectRow(reselect);
}

void ApiTokensPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setToolTip(QString());
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_message->setPalette(p);
    m_message->setProperty("error", error);
}

void ApiTokensPage::hideNewToken()
{
    m_newToken->clear();
    m_newTokenBox->hide();
}

void ApiTokensPage::updateButtons()
{
    const bool ready = m_backend != nullptr;
    const int row = m_table->currentRow();
    const QTableWidgetItem *item = row >= 0 ? m_table->item(row, NameColumn) : nullptr;
    const bool selectedActive = item && m_table->selectionModel()->isRowSelected(row, {}) && !item->data(RevokedRole).toBool();
    m_create->setEnabled(ready);
    m_refresh->setEnabled(ready);
    m_revoke->setEnabled(ready && selectedActive);
}

} // namespace Leadline::Ui
