#include "core/settings.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Leadline;

class tst_Settings : public QObject
{
    Q_OBJECT
private slots:
    void defaults();
    void precedence_data();
    void precedence();
    void configFileRoundTripsEveryKey();
    void secretsAreMasked_data();
    void secretsAreMasked();
    void workerThreadsZeroMeansCores();
    void positiveValueFallsBack_data();
    void positiveValueFallsBack();
};

void tst_Settings::defaults()
{
    const Settings s = Settings::defaults();
    QCOMPARE(s.port(), 8000);
    QCOMPARE(s.callingHoursStart(), 10);
    QCOMPARE(s.callingHoursEnd(), 19);
    QCOMPARE(s.maxConcurrentCalls(), 10);
    QCOMPARE(s.value(QStringLiteral("OPENAI_BASE_URL")), QStringLiteral("https://api.openai.com/v1"));
    QCOMPARE(s.value(QStringLiteral("EXOTEL_API_BASE_URL")), QStringLiteral("https://api.exotel.com"));
    QCOMPARE(s.source(QStringLiteral("PORT")), Settings::Source::Default);
}

void tst_Settings::precedence_data()
{
    QTest::addColumn<QString>("fileValue");
    QTest::addColumn<QString>("envValue");
    QTest::addColumn<QString>("cliValue");
    QTest::addColumn<int>("expected");
    QTest::addColumn<int>("expectedSource");
    QTest::newRow("default only") << QString() << QString() << QString() << 8000 << int(Settings::Source::Default);
    QTest::newRow("file beats default") << "8100" << QString() << QString() << 8100 << int(Settings::Source::ConfigFile);
    QTest::newRow("env beats file") << "8100" << "8200" << QString() << 8200 << int(Settings::Source::Environment);
    QTest::newRow("cli beats env and file") << "8100" << "8200" << "8300" << 8300 << int(Settings::Source::CommandLine);
    QTest::newRow("cli beats file") << "8100" << QString() << "8300" << 8300 << int(Settings::Source::CommandLine);
}

void tst_Settings::precedence()
{
    QFETCH(QString, fileValue);
    QFETCH(QString, envValue);
    QFETCH(QString, cliValue);
    QFETCH(int, expected);
    QFETCH(int, expectedSource);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("leadline.conf"));
    if (!fileValue.isEmpty()) {
        QSettings ini(file, QSettings::IniFormat);
        ini.setValue(QStringLiteral("PORT"), fileValue);
    }
    QProcessEnvironment env;
    if (!envValue.isEmpty())
        env.insert(QStringLiteral("PORT"), envValue);
    QHash<QString, QString> cli;
    if (!cliValue.isEmpty())
        cli.insert(QStringLiteral("PORT"), cliValue);
    const Settings s = Settings::resolve(cli, env, fileValue.isEmpty() ? QString() : file);
    QCOMPARE(s.port(), expected);
    QCOMPARE(int(s.source(QStringLiteral("PORT"))), expectedSource);
}

void tst_Settings::configFileRoundTripsEveryKey()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("leadline.conf"));
    {
        QSettings ini(file, QSettings::IniFormat);
        for (const SettingSpec &spec : Settings::specs())
            ini.setValue(spec.name, QString(QStringLiteral("value-of-") + spec.name));
    }
    const Settings s = Settings::resolve({}, QProcessEnvironment(), file);
    for (const SettingSpec &spec : Settings::specs()) {
        QCOMPARE(s.value(spec.name), QStringLiteral("value-of-") + spec.name);
        QCOMPARE(s.source(spec.name), Settings::Source::ConfigFile);
    }
}

void tst_Settings::secretsAreMasked_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("secret");
    QTest::newRow("openai key") << "OPENAI_API_KEY" << "sk-test-abcdefghijklmnop1234";
    QTest::newRow("exotel token") << "EXOTEL_API_TOKEN" << "exotel-token-0123456789abcdef";
    QTest::newRow("short deepgram key") << "DEEPGRAM_API_KEY" << "dg-short";
    QTest::newRow("api token") << "API_TOKEN" << "Zm9vYmFyYmF6cXV4cXV1eGNvcmdl";
}

void tst_Settings::secretsAreMasked()
{
    QFETCH(QString, name);
    QFETCH(QString, secret);
    QProcessEnvironment env;
    env.insert(name, secret);
    env.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://leadline:hunter2secret@db:5432/leadline"));
    const Settings s = Settings::resolve({}, env, {});
    QCOMPARE(s.value(name), secret);
    const QString text = s.describe();
    QVERIFY2(!text.contains(secret), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("hunter2secret")));
    QVERIFY(text.contains(QStringLiteral("postgresql://leadline:****@db:5432/leadline")));
    QVERIFY(!s.displayValue(name).contains(secret.left(secret.size() - 4)));
}

void tst_Settings::workerThreadsZeroMeansCores()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("WORKER_THREADS"), QStringLiteral("3"));
    QCOMPARE(Settings::resolve({}, env, {}).workerThreads(), 3);
    QCOMPARE(Settings::defaults().workerThreads(), qMax(1, QThread::idealThreadCount()));
}

void tst_Settings::positiveValueFallsBack_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("a number") << QStringLiteral("5000") << qint64(5000);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(42);
    QTest::newRow("negative") << QStringLiteral("-3") << qint64(42);
    QTest::newRow("not a number") << QStringLiteral("lots") << qint64(42);
    QTest::newRow("unset") << QString() << qint64(42);
}

void tst_Settings::positiveValueFallsBack()
{
    QFETCH(QString, value);
    QFETCH(qint64, expected);
    Settings s = Settings::defaults();
    if (!value.isNull())
        s.set(QStringLiteral("MAX_CSV_ROWS"), value);
    const QString name = value.isNull() ? QStringLiteral("NO_SUCH_SETTING") : QStringLiteral("MAX_CSV_ROWS");
    QCOMPARE(s.positiveValue(name, 42), expected);
}

QTEST_GUILESS_MAIN(tst_Settings)
#include "tst_settings.moc"
