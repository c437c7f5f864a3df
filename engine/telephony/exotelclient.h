// ExotelClient: asynchronous Exotel REST client (v1 Calls/connect and call details).
// Every request passes one token bucket (default 3 requests/s, under Exotel's 200/min per
// account); HTTP 429 backs the whole client off exponentially (1 s, 2 s, 4 s ... cap 60 s) and
// retries the same request, which is not a dial attempt. A POST is sent at most once: if the
// connection dies after Exotel read it, Qt may not re-send it (OneShotBody) and the failure is a
// network error the dialer counts as an attempt. Errors come back as Error with a
// detail code "exotel_<reason>" and the vendor's message; the API token is never logged.
// Thread: lives on the thread of the QNetworkAccessManager passed in (the dialer thread);
// call it only from that thread. Callbacks run on that thread, and not after destruction.
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <deque>
#include <functional>

class QNetworkReply;

namespace Leadline { class Settings; }

namespace Leadline::Telephony {

struct ExotelConfig
{
    QString apiBaseUrl = QStringLiteral("https://api.exotel.com"); // EXOTEL_API_BASE_URL
    QString accountSid;
    QString apiKey;
    QString apiToken;      // secret: never logged
    QString callerId;      // EXOTEL_VIRTUAL_NUMBER
    QString exophloId;     // EXOTEL_EXOPHLO_ID (flow mode)
    QString ourBaseUrl;    // OUR_BASE_URL, e.g. https://leadline.example.in
    QString webhookSecret; // EXOTEL_WEBHOOK_SECRET, the k= of the status callback
    int timeLimitS = 600;
    int timeOutS = 30;
    bool record = true;
    double requestsPerSecond = 3.0;
    int burst = 3;
    int backoffBaseMs = 1000;  // first 429 backoff
    int backoffMaxMs = 60000;
    int max429Retries = 6;
    int requestTimeoutMs = 15000;

    bool isComplete() const { return !accountSid.isEmpty() && !apiKey.isEmpty() && !apiToken.isEmpty(); }
    // EXOTEL_* settings, OUR_BASE_URL; the rest keeps the defaults above.
    static ExotelConfig fromSettings(const Settings &settings);
};

struct ExotelDialRequest
{
    enum class Mode { Stream, Flow }; // A: StreamUrl + bidirectional; B: Exophlo flow Url
    Mode mode = Mode::Stream;
    QString to;               // the lead, E.164 (sent as From: Exotel calls From first)
    QString correlationToken; // 16 hex, "lc" in the stream URL
    qint64 callId = 0;
    qint64 leadId = 0;
};

// A v1 Call object as far as Leadline uses it; missing keys stay empty / -1.
struct ExotelCall
{
    QString sid;
    QString status;
    QString from;
    QString recordingUrl;
    QDateTime startTime; // UTC (Exotel sends IST wall clock)
    QDateTime endTime;
    int durationS = -1;
    int conversationDurationS = -1;
    double price = -1;
    QJsonObject raw;
};

class ExotelClient : public QObject
{
    Q_OBJECT
public:
    using CallCallback = std::function<void(Result<ExotelCall>)>;

    ExotelClient(QNetworkAccessManager &nam, ExotelConfig config, QObject *parent = nullptr);
    ~ExotelClient() override;

    // Queues a Calls/connect; returns a request id usable with cancelQueued().
    quint64 connectCall(const ExotelDialRequest &request, CallCallback done);
    quint64 callDetails(const QString &callSid, CallCallback done);
    // Queues Sms/send.json (From = an ExoPhone or DLT sender id); the callback gets the SMS Sid.
    using SmsCallback = std::function<void(Result<QString>)>;
    quint64 sendSms(const QString &from, const QString &to, const QString &body, SmsCallback done);
    // Drops a request that has not been sent yet (its callback never runs). false once sent.
    bool cancelQueued(quint64 requestId);
    int queuedCount() const { return int(m_queue.size()); }

    const ExotelConfig &config() const { return m_config; }

    // Pure helpers, public for tests.
    // Form fields in order (a list, not QUrlQuery: QUrlQuery would decode "%26" in values).
    using FormFields = QList<QPair<QString, QString>>;
    static FormFields connectForm(const ExotelConfig &config, const ExotelDialRequest &request);
    static QString formValue(const FormFields &form, const QString &key);
    static QStringList formValues(const FormFields &form, const QString &key);
    static QString streamUrl(const ExotelConfig &config, const QString &token);
    static QString statusCallbackUrl(const ExotelConfig &config);
    // Parses a reply: 2xx with a Call object, or an error mapped from the status + RestException.
    static Result<ExotelCall> parseCallReply(int httpStatus, const QByteArray &body);
    // An Sms/send.json reply: {"SMSMessage": {"Sid": ...}} -> the Sid, or the mapped error.
    static Result<QString> parseSmsReply(int httpStatus, const QByteArray &body);
    static Error errorFor(int httpStatus, const QString &vendorMessage);
    // Exotel's "YYYY-MM-DD HH:mm:ss" (IST wall clock) -> UTC.
    static QDateTime parseExotelTime(const QString &text);

private:
    struct Pending
    {
        quint64 id = 0;
        QByteArray verb;
        QUrl url;
        QByteArray body;
        CallCallback done;
        std::function<void(int, const QByteArray &)> rawDone; // non-call replies (SMS)
        int attempts429 = 0;
    };
    void enqueue(Pending p, bool front = false);
    void pump();
    bool takeToken();
    void send(Pending p);
    QNetworkRequest makeRequest(const QUrl &url) const;
    QUrl accountUrl(const QString &suffix) const;

    QNetworkAccessManager &m_nam;
    ExotelConfig m_config;
    std::deque<Pending> m_queue;
    quint64 m_nextId = 1;
    double m_tokens = 0;
    QElapsedTimer m_refill;
    QElapsedTimer m_backoffClock;
    qint64 m_backoffUntilMs = 0;
    int m_backoffLevel = 0;
    QTimer m_pumpTimer;
    QList<QPointer<QNetworkReply>> m_inFlight;
};

} // namespace Leadline::Telephony
