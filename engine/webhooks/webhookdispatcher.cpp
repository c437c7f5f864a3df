#include "webhookdispatcher.h"

#include "storage/database.h"
#include "webhookcrypto.h"
#include "webhookoutbox.h"
#include "webhookslog.h"
#include "webhookstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <limits>
#include <utility>
#include <map>

namespace Leadline::Webhooks {

// Lives on the dispatcher's thread; every member is touched only there.
class WebhookDispatcher::Worker : public QObject
{
public:
    explicit Worker(WebhookDispatcher *owner)
        : m_d(owner), m_outbox(owner->m_db, owner->m_clock, owner->m_options), m_box(owner->m_options.secretKey)
    {
    }

    void init()
    {
        m_nam = new QNetworkAccessManager(this);
        m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m_poll = new QTimer(this);
        connect(m_poll, &QTimer::timeout, this, [this] { poll(); });
        m_poll->start(qMax(10, m_d->m_options.pollMs));
        m_sweep = new QTimer(this);
        connect(m_sweep, &QTimer::timeout, this, [this] { sweep(); });
        m_sweep->start(qMax(10, m_d->m_options.sweepMs));
        m_sweepSince = m_d->m_clock.nowMs() - m_d->m_options.sweepLookbackMs;
        sweep();
        poll();
    }

    void shutdown()
    {
        m_stopping = true;
        if (m_poll)
            m_poll->stop();
        if (m_sweep)
            m_sweep->stop();
        const auto replies = m_inFlight.keys();
        m_inFlight.clear();
        for (QNetworkReply *r : replies) {
            r->disconnect(this);
            r->abort();
            r->deleteLater();
        }
        if (auto db = m_d->m_db.connection()) {
            if (Status s = WebhookStore(db.value()).releaseAll(m_d->m_owner); !s)
                qCWarning(lcWebhooks) << "cannot release leased deliveries:" << s.error().message;
        }
        delete m_nam;
        m_nam = nullptr;
    }

    void enqueueCallEnded(qint64 callId)
    {
        auto r = m_outbox.callEnded(callId);
        if (!r && r.error().code != Error::Code::Conflict)
            qCWarning(lcWebhooks) << "cannot queue call_ended for call" << callId << ":" << r.error().message;
        if (r && r.value())
            poll();
    }

    void enqueueHandoff(qint64 callId, const QJsonObject &details)
    {
        auto r = m_outbox.handoff(callId, details);
        if (!r)
            qCWarning(lcWebhooks) << "cannot queue handoff for call" << callId << ":" << r.error().message;
        if (r && r.value())
            poll();
    }

    void sweep()
    {
        if (m_stopping)
            return;
        const qint64 now = m_d->m_clock.nowMs();
        bool complete = true;
        auto added = m_outbox.sweep(m_sweepSince, &complete);
        if (!added) {
            qCWarning(lcWebhooks) << "sweep:" << added.error().message;
            return;
        }
        // Narrow the window once the backlog is queued, overlapping the last minutes: settled_at
        // comes from whichever node settled the call.
        if (complete)
            m_sweepSince = qMax(m_sweepSince, now - 10 * 60 * 1000);
        if (added.value() > 0)
            poll();
    }

    void poll()
    {
        if (m_stopping || !m_nam)
            return;
        const int room = m_d->m_options.batch - int(m_inFlight.size());
        if (room <= 0)
            return;
        auto db = m_d->m_db.connection();
        if (!db) {
            qCWarning(lcWebhooks) << "database unavailable:" << db.error().message;
            return;
        }
        WebhookStore store(db.value());
        const qint64 now = m_d->m_clock.nowMs();
        auto rows = store.claim(m_d->m_owner, now, m_d->m_options.effectiveLeaseMs(), room);
        if (!rows) {
            qCWarning(lcWebhooks) << rows.error().message;
            return;
        }
        std::map<qint64, Result<WebhookConfig>> configs;
        for (const OutboxRow &row : rows.value()) {
            auto found = configs.find(row.campaignId);
            if (found == configs.end())
                found = configs.emplace(row.campaignId, store.config(row.campaignId)).first;
            const Result<WebhookConfig> &cfg = found->second;
            if (!cfg) {
                if (cfg.error().code == Error::Code::NotFound)
                    finish(store, row, {}, 0, QStringLiteral("the campaign's webhook was removed"), 0, true);
                else
                    (void)store.release(row.id, m_d->m_owner, now);
                continue;
            }
            if (!cfg->enabled) {
                // Paused by the operator: keep the row, look again in a minute; no attempt counted.
                (void)store.release(row.id, m_d->m_owner, now + 60 * 1000);
                continue;
            }
            auto secret = m_box.open(cfg->secretSealed, QByteArray::number(row.campaignId));
            if (!secret) {
                finish(store, row, cfg->url, 0, secret.error().message, 0, false);
                continue;
            }
            send(row, cfg->url, secret.value());
        }
    }

    void send(const OutboxRow &row, const QString &url, const QByteArray &secret)
    {
        QNetworkRequest req{QUrl(url)};
        const qint64 ts = QDateTime::currentSecsSinceEpoch(); // the receiver compares it with its own clock
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Leadline-Webhooks/" LEADLINE_VERSION));
        req.setRawHeader("X-Leadline-Event", row.eventType.toUtf8());
        req.setRawHeader("X-Leadline-Delivery", row.eventId.toUtf8());
        req.setRawHeader("X-Leadline-Attempt", QByteArray::number(row.attempts + 1));
        req.setRawHeader("X-Leadline-Signature", signatureHeader(secret, ts, row.payload));
        req.setTransferTimeout(int(qMin<qint64>(m_d->m_options.timeoutMs, std::numeric_limits<int>::max())));
        QNetworkReply *reply = m_nam->post(req, row.payload);
        InFlight f{row, url, {}};
        f.timer.start();
        m_inFlight.insert(reply, f);
        connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    }

    void onFinished(QNetworkReply *reply)
    {
        reply->deleteLater();
        auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end())
            return;
        const InFlight f = it.value();
        m_inFlight.erase(it);
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QString error;
        if (code == 0 && reply->error() == QNetworkReply::OperationCanceledError)
            error = QStringLiteral("timeout after %1 ms").arg(m_d->m_options.timeoutMs);
        else if (code == 0)
            error = reply->errorString();
        else if (code < 200 || code >= 300)
            error = QStringLiteral("HTTP %1").arg(code);
        auto db = m_d->m_db.connection();
        if (!db) {
            qCWarning(lcWebhooks) << "attempt of" << f.row.eventId << "not recorded:" << db.error().message;
            return; // the lease expires and the row is sent again
        }
        WebhookStore store(db.value());
        finish(store, f.row, f.url, code, error, f.timer.elapsed(), false);
        QMetaObject::invokeMethod(this, [this] { poll(); }, Qt::QueuedConnection);
    }

    // Records one attempt. dead: give up at once (the webhook no longer exists).
    void finish(WebhookStore &store, const OutboxRow &row, const QString &url, int code, const QString &error,
                qint64 durationMs, bool dead)
    {
        const qint64 now = m_d->m_clock.nowMs();
        DeliveryRow a;
        a.attempt = row.attempts + 1;
        a.url = url;
        a.statusCode = code;
        a.error = error;
        a.durationMs = durationMs;
        a.attemptedAt = now;
        const RetryPolicy &policy = m_d->m_options.retry;
        qint64 next = 0;
        if (error.isEmpty() && code >= 200 && code < 300)
            a.result = QStringLiteral("delivered");
        else if (dead || policy.exhausted(a.attempt))
            a.result = QStringLiteral("dead");
        else {
            a.result = QStringLiteral("retry");
            next = now + policy.delayMs(a.attempt, QRandomGenerator::global()->generateDouble());
        }
        if (Status s = store.recordAttempt(row, a, next, now); !s) {
            qCWarning(lcWebhooks) << "attempt of" << row.eventId << "not recorded:" << s.error().message;
            return;
        }
        if (a.result == QLatin1String("dead"))
            qCWarning(lcWebhooks).noquote() << "webhook" << row.eventId << "of campaign" << row.campaignId << "is dead after"
                                            << a.attempt << "attempts:" << error;
        else if (a.result == QLatin1String("retry"))
            qCInfo(lcWebhooks).noquote() << "webhook" << row.eventId << "attempt" << a.attempt << "failed (" << error
                                         << "); next in" << (next - now) / 1000 << "s";
        emit m_d->attemptFinished(row.id, row.eventId, a.result, code);
    }

private:
    struct InFlight
    {
        OutboxRow row;
        QString url;
        QElapsedTimer timer;
    };
    WebhookDispatcher *m_d;
    WebhookOutbox m_outbox;
    SecretBox m_box;
    QNetworkAccessManager *m_nam = nullptr;
    QTimer *m_poll = nullptr;
    QTimer *m_sweep = nullptr;
    QHash<QNetworkReply *, InFlight> m_inFlight;
    qint64 m_sweepSince = 0;
    bool m_stopping = false;
};

WebhookDispatcher::WebhookDispatcher(const Storage::Database &db, const Clock &clock, WebhookOptions options, QObject *parent)
    : QObject(parent), m_db(db), m_clock(clock), m_options(std::move(options))
{
    m_owner = QStringLiteral("%1:%2:%3")
                  .arg(QHostInfo::localHostName())
                  .arg(QCoreApplication::applicationPid())
                  .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    m_thread.setTeardown([](QObject *w) { static_cast<Worker *>(w)->shutdown(); });
}

WebhookDispatcher::~WebhookDispatcher() { stop(); }

void WebhookDispatcher::start()
{
    if (m_thread.isRunning())
        return;
    if (Status s = m_thread.start([this] { return new Worker(this); }); !s) {
        qCWarning(lcWebhooks) << "CRM webhook delivery not started:" << s.error().message;
        return;
    }
    post([](Worker *w) { w->init(); }); // the first job, as the thread starts
    qCInfo(lcWebhooks).noquote() << "CRM webhook delivery started as" << m_owner << "; secrets sealed with"
                                 << (m_options.secretKey.isEmpty() ? QStringLiteral("(no key: secrets cannot be stored)")
                                                                   : m_options.secretKeySource);
    if (m_options.secretKeySource == QLatin1String("API_TOKEN"))
        qCInfo(lcWebhooks) << "set WEBHOOK_SECRET_KEY so that rotating API_TOKEN keeps the stored webhook secrets readable";
}

void WebhookDispatcher::stop()
{
    // In-flight requests abandoned and leases released on the thread, then the worker is
    // deleted there and the thread joined.
    m_thread.stop();
}

void WebhookDispatcher::post(std::function<void(Worker *)> job)
{
    if (auto *w = m_thread.worker<Worker>())
        m_thread.post([w, job = std::move(job)] { job(w); });
}

void WebhookDispatcher::wake()
{
    post([](Worker *w) { w->poll(); });
}

void WebhookDispatcher::callEnded(qint64 callId)
{
    post([callId](Worker *w) { w->enqueueCallEnded(callId); });
}

void WebhookDispatcher::handoff(qint64 callId, const QJsonObject &details)
{
    post([callId, details](Worker *w) { w->enqueueHandoff(callId, details); });
}

} // namespace Leadline::Webhooks
