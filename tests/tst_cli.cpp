// The leadline binary as a user runs it: --version, migrate, import (human and --json, exit
// codes), and --headless with no display at all, answering /health.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

class tst_Cli : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void version();
    void migrateIsIdempotent();
    void importReportsAndExitCodes();
    void importUnknownCampaign();
    void headlessRunsWithoutDisplay();
    void badDatabaseUrl();
    void tokenCreateListRevoke();
    void agentsAddListAvailableRemove();
    void briefImportAndShow();
    void simulatorServesExotelsRestSurface();

private:
    QProcessEnvironment env() const;
    void start(QProcess &p, const QStringList &args);
    int run(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr);
    quint16 startOnFreePort(QProcess &p, const QStringList &args);
    std::unique_ptr<QTemporaryDir> m_home;
};

void tst_Cli::init() { m_home = std::make_unique<QTemporaryDir>(); }

QProcessEnvironment tst_Cli::env() const
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    // A private data dir: the embedded SQLite database lands here.
    e.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
    e.insert(QStringLiteral("HOME"), m_home->path());
    e.remove(QStringLiteral("DATABASE_URL"));
    e.remove(QStringLiteral("DISPLAY"));
    e.remove(QStringLiteral("WAYLAND_DISPLAY"));
    e.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return e;
}

void tst_Cli::start(QProcess &p, const QStringList &args)
{
    p.setProcessEnvironment(env());
    p.start(QStringLiteral(LEADLINE_BINARY), args);
}

int tst_Cli::run(const QStringList &args, QByteArray *out, QByteArray *err)
{
    QProcess p;
    start(p, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}

// Starts the binary with `args` and --port on a port that is free right now; returns the port, or
// 0 (nothing started) when no port could be had.
quint16 tst_Cli::startOnFreePort(QProcess &p, const QStringList &args)
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    start(p, args + QStringList{QStringLiteral("--port"), QString::number(port)});
    return port;
}

void tst_Cli::version()
{
    QByteArray out;
    QCOMPARE(run({QStringLiteral("--version")}, &out), 0);
    QVERIFY2(out.contains(LEADLINE_VERSION), out.constData());
    QCOMPARE(run({QStringLiteral("--help")}, &out), 0);
    for (const char *opt : {"--headless", "--port", "--database-url", "--config", "--log-level"})
        QVERIFY2(out.contains(opt), opt);
}

void tst_Cli::migrateIsIdempotent()
{
    QByteArray out;
    QCOMPARE(run({QStringLiteral("migrate")}, &out), 0);
    QVERIFY2(out.contains("schema version"), out.constData());
    QVERIFY(QFile::exists(m_home->filePath(QStringLiteral("data/leadline/leadline.sqlite"))));
    QCOMPARE(run({QStringLiteral("migrate")}, &out), 0);
    QVERIFY2(out.contains("applied 0 migration"), out.constData());
}

void tst_Cli::importReportsAndExitCodes()
{
    // --create makes the campaign on first use; later imports name it.
    QByteArray out, err;
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("Demo"), QStringLiteral(LEADLINE_SOURCE_DIR "/resources/demo_leads.csv"),
                  QStringLiteral("--create")}, &out, &err), 0);
    QVERIFY2(out.contains("accepted: 13"), out.constData());

    const QString fixture = QStringLiteral(LEADLINE_TESTDATA_DIR "/leads/semicolon_european.csv");
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("Euro"), fixture, QStringLiteral("--json")}, &out, &err), 1);
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("Euro"), fixture, QStringLiteral("--json"), QStringLiteral("--create")}, &out, &err), 0);
    const QJsonObject report = QJsonDocument::fromJson(out).object();
    QFile expFile(QStringLiteral(LEADLINE_TESTDATA_DIR "/leads/semicolon_european.expected.json"));
    QVERIFY(expFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expFile.readAll()).object();
    QCOMPARE(report.value(QStringLiteral("accepted")).toInt(), expected.value(QStringLiteral("accepted")).toInt());
    QCOMPARE(report.value(QStringLiteral("rejected")).toArray().size(), expected.value(QStringLiteral("rejected")).toArray().size());

    // Importing it again: every accepted row is now a duplicate_existing, reported by line.
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("2"), fixture}, &out, &err), 0);
    QVERIFY2(out.contains("accepted: 0"), out.constData());
    QVERIFY2(out.contains("duplicate_existing"), out.constData());

    // A Latin-1 file: exit 2, a JSON error, nothing imported.
    const QString latin1 = m_home->filePath(QStringLiteral("latin1.csv"));
    QFile f(latin1);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("name,phone\nJos\xe9,9876500001\n");
    f.close();
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("Demo"), latin1, QStringLiteral("--json")}, &out, &err), 2);
    QCOMPARE(QJsonDocument::fromJson(out).object()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("bad_encoding"));
    QVERIFY2(err.contains("0xE9") || err.contains("0xe9"), err.constData());
}

void tst_Cli::briefImportAndShow()
{
    QByteArray out, err;
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("Greens"), QStringLiteral(LEADLINE_SOURCE_DIR "/resources/demo_leads.csv"),
                  QStringLiteral("--create")}, &out, &err), 0);
    QCOMPARE(run({QStringLiteral("brief"), QStringLiteral("Greens")}, &out, &err), 1);
    QVERIFY2(err.contains("no project brief yet"), err.constData());
    QCOMPARE(run({QStringLiteral("brief"), QStringLiteral("Greens"), QStringLiteral(LEADLINE_SOURCE_DIR "/resources/demo_brief.json")}, &out, &err), 0);
    QVERIFY2(out.contains("brief version 1 stored") && out.contains("2 BHK: carpet area 680 to 740 sq ft, price 78 lakh to 92 lakh rupees."),
             out.constData());
    // Invalid: exit 2 with every problem, the stored version unchanged.
    const QString bad = m_home->filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"builder": "X", "rera": "typo"})");
    f.close();
    QCOMPARE(run({QStringLiteral("brief"), QStringLiteral("Greens"), bad}, &out, &err), 2);
    QVERIFY2(err.contains("project_name: required") && err.contains("rera: unknown field"), err.constData());
    QCOMPARE(run({QStringLiteral("brief"), QStringLiteral("Greens"), QStringLiteral("--json")}, &out, &err), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("version")).toInt(), 1);
}

void tst_Cli::importUnknownCampaign()
{
    QByteArray out, err;
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("Nope"), QStringLiteral("/dev/null")}, &out, &err), 1);
    QVERIFY2(err.contains("no campaign named"), err.constData());
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("only-one-arg")}, &out, &err), 2);
}

void tst_Cli::headlessRunsWithoutDisplay()
{
    QProcess p;
    const quint16 port = startOnFreePort(p, {QStringLiteral("--headless")});
    QVERIFY(port);
    QVERIFY(p.waitForStarted());
    QNetworkAccessManager nam;
    int status = 0;
    QJsonObject body;
    for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(port))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(2000);
        status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        body = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        if (status != 200)
            QTest::qWait(100);
        QVERIFY2(p.state() == QProcess::Running, p.readAllStandardError().constData());
    }
    QCOMPARE(status, 200);
    QCOMPARE(body.value(QStringLiteral("database_kind")).toString(), QStringLiteral("sqlite"));
    p.terminate(); // SIGTERM: clean shutdown, exit 0
    QVERIFY(p.waitForFinished(15000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
}

void tst_Cli::simulatorServesExotelsRestSurface()
{
    // `leadline sim`: the Exotel simulator alone, as another process or developer would use it.
    QProcess p;
    const quint16 port = startOnFreePort(p, {QStringLiteral("sim")});
    QVERIFY(port);
    QVERIFY(p.waitForStarted());
    QNetworkAccessManager nam;
    auto connectCall = [&](const QByteArray &credentials) {
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/Accounts/leadlinesim/Calls/connect.json").arg(port)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        if (!credentials.isEmpty())
            req.setRawHeader("Authorization", "Basic " + credentials.toBase64());
        QNetworkReply *reply = nam.post(req, QByteArrayLiteral("From=%2B919876500001&CallerId=08047112233&StreamUrl=ws%3A%2F%2F127.0.0.1%3A1%2Fmedia&StreamType=bidirectional"));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(3000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    };
    int status = 0;
    for (int attempt = 0; attempt < 100 && status == 0; ++attempt) {
        status = connectCall("simkey:simtoken");
        if (status == 0)
            QTest::qWait(100);
        QVERIFY2(p.state() == QProcess::Running, p.readAllStandardError().constData());
    }
    QCOMPARE(status, 200);
    QCOMPARE(connectCall("simkey:wrong"), 401);
    p.terminate();
    QVERIFY(p.waitForFinished(15000));
    QCOMPARE(p.exitCode(), 0);
}

void tst_Cli::badDatabaseUrl()
{
    QByteArray out, err;
    QCOMPARE(run({QStringLiteral("migrate"), QStringLiteral("--database-url"), QStringLiteral("mysql://u:secretpw@h/d")}, &out, &err), 2);
    QVERIFY2(err.contains("DATABASE_URL"), err.constData());
    QVERIFY2(!err.contains("secretpw"), err.constData());
}

void tst_Cli::tokenCreateListRevoke()
{
    QByteArray out, err;
    QCOMPARE(run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("crm")}, &out, &err), 0);
    const QByteArray token = out.trimmed();
    QVERIFY2(token.startsWith("llt_") && !token.contains('\n'), out.constData()); // stdout is the token alone
    QVERIFY2(err.contains("shown only now"), err.constData());
    QCOMPARE(run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("crm")}, &out, &err), 1); // duplicate
    QCOMPARE(run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("ops")}, &out), 0);

    QCOMPARE(run({QStringLiteral("token"), QStringLiteral("list")}, &out), 0);
    QVERIFY2(out.contains("crm") && out.contains("ops") && out.contains("last used"), out.constData());
    QVERIFY2(!out.contains(token), "token list must never print a token");

    QCOMPARE(run({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("crm")}, &out), 0);
    QVERIFY2(out.contains("revoked"), out.constData());
    QCOMPARE(run({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("crm")}, &out, &err), 1);
    QCOMPARE(run({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--json")}, &out), 0);
    const QJsonArray rows = QJsonDocument::fromJson(out).array();
    QCOMPARE(rows.size(), 2);
    for (const auto &v : rows) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.value(QStringLiteral("active")).toBool(), o.value(QStringLiteral("name")).toString() == QLatin1String("ops"));
        QVERIFY(!o.contains(QStringLiteral("token")));
    }
    QCOMPARE(run({QStringLiteral("token"), QStringLiteral("frobnicate")}, &out, &err), 2);
    QCOMPARE(run({QStringLiteral("token")}, &out, &err), 2);
}

void tst_Cli::agentsAddListAvailableRemove()
{
    QByteArray out, err;
    QCOMPARE(run({QStringLiteral("agents"), QStringLiteral("add"), QStringLiteral("Priya Sharma"), QStringLiteral("98000 00001"),
                  QStringLiteral("hi,en"), QStringLiteral("10:00-19:00")}, &out, &err), 0);
    QVERIFY2(out.contains("+919800000001"), out.constData());
    QCOMPARE(run({QStringLiteral("agents"), QStringLiteral("add"), QStringLiteral("Again"), QStringLiteral("+919800000001")}, &out, &err), 2);
    QCOMPARE(run({QStringLiteral("agents"), QStringLiteral("add"), QStringLiteral("Bad"), QStringLiteral("12")}, &out, &err), 2);
    // The same rules as POST /agents (AgentService): no language at all is refused, as over REST.
    QCOMPARE(run({QStringLiteral("agents"), QStringLiteral("add"), QStringLiteral("No language"), QStringLiteral("+919800000003"),
                  QStringLiteral(",")}, &out, &err), 2);
    QVERIFY2(err.contains("at least one language"), err.constData());
    QCOMPARE(run({QStringLiteral("agents"), QStringLiteral("available"), QStringLiteral("1"), QStringLiteral("off")}, &out, &err), 0);
    QCOMPARE(run({QStringLiteral("agents"), QStringLiteral("list"), QStringLiteral("--json")}, &out, &err), 0);
    const QJsonArray agents = QJsonDocument::fromJson(out).array();
    QCOMPARE(agents.size(), 1);
    QCOMPARE(agents.first()[QStringLiteral("available")].toBool(), false);
    QCOMPARE(agents.first()[QStringLiteral("languages")].toArray().size(), 2);
    QCOMPARE(run({QStringLiteral("agents"), QStringLiteral("remove"), QStringLiteral("1")}, &out, &err), 0);
    QCOMPARE(run({QStringLiteral("agents"), QStringLiteral("remove"), QStringLiteral("1")}, &out, &err), 1);
    QCOMPARE(run({QStringLiteral("agents"), QStringLiteral("list")}, &out, &err), 0);
    QVERIFY(!out.contains("Priya"));
    QCOMPARE(run({QStringLiteral("agents"), QStringLiteral("frobnicate")}, &out, &err), 2);
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
