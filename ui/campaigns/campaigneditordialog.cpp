#include "campaigneditordialog.h"

#include "campaigns/campaignservice.h"
#include "storage/campaignstatus.h"
#include "ui/common/labels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyle>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace Leadline::Ui {

static const char *const kDayCodes[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const QStringList kVariables = {QStringLiteral("{name}"), QStringLiteral("{property_type}"),
                                       QStringLiteral("{city}")};

CampaignEditorDialog::CampaignEditorDialog(const Storage::CampaignRow &row, bool isNew, QWidget *parent)
    : QDialog(parent), m_original(row), m_isNew(isNew)
{
    setObjectName(QStringLiteral("campaignEditor"));
    setWindowTitle(isNew ? tr("New campaign") : tr("Campaign \u201c%1\u201d").arg(row.name));
    buildForm();
    load(row);
    revalidate();
}

void CampaignEditorDialog::buildForm()
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("campaignName"));
    form->addRow(tr("&Name:"), m_name);

    m_script = new QPlainTextEdit(this);
    m_script->setObjectName(QStringLiteral("campaignScript"));
    m_script->setTabChangesFocus(true);
    m_script->setMinimumHeight(fontMetrics().lineSpacing() * 5);
    auto *vars = new QHBoxLayout;
    vars->addWidget(new QLabel(tr("Insert:"), this));
    for (const QString &v : kVariables) {
        auto *b = new QPushButton(v, this);
        b->setAutoDefault(false);
        b->setToolTip(tr("Insert %1 at the cursor").arg(v));
        connect(b, &QPushButton::clicked, this, [this, v] { insertVariable(v); });
        vars->addWidget(b);
    }
    vars->addStretch(1);
    m_scriptHint = new QLabel(this);
    m_scriptHint->setWordWrap(true);
    auto *scriptBox = new QVBoxLayout;
    scriptBox->addWidget(m_script);
    scriptBox->addLayout(vars);
    scriptBox->addWidget(m_scriptHint);
    auto *scriptLabel = new QLabel(tr("&Script:"), this);
    scriptLabel->setBuddy(m_script);
    form->addRow(scriptLabel, scriptBox);

    m_language = new QComboBox(this);
    const QList<QPair<QString, QString>> languages = {
        {QStringLiteral("en"), tr("English")},   {QStringLiteral("hi"), tr("Hindi")},
        {QStringLiteral("ta"), tr("Tamil")},     {QStringLiteral("te"), tr("Telugu")},
        {QStringLiteral("kn"), tr("Kannada")},   {QStringLiteral("mr"), tr("Marathi")},
        {QStringLiteral("bn"), tr("Bengali")},   {QStringLiteral("gu"), tr("Gujarati")}};
    for (const auto &l : languages)
        m_language->addItem(l.second, l.first);
    form->addRow(tr("&Language:"), m_language);

    m_voice = new QComboBox(this);
    m_voice->setEditable(true);
    m_voice->addItem(QString());
    m_voice->lineEdit()->setPlaceholderText(tr("Provider default"));
    m_voice->setMinimumContentsLength(24);
    m_voice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    form->addRow(tr("&Voice:"), m_voice);

    m_start = new QTimeEdit(this);
    m_start->setDisplayFormat(QStringLiteral("HH:mm"));
    m_start->setObjectName(QStringLiteral("windowStart"));
    m_end = new QTimeEdit(this);
    m_end->setDisplayFormat(QStringLiteral("HH:mm"));
    m_end->setObjectName(QStringLiteral("windowEnd"));
    auto *window = new QHBoxLayout;
    window->addWidget(m_start);
    window->addWidget(new QLabel(tr("to"), this));
    window->addWidget(m_end);
    window->addStretch(1);
    auto *windowLabel = new QLabel(tr("Calling &window:"), this);
    windowLabel->setBuddy(m_start);
    form->addRow(windowLabel, window);

    auto *days = new QHBoxLayout;
    for (const char *code : kDayCodes) {
        auto *box = new QCheckBox(Labels::weekday(QLatin1String(code)), this);
        box->setProperty("day", QLatin1String(code));
        m_days << box;
        days->addWidget(box);
    }
    days->addStretch(1);
    form->addRow(tr("Calling days:"), days);

    m_timezone = new QComboBox(this);
    m_timezone->setEditable(true);
    m_timezone->setObjectName(QStringLiteral("timezone"));
    m_timezone->addItems({QStringLiteral("Asia/Kolkata"), QStringLiteral("Asia/Dubai"), QStringLiteral("Asia/Singapore"),
                          QStringLiteral("Europe/London"), QStringLiteral("America/New_York"), QStringLiteral("UTC")});
    form->addRow(tr("&Time zone:"), m_timezone);

    m_concurrent = new QSpinBox(this);
    m_concurrent->setRange(1, 1000);
    form->addRow(tr("Max &concurrent calls:"), m_concurrent);
    m_attempts = new QSpinBox(this);
    m_attempts->setRange(1, 20);
    form->addRow(tr("Max &attempts per lead:"), m_attempts);
    m_retryMinutes = new QSpinBox(this);
    m_retryMinutes->setRange(1, 7 * 24 * 60);
    m_retryMinutes->setSuffix(tr(" min"));
    form->addRow(tr("&Retry after:"), m_retryMinutes);

    m_statusLabel = new QLabel(this);
    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->setForegroundRole(QPalette::PlaceholderText);
    m_readOnlyNote->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("validationMessage"));
    m_message->setWordWrap(true);
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_message->setPalette(pal);

    m_buttons = new QDialogButtonBox(this);
    if (m_isNew) {
        m_primary = m_buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
        m_buttons->addButton(QDialogButtonBox::Cancel);
        connect(m_primary, &QPushButton::clicked, this, [this] {
            revalidate();
            if (!m_valid)
                return;
            m_primary->setEnabled(false);
            emit createRequested(row());
        });
    } else {
        m_startButton = m_buttons->addButton(tr("&Start\u2026"), QDialogButtonBox::ActionRole);
        m_startButton->setObjectName(QStringLiteral("startButton"));
        m_startButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
        m_pauseButton = m_buttons->addButton(tr("&Pause\u2026"), QDialogButtonBox::ActionRole);
        m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
        m_pauseButton->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
        auto *brief = m_buttons->addButton(tr("Project &brief\u2026"), QDialogButtonBox::ActionRole);
        brief->setObjectName(QStringLiteral("briefButton"));
        auto *visits = m_buttons->addButton(tr("Site &visits\u2026"), QDialogButtonBox::ActionRole);
        visits->setObjectName(QStringLiteral("siteVisitsButton"));
        connect(brief, &QPushButton::clicked, this, [this] { emit briefRequested(m_original.id); });
        connect(visits, &QPushButton::clicked, this, [this] { emit siteVisitsRequested(m_original.id); });
        m_buttons->addButton(QDialogButtonBox::Close);
        m_primary = m_startButton;
        connect(m_startButton, &QPushButton::clicked, this, [this] { confirmStatus(Storage::statusName(Storage::CampaignStatus::Running)); });
        connect(m_pauseButton, &QPushButton::clicked, this, [this] { confirmStatus(Storage::statusName(Storage::CampaignStatus::Paused)); });
    }
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_readOnlyNote);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &CampaignEditorDialog::revalidate);
    connect(m_script, &QPlainTextEdit::textChanged, this, &CampaignEditorDialog::revalidate);
    connect(m_start, &QTimeEdit::timeChanged, this, &CampaignEditorDialog::revalidate);
    connect(m_end, &QTimeEdit::timeChanged, this, &CampaignEditorDialog::revalidate);
    connect(m_timezone, &QComboBox::currentTextChanged, this, &CampaignEditorDialog::revalidate);
    for (QCheckBox *box : std::as_const(m_days))
        connect(box, &QCheckBox::toggled, this, &CampaignEditorDialog::revalidate);
}

void CampaignEditorDialog::load(const Storage::CampaignRow &r)
{
    m_name->setText(r.name);
    m_script->setPlainText(r.script);
    const int lang = m_language->findData(r.language);
    if (lang < 0)
        m_language->addItem(r.language, r.language);
    m_language->setCurrentIndex(lang < 0 ? m_language->count() - 1 : lang);
    m_voice->setCurrentText(r.voice);
    m_start->setTime(QTime::fromString(r.windowStart, QStringLiteral("HH:mm")));
    m_end->setTime(QTime::fromString(r.windowEnd, QStringLiteral("HH:mm")));
    const QStringList days = r.callingDays.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QCheckBox *box : std::as_const(m_days))
        box->setChecked(days.contains(box->property("day").toString()));
    m_timezone->setCurrentText(r.timezone);
    m_concurrent->setValue(r.maxConcurrent);
    m_attempts->setValue(r.maxAttempts);
    m_retryMinutes->setValue(qMax(1, r.retryDelaySeconds / 60));
    setStatus(r.status);
    if (!m_isNew) {
        // Saved campaigns are read-only here until the engine can update them.
        m_readOnlyNote->setText(tr("A saved campaign cannot be edited yet; that arrives with the campaign update "
                                   "service. You can start or pause it here."));
        m_readOnlyNote->show();
        for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_script, m_language, m_voice, m_start, m_end,
                                                          m_timezone, m_concurrent, m_attempts, m_retryMinutes})
            w->setEnabled(false);
        for (QCheckBox *box : std::as_const(m_days))
            box->setEnabled(false);
    }
}

Storage::CampaignRow CampaignEditorDialog::row() const
{
    Storage::CampaignRow r = m_original;
    r.name = m_name->text().trimmed();
    r.script = m_script->toPlainText().trimmed();
    r.language = m_language->currentData().toString();
    r.voice = m_voice->currentText().trimmed();
    r.windowStart = m_start->time().toString(QStringLiteral("HH:mm"));
    r.windowEnd = m_end->time().toString(QStringLiteral("HH:mm"));
    QStringList days;
    for (QCheckBox *box : m_days) {
        if (box->isChecked())
            days << box->property("day").toString();
    }
    r.callingDays = days.join(QLatin1Char(','));
    r.timezone = m_timezone->currentText().trimmed();
    r.maxConcurrent = m_concurrent->value();
    r.maxAttempts = m_attempts->value();
    r.retryDelaySeconds = m_retryMinutes->value() * 60;
    return r;
}

QString CampaignEditorDialog::validationMessage() const
{
    return m_valid ? QString() : m_message->text();
}

QString CampaignEditorDialog::translatedProblem(const QString &m) const
{
    // CampaignService::validate speaks English field names; say the same thing in the UI language.
    if (m.startsWith(QLatin1String("name is required")))
        return tr("Enter a name for the campaign.");
    if (m.startsWith(QLatin1String("name is longer")))
        return tr("The name is too long (at most 200 characters).");
    if (m.contains(QLatin1String("must be before")))
        return tr("The calling window must start before it ends.");
    if (m.startsWith(QLatin1String("calling_window.start")) || m.startsWith(QLatin1String("calling_window.end")))
        return tr("Enter the calling window as hours and minutes (HH:MM).");
    if (m.startsWith(QLatin1String("calling_window.days")))
        return tr("Choose at least one calling day.");
    if (m.startsWith(QLatin1String("timezone")))
        return tr("\u201c%1\u201d is not a known time zone; use a name such as Asia/Kolkata.").arg(m_timezone->currentText());
    if (m.startsWith(QLatin1String("max_concurrent")))
        return tr("Max concurrent calls must be between 1 and 1000.");
    if (m.startsWith(QLatin1String("max_attempts")))
        return tr("Max attempts must be between 1 and 20.");
    if (m.startsWith(QLatin1String("retry_delay_s")))
        return tr("The retry delay must be between 1 minute and 7 days.");
    return m;
}

void CampaignEditorDialog::revalidate()
{
    const Status s = Campaigns::CampaignService::validate(row());
    m_valid = s.ok();
    m_message->setText(m_valid ? QString() : translatedProblem(s.error().message));
    m_message->setToolTip(m_valid ? QString() : s.error().message);
    m_message->setVisible(!m_valid);
    if (m_isNew && m_primary)
        m_primary->setEnabled(m_valid);

    // Unknown {variables} in the script are not fatal, but almost always a typo.
    static const QRegularExpression var(QStringLiteral("\\{[^{}\\s]+\\}"));
    QStringList unknown;
    for (auto it = var.globalMatch(m_script->toPlainText()); it.hasNext();) {
        const QString v = it.next().captured(0);
        if (!kVariables.contains(v) && !unknown.contains(v))
            unknown << v;
    }
    m_scriptHint->setText(unknown.isEmpty()
                              ? tr("Variables: {name}, {property_type}, {city} are filled in from each lead.")
                              : tr("Unknown variable(s): %1. Available: {name}, {property_type}, {city}.")
                                    .arg(unknown.join(QStringLiteral(", "))));
}

void CampaignEditorDialog::showServerError(const QString &message)
{
    m_valid = false;
    m_message->setText(message);
    m_message->setVisible(true);
    if (m_primary)
        m_primary->setEnabled(true);
}

void CampaignEditorDialog::setStatus(const QString &status)
{
    m_original.status = status;
    m_statusLabel->setText(tr("Status: %1").arg(Labels::campaignStatus(status)));
    using Storage::CampaignStatus;
    const std::optional<CampaignStatus> s = Storage::parseStatus<CampaignStatus>(status);
    if (m_startButton)
        m_startButton->setEnabled(s != CampaignStatus::Running && s != CampaignStatus::Done);
    if (m_pauseButton)
        m_pauseButton->setEnabled(s == CampaignStatus::Running);
}

void CampaignEditorDialog::confirmStatus(const QString &status)
{
    const bool start = Storage::parseStatus<Storage::CampaignStatus>(status) == Storage::CampaignStatus::Running;
    const QString question = start
        ? tr("Start calling the leads of \u201c%1\u201d within its calling window?").arg(m_original.name)
        : tr("Pause \u201c%1\u201d? Calls in progress finish; no new calls are placed.").arg(m_original.name);
    const auto answer = QMessageBox::question(this, start ? tr("Start campaign") : tr("Pause campaign"), question,
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        emit statusChangeRequested(m_original.id, status);
}

void CampaignEditorDialog::insertVariable(const QString &variable)
{
    m_script->insertPlainText(variable);
    m_script->setFocus();
}

} // namespace Leadline::Ui
