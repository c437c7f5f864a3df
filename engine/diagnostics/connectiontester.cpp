#include "connectiontester.h"

#include "core/settings.h"
#include "storage/database.h"

#include <QAtomicInt>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <memory>

Q_LOGGING_CATEGORY(lcDiagnostics, "leadline.diagnostics", QtInfoMsg)

namespace Leadline::Diagnostics {

using Target = ConnectionTestRequest::Target;

static const char *targetName(Target t)
{
    switch (t) {
    case Target::Deepgram: return "Deepgram";
    case Target::OpenAi: return "OpenAI-compatible LLM";
    case Target::ElevenLabs: return "ElevenLabs";
    case Target::Exotel: return "Exotel";
    case Target::Database: return "database";
    }
    return "?";
}

QString scrubSecrets(QString text, const ConnectionTestRequest &r)
{
    QStringList secrets{r.key, r.secret};
    if (r.target == Target::Database) {
        const QUrl u(r.baseUrl.trimmed());
        secrets << u.password() << QUrl::fromPercentEncoding(u.password().toUtf8());
    }
    for (const QString &s : std::as_const(secrets))
        if (s.size() >= 3)
            text.replace(s, QStringLiteral("***"));
    return text;
}

QString ConnectionTester::defaultBaseUrl(Target target)
{
    const Settings d = Settings::defaults();
    switch (target) {
    case Target::Deepgram: return d.value(QStringLiteral("DEEPGRAM_BASE_URL"));
    case Target::OpenAi: return d.value(QStringLiteral("OPENAI_BASE_URL"));
    case Target::ElevenLabs: return d.value(QStringLiteral("ELEVENLABS_BASE_URL"));
    case Target::Exotel: return d.value(QStringLiteral("EXOTEL_API_BASE_URL"));
    case Target::Database: return d.value(QStringLiteral("DATABASE_URL"));
    }
    return {};
}

QUrl ConnectionTester::probeUrl(const ConnectionTestRequest &r)
{
    if (r.target == Target::Database)
        return {};
    const QString base = r.baseUrl.trimmed().isEmpty() ? defaultBaseUrl(r.target) : r.baseUrl.trimmed();
    QUrl url(base, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    // The streaming vendors are configured with their WebSocket URL; REST lives on the same host.
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("wss"))
        url.setScheme(QStringLiteral("https"));
    else if (scheme == QLatin1String("ws"))
        url.setScheme(QStringLiteral("http"));
    else if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return {};
    url.setUserInfo(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    switch (r.target) {
    case Target::Deepgram: path += QStringLiteral("/v1/projects"); break;
    case Target::OpenAi: path += QStringLiteral("/models"); break; // the base already ends in /v1
    case Target::ElevenLabs: path += QStringLiteral("/v1/user"); break;
    case Target::Exotel:
        path += QStringLiteral("/v1/Accounts/") + QString::fromLatin1(QUrl::toPercentEncoding(r.account.trimmed()));
        break;
    case Target::Database: break;
    }
    url.setPath(path, QUrl::TolerantMode);
    return url;
}

ConnectionTester::ConnectionTester(QObject *parent) : QObject(parent)
{
}

ConnectionTester::~ConnectionTester()
{
    for (QThread *t : std::as_const(m_probes)) {
        disconnect(t, nullptr, this, nullptr);
        t->wait();
        delete t;
    }
}

void ConnectionTester::finishLater(quint64 id, const ConnectionTestResult &result)
{
    QTimer::singleShot(0, this, [this, id, result] { emit finished(id, result); });
}

void ConnectionTester::test(quint64 id, const ConnectionTestRequest &request)
{
    if (request.target != Target::Database) {
        testHttp(id, request);
        return;
    }
    auto result = std::make_shared<ConnectionTestResult>();
    QThread *t = QThread::create([request, result] { *result = probeDatabase(request); });
    t->setObjectName(QStringLiteral("leadline-dbprobe"));
    m_probes.append(t);
    connect(t, &QThread::finished, this, [this, t, id, result] {
        m_probes.removeOne(t);
        t->deleteLater();
        emit finished(id, *result);
    });
    t->start();
}

void ConnectionTester::testHttp(quint64 id, const ConnectionTestRequest &r)
{
    ConnectionTestResult res;
    res.target = r.target;
    const QUrl url = probeUrl(r);
    if (url.isEmpty()) {
        res.code = QStringLiteral("bad_url");
        res.message = QStringLiteral("%1: the base URL is not a usable http(s) or ws(s) URL").arg(QLatin1String(targetName(r.target)));
        finishLater(id, res);
        return;
    }
    res.endpoint = url.toString();
    const bool keyOptional = r.target == Target::OpenAi; // Ollama and llama.cpp need no key
    QStringList missing;
    if (r.key.trimmed().isEmpty() && !keyOptional)
        missing << QStringLiteral("API key");
    if (r.target == Target::Exotel) {
        if (r.secret.trimmed().isEmpty())
            missing << QStringLiteral("API token");
        if (r.account.trimmed().isEmpty())
            missing << QStringLiteral("account SID");
    }
    if (!missing.isEmpty()) {
        res.code = QStringLiteral("not_configured");
        res.message = QStringLiteral("%1: %2 not set").arg(QLatin1String(targetName(r.target)), missing.join(QLatin1String(", ")));
        finishLater(id, res);
        return;
    }

    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    QNetworkRequest req(url);
    req.setTransferTimeout(qMax(100, r.timeoutMs));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    req.setRawHeader("Accept", "application/json");
    const QByteArray key = r.key.trimmed().toUtf8();
    switch (r.target) {
    case Target::Deepgram: req.setRawHeader("Authorization", "Token " + key); break;
    case Target::OpenAi:
        if (!key.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + key);
        break;
    case Target::ElevenLabs: req.setRawHeader("xi-api-key", key); break;
    case Target::Exotel:
        req.setRawHeader("Authorization", "Basic " + QByteArray(key + ':' + r.secret.trimmed().toUtf8()).toBase64());
        break;
    case Target::Database: break;
    }
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = m_nam->get(req);
    connect(reply, &QNetworkReply::finished, this, [this, reply, r, id, timer] {
        reply->deleteLater();
        ConnectionTestResult res = fromReply(reply, r);
        res.elapsedMs = timer->elapsed();
        qCInfo(lcDiagnostics) << targetName(r.target) << "connection test:" << res.code << res.httpStatus << res.elapsedMs << "ms";
        emit finished(id, res);
    });
}

ConnectionTestResult ConnectionTester::fromReply(QNetworkReply *reply, const ConnectionTestRequest &r)
{
    ConnectionTestResult res;
    res.target = r.target;
    res.endpoint = reply->request().url().toString();
    res.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString who = QLatin1String(targetName(r.target));
    const QNetworkReply::NetworkError err = reply->error();
    if (res.httpStatus >= 200 && res.httpStatus < 300 && err == QNetworkReply::NoError) {
        res.ok = true;
        res.code = QStringLiteral("ok");
        res.message = QStringLiteral("%1 answered (HTTP %2)").arg(who).arg(res.httpStatus);
        return res;
    }
    if (res.httpStatus > 0) {
        // Vendor error bodies can be long; keep a short, secret-free excerpt.
        QString body = QString::fromUtf8(reply->readAll().left(300)).simplified();
        body = scrubSecrets(body, r);
        switch (res.httpStatus) {
        case 401:
            res.code = QStringLiteral("unauthorized");
            res.message = QStringLiteral("%1 rejected the key (HTTP 401)").arg(who);
            break;
        case 403:
            res.code = QStringLiteral("forbidden");
            res.message = QStringLiteral("%1 accepted the key but refused access (HTTP 403)").arg(who);
            break;
        case 404:
            res.code = QStringLiteral("not_found");
            res.message = QStringLiteral("%1: nothing at %2 (HTTP 404): check the base URL%3")
                              .arg(who, res.endpoint, r.target == Target::Exotel ? QStringLiteral(" and account SID") : QString());
            break;
        case 429:
            res.code = QStringLiteral("rate_limited");
            res.message = QStringLiteral("%1 is rate limiting this key (HTTP 429)").arg(who);
            break;
        default:
            res.code = QStringLiteral("http_error");
            res.message = QStringLiteral("%1 answered HTTP %2").arg(who).arg(res.httpStatus);
        }
        if (!body.isEmpty())
            res.message += QStringLiteral(": ") + body;
        return res;
    }
    switch (err) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        res.code = QStringLiteral("timeout");
        res.message = QStringLiteral("%1 did not answer within %2 s").arg(who).arg(qMax(100, r.timeoutMs) / 1000.0);
        break;
    case QNetworkReply::HostNotFoundError:
        res.code = QStringLiteral("dns");
        res.message = QStringLiteral("%1: host %2 not found (DNS)").arg(who, reply->request().url().host());
        break;
    case QNetworkReply::ConnectionRefusedError:
        res.code = QStringLiteral("refused");
        res.message = QStringLiteral("%1: connection refused by %2").arg(who, reply->request().url().authority());
        break;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        res.code = err == QNetworkReply::SslHandshakeFailedError ? QStringLiteral("tls") : QStringLiteral("network");
        res.message = QStringLiteral("%1: %2").arg(who, scrubSecrets(reply->errorString(), r));
        break;
    default:
        res.code = QStringLiteral("network");
        res.message = QStringLiteral("%1: %2").arg(who, scrubSecrets(reply->errorString(), r));
    }
    return res;
}

ConnectionTestResult ConnectionTester::probeDatabase(const ConnectionTestRequest &r)
{
    static QAtomicInt counter;
    QElapsedTimer timer;
    timer.start();
    ConnectionTestResult res;
    res.target = Target::Database;
    auto cfg = Storage::DatabaseConfig::fromUrl(r.baseUrl, Storage::DatabaseConfig::defaultSqlitePath());
    if (!cfg) {
        res.code = QStringLiteral("bad_url");
        res.message = scrubSecrets(cfg.error().message, r);
        return res;
    }
    res.endpoint = cfg->describe();
    const bool pg = cfg->kind == Storage::DatabaseConfig::Kind::Postgres;
    const QString name = QStringLiteral("leadline-conntest-%1").arg(counter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        if (!db.isValid()) {
            res.code = QStringLiteral("database");
            res.message = QStringLiteral("the Qt SQL driver %1 is not installed").arg(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"));
        } else {
            db.setDatabaseName(cfg->databaseName);
            if (pg) {
                db.setHostName(cfg->host);
                db.setPort(cfg->port);
                db.setUserName(cfg->user);
                db.setPassword(cfg->password);
                db.setConnectOptions(cfg->options);
            }
            if (!db.open()) {
                res.code = QStringLiteral("database");
                res.message = QStringLiteral("cannot open %1: %2").arg(cfg->describe(), db.lastError().text().trimmed());
            } else {
                QSqlQuery q(db);
                if (!q.exec(QStringLiteral("SELECT 1")) || !q.next() || q.value(0).toInt() != 1) {
                    res.code = QStringLiteral("database");
                    res.message = QStringLiteral("%1 opened but SELECT 1 failed: %2").arg(cfg->describe(), q.lastError().text().trimmed());
                } else {
                    res.ok = true;
                    res.code = QStringLiteral("ok");
                    res.message = QStringLiteral("%1 answered SELECT 1").arg(cfg->describe());
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    res.message = scrubSecrets(res.message, r);
    if (!cfg->password.isEmpty())
        res.message.replace(cfg->password, QStringLiteral("***"));
    res.elapsedMs = timer.elapsed();
    return res;
}

} // namespace Leadline::Diagnostics
