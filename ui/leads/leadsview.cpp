#include "leadsview.h"

#include "leadsfilterproxy.h"
#include "leadsmodel.h"
#include "ui/common/labels.h"
#include "ui/history/historylabels.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace Leadline::Ui {

LeadsView::LeadsView(LeadsModel &model, QWidget *parent) : QWidget(parent), m_model(model)
{
    m_proxy = new LeadsFilterProxy(this);
    m_proxy->setSourceModel(&model);

    m_searchLabel = new QLabel(this);
    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("leadSearch"));
    m_searchLabel->setBuddy(m_search);
    m_statusLabel = new QLabel(this);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("leadStatusFilter"));
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_statusLabel->setBuddy(m_status);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("leadCount"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_searchLabel);
    filters->addWidget(m_search, 2);
    filters->addSpacing(12);
    filters->addWidget(m_statusLabel);
    filters->addWidget(m_status);
    filters->addStretch(1);
    filters->addWidget(m_count);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("leadsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LeadsModel::Line, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // uniform rows: cheap layout
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setMinimumSectionSize(60);

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_hint);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &LeadsFilterProxy::setTextFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStatusFilter(m_status->currentData().toString()); });
    connect(&m_model, &LeadsModel::statusCodesChanged, this, &LeadsView::rebuildStatusCombo);
    connect(&m_model, &LeadsModel::pageLoaded, this, [this] {
        updateCount();
        if (m_model.rowCount() > 0 && m_table->horizontalHeader()->sectionSize(0) <= 100) {
            m_table->resizeColumnsToContents();
            widenCodeColumns();
        }
    });
    connect(&m_model, &QAbstractItemModel::modelReset, this, &LeadsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &LeadsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &LeadsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &LeadsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &LeadsView::updateCount);
    retranslate();
}

void LeadsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LeadsView::retranslate()
{
    m_searchLabel->setText(tr("&Search:"));
    m_search->setPlaceholderText(tr("Name, phone or city"));
    m_statusLabel->setText(tr("S&tatus:"));
    m_hint->setText(tr("Drop one or more CSV files here, or use File \u2192 Import CSV\u2026, to add leads to the selected campaign."));
    rebuildStatusCombo();
    updateCount();
}

void LeadsView::widenCodeColumns()
{
    // Statuses and results change while a campaign runs: make room for the longest of them now.
    const QFontMetrics fm(m_table->font());
    const int pad = 2 * fm.averageCharWidth() + 8;
    int status = 0;
    for (const QString &code : Labels::leadStatusCodes())
        status = qMax(status, fm.horizontalAdvance(Labels::leadStatus(code)));
    int result = 0;
    for (const QString &code : HistoryLabels::outcomeCodes() + HistoryLabels::callStatusCodes())
        result = qMax(result, fm.horizontalAdvance(HistoryLabels::lastResult(code)));
    m_table->setColumnWidth(LeadsModel::Status, qMax(m_table->columnWidth(LeadsModel::Status), status + pad));
    m_table->setColumnWidth(LeadsModel::LastOutcome, qMax(m_table->columnWidth(LeadsModel::LastOutcome), result + pad));
}

void LeadsView::refreshVisibleRows()
{
    if (!isVisible() || m_proxy->rowCount() == 0)
        return;
    const int first = qMax(0, m_table->rowAt(0));
    int last = m_table->rowAt(m_table->viewport()->height() - 1);
    if (last < 0)
        last = m_proxy->rowCount() - 1;
    QList<int> rows;
    for (int r = first; r <= last; ++r)
        rows << m_proxy->mapToSource(m_proxy->index(r, 0)).row();
    m_model.refreshRows(rows);
}

void LeadsView::rebuildStatusCombo()
{
    const QString current = m_status->currentData().toString();
    const QSignalBlocker block(m_status);
    m_status->clear();
    m_status->addItem(tr("All statuses"), QString());
    QStringList codes = m_model.statusCodes();
    if (!current.isEmpty() && !codes.contains(current))
        codes << current;
    for (const QString &code : codes)
        m_status->addItem(Labels::leadStatus(code), code);
    m_status->setCurrentIndex(qMax(0, m_status->findData(current)));
}

void LeadsView::updateCount()
{
    if (m_model.campaignId() <= 0) {
        m_count->setText(tr("No campaign selected"));
        return;
    }
    m_count->setText(tr("Showing %1 of %n lead(s)", nullptr, int(m_model.totalCount())).arg(m_proxy->rowCount()));
}

} // namespace Leadline::Ui
