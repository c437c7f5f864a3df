#include "welcomepanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Leadline::Ui {

WelcomePanel::WelcomePanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePanel"));
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setAlignment(Qt::AlignCenter);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setFixedWidth(fontMetrics().averageCharWidth() * 72); // a fixed width: the wrapped height follows it
    m_demo = new QPushButton(this);
    m_demo->setObjectName(QStringLiteral("runDemoButton"));
    m_demo->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_demo->setDefault(true);
    m_newCampaign = new QPushButton(this);
    m_newCampaign->setObjectName(QStringLiteral("welcomeNewCampaignButton"));
    m_newCampaign->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    connect(m_demo, &QPushButton::clicked, this, &WelcomePanel::runDemoRequested);
    connect(m_newCampaign, &QPushButton::clicked, this, &WelcomePanel::newCampaignRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_demo);
    buttons->addWidget(m_newCampaign);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
    layout->addSpacing(fontMetrics().lineSpacing());
    layout->addLayout(buttons);
    layout->addStretch(2);
    retranslate();
}

void WelcomePanel::setDemoAvailable(bool available)
{
    m_demo->setVisible(available);
}

void WelcomePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void WelcomePanel::retranslate()
{
    m_title->setText(tr("Welcome to Leadline"));
    m_text->setText(tr("There are no campaigns yet. Run the demo campaign to watch simulated calls, transcripts and "
                       "charts in a minute, or create your own campaign and drop a CSV of leads onto this window."));
    m_text->setMinimumHeight(m_text->heightForWidth(m_text->width())); // wrapped lines, never clipped
    m_demo->setText(tr("&Run demo campaign"));
    m_newCampaign->setText(tr("&New campaign\u2026"));
}

} // namespace Leadline::Ui
