#include "timersource.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Leadline {

namespace {

class SystemOneShotTimer final : public OneShotTimer
{
public:
    SystemOneShotTimer(QObject *context, std::function<void()> onTimeout)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        if (context)
            QObject::connect(&m_timer, &QTimer::timeout, context, std::move(onTimeout));
        else
            QObject::connect(&m_timer, &QTimer::timeout, std::move(onTimeout));
    }
    void start(int ms) override { m_timer.start(ms); }
    void stop() override { m_timer.stop(); }
    bool isActive() const override { return m_timer.isActive(); }

private:
    QTimer m_timer;
};

} // namespace

qint64 SystemTimerSource::elapsedUs() const
{
    static const QElapsedTimer origin = [] {
        QElapsedTimer e;
        e.start();
        return e;
    }();
    return origin.nsecsElapsed() / 1000;
}

qint64 SystemTimerSource::epochMs() const { return QDateTime::currentMSecsSinceEpoch(); }

std::unique_ptr<OneShotTimer> SystemTimerSource::createTimer(QObject *context, std::function<void()> onTimeout)
{
    return std::make_unique<SystemOneShotTimer>(context, std::move(onTimeout));
}

} // namespace Leadline
