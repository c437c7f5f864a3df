#include "historyview.h"

#include "calldetailview.h"
#include "historylabels.h"
#include "historymodel.h"
#include "ui/backend/consolebackend.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Leadline::Ui {

HistoryView::HistoryView(const ConsoleBackendHost &backend, QWidget *parent)
    : QWidget(parent), m_backend(backend)
{
    setObjectName(QStringLiteral("historyTab"));
    m_model = new HistoryModel(backend, this);

    m_scopeLabel = new QLabel(this);
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("historyScope"));
    m_scope->addItem(QString(), false);
    m_scope->addItem(QString(), true);
    m_scopeLabel->setBuddy(m_scope);
    m_statusLabel = new QLabel(this);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_statusLabel->setBuddy(m_status);
    m_outcomeLabel = new QLabel(this);
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("historyOutcome"));
    m_outcomeLabel->setBuddy(m_outcome);
    m_searchLabel = new QLabel(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setClearButtonEnabled(true);
    m_searchLabel->setBuddy(m_search);
    m_useDates = new QCheckBox(this);
    m_useDates->setObjectName(QStringLiteral("historyUseDates"));
    m_from = new QDateEdit(QDate::currentDate().addDays(-7), this);
    m_from->setObjectName(QStringLiteral("historyFrom"));
    m_from->setCalendarPopup(true);
    m_from->setEnabled(false);
    m_toLabel = new QLabel(this);
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName(QStringLiteral("historyTo"));
    m_to->setCalendarPopup(true);
    m_to->setEnabled(false);
    m_toLabel->setBuddy(m_to);
    m_refresh = new QPushButton(this);
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("historyCount"));
    fillCombos();

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HistoryModel::Time, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_detail = new CallDetailView(this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("historySplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_scopeLabel);
    filters->addWidget(m_scope);
    filters->addWidget(m_statusLabel);
    filters->addWidget(m_status);
    filters->addWidget(m_outcomeLabel);
    filters->addWidget(m_outcome);
    filters->addWidget(m_searchLabel);
    filters->addWidget(m_search, 1);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_useDates);
    dates->addWidget(m_from);
    dates->addWidget(m_toLabel);
    dates->addWidget(m_to);
    dates->addStretch(1);
    dates->addWidget(m_count);
    dates->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(dates);
    layout->addWidget(m_splitter, 1);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300);
    connect(m_searchDelay, &QTimer::timeout, this, &HistoryView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    auto apply = [this] { applyFilter(); };
    connect(m_scope, &QComboBox::currentIndexChanged, this, apply);
    connect(m_status, &QComboBox::currentIndexChanged, this, apply);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, apply);
    connect(m_useDates, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        applyFilter();
    });
    connect(m_from, &QDateEdit::dateChanged, this, [this] { if (m_useDates->isChecked()) applyFilter(); });
    connect(m_to, &QDateEdit::dateChanged, this, [this] { if (m_useDates->isChecked()) applyFilter(); });
    connect(m_refresh, &QPushButton::clicked, this, &HistoryView::refresh);
    connect(m_model, &HistoryModel::pageLoaded, this, [this](int added) {
        updateCount();
        if (added > 0 && !m_columnsSized) {
            m_columnsSized = true;
            m_table->resizeColumnsToContents();
        }
        // Keep the detail's call selected across reloads when it is still listed.
        if (m_detail->callId() > 0 && !m_table->currentIndex().isValid()) {
            const int row = m_model->rowOfCall(m_detail->callId());
            if (row >= 0)
                m_table->selectRow(row);
        }
    });
    connect(m_model, &HistoryModel::modelReset, this, &HistoryView::updateCount);
    connect(m_model, &HistoryModel::loadFailed, this, [this](const QString &message) {
        m_count->setText(tr("Could not load calls: %1").arg(message));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const qint64 id = current.data(HistoryModel::CallIdRole).toLongLong();
        if (id > 0 && id != m_detail->callId())
            requestDetail(id);
    });
    connect(backend.backend(), &ConsoleBackend::callDetailReady, this, &HistoryView::onDetail);
    connect(backend.backend(), &ConsoleBackend::failed, this, [this](const BackendError &e) {
        if (e.operation == QLatin1String("call") && e.requestId == m_detailRequest) {
            m_detailRequest = 0;
            m_count->setText(tr("Could not load the call: %1").arg(e.message));
        }
    });
    retranslate();
}

void HistoryView::fillCombos()
{
    const QString status = m_status->currentData().toString();
    const QString outcome = m_outcome->currentData().toString();
    const QSignalBlocker b1(m_status), b2(m_outcome);
    m_status->clear();
    m_status->addItem(tr("Any status"), QString());
    for (const QString &code : HistoryLabels::callStatusCodes())
        m_status->addItem(HistoryLabels::callStatus(code), code);
    m_status->setCurrentIndex(qMax(0, m_status->findData(status)));
    m_outcome->clear();
    m_outcome->addItem(tr("Any outcome"), QString());
    m_outcome->addItem(tr("No outcome"), QStringLiteral("none"));
    for (const QString &code : HistoryLabels::outcomeCodes())
        m_outcome->addItem(HistoryLabels::outcome(code), code);
    m_outcome->setCurrentIndex(qMax(0, m_outcome->findData(outcome)));
}

void HistoryView::retranslate()
{
    m_scopeLabel->setText(tr("&Show:"));
    m_scope->setItemText(0, tr("This campaign"));
    m_scope->setItemText(1, tr("All campaigns"));
    m_statusLabel->setText(tr("S&tatus:"));
    m_outcomeLabel->setText(tr("&Outcome:"));
    m_searchLabel->setText(tr("Searc&h:"));
    m_search->setPlaceholderText(tr("name, phone or campaign"));
    m_useDates->setText(tr("&Between"));
    m_toLabel->setText(tr("and"));
    m_refresh->setText(tr("&Refresh"));
    fillCombos();
    m_model->refreshTexts();
    updateCount();
}

void HistoryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void HistoryView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Calls finish all the time: showing the tab brings the list up to date.
    if (m_loadedOnce)
        refresh();
}

void HistoryView::setCampaign(qint64 campaignId)
{
    if (campaignId == m_campaignId && m_loadedOnce)
        return;
    m_campaignId = campaignId;
    if (!m_scope->currentData().toBool() || !m_loadedOnce)
        applyFilter();
}

void HistoryView::setAllCampaigns(bool all)
{
    m_scope->setCurrentIndex(all ? 1 : 0);
}

void HistoryView::refresh()
{
    applyFilter();
}

Storage::CallHistoryFilter HistoryView::currentFilter() const
{
    Storage::CallHistoryFilter f = m_model->filter(); // keeps the sort order
    // "This campaign" without a campaign lists nothing (-1), not everything (0).
    f.campaignId = m_scope->currentData().toBool() ? 0 : (m_campaignId > 0 ? m_campaignId : -1);
    f.status = m_status->currentData().toString();
    f.outcome = m_outcome->currentData().toString();
    f.text = m_search->text().trimmed();
    f.fromMs = 0;
    f.toMs = 0;
    if (m_useDates->isChecked()) {
        const QDate from = qMin(m_from->date(), m_to->date());
        const QDate to = qMax(m_from->date(), m_to->date());
        f.fromMs = from.startOfDay().toMSecsSinceEpoch();
        f.toMs = to.addDays(1).startOfDay().toMSecsSinceEpoch(); // the "to" day is included
    }
    return f;
}

void HistoryView::applyFilter()
{
    m_searchDelay->stop();
    m_loadedOnce = true;
    m_model->setFilter(currentFilter());
}

bool HistoryView::selectCall(qint64 callId)
{
    const int row = m_model->rowOfCall(callId);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
    if (m_detail->callId() != callId)
        requestDetail(callId);
    return true;
}

void HistoryView::requestDetail(qint64 callId)
{
    const quint64 request = m_backend.nextRequestId();
    m_detailRequest = request;
    ConsoleBackend *b = m_backend.backend();
    m_backend.post([b, request, callId] { b->fetchCallDetail(request, callId); });
}

void HistoryView::onDetail(const CallDetailSnapshot &detail)
{
    if (detail.requestId != m_detailRequest)
        return;
    m_detailRequest = 0;
    const int row = m_model->rowOfCall(detail.call.id);
    Storage::CallHistoryRow r;
    if (const Storage::CallHistoryRow *known = m_model->rowAt(row))
        r = *known;
    m_detail->setCall(r, detail);
    emit detailShown(detail.call.id);
}

void HistoryView::updateCount()
{
    if (m_model->isLoading() && m_model->rowCount() == 0)
        m_count->setText(tr("Loading\u2026"));
    else
        m_count->setText(tr("%n call(s)", nullptr, int(m_model->totalCount())));
}

} // namespace Leadline::Ui
