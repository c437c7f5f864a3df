// Settings: every configurable value of the product, declared once (key, environment name,
// default, secret or not) and resolved with the precedence
//   command line > environment > config file > default.
// A resolved Settings is an immutable value; copy it into whichever thread needs it.
// Config file: INI with the same names as the environment variables (no section), e.g.
//   DATABASE_URL=postgresql://leadline@localhost/leadline
#pragma once

#include <QHash>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace Leadline {

struct SettingSpec
{
    QString name;         // the environment variable name, also the config-file key
    QString defaultValue;
    bool secret = false;
    const char *description = "";
};

class Settings
{
public:
    enum class Source { Default, ConfigFile, Environment, CommandLine };

    static const QList<SettingSpec> &specs();

    // cli: overrides from the command line, keyed by setting name (e.g. "PORT").
    static Settings resolve(const QHash<QString, QString> &cli,
                            const QProcessEnvironment &env,
                            const QString &configFile);
    static Settings defaults() { return resolve({}, QProcessEnvironment(), {}); }

    QString value(const QString &name) const { return m_values.value(name); }
    Source source(const QString &name) const { return m_sources.value(name, Source::Default); }
    bool isSet(const QString &name) const { return !m_values.value(name).isEmpty(); }
    void set(const QString &name, const QString &value, Source src = Source::CommandLine);

    // Typed accessors for the values the engine reads most.
    int port() const;
    QString listenAddress() const { return value(QStringLiteral("LISTEN_ADDRESS")); }
    QString databaseUrl() const { return value(QStringLiteral("DATABASE_URL")); }
    int workerThreads() const; // resolved: 0 in the settings means "one per core"
    qint64 maxUploadBytes() const;
    int callingHoursStart() const;
    int callingHoursEnd() const;
    int maxConcurrentCalls() const;
    QString apiToken() const { return value(QStringLiteral("API_TOKEN")); }

    // A printable table of every value with its source; secrets masked.
    QString describe() const;
    // The masked form of one value, for logs and UI.
    QString displayValue(const QString &name) const;

    // A whole number above zero, or fallback when the setting is unset, not a number or <= 0.
    qint64 positiveValue(const QString &name, qint64 fallback) const;

    static QString mask(const QString &secret);
    static QString maskUrlPassword(const QString &url);

private:
    int intValue(const QString &name, int fallback) const;
    QHash<QString, QString> m_values;
    QHash<QString, Source> m_sources;
};

} // namespace Leadline
