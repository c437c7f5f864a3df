#include "historymodel.h"

#include "historylabels.h"
#include "ui/backend/consolebackend.h"

#include <QDateTime>
#include <QLocale>

namespace Leadline::Ui {

using Sort = Storage::CallHistoryFilter::Sort;

HistoryModel::HistoryModel(const ConsoleBackendHost &backend, QObject *parent)
    : QAbstractTableModel(parent), m_backend(backend)
{
    connect(backend.backend(), &ConsoleBackend::historyPageReady, this, &HistoryModel::onPage);
    connect(backend.backend(), &ConsoleBackend::failed, this, &HistoryModel::onFailed);
}

void HistoryModel::setFilter(const Storage::CallHistoryFilter &filter)
{
    beginResetModel();
    m_rows.clear();
    m_filter = filter;
    m_total = 0;
    m_atEnd = false;
    m_active = true;
    m_pendingRequest = 0; // answers to older requests are ignored from now on
    endResetModel();
    fetchMore({});
}

const Storage::CallHistoryRow *HistoryModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int HistoryModel::rowOfCall(qint64 callId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).callId == callId)
            return i;
    return -1;
}

void HistoryModel::refreshTexts()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), {Qt::DisplayRole});
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Storage::CallHistoryRow &r = m_rows.at(index.row());
    switch (role) {
    case CallIdRole: return r.callId;
    case StatusCodeRole: return r.status;
    case OutcomeCodeRole: return r.outcome;
    case Qt::TextAlignmentRole:
        if (index.column() == Duration || index.column() == Attempt)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Time:
        return r.at > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.at), QLocale::ShortFormat) : QString();
    case Campaign: return r.campaignName;
    case Lead: return r.leadName;
    case Phone: return r.phoneE164;
    case Status: return HistoryLabels::callStatus(r.status);
    case Outcome: return HistoryLabels::outcome(r.outcome);
    case Duration: return HistoryLabels::duration(r.durationS);
    case Attempt: return r.attempt;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Campaign: return tr("Campaign");
    case Lead: return tr("Lead");
    case Phone: return tr("Phone");
    case Status: return tr("Call status");
    case Outcome: return tr("Outcome");
    case Duration: return tr("Duration");
    case Attempt: return tr("Attempt");
    }
    return {};
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_active && !m_atEnd;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_pendingRequest != 0)
        return; // one page in flight at a time
    const quint64 request = m_backend.nextRequestId();
    m_pendingRequest = request;
    const Storage::CallHistoryFilter filter = m_filter;
    const int offset = int(m_rows.size());
    const int limit = m_pageSize;
    ConsoleBackend *backend = m_backend.backend();
    m_backend.post([backend, request, filter, offset, limit] { backend->fetchHistory(request, filter, offset, limit); });
}

void HistoryModel::sort(int column, Qt::SortOrder order)
{
    static const Sort kSorts[ColumnCount] = {Sort::Time, Sort::Campaign, Sort::Lead, Sort::Phone,
                                             Sort::Status, Sort::Outcome, Sort::Duration, Sort::Id};
    if (column < 0 || column >= ColumnCount)
        return;
    const Sort s = kSorts[column];
    const bool descending = order == Qt::DescendingOrder;
    if (m_filter.sort == s && m_filter.descending == descending && m_active)
        return;
    m_filter.sort = s;
    m_filter.descending = descending;
    if (m_active)
        reload();
}

void HistoryModel::onPage(const HistoryPageSnapshot &page)
{
    if (page.requestId != m_pendingRequest)
        return; // superseded by a new filter or order
    m_total = page.total;
    const int added = int(page.rows.size());
    m_atEnd = added == 0 || m_rows.size() + added >= m_total;
    // Still "loading" while rows go in: a fetchMore() from a view reacting to the insertion
    // must not ask for the same offset again.
    if (added > 0) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()) + added - 1);
        m_rows.append(page.rows);
        endInsertRows();
    }
    m_pendingRequest = 0;
    emit pageLoaded(added, m_total);
}

void HistoryModel::onFailed(const BackendError &error)
{
    if (error.operation != QLatin1String("history") || error.requestId != m_pendingRequest)
        return;
    m_pendingRequest = 0;
    m_atEnd = true; // the user retries with Refresh
    emit loadFailed(error.message);
}

} // namespace Leadline::Ui
