#include "campaignsmodel.h"

#include "ui/common/labels.h"

#include <QLocale>

namespace Leadline::Ui {

void CampaignsModel::setCampaigns(const QList<CampaignSnapshot> &campaigns)
{
    bool sameIds = campaigns.size() == m_campaigns.size();
    for (int i = 0; sameIds && i < campaigns.size(); ++i)
        sameIds = campaigns.at(i).row.id == m_campaigns.at(i).row.id;
    if (sameIds) {
        // Same campaigns in the same order: update in place so the selection stays put.
        m_campaigns = campaigns;
        if (!m_campaigns.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_campaigns.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_campaigns = campaigns;
    endResetModel();
}

void CampaignsModel::refreshTexts()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_campaigns.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_campaigns.size()) - 1, ColumnCount - 1), {Qt::DisplayRole});
}

void CampaignsModel::liveChanged(qint64 campaignId)
{
    if (const int row = rowOf(campaignId); row >= 0)
        emit dataChanged(index(row, Status), index(row, Leads));
}

void CampaignsModel::setLiveCalls(const QHash<qint64, int> &callsPerCampaign)
{
    for (auto it = m_live.begin(); it != m_live.end(); ++it) {
        const int calls = callsPerCampaign.value(it.key(), 0);
        if (it->calls != calls) {
            it->calls = calls;
            liveChanged(it.key());
        }
    }
    for (auto it = callsPerCampaign.cbegin(); it != callsPerCampaign.cend(); ++it) {
        if (!m_live.contains(it.key())) {
            m_live[it.key()].calls = it.value();
            liveChanged(it.key());
        }
    }
}

void CampaignsModel::setProgress(const QList<CampaignLive> &progress)
{
    for (const CampaignLive &p : progress) {
        Live &l = m_live[p.campaignId];
        if (l.done != p.leadsDone || l.total != p.leadsTotal) {
            l.done = p.leadsDone;
            l.total = p.leadsTotal;
            liveChanged(p.campaignId);
        }
    }
}

int CampaignsModel::rowOf(qint64 campaignId) const
{
    for (int i = 0; i < m_campaigns.size(); ++i) {
        if (m_campaigns.at(i).row.id == campaignId)
            return i;
    }
    return -1;
}

const CampaignSnapshot *CampaignsModel::find(qint64 campaignId) const
{
    const int row = rowOf(campaignId);
    return row < 0 ? nullptr : &m_campaigns.at(row);
}

int CampaignsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_campaigns.size());
}

int CampaignsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_campaigns.size())
        return {};
    const CampaignSnapshot &c = m_campaigns.at(index.row());
    switch (role) {
    case CampaignIdRole: return c.row.id;
    case StatusCodeRole: return c.row.status;
    case Qt::TextAlignmentRole:
        if (index.column() == Leads)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: {
        QString tip = tr("%1 \u00b7 %2 \u00b7 %n lead(s)", nullptr, int(c.leadCount))
                          .arg(c.row.name, Labels::campaignStatus(c.row.status));
        const Live live = m_live.value(c.row.id);
        if (live.done >= 0 && live.total > 0)
            tip += QLatin1Char('\n') + tr("%1 of %2 leads done").arg(QLocale().toString(live.done), QLocale().toString(live.total));
        if (live.calls > 0)
            tip += QLatin1Char('\n') + tr("%n call(s) live now", nullptr, live.calls);
        return tip;
    }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return c.row.name;
        case Status: {
            const int calls = m_live.value(c.row.id).calls;
            return calls > 0 ? tr("%1 \u00b7 %n live", nullptr, calls).arg(Labels::campaignStatus(c.row.status))
                             : Labels::campaignStatus(c.row.status);
        }
        case Leads: {
            const Live live = m_live.value(c.row.id);
            if (live.done >= 0 && live.total > 0)
                return tr("%1/%2").arg(QLocale().toString(live.done), QLocale().toString(live.total));
            return QLocale().toString(c.leadCount);
        }
        }
        return {};
    default:
        return {};
    }
}

QVariant CampaignsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Campaign");
    case Status: return tr("Status");
    case Leads: return tr("Leads");
    }
    return {};
}

} // namespace Leadline::Ui
