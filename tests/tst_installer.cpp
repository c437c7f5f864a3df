// The installer's files (installer/): the default leadline.conf documents every setting the
// program knows and sets none (so it holds no secrets and changes no default), and parses as
// an empty config; the systemd unit keeps its ExecStart and hardening; the desktop entry and
// the AppStream metainfo agree on the application id.
#include "core/settings.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace Leadline;

class tst_Installer : public QObject
{
    Q_OBJECT
private slots:
    void defaultConfigDocumentsEverySetting();
    void defaultConfigSetsNothing();
    void serviceUnitIsHardened();
    void desktopEntryAndMetainfoAgree();

private:
    static QByteArray read(const QString &relative)
    {
        QFile f(QStringLiteral(LEADLINE_SOURCE_DIR "/installer/") + relative);
        if (!f.open(QIODevice::ReadOnly))
            qWarning() << "cannot read" << f.fileName();
        return f.readAll();
    }
};

void tst_Installer::defaultConfigDocumentsEverySetting()
{
    const QString conf = QString::fromUtf8(read(QStringLiteral("leadline.conf")));
    QVERIFY(!conf.isEmpty());
    QStringList missing;
    for (const SettingSpec &spec : Settings::specs()) {
        const QRegularExpression line(QStringLiteral("^#%1=").arg(QRegularExpression::escape(spec.name)),
                                      QRegularExpression::MultilineOption);
        if (!line.match(conf).hasMatch())
            missing << spec.name;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("installer/leadline.conf lacks a commented line for: ") + missing.join(QLatin1Char(' '))));
}

void tst_Installer::defaultConfigSetsNothing()
{
    const QByteArray conf = read(QStringLiteral("leadline.conf"));
    for (const QByteArray &line : conf.split('\n')) {
        const QByteArray t = line.trimmed();
        QVERIFY2(t.isEmpty() || t.startsWith('#'), line.constData());
    }
    // Resolving with the shipped file gives exactly the defaults.
    const Settings resolved = Settings::resolve({}, QProcessEnvironment(), QStringLiteral(LEADLINE_SOURCE_DIR "/installer/leadline.conf"));
    for (const SettingSpec &spec : Settings::specs())
        QCOMPARE(resolved.source(spec.name), Settings::Source::Default);
    // And the parser really reads this file format: an uncommented copy sets a value.
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("leadline.conf"));
    QFile out(copy);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QByteArray(conf).replace("#PORT=8000", "PORT=8123"));
    out.close();
    const Settings edited = Settings::resolve({}, QProcessEnvironment(), copy);
    QCOMPARE(edited.port(), 8123);
    QCOMPARE(edited.source(QStringLiteral("PORT")), Settings::Source::ConfigFile);
}

void tst_Installer::serviceUnitIsHardened()
{
    const QByteArray unit = read(QStringLiteral("leadline.service"));
    const QList<QByteArray> required = {
        "ExecStart=/usr/bin/leadline --headless --config /etc/leadline/leadline.conf",
        "User=leadline", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
        "ReadWritePaths=/var/lib/leadline", "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
        "CapabilityBoundingSet=\n", "Restart=on-failure", "XDG_DATA_HOME=/var/lib ",
    };
    for (const QByteArray &r : required)
        QVERIFY2(unit.contains(r), r.constData());
    const QByteArray sysusers = read(QStringLiteral("leadline.sysusers"));
    QVERIFY(sysusers.contains("u leadline "));
    QVERIFY(read(QStringLiteral("leadline.tmpfiles")).contains("d /var/lib/leadline 0750 leadline leadline"));
}

void tst_Installer::desktopEntryAndMetainfoAgree()
{
    const QByteArray desktop = read(QStringLiteral("io.leadline.Leadline.desktop"));
    QVERIFY(desktop.startsWith("[Desktop Entry]\n"));
    QVERIFY(desktop.contains("\nExec=leadline\n"));
    QVERIFY(desktop.contains("\nIcon=io.leadline.Leadline\n"));
    const QByteArray meta = read(QStringLiteral("io.leadline.Leadline.metainfo.xml.in"));
    QVERIFY(meta.contains("<id>io.leadline.Leadline</id>"));
    QVERIFY(meta.contains("<launchable type=\"desktop-id\">io.leadline.Leadline.desktop</launchable>"));
    QVERIFY(meta.contains("@PROJECT_VERSION@"));
    QVERIFY(read(QStringLiteral("io.leadline.Leadline.svg")).contains("<svg"));
}

QTEST_GUILESS_MAIN(tst_Installer)
#include "tst_installer.moc"
