// CampaignsModel: the sidebar's campaign list (name, status, lead count) built from the
// backend's campaign snapshots. Thread: GUI thread.
#pragma once

#include "ui/backend/snapshots.h"
#include "ui/live/livesnapshots.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Leadline::Ui {

class CampaignsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Status, Leads, ColumnCount };
    enum Role { CampaignIdRole = Qt::UserRole + 1, StatusCodeRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setCampaigns(const QList<CampaignSnapshot> &campaigns);
    const QList<CampaignSnapshot> &campaigns() const { return m_campaigns; }
    int rowOf(qint64 campaignId) const;                  // -1 when absent
    const CampaignSnapshot *find(qint64 campaignId) const;
    void refreshTexts(); // after a language change
    // Live figures from the event stream: active calls per campaign (absent: none) and progress.
    void setLiveCalls(const QHash<qint64, int> &callsPerCampaign);
    void setProgress(const QList<CampaignLive> &progress);
    int liveCalls(qint64 campaignId) const { return m_live.value(campaignId).calls; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Live
    {
        int calls = 0;
        qint64 done = -1;
        qint64 total = -1;
    };
    void liveChanged(qint64 campaignId);

    QList<CampaignSnapshot> m_campaigns;
    QHash<qint64, Live> m_live;
};

} // namespace Leadline::Ui
