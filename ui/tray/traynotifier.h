// TrayNotifier: the console's system-tray icon (when the desktop has a tray) and its
// notifications: a campaign finished, a provider failed (the feed already rate-limits provider
// errors to one per provider per minute). Without a tray the notifications are still emitted
// (MainWindow shows them in the status bar) and kept in history() for tests.
// Thread: GUI thread.
#pragma once

#include "ui/live/livesnapshots.h"

#include <QObject>
#include <functional>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace Leadline::Ui {

class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    // window: shown and raised when the tray icon is clicked; its LanguageChange retranslates.
    explicit TrayNotifier(QWidget *window, QObject *parent = nullptr);
    ~TrayNotifier() override;

    struct Notification
    {
        QString title;
        QString text;
    };

    bool hasTrayIcon() const { return m_tray != nullptr; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    const QList<Notification> &history() const { return m_history; }

    // Campaign names for the messages (e.g. from the sidebar model); the id is used when empty.
    std::function<QString(qint64 campaignId)> campaignName;

    void onBatch(const LiveCallsBatch &batch);

Q_SIGNALS:
    void notified(const QString &title, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void notify(const QString &title, const QString &text, bool warning);

    QWidget *m_window = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_showAction = nullptr;
    QAction *m_quitAction = nullptr;
    QList<Notification> m_history;
    int m_activeCalls = 0;
};

} // namespace Leadline::Ui
