// Secrets never leak (issue "Ship it"): `leadline demo --no-serve` runs a campaign (two leads) at debug
// log level with every secret setting configured to a distinctive value. The vendor keys are
// real (their clients are used, pointed at a closed loopback port so every vendor call fails and
// the error paths log as much as they can); the Exotel token/key and webhook secret are loaded
// and then replaced by the demo's simulator values; API_TOKEN guards REST; REDIS_URL carries a
// password. While the demo runs the test reads /debug/sessions, /metrics and the CSV export;
// afterwards it greps stdout, stderr, those responses and the SQLite database files for every
// secret value and fails on any hit (and on any unmasked webhook key `k=`).
#include <QDir>
#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

class tst_Secrets : public QObject
{
    Q_OBJECT
private slots:
    void demoLeaksNoSecret();
    void databasePasswordStaysHidden();
};

// The demo runs on SQLite, so the DATABASE_URL password is checked here: `config` prints it
// and `migrate` / `--headless` fail to reach an unreachable PostgreSQL and say so, at debug level.
void tst_Secrets::databasePasswordStaysHidden()
{
    const QString password = QStringLiteral("pgSECRETpassword5e7a21f9");
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("DISPLAY"));
    env.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://leadline:%1@127.0.0.1:9/leadline?connect_timeout=2").arg(password));
    env.insert(QStringLiteral("LOG_LEVEL"), QStringLiteral("debug"));
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString port = QString::number(probe.serverPort());
    probe.close();
    int runs = 0;
    for (const QStringList &args : {QStringList{QStringLiteral("config")}, QStringList{QStringLiteral("migrate")},
                                    QStringList{QStringLiteral("--headless"), QStringLiteral("--port"), port}}) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(LEADLINE_BINARY), args);
        QVERIFY(p.waitForStarted());
        if (!p.waitForFinished(20000)) { // --headless may keep retrying: stop it, then read what it said
            p.terminate();
            p.waitForFinished(5000);
        }
        const QByteArray all = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(!all.isEmpty(), qPrintable(args.join(QLatin1Char(' '))));
        QVERIFY2(!all.contains(password.toUtf8()), qPrintable(QStringLiteral("`leadline %1` printed the database password:\n%2")
                                                                    .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(all.right(2000)))));
        if (args.first() == QLatin1String("config"))
            QVERIFY2(all.contains("postgresql://leadline:****@127.0.0.1:9/leadline"), all.constData()); // loaded, shown masked
        ++runs;
    }
    QCOMPARE(runs, 3);
}

void tst_Secrets::demoLeaksNoSecret()
{
    const QList<QPair<QString, QString>> secrets = {
        {QStringLiteral("DEEPGRAM_API_KEY"), QStringLiteral("dgSECRETdeepgram7f3a91c0")},
        {QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-SECRETopenai5c2e77b1")},
        {QStringLiteral("ELEVENLABS_API_KEY"), QStringLiteral("elSECRETeleven9b1d44e2")},
        {QStringLiteral("EXOTEL_API_KEY"), QStringLiteral("exkSECRETkey2b7e90d3")},
        {QStringLiteral("EXOTEL_API_TOKEN"), QStringLiteral("extSECRETtoken3a8c55f4")},
        {QStringLiteral("EXOTEL_WEBHOOK_SECRET"), QStringLiteral("whSECRETwebhook4e1a08a5")},
        {QStringLiteral("API_TOKEN"), QStringLiteral("apiSECRETtoken6d2f18b6")},
        {QStringLiteral("MEDIA_BASIC_AUTH"), QStringLiteral("exotel:mbSECRETmedia8c3d27c7")},
    };
    const QString redisPassword = QStringLiteral("rdSECRETredis1f9e63d8");

    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    for (const char *k : {"DATABASE_URL", "DISPLAY", "QT_QPA_PLATFORM", "QT_LOGGING_RULES"})
        env.remove(QLatin1String(k));
    for (const auto &s : secrets)
        env.insert(s.first, s.second);
    // The vendor clients are used, but every vendor is a closed loopback port: no network.
    env.insert(QStringLiteral("DEEPGRAM_BASE_URL"), QStringLiteral("ws://127.0.0.1:9"));
    env.insert(QStringLiteral("OPENAI_BASE_URL"), QStringLiteral("http://127.0.0.1:9/v1"));
    env.insert(QStringLiteral("ELEVENLABS_BASE_URL"), QStringLiteral("http://127.0.0.1:9"));
    env.insert(QStringLiteral("ELEVENLABS_VOICE_ID"), QStringLiteral("voice"));
    env.insert(QStringLiteral("REDIS_URL"), QStringLiteral("redis://:%1@127.0.0.1:9/0").arg(redisPassword));
    env.insert(QStringLiteral("LOG_LEVEL"), QStringLiteral("debug"));
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    // Two answered calls, one attempt each, are enough to run every vendor client, the recorder,
    // the webhooks and the REST surfaces (the whole sample campaign is tst_demo's).
    QFile leads(home.filePath(QStringLiteral("leads.csv")));
    QVERIFY(leads.open(QIODevice::WriteOnly));
    leads.write("name,phone,email,city,budget,property type,preferred language,persona\n"
                "Aarav Sharma,9876543210,aarav.sharma@example.com,Bengaluru,75 lakh,2BHK,English,interested\n"
                "Priya Iyer,+91 98450 98450,priya.iyer@example.com,Chennai,1.2 crore,3BHK,English,not_interested\n");
    leads.close();

    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LEADLINE_BINARY), {QStringLiteral("demo"), QStringLiteral("--no-serve"), QStringLiteral("--port"), QString::number(port),
                                              QStringLiteral("--leads"), leads.fileName(), QStringLiteral("--attempts"), QStringLiteral("1")});
    QVERIFY(p.waitForStarted());
    QByteArray out, err;
    connect(&p, &QProcess::readyReadStandardOutput, this, [&] { out += p.readAllStandardOutput(); });
    connect(&p, &QProcess::readyReadStandardError, this, [&] { err += p.readAllStandardError(); });

    // While it runs: the operator-visible surfaces, fetched like a console would (loopback).
    QNetworkAccessManager nam;
    QByteArray surfaces;
    QByteArray lastMetrics;
    int fetched = 0;
    auto fetch = [&](const QString &path) {
        QNetworkReply *r = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path))));
        QSignalSpy done(r, &QNetworkReply::finished);
        done.wait(5000);
        if (r->error() == QNetworkReply::NoError) {
            const QByteArray body = r->readAll();
            surfaces += body;
            if (path == QLatin1String("/metrics"))
                lastMetrics = body;
            ++fetched;
        }
        r->deleteLater();
    };
    QElapsedTimer t;
    t.start();
    while (p.state() != QProcess::NotRunning && t.elapsed() < 14 * 60 * 1000) {
        if (p.waitForFinished(3000))
            break;
        for (const QString &path : {QStringLiteral("/debug/sessions"), QStringLiteral("/metrics"), QStringLiteral("/campaigns"),
                                    QStringLiteral("/campaigns/1/export.csv"), QStringLiteral("/campaigns/1/analytics"), QStringLiteral("/health")})
            fetch(path);
    }
    QVERIFY2(p.state() == QProcess::NotRunning, "the demo did not finish in 14 minutes");
    out += p.readAllStandardOutput();
    err += p.readAllStandardError();
    QVERIFY2(p.exitCode() == 0, QByteArray(out + err.right(3000)).constData());
    QVERIFY2(fetched >= 6, qPrintable(QStringLiteral("only %1 responses fetched while the demo ran").arg(fetched)));
    QVERIFY2(!err.isEmpty(), "the demo logged nothing to stderr");
    // The secrets were loaded (the settings table lists them, masked) and the vendor clients ran.
    const QByteArray logs = out + err;
    QVERIFY2(QRegularExpression(QStringLiteral("DEEPGRAM_API_KEY\\s+\\*\\*\\*\\*")).match(QString::fromUtf8(logs)).hasMatch(),
             "the settings table with the masked vendor keys was not logged");
    QVERIFY2(logs.contains("STT failed") || logs.contains("Deepgram"), "the Deepgram client was never used");
    // Every call lost its (unreachable) Deepgram stream: /metrics counts those vendor errors.
    QVERIFY2(lastMetrics.contains("leadline_vendor_errors_total{stage=\"stt\",provider=\"deepgram\",kind=\"connection\"}"),
             lastMetrics.right(2000).constData());
    // The greetings were prepared while the phone rang (GREETING_PRIME=on by default) and counted.
    QVERIFY2(lastMetrics.contains("leadline_greetings_total{result=\"synthesised\"}"), lastMetrics.right(2000).constData());

    QByteArray database;
    QDirIterator it(home.path(), QDir::Files, QDirIterator::Subdirectories);
    int dbFiles = 0;
    while (it.hasNext()) {
        const QString f = it.next();
        if (!f.contains(QLatin1String("leadline.sqlite")))
            continue;
        QFile file(f);
        if (file.open(QIODevice::ReadOnly)) {
            database += file.readAll();
            ++dbFiles;
        }
    }
    QVERIFY2(dbFiles >= 1, "the demo's SQLite database was not found");

    const QList<QPair<QString, QByteArray>> haystacks = {{QStringLiteral("stdout"), out}, {QStringLiteral("stderr"), err},
                                                         {QStringLiteral("REST responses"), surfaces}, {QStringLiteral("database"), database}};
    QList<QPair<QString, QString>> needles = secrets;
    needles.append({QStringLiteral("MEDIA_BASIC_AUTH password"), QStringLiteral("mbSECRETmedia8c3d27c7")});
    needles.append({QStringLiteral("REDIS_URL password"), redisPassword});
    needles.append({QStringLiteral("demo Exotel token"), QStringLiteral("simtoken")});
    QStringList leaks;
    for (const auto &n : needles)
        for (const auto &h : haystacks)
            if (h.second.contains(n.second.toUtf8()))
                leaks << QStringLiteral("%1 in %2").arg(n.first, h.first);
    // The demo's own webhook secret is random: no unmasked k= value may appear anywhere.
    static const QRegularExpression webhookKey(QStringLiteral("[?&]k=([0-9A-Za-z]{6,})"));
    for (const auto &h : haystacks) {
        const auto m = webhookKey.match(QString::fromUtf8(h.second));
        if (m.hasMatch())
            leaks << QStringLiteral("webhook key k=%1 in %2").arg(m.captured(1), h.first);
    }
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QStringLiteral("; "))));
}

QTEST_GUILESS_MAIN(tst_Secrets)
#include "tst_secrets.moc"
