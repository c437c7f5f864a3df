// ConnectionTester: the settings page's probes against loopback servers: the URL and auth header
// of each vendor, ok, 401 ("the key was rejected", and the key never echoed back), timeout,
// connection refused, missing key; the database probe on SQLite and a refused PostgreSQL (no
// password in the message); and the Settings dialog's "Test connection" button end to end
// through the ConsoleBackend thread.
#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/streamingserver.h"
#include "fakes/testdatabase.h"
#include "diagnostics/connectiontester.h"
#include "ui/backend/consolebackend.h"
#include "ui/settings/settingsdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Diagnostics;
using Target = ConnectionTestRequest::Target;

class tst_ConnectionTester : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<ConnectionTestResult>(); }
    void probeUrl_data();
    void probeUrl();
    void okWithVendorAuth_data();
    void okWithVendorAuth();
    void unauthorizedNeverEchoesTheKey();
    void timeout();
    void refused();
    void notConfigured();
    void database();
    void settingsButtonRunsOnTheBackend();
};

static ConnectionTestResult run(ConnectionTester &tester, const ConnectionTestRequest &r, int waitMs = 10000)
{
    QSignalSpy spy(&tester, &ConnectionTester::finished);
    tester.test(7, r);
    if (spy.isEmpty() && !spy.wait(waitMs))
        return {};
    if (spy.size() != 1 || spy.first().at(0).toULongLong() != 7)
        return {};
    return spy.first().at(1).value<ConnectionTestResult>();
}

void tst_ConnectionTester::probeUrl_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");
    QTest::newRow("deepgram wss") << int(Target::Deepgram) << "wss://api.deepgram.com" << "https://api.deepgram.com/v1/projects";
    QTest::newRow("deepgram default") << int(Target::Deepgram) << "" << "https://api.deepgram.com/v1/projects";
    QTest::newRow("openai default") << int(Target::OpenAi) << "" << "https://api.openai.com/v1/models";
    QTest::newRow("ollama") << int(Target::OpenAi) << "http://127.0.0.1:11434/v1/" << "http://127.0.0.1:11434/v1/models";
    QTest::newRow("elevenlabs") << int(Target::ElevenLabs) << "https://api.elevenlabs.io" << "https://api.elevenlabs.io/v1/user";
    QTest::newRow("exotel mumbai") << int(Target::Exotel) << "https://api.in.exotel.com" << "https://api.in.exotel.com/v1/Accounts/acme%20realty1";
    QTest::newRow("credentials dropped") << int(Target::ElevenLabs) << "https://u:p@x.example/base" << "https://x.example/base/v1/user";
    QTest::newRow("not http") << int(Target::OpenAi) << "ftp://x.example" << "";
    QTest::newRow("garbage") << int(Target::OpenAi) << "not a url" << "";
}

void tst_ConnectionTester::probeUrl()
{
    QFETCH(int, target);
    QFETCH(QString, base);
    QFETCH(QString, expected);
    ConnectionTestRequest r;
    r.target = Target(target);
    r.baseUrl = base;
    r.account = QStringLiteral("acme realty1");
    QCOMPARE(ConnectionTester::probeUrl(r).toString(QUrl::FullyEncoded), expected);
}

void tst_ConnectionTester::okWithVendorAuth_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("deepgram") << int(Target::Deepgram) << "/v1/projects" << QByteArray("authorization: Token dg-key-123");
    QTest::newRow("openai") << int(Target::OpenAi) << "/v1/models" << QByteArray("authorization: Bearer dg-key-123");
    QTest::newRow("elevenlabs") << int(Target::ElevenLabs) << "/v1/user" << QByteArray("xi-api-key: dg-key-123");
    QTest::newRow("exotel") << int(Target::Exotel) << "/v1/Accounts/acme1"
                            << QByteArray("authorization: Basic " + QByteArray("dg-key-123:tok-456").toBase64());
}

void tst_ConnectionTester::okWithVendorAuth()
{
    QFETCH(int, target);
    QFETCH(QString, path);
    QFETCH(QByteArray, header);
    Testing::StreamingServer server;
    server.push({200, {{"Content-Type", "application/json"}}, {"{\"data\":[]}"}});
    ConnectionTester tester;
    ConnectionTestRequest r;
    r.target = Target(target);
    r.baseUrl = server.baseUrl() + (r.target == Target::OpenAi ? QStringLiteral("/v1") : QString());
    r.key = QStringLiteral("dg-key-123");
    r.secret = QStringLiteral("tok-456");
    r.account = QStringLiteral("acme1");
    const ConnectionTestResult res = run(tester, r);
    QVERIFY2(res.ok, qPrintable(res.code + QLatin1Char(' ') + res.message));
    QCOMPARE(res.code, QStringLiteral("ok"));
    QCOMPARE(res.httpStatus, 200);
    QCOMPARE(server.requests.size(), 1);
    const QByteArray head = server.requests.first().head;
    QVERIFY2(head.startsWith(QByteArray("GET " + path.toUtf8() + " HTTP/1.1")), head.constData());
    QVERIFY2(head.toLower().contains(header.toLower()), head.constData());
    QVERIFY(!res.message.contains(QStringLiteral("dg-key-123")));
}

void tst_ConnectionTester::unauthorizedNeverEchoesTheKey()
{
    Testing::StreamingServer server;
    server.push({401, {{"Content-Type", "application/json"}},
                 {"{\"error\":{\"message\":\"Incorrect API key provided: sk-secret-98765\",\"code\":\"invalid_api_key\"}}"}});
    ConnectionTester tester;
    ConnectionTestRequest r;
    r.target = Target::OpenAi;
    r.baseUrl = server.baseUrl() + QStringLiteral("/v1");
    r.key = QStringLiteral("sk-secret-98765");
    const ConnectionTestResult res = run(tester, r);
    QVERIFY(!res.ok);
    QCOMPARE(res.code, QStringLiteral("unauthorized"));
    QCOMPARE(res.httpStatus, 401);
    QVERIFY2(res.message.contains(QStringLiteral("rejected the key")), qPrintable(res.message));
    QVERIFY2(res.message.contains(QStringLiteral("invalid_api_key")), qPrintable(res.message)); // the vendor's reason stays
    QVERIFY2(!res.message.contains(QStringLiteral("sk-secret-98765")), qPrintable(res.message));
    QCOMPARE(Ui::SettingsDialog::describe(res), QStringLiteral("The key was rejected (HTTP 401)."));
}

void tst_ConnectionTester::timeout()
{
    QTcpServer silent; // accepts, never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    ConnectionTester tester;
    ConnectionTestRequest r;
    r.target = Target::ElevenLabs;
    r.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort());
    r.key = QStringLiteral("el-key");
    r.timeoutMs = 300;
    QElapsedTimer timer;
    timer.start();
    const ConnectionTestResult res = run(tester, r);
    QCOMPARE(res.code, QStringLiteral("timeout"));
    QVERIFY(!res.ok);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(res.elapsedMs >= 250);
}

void tst_ConnectionTester::refused()
{
    quint16 port = 0;
    {
        QTcpServer s;
        QVERIFY(s.listen(QHostAddress::LocalHost, 0));
        port = s.serverPort();
    } // closed: nothing listens there now
    ConnectionTester tester;
    ConnectionTestRequest r;
    r.target = Target::Deepgram;
    r.baseUrl = QStringLiteral("ws://127.0.0.1:%1").arg(port);
    r.key = QStringLiteral("dg");
    const ConnectionTestResult res = run(tester, r);
    QCOMPARE(res.code, QStringLiteral("refused"));
}

void tst_ConnectionTester::notConfigured()
{
    ConnectionTester tester;
    ConnectionTestRequest r;
    r.target = Target::Exotel;
    r.baseUrl = QStringLiteral("http://127.0.0.1:1");
    r.key = QStringLiteral("k");
    QSignalSpy spy(&tester, &ConnectionTester::finished);
    tester.test(1, r);
    QCOMPARE(spy.count(), 0); // always asynchronous
    QVERIFY(spy.wait(2000));
    const auto res = spy.first().at(1).value<ConnectionTestResult>();
    QCOMPARE(res.code, QStringLiteral("not_configured"));
    QVERIFY(res.message.contains(QStringLiteral("API token")));
    QVERIFY(res.message.contains(QStringLiteral("account SID")));
    // OpenAI-compatible servers (Ollama, llama.cpp) need no key: it is not "not configured".
    ConnectionTestRequest local;
    local.target = Target::OpenAi;
    local.baseUrl = QStringLiteral("ftp://nope");
    QCOMPARE(run(tester, local).code, QStringLiteral("bad_url"));
}

void tst_ConnectionTester::database()
{
    QTemporaryDir dir;
    ConnectionTester tester;
    ConnectionTestRequest r;
    r.target = Target::Database;
    r.baseUrl = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("probe.sqlite"));
    ConnectionTestResult res = run(tester, r);
    QVERIFY2(res.ok, qPrintable(res.message));
    QCOMPARE(res.code, QStringLiteral("ok"));

    r.baseUrl = QStringLiteral("postgresql://leadline:hunter2secret@127.0.0.1:1/leadline");
    res = run(tester, r, 15000);
    QVERIFY(!res.ok);
    QCOMPARE(res.code, QStringLiteral("database"));
    QVERIFY2(!res.message.contains(QStringLiteral("hunter2secret")), qPrintable(res.message));
    QVERIFY2(res.message.contains(QStringLiteral("127.0.0.1")), qPrintable(res.message));

    r.baseUrl = QStringLiteral("mysql://x");
    QCOMPARE(run(tester, r).code, QStringLiteral("bad_url"));

    // The real PostgreSQL of the test setup answers SELECT 1 (skipped when absent).
    r.baseUrl = Testing::postgresTestUrl();
    res = run(tester, r, 15000);
    if (!res.ok && !Testing::postgresRequired())
        QSKIP(qPrintable(QStringLiteral("PostgreSQL not reachable: ") + res.message));
    QVERIFY2(res.ok, qPrintable(res.message));
    const QString password = QUrl(r.baseUrl).password();
    QVERIFY(password.isEmpty() || !res.message.contains(password));
}

void tst_ConnectionTester::settingsButtonRunsOnTheBackend()
{
    Testing::TestDatabase t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock;
    Campaigns::CampaignService service(*t.db, clock);
    Ui::ConsoleBackendHost host(service, *t.db);
    Testing::StreamingServer server;
    server.push({401, {}, {"{\"detail\":{\"status\":\"invalid_api_key\"}}"}});
    server.push({200, {}, {"{\"subscription\":{}}"}});

    QTemporaryDir dir;
    Ui::SettingsDialog dialog(dir.filePath(QStringLiteral("leadline.conf")), QStringLiteral("en"));
    QPushButton *button = dialog.testButton(Target::ElevenLabs);
    QVERIFY(button);
    QVERIFY(!button->isEnabled()); // no backend yet
    dialog.setBackend(&host);
    QVERIFY(button->isEnabled());
    dialog.field(QStringLiteral("ELEVENLABS_BASE_URL"))->setText(server.baseUrl());
    dialog.field(QStringLiteral("ELEVENLABS_API_KEY"))->setText(QStringLiteral("el-wrong-key"));
    QCOMPARE(dialog.field(QStringLiteral("ELEVENLABS_API_KEY"))->echoMode(), QLineEdit::Password);
    QSignalSpy tested(&dialog, &Ui::SettingsDialog::connectionTested);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!button->isEnabled()); // until the answer
    QCOMPARE(dialog.testResultLabel(Target::ElevenLabs)->text(), QStringLiteral("Testing\u2026"));
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.first().at(1).toBool(), false);
    QCOMPARE(dialog.testResultLabel(Target::ElevenLabs)->text(), QStringLiteral("The key was rejected (HTTP 401)."));
    QVERIFY(!dialog.testResultLabel(Target::ElevenLabs)->toolTip().contains(QStringLiteral("el-wrong-key")));
    QVERIFY(button->isEnabled());
    QVERIFY(server.requests.first().head.contains("xi-api-key: el-wrong-key"));

    dialog.field(QStringLiteral("ELEVENLABS_API_KEY"))->setText(QStringLiteral("el-good-key"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.last().at(1).toBool(), true);
    QVERIFY(dialog.testResultLabel(Target::ElevenLabs)->text().startsWith(QStringLiteral("Connected")));

    dialog.resize(720, 640);
    dialog.findChild<QTabWidget *>()->setCurrentIndex(1); // Providers
    dialog.show();
    dialog.grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/ui_settings_test_connection.png"));

    // The database button probes the URL typed in the dialog.
    dialog.field(QStringLiteral("DATABASE_URL"))->setText(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("x.sqlite")));
    QVERIFY(dialog.testConnection(Target::Database));
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.last().at(1).toBool(), true);
}

QTEST_MAIN(tst_ConnectionTester)
#include "tst_connectiontester.moc"
