#include "leadsmodel.h"

#include "ui/backend/consolebackend.h"
#include "ui/common/labels.h"
#include "ui/history/historylabels.h"

#include <algorithm>

namespace Leadline::Ui {

LeadsModel::LeadsModel(const ConsoleBackendHost &backend, QObject *parent)
    : QAbstractTableModel(parent), m_backend(backend)
{
    connect(backend.backend(), &ConsoleBackend::leadsPageReady, this, &LeadsModel::onPage);
    connect(backend.backend(), &ConsoleBackend::leadsRefreshed, this, &LeadsModel::onRefreshed);
    connect(backend.backend(), &ConsoleBackend::failed, this, &LeadsModel::onFailed);
}

void LeadsModel::setCampaign(qint64 campaignId)
{
    beginResetModel();
    m_rows.clear();
    m_campaignId = campaignId;
    m_nextAfter = 0;
    m_total = 0;
    m_atEnd = campaignId <= 0;
    m_pendingRequest = 0; // answers to older requests are ignored from now on
    m_pendingRefresh = 0;
    endResetModel();
    if (!m_statuses.isEmpty()) {
        m_statuses.clear();
        emit statusCodesChanged();
    }
    if (!m_atEnd)
        fetchMore({});
}

QStringList LeadsModel::statusCodes() const
{
    QStringList codes(m_statuses.cbegin(), m_statuses.cend());
    codes.sort();
    return codes;
}

void LeadsModel::refreshTexts()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), {Qt::DisplayRole});
}

int LeadsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeadsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeadsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Storage::LeadRow &r = m_rows.at(index.row());
    if (role == StatusCodeRole)
        return r.status;
    if (role == LeadIdRole)
        return r.id;
    if (role == Qt::TextAlignmentRole && (index.column() == Attempts || index.column() == Line))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Name: return r.name;
    case Phone: return r.phoneE164;
    case City: return r.city;
    case PropertyType: return r.propertyType;
    case Budget: return r.budget;
    case Language: return r.language;
    case Status: return Labels::leadStatus(r.status);
    case Attempts: return r.attempts;
    case LastOutcome: return HistoryLabels::lastResult(r.lastOutcome);
    case Line: return r.sourceLine;
    }
    return {};
}

QVariant LeadsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Phone: return tr("Phone");
    case City: return tr("City");
    case PropertyType: return tr("Property type");
    case Budget: return tr("Budget");
    case Language: return tr("Language");
    case Status: return tr("Status");
    case Attempts: return tr("Attempts");
    case LastOutcome: return tr("Last outcome");
    case Line: return tr("CSV line");
    }
    return {};
}

bool LeadsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_campaignId > 0 && !m_atEnd;
}

void LeadsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_pendingRequest != 0)
        return; // one page in flight at a time; the view asks again after rows arrive
    const quint64 request = m_backend.nextRequestId();
    m_pendingRequest = request;
    const qint64 campaign = m_campaignId;
    const qint64 after = m_nextAfter;
    const int limit = m_pageSize;
    ConsoleBackend *backend = m_backend.backend();
    m_backend.post([backend, request, campaign, after, limit] { backend->fetchLeads(request, campaign, after, limit); });
}

void LeadsModel::onPage(const LeadPageSnapshot &page)
{
    if (page.requestId != m_pendingRequest || page.campaignId != m_campaignId)
        return; // an answer for a campaign or a load that was superseded
    m_pendingRequest = 0;
    m_nextAfter = page.nextAfterId;
    m_atEnd = page.nextAfterId == 0;
    m_total = page.total;
    const int added = int(page.leads.size());
    if (added > 0) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()) + added - 1);
        m_rows.append(page.leads);
        endInsertRows();
    }
    const int before = int(m_statuses.size());
    for (const Storage::LeadRow &r : page.leads)
        m_statuses.insert(r.status);
    if (m_statuses.size() != before)
        emit statusCodesChanged();
    emit pageLoaded(added, m_total);
}

void LeadsModel::refreshRows(const QList<int> &rows)
{
    if (m_campaignId <= 0 || m_pendingRefresh != 0)
        return;
    QList<qint64> ids;
    for (int r : rows)
        if (r >= 0 && r < m_rows.size())
            ids << m_rows.at(r).id;
    if (ids.isEmpty())
        return;
    const quint64 request = m_backend.nextRequestId();
    m_pendingRefresh = request;
    const qint64 campaign = m_campaignId;
    ConsoleBackend *backend = m_backend.backend();
    m_backend.post([backend, request, campaign, ids] { backend->refreshLeads(request, campaign, ids); });
}

int LeadsModel::rowOfLead(qint64 leadId) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), leadId,
                                     [](const Storage::LeadRow &r, qint64 id) { return r.id < id; });
    return it != m_rows.cend() && it->id == leadId ? int(it - m_rows.cbegin()) : -1;
}

void LeadsModel::onRefreshed(const LeadPageSnapshot &leads)
{
    if (leads.requestId != m_pendingRefresh || leads.campaignId != m_campaignId)
        return;
    m_pendingRefresh = 0;
    const int before = int(m_statuses.size());
    for (const Storage::LeadRow &fresh : leads.leads) {
        const int r = rowOfLead(fresh.id);
        if (r < 0)
            continue;
        Storage::LeadRow &row = m_rows[r];
        if (row.status == fresh.status && row.attempts == fresh.attempts && row.lastOutcome == fresh.lastOutcome
            && row.nextAttemptAt == fresh.nextAttemptAt)
            continue; // what a campaign changes; the imported fields stay as they were
        row = fresh;
        m_statuses.insert(fresh.status);
        emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
    }
    if (m_statuses.size() != before)
        emit statusCodesChanged();
}

void LeadsModel::onFailed(const BackendError &error)
{
    if (error.operation == QLatin1String("leads") && error.requestId != 0 && error.requestId == m_pendingRefresh) {
        m_pendingRefresh = 0; // the next refresh tries again; the rows keep what they showed
        return;
    }
    if (error.operation != QLatin1String("leads") || error.requestId != m_pendingRequest)
        return;
    m_pendingRequest = 0;
    emit loadFailed(error.message);
}

} // namespace Leadline::Ui
