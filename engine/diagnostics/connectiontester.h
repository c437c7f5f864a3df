// ConnectionTester: the settings page's "Test connection" probes. One cheap authenticated GET
// per vendor (Deepgram GET /v1/projects, OpenAI-compatible GET {base}/models, ElevenLabs
// GET /v1/user, Exotel GET /v1/Accounts/{sid}) and, for the database URL, a throw-away
// connection with a unique name running SELECT 1. Each answer is ok or a stable code with a
// clear English message (401: the key was rejected, timeout, DNS, refused, TLS, ...); keys,
// tokens and URL passwords never appear in a message.
// Thread: the thread it lives on (the console's "leadline-console" thread). HTTP probes are
// asynchronous on that thread's event loop; the database probe runs on its own short-lived
// thread (opening a PostgreSQL connection blocks up to connect_timeout), so nothing blocks the
// owner's event loop. The destructor waits for running database probes.
#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QThread;

namespace Leadline::Diagnostics {

struct ConnectionTestRequest
{
    enum class Target { Deepgram, OpenAi, ElevenLabs, Exotel, Database };
    Target target = Target::OpenAi;
    QString baseUrl;     // vendor base URL (empty: the product default); database: DATABASE_URL
    QString key;         // API key (Exotel: API key)
    QString secret;      // Exotel: API token
    QString account;     // Exotel: account SID
    int timeoutMs = 8000;
};

struct ConnectionTestResult
{
    ConnectionTestRequest::Target target = ConnectionTestRequest::Target::OpenAi;
    bool ok = false;
    // "ok", "not_configured", "bad_url", "unauthorized", "forbidden", "not_found", "rate_limited",
    // "http_error", "timeout", "dns", "refused", "tls", "network", "database"
    QString code;
    int httpStatus = 0;
    QString message;     // English, for logs and details; never holds a secret
    QString endpoint;    // what was probed (no credentials), e.g. "https://api.openai.com/v1/models"
    qint64 elapsedMs = 0;
};

class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override;

    // Starts one probe; finished(id, ...) follows exactly once, always asynchronously.
    void test(quint64 id, const ConnectionTestRequest &request);

    // The URL probed for a vendor target (empty when the base URL is unusable).
    static QUrl probeUrl(const ConnectionTestRequest &request);
    // The product default base URL of a vendor target (Settings defaults).
    static QString defaultBaseUrl(ConnectionTestRequest::Target target);
    // Blocking database probe (runs on the caller's thread; used by test() on a worker thread).
    static ConnectionTestResult probeDatabase(const ConnectionTestRequest &request);

signals:
    void finished(quint64 id, const Leadline::Diagnostics::ConnectionTestResult &result);

private:
    void testHttp(quint64 id, const ConnectionTestRequest &request);
    void finishLater(quint64 id, const ConnectionTestResult &result);
    static ConnectionTestResult fromReply(QNetworkReply *reply, const ConnectionTestRequest &request);

    QNetworkAccessManager *m_nam = nullptr;
    QList<QThread *> m_probes;
};

// Removes every occurrence of the request's secrets (key, token, URL password) from a text.
QString scrubSecrets(QString text, const ConnectionTestRequest &request);

} // namespace Leadline::Diagnostics

Q_DECLARE_METATYPE(Leadline::Diagnostics::ConnectionTestResult)
