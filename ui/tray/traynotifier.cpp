#include "traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

namespace Leadline::Ui {

namespace {
constexpr int MaxHistory = 100;
}

TrayNotifier::TrayNotifier(QWidget *window, QObject *parent) : QObject(parent), m_window(window)
{
    if (m_window)
        m_window->installEventFilter(this);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_menu = new QMenu;
        m_showAction = m_menu->addAction(QString());
        m_menu->addSeparator();
        m_quitAction = m_menu->addAction(QString());
        m_tray = new QSystemTrayIcon(this);
        QIcon icon = m_window ? m_window->windowIcon() : QIcon();
        if (icon.isNull())
            icon = QApplication::style()->standardIcon(QStyle::SP_ComputerIcon);
        m_tray->setIcon(icon);
        m_tray->setContextMenu(m_menu);
        connect(m_showAction, &QAction::triggered, this, [this] {
            if (m_window) {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
        });
        connect(m_quitAction, &QAction::triggered, this, [this] {
            if (m_window)
                m_window->close();
        });
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                m_showAction->trigger();
        });
        m_tray->show();
    }
    retranslate();
}

TrayNotifier::~TrayNotifier()
{
    if (m_window)
        m_window->removeEventFilter(this);
    delete m_menu; // QSystemTrayIcon does not own its menu
}

bool TrayNotifier::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void TrayNotifier::retranslate()
{
    if (!m_tray)
        return;
    m_showAction->setText(tr("&Show Leadline"));
    m_quitAction->setText(tr("&Quit"));
    m_tray->setToolTip(tr("Leadline \u2013 %n active call(s)", nullptr, m_activeCalls));
}

void TrayNotifier::onBatch(const LiveCallsBatch &batch)
{
    if (batch.activeCalls != m_activeCalls) {
        m_activeCalls = batch.activeCalls;
        retranslate();
    }
    for (const LiveNotice &n : batch.notices) {
        if (n.kind == LiveNotice::CampaignFinished) {
            QString name = campaignName ? campaignName(n.campaignId) : QString();
            if (name.isEmpty())
                name = tr("Campaign %1").arg(n.campaignId);
            notify(tr("Campaign finished"), tr("\u201c%1\u201d has no leads left to call.").arg(name), false);
        } else {
            const QString provider = n.provider.isEmpty() ? tr("A provider") : n.provider;
            QString text = n.message.isEmpty() ? tr("%1 reported an error.").arg(provider)
                                               : tr("%1: %2").arg(provider, n.message);
            if (n.callId > 0)
                text += QLatin1Char(' ') + tr("(call %1)").arg(n.callId);
            notify(tr("Provider error"), text, true);
        }
    }
}

void TrayNotifier::notify(const QString &title, const QString &text, bool warning)
{
    m_history.append({title, text});
    if (m_history.size() > MaxHistory)
        m_history.removeFirst();
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
    emit notified(title, text);
}

} // namespace Leadline::Ui
