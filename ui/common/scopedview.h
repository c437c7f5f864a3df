// ScopedView: the base of a tab that shows one snapshot for "this campaign / all campaigns"
// (Analytics, Handoffs). It owns the tab's ScopedRefresh, starts and stops its timer as the tab
// is shown and hidden, answers the scope calls the main window makes, and calls retranslate()
// on a language change. The tab builds its widgets, texts and drawing.
// Thread: GUI thread.
#pragma once

#include "scopedrefresh.h"

#include <QWidget>

class QComboBox;

namespace Leadline::Ui {

class ScopedView : public QWidget
{
    Q_OBJECT
public:
    void setCampaign(qint64 campaignId);
    void setAllCampaigns(bool all);
    qint64 scopeCampaignId() const; // 0: every campaign
    // Asks for fresh figures now (ignored while a request is in flight).
    void refresh();
    void setRefreshInterval(int ms);
    bool isRefreshing() const;
    QComboBox *scopeCombo() const;

signals:
    void snapshotShown();

protected:
    ScopedView(std::function<quint64()> nextRequestId, ScopedRefresh::Fetch fetch, QWidget *parent);
    ScopedRefresh *scope() const { return m_refresh; }
    virtual void retranslate() = 0;

    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    ScopedRefresh *m_refresh; // scope, request in flight, timer
};

} // namespace Leadline::Ui
