#include "handoffsview.h"

#include "storage/handoffstatus.h"
#include "ui/backend/consolebackend.h"
#include "ui/common/scopedrefresh.h"
#include "ui/common/codetable.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Leadline::Ui {

namespace {

// handoffs.status (engine codes) -> what the operator reads.
const StatusLabel<Storage::HandoffStatus> kHandoffStatus[] = {
    {Storage::HandoffStatus::Pending, QT_TRANSLATE_NOOP("Leadline::Ui::HandoffsView", "Waiting to connect")},
    {Storage::HandoffStatus::Connecting, QT_TRANSLATE_NOOP("Leadline::Ui::HandoffsView", "Connecting to the agent")},
    {Storage::HandoffStatus::Answered, QT_TRANSLATE_NOOP("Leadline::Ui::HandoffsView", "Agent answered")},
    {Storage::HandoffStatus::NotAnswered, QT_TRANSLATE_NOOP("Leadline::Ui::HandoffsView", "Agent did not answer: callback scheduled")},
    {Storage::HandoffStatus::Failed, QT_TRANSLATE_NOOP("Leadline::Ui::HandoffsView", "No agent free: callback scheduled")},
};

} // namespace

QString HandoffsView::statusLabel(const QString &code)
{
    return codeLabel("Leadline::Ui::HandoffsView", kHandoffStatus, code, code);
}

HandoffsView::HandoffsView(const ConsoleBackendHost &backend, QWidget *parent)
    : ScopedView([&backend] { return backend.nextRequestId(); },
                 [&backend](quint64 request, qint64 campaign) {
                     ConsoleBackend *b = backend.backend();
                     backend.post([b, request, campaign] { b->fetchHandoffs(request, campaign); });
                 },
                 parent)
    , m_backend(backend)
{
    setObjectName(QStringLiteral("handoffsTab"));
    m_scopeLabel = new QLabel(this);
    scope()->combo()->setObjectName(QStringLiteral("handoffsScope"));
    m_scopeLabel->setBuddy(scope()->combo());
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("handoffsSummary"));
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("handoffsTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_scopeLabel);
    top->addWidget(scope()->combo());
    top->addStretch(1);
    top->addWidget(m_summary);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(scope(), &ScopedRefresh::stale, this, [this] {
        m_hasSnapshot = false;
        m_error.clear();
        render();
    });
    connect(backend.backend(), &ConsoleBackend::handoffsReady, this, &HandoffsView::onSnapshot);
    connect(backend.backend(), &ConsoleBackend::failed, this, [this](const BackendError &e) {
        if (e.operation == QLatin1String("handoffs") && scope()->acceptFailure(e.requestId)) {
            m_error = e.message;
            render();
        }
    });
    retranslate();
}

void HandoffsView::retranslate()
{
    m_scopeLabel->setText(tr("&Show:"));
    scope()->combo()->setItemText(0, tr("This campaign"));
    scope()->combo()->setItemText(1, tr("All campaigns"));
    m_table->setHorizontalHeaderLabels({tr("Asked at"), tr("Lead"), tr("Phone"), tr("Handed to"), tr("Status"), tr("Agent picked up")});
    render();
}

void HandoffsView::onSnapshot(const HandoffsSnapshot &s)
{
    if (!scope()->accept(s.requestId, s.campaignId))
        return;
    m_snapshot = s;
    m_hasSnapshot = true;
    m_error.clear();
    render();
    emit snapshotShown();
}

void HandoffsView::render()
{
    if (!m_error.isEmpty()) {
        m_summary->setText(tr("Could not load handoffs: %1").arg(m_error));
        return;
    }
    if (!m_hasSnapshot) {
        m_table->setRowCount(0);
        m_summary->setText(!scope()->hasScope() ? tr("Select a campaign, or show all campaigns.")
                                                                                       : tr("Loading\u2026"));
        return;
    }
    const QList<Handoff::HandoffRow> &rows = m_snapshot.handoffs;
    m_table->setRowCount(int(rows.size()));
    int answered = 0;
    int decided = 0;
    const QLocale locale;
    for (int r = 0; r < rows.size(); ++r) {
        const Handoff::HandoffRow &h = rows.at(r);
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(h.requestedAt).toLocalTime();
        QString agentAnswered = QStringLiteral("\u2014"); // nobody to answer yet, or nobody at all
        const std::optional<Storage::HandoffStatus> status = Storage::parseStatus<Storage::HandoffStatus>(h.status);
        if (status == Storage::HandoffStatus::Answered || status == Storage::HandoffStatus::NotAnswered) {
            ++decided;
            answered += h.answered ? 1 : 0;
            agentAnswered = h.answered ? tr("Yes") : tr("No");
        }
        const QStringList cells = {locale.toString(at, QLocale::ShortFormat),
                                   h.summary.value(QStringLiteral("name")).toString(),
                                   h.summary.value(QStringLiteral("phone")).toString(),
                                   h.agentId > 0 ? h.agentName : tr("Nobody (no agent free)"),
                                   statusLabel(h.status),
                                   agentAnswered};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == WhenColumn)
                item->setData(Qt::UserRole, h.callId);
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(tr("Handoffs: %1, answered by the agent: %2 of %3").arg(rows.size()).arg(answered).arg(decided));
}

} // namespace Leadline::Ui
