// SettingsDialog: provider keys are masked, values round-trip through the user config file and
// come back out of the engine's own Settings::resolve (same INI keys as the environment
// variables), cleared fields are removed, and the file is private to the user.
#include "core/settings.h"
#include "ui/settings/settingsdialog.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Ui;

class tst_UiSettings : public QObject
{
    Q_OBJECT
private slots:
    void keysAreMasked();
    void roundTripThroughEngineSettings();
};

void tst_UiSettings::keysAreMasked()
{
    QTemporaryDir dir;
    SettingsDialog d(dir.filePath(QStringLiteral("leadline.conf")), QStringLiteral("en"));
    for (const char *key : {"EXOTEL_API_KEY", "EXOTEL_API_TOKEN", "DEEPGRAM_API_KEY", "OPENAI_API_KEY", "ELEVENLABS_API_KEY"}) {
        QLineEdit *e = d.field(QLatin1String(key));
        QVERIFY2(e, key);
        QCOMPARE(e->echoMode(), QLineEdit::Password);
    }
    QCOMPARE(d.field(QStringLiteral("DATABASE_URL"))->echoMode(), QLineEdit::PasswordEchoOnEdit);
    QCOMPARE(d.field(QStringLiteral("OPENAI_BASE_URL"))->echoMode(), QLineEdit::Normal);
    QCOMPARE(d.selectedLanguage(), QStringLiteral("en"));
    QCOMPARE(d.languageCombo()->count(), 2);
}

void tst_UiSettings::roundTripThroughEngineSettings()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/leadline.conf"));
    {
        SettingsDialog d(path, QStringLiteral("hi"));
        QCOMPARE(d.selectedLanguage(), QStringLiteral("hi"));
        d.field(QStringLiteral("OPENAI_API_KEY"))->setText(QStringLiteral("sk-test-123456"));
        d.field(QStringLiteral("OPENAI_BASE_URL"))->setText(QStringLiteral("http://127.0.0.1:11434/v1"));
        d.field(QStringLiteral("DATABASE_URL"))->setText(QStringLiteral("postgresql://u:p@db.local:5433/leadline"));
        d.findChild<QSpinBox *>(QStringLiteral("PORT"))->setValue(8123);
        QString error;
        QVERIFY2(d.save(&error), qPrintable(error));
    }
    QVERIFY(QFile::exists(path));
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    const Settings s = Settings::resolve({}, QProcessEnvironment(), path);
    QCOMPARE(s.value(QStringLiteral("OPENAI_API_KEY")), QStringLiteral("sk-test-123456"));
    QCOMPARE(s.source(QStringLiteral("OPENAI_API_KEY")), Settings::Source::ConfigFile);
    QCOMPARE(s.value(QStringLiteral("OPENAI_BASE_URL")), QStringLiteral("http://127.0.0.1:11434/v1"));
    QCOMPARE(s.databaseUrl(), QStringLiteral("postgresql://u:p@db.local:5433/leadline"));
    QCOMPARE(s.port(), 8123);
    QVERIFY(!s.describe().contains(QLatin1String("sk-test-123456"))); // the engine masks it when printing

    // Reopening shows the saved values; clearing a key removes it from the file.
    SettingsDialog again(path, QStringLiteral("en"));
    QCOMPARE(again.field(QStringLiteral("OPENAI_API_KEY"))->text(), QStringLiteral("sk-test-123456"));
    again.field(QStringLiteral("OPENAI_API_KEY"))->clear();
    QVERIFY(again.save());
    const Settings cleared = Settings::resolve({}, QProcessEnvironment(), path);
    QCOMPARE(cleared.source(QStringLiteral("OPENAI_API_KEY")), Settings::Source::Default);
    QVERIFY(cleared.value(QStringLiteral("OPENAI_API_KEY")).isEmpty());
}

QTEST_MAIN(tst_UiSettings)
#include "tst_ui_settings.moc"
