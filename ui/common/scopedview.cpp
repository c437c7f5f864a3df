#include "scopedview.h"

#include <QEvent>

namespace Leadline::Ui {

ScopedView::ScopedView(std::function<quint64()> nextRequestId, ScopedRefresh::Fetch fetch, QWidget *parent)
    : QWidget(parent)
    , m_refresh(new ScopedRefresh(this, std::move(nextRequestId), std::move(fetch)))
{
}

void ScopedView::setCampaign(qint64 campaignId) { m_refresh->setCampaign(campaignId); }

void ScopedView::setAllCampaigns(bool all) { m_refresh->setAllCampaigns(all); }

qint64 ScopedView::scopeCampaignId() const { return m_refresh->scopeCampaignId(); }

void ScopedView::refresh() { m_refresh->refresh(); }

void ScopedView::setRefreshInterval(int ms) { m_refresh->setInterval(ms); }

bool ScopedView::isRefreshing() const { return m_refresh->isRefreshing(); }

QComboBox *ScopedView::scopeCombo() const { return m_refresh->combo(); }

void ScopedView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ScopedView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_refresh->shown();
}

void ScopedView::hideEvent(QHideEvent *event)
{
    m_refresh->hidden();
    QWidget::hideEvent(event);
}

} // namespace Leadline::Ui
