#include "scopedrefresh.h"

#include <QComboBox>
#include <QTimer>
#include <QWidget>

namespace Leadline::Ui {

ScopedRefresh::ScopedRefresh(QWidget *view, std::function<quint64()> nextRequestId, Fetch fetch)
    : QObject(view), m_view(view), m_nextRequestId(std::move(nextRequestId)), m_fetch(std::move(fetch))
{
    m_scope = new QComboBox(view);
    m_scope->addItem(QString(), false);
    m_scope->addItem(QString(), true);
    m_timer = new QTimer(this);
    m_timer->setInterval(5000);
    connect(m_timer, &QTimer::timeout, this, &ScopedRefresh::refresh);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        m_pending = 0; // the answer for the old scope is dropped
        emit stale();
        refresh();
    });
}

bool ScopedRefresh::allCampaigns() const { return m_scope->currentData().toBool(); }

qint64 ScopedRefresh::scopeCampaignId() const { return allCampaigns() ? 0 : m_campaignId; }

void ScopedRefresh::setAllCampaigns(bool all) { m_scope->setCurrentIndex(all ? 1 : 0); }

void ScopedRefresh::setCampaign(qint64 campaignId)
{
    if (campaignId == m_campaignId)
        return;
    m_campaignId = campaignId;
    if (allCampaigns())
        return; // every campaign: nothing changes
    m_pending = 0;
    emit stale();
    if (m_view->isVisible())
        refresh();
}

void ScopedRefresh::refresh()
{
    if (m_pending != 0)
        return;
    if (!hasScope()) {
        emit stale(); // no campaign selected
        return;
    }
    m_pending = m_nextRequestId();
    m_fetch(m_pending, scopeCampaignId());
}

bool ScopedRefresh::accept(quint64 requestId, qint64 campaignId)
{
    if (requestId != m_pending)
        return false;
    m_pending = 0;
    return campaignId == scopeCampaignId();
}

bool ScopedRefresh::acceptFailure(quint64 requestId)
{
    if (requestId != m_pending)
        return false;
    m_pending = 0;
    return true;
}

void ScopedRefresh::setInterval(int ms) { m_timer->setInterval(ms); }

void ScopedRefresh::shown()
{
    refresh();
    m_timer->start();
}

void ScopedRefresh::hidden() { m_timer->stop(); }

} // namespace Leadline::Ui
