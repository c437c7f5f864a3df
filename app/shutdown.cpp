#include "shutdown.h"

#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace Leadline {

static int s_signalFds[2] = {-1, -1};

static void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(s_signalFds[0], &c, 1); // async-signal-safe
}

void quitOnTerminationSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(s_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char c;
        [[maybe_unused]] auto n = ::read(s_signalFds[1], &c, 1);
        qCInfo(lcCore) << "termination signal received, shutting down";
        app.quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

QString defaultConfigFile()
{
    const QString user = QStandardPaths::locate(QStandardPaths::AppConfigLocation, QStringLiteral("leadline.conf"));
    if (!user.isEmpty())
        return user;
    const QString system = QStringLiteral("/etc/leadline/leadline.conf");
    return QFile::exists(system) ? system : QString();
}

void ensureApiToken(Settings &settings)
{
    if (settings.isSet(QStringLiteral("API_TOKEN")))
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("api-token"));
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        settings.set(QStringLiteral("API_TOKEN"), QString::fromLatin1(f.readAll().trimmed()), Settings::Source::ConfigFile);
        return;
    }
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    const QByteArray token = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (f.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        f.write(token + '\n');
        qCInfo(lcCore) << "generated an API token for non-loopback REST clients in" << path;
    }
    settings.set(QStringLiteral("API_TOKEN"), QString::fromLatin1(token), Settings::Source::ConfigFile);
}

} // namespace Leadline
