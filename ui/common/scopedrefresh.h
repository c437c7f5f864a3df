// ScopedRefresh: what the Analytics and Handoffs tabs share: a "this campaign / all campaigns"
// picker that follows the sidebar's campaign, one backend request in flight at a time (answers
// to an older request or another scope are dropped), and a refresh every few seconds while the
// tab is shown. The view owns the texts (it sets the picker's two item texts) and the drawing.
// Thread: GUI thread.
#pragma once

#include <QObject>
#include <functional>

class QComboBox;
class QTimer;
class QWidget;

namespace Leadline::Ui {

class ScopedRefresh : public QObject
{
    Q_OBJECT
public:
    // fetch(requestId, campaignId) posts the view's query; campaignId 0 means every campaign.
    using Fetch = std::function<void(quint64 requestId, qint64 campaignId)>;
    // nextRequestId: a fresh id per request (ConsoleBackendHost::nextRequestId).
    ScopedRefresh(QWidget *view, std::function<quint64()> nextRequestId, Fetch fetch);

    QComboBox *combo() const { return m_scope; }
    void setCampaign(qint64 campaignId);
    void setAllCampaigns(bool all);
    bool allCampaigns() const;
    qint64 scopeCampaignId() const; // 0: every campaign
    bool hasScope() const { return allCampaigns() || m_campaignId > 0; }
    // Asks now (ignored while a request is in flight); without a scope only emits stale().
    void refresh();
    bool isRefreshing() const { return m_pending != 0; }
    // An answer: true when it is for the request in flight and the current scope.
    bool accept(quint64 requestId, qint64 campaignId);
    // A failure: true when it is for the request in flight.
    bool acceptFailure(quint64 requestId);
    void setInterval(int ms);
    // From the view's showEvent / hideEvent: refresh now and on the timer / stop the timer.
    void shown();
    void hidden();

signals:
    // What the view shows no longer matches the scope (another campaign or scope, or none).
    void stale();

private:
    QWidget *m_view;
    std::function<quint64()> m_nextRequestId;
    Fetch m_fetch;
    qint64 m_campaignId = 0;
    quint64 m_pending = 0;
    QComboBox *m_scope = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace Leadline::Ui
