#include "projectbriefdialog.h"

#include "conversation/prompts.h"
#include "projects/projectbrief.h"
#include "projects/sitevisitplanner.h"
#include "ui/backend/consolebackend.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace Leadline::Ui {

ProjectBriefDialog::ProjectBriefDialog(const ConsoleBackendHost &backend, qint64 campaignId, const QString &campaignName, QWidget *parent)
    : QDialog(parent), m_backend(backend), m_campaignId(campaignId)
{
    setWindowTitle(tr("Project brief \u2014 %1").arg(campaignName));
    resize(980, 640);
    m_json = new QPlainTextEdit(this);
    m_json->setObjectName(QStringLiteral("briefJson"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setPlaceholderText(tr("The brief as JSON: project_name, builder, location, landmarks, configurations, possession, "
                                  "rera_id, amenities, offers, site_visit, brochure_url, faqs"));
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("briefPreview"));
    m_preview->setReadOnly(true);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Brief (JSON):"), left));
    leftLayout->addWidget(m_json);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("What the agent will be told:"), right));
    rightLayout->addWidget(m_preview);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("briefProblems"));
    m_problems->setWordWrap(true);
    QPalette pal = m_problems->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_problems->setPalette(pal);
    m_version = new QLabel(tr("Loading\u2026"), this);

    auto *buttons = new QDialogButtonBox(this);
    auto *import = buttons->addButton(tr("&Import JSON\u2026"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("&Save as new version"), QDialogButtonBox::AcceptRole);
    m_save->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(import, &QPushButton::clicked, this, &ProjectBriefDialog::importFile);
    connect(m_save, &QPushButton::clicked, this, [this] {
        revalidate();
        if (!m_save->isEnabled())
            return;
        m_save->setEnabled(false);
        const QJsonObject brief = QJsonDocument::fromJson(m_json->toPlainText().toUtf8()).object();
        ConsoleBackend *b = m_backend.backend();
        const quint64 id = m_request = m_backend.nextRequestId();
        const qint64 campaign = m_campaignId;
        m_backend.post([b, id, campaign, brief] { b->saveBrief(id, campaign, brief); });
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_version);
    layout->addWidget(buttons);
    connect(m_json, &QPlainTextEdit::textChanged, this, &ProjectBriefDialog::revalidate);
    connect(m_backend.backend(), &ConsoleBackend::briefReady, this, &ProjectBriefDialog::onBrief);

    ConsoleBackend *b = m_backend.backend();
    const quint64 id = m_request = m_backend.nextRequestId();
    m_backend.post([b, id, campaignId] { b->fetchBrief(id, campaignId); });
}

QString ProjectBriefDialog::preview(const QByteArray &json, QStringList *problems, const QDateTime &now)
{
    auto brief = Projects::ProjectBrief::fromJsonText(json);
    if (!brief) {
        if (problems) {
            const QJsonDocument doc = QJsonDocument::fromJson(json);
            *problems = doc.isObject() ? Projects::ProjectBrief::problems(doc.object()) : QStringList{brief.error().message};
        }
        return {};
    }
    if (problems)
        problems->clear();
    Projects::SiteVisitPlanner planner(brief->siteVisit, QStringLiteral("Asia/Kolkata"));
    return Conversation::briefInstructions(brief->factsText(), 0, planner.nextSlots(now, 4), now, !brief->brochureUrl.isEmpty(),
                                           QStringLiteral("en"))
        .trimmed();
}

void ProjectBriefDialog::revalidate()
{
    const QString text = m_json->toPlainText();
    if (text.trimmed().isEmpty()) {
        m_problems->clear();
        m_preview->clear();
        m_save->setEnabled(false);
        return;
    }
    QStringList problems;
    const QString p = preview(text.toUtf8(), &problems, QDateTime::currentDateTimeUtc());
    m_preview->setPlainText(p);
    // The engine's problem texts name the JSON fields, which stay English.
    m_problems->setText(problems.isEmpty() ? QString() : tr("Not valid: %1").arg(problems.join(QStringLiteral("; "))));
    m_save->setEnabled(problems.isEmpty() && !p.isEmpty());
}

void ProjectBriefDialog::onBrief(const BriefSnapshot &s)
{
    if (s.requestId != m_request)
        return;
    if (!s.ok) {
        if (s.errorCode == QLatin1String("no_brief"))
            m_version->setText(tr("This campaign has no brief yet: the agent answers only from the campaign script."));
        else
            m_version->setText(tr("Not saved: %1").arg(s.errorMessage));
        revalidate();
        return;
    }
    if (!s.saved || m_json->toPlainText().trimmed().isEmpty())
        m_json->setPlainText(QString::fromUtf8(QJsonDocument(s.brief).toJson(QJsonDocument::Indented)));
    m_version->setText(s.saved ? tr("Saved as version %1. New calls use it.").arg(s.version)
                               : tr("Version %1. Calls record the version they used.").arg(s.version));
    revalidate();
}

void ProjectBriefDialog::importFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import project brief"), QString(), tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_problems->setText(tr("Cannot read %1: %2").arg(path, f.errorString()));
        return;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    m_json->setPlainText(doc.isObject() ? QString::fromUtf8(doc.toJson(QJsonDocument::Indented)) : QString());
    if (!doc.isObject())
        m_problems->setText(tr("%1 is not a JSON object.").arg(path));
}

} // namespace Leadline::Ui
