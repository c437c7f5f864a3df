// Built-in TLS: a self-signed certificate made at test time with the openssl CLI; the ServerPool
// (two workers, one port) then serves HTTPS (GET /health) and WSS (/events) to clients that trust
// that certificate, refuses plain HTTP, and fails clearly on missing or unusable key files.
#include "fakes/requiredtool.h"
#include "server/router.h"
#include "server/requestauth.h"
#include "server/serverpool.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using namespace Leadline;

class tst_Tls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void httpsAndWss_data();
    void httpsAndWss();
    void badConfigurationIsAClearError();

private:
    bool makeCert(const QString &kind, QString *cert, QString *key);
    QTemporaryDir m_dir;
    QString m_openssl;
};

void tst_Tls::initTestCase()
{
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (m_openssl.isEmpty())
        LEADLINE_SKIP_UNLESS_REQUIRED("LEADLINE_REQUIRE_TOOLS", QStringLiteral("the openssl command is not installed (Debian package openssl)"));
    QVERIFY(m_dir.isValid());
    QVERIFY(QSslSocket::supportsSsl());
}

bool tst_Tls::makeCert(const QString &kind, QString *cert, QString *key)
{
    *cert = m_dir.filePath(kind + QStringLiteral("-cert.pem"));
    *key = m_dir.filePath(kind + QStringLiteral("-key.pem"));
    QStringList args{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                     QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                     QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
                     QStringLiteral("-keyout"), *key, QStringLiteral("-out"), *cert};
    if (kind == QLatin1String("ec"))
        args << QStringLiteral("-newkey") << QStringLiteral("ec") << QStringLiteral("-pkeyopt") << QStringLiteral("ec_paramgen_curve:prime256v1");
    else
        args << QStringLiteral("-newkey") << QStringLiteral("rsa:2048");
    QProcess p;
    p.start(m_openssl, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning() << "openssl failed:" << p.readAllStandardError();
        return false;
    }
    return true;
}

void tst_Tls::httpsAndWss_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("rsa") << QStringLiteral("rsa");
    QTest::newRow("ec") << QStringLiteral("ec");
}

void tst_Tls::httpsAndWss()
{
    QFETCH(QString, kind);
    QString certFile, keyFile;
    QVERIFY(makeCert(kind, &certFile, &keyFile));

    Server::Router router;
    router.add(QHttpServerRequest::Method::Get, QStringLiteral("/health"),
               [](const Server::RouteContext &) { return Server::HttpResponse::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}); },
               Server::Access::Public);
    router.addWebSocketPath(QStringLiteral("/events"));
    Server::RequestAuth auth("unused-token");
    Server::ServerPool pool(router, auth);
    pool.setWebSocketHandler([](std::unique_ptr<QWebSocket> ws, QObject *) {
        QWebSocket *s = ws.release();
        QObject::connect(s, &QWebSocket::disconnected, s, &QObject::deleteLater);
        s->sendTextMessage(QStringLiteral("hello over ") + s->requestUrl().path());
    });
    Server::ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.workers = 2;
    opts.tlsCertFile = certFile;
    opts.tlsKeyFile = keyFile;
    const Status started = pool.start(opts);
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    QVERIFY(pool.tls());
    const quint16 port = pool.port();

    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.setCaCertificates(QSslCertificate::fromPath(certFile));
    trusting.setPeerVerifyMode(QSslSocket::VerifyPeer);

    QNetworkAccessManager nam;
    // Several requests so that both workers are likely to answer one.
    for (int i = 0; i < 4; ++i) {
        QNetworkRequest req(QUrl(QStringLiteral("https://127.0.0.1:%1/health").arg(port)));
        req.setSslConfiguration(trusting);
        QNetworkReply *reply = nam.get(req);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(15000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->readAll().contains("\"ok\""));
        reply->deleteLater();
    }

    // A client that does not trust the certificate refuses the connection.
    {
        QNetworkAccessManager fresh;
        QNetworkReply *reply = fresh.get(QNetworkRequest(QUrl(QStringLiteral("https://127.0.0.1:%1/health").arg(port))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(15000));
        QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
        reply->deleteLater();
    }

    // Plain HTTP on the TLS port gets no HTTP answer.
    {
        QNetworkAccessManager plain;
        QNetworkReply *reply = plain.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(port))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(15000));
        QVERIFY(reply->error() != QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 0);
        reply->deleteLater();
    }

    // WSS: the upgrade happens inside TLS and messages flow.
    QWebSocket ws;
    ws.setSslConfiguration(trusting);
    QSignalSpy connected(&ws, &QWebSocket::connected);
    QSignalSpy message(&ws, &QWebSocket::textMessageReceived);
    ws.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/events").arg(port)));
    QVERIFY(connected.wait(15000) || connected.size() == 1);
    QVERIFY(message.size() == 1 || message.wait(15000));
    QCOMPARE(message.first().first().toString(), QStringLiteral("hello over /events"));
    ws.close();

    // ws:// (no TLS) to the same port does not connect.
    QWebSocket plainWs;
    QSignalSpy plainConnected(&plainWs, &QWebSocket::connected);
    QSignalSpy plainGone(&plainWs, &QWebSocket::disconnected);
    plainWs.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/events").arg(port)));
    QVERIFY(plainGone.wait(15000) || plainGone.size() == 1);
    QCOMPARE(plainConnected.size(), 0);
    pool.stop();
}

void tst_Tls::badConfigurationIsAClearError()
{
    QString certFile, keyFile;
    QVERIFY(makeCert(QStringLiteral("bad"), &certFile, &keyFile));
    auto onlyCert = Server::loadTlsConfiguration(certFile, QString());
    QVERIFY(!onlyCert.ok());
    QVERIFY(onlyCert.error().message.contains(QLatin1String("TLS_KEY_FILE")));

    auto missing = Server::loadTlsConfiguration(certFile, m_dir.filePath(QStringLiteral("nope.pem")));
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.contains(QLatin1String("nope.pem")));

    // The certificate given as the key (and vice versa) is refused, naming the file.
    auto swapped = Server::loadTlsConfiguration(keyFile, certFile);
    QVERIFY(!swapped.ok());
    auto good = Server::loadTlsConfiguration(certFile, keyFile);
    QVERIFY2(good.ok(), good.ok() ? "" : qPrintable(good.error().message));

    Server::Router router;
    Server::RequestAuth auth("x");
    Server::ServerPool pool(router, auth);
    Server::ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.tlsCertFile = certFile;
    const Status s = pool.start(opts);
    QVERIFY(!s.ok());
    QCOMPARE(pool.workerCount(), 0);
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
