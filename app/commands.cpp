#include "commands.h"

#include "campaigns/campaignservice.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace Leadline {

static QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}
static QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int runMigrate(const Storage::Database &db, bool report)
{
    auto conn = db.connection();
    if (!conn) {
        err() << "leadline: " << conn.error().message << Qt::endl;
        return 1;
    }
    auto applied = Storage::Migrator::migrate(conn.value());
    if (!applied) {
        err() << "leadline: " << applied.error().message << Qt::endl;
        return 1;
    }
    auto version = Storage::Migrator::currentVersion(conn.value());
    if (!report)
        return 0;
    out() << "database " << db.config().describe() << ": applied " << applied.value()
          << " migration(s), schema version " << (version ? version.value() : -1) << Qt::endl;
    return 0;
}

static void printReport(const Leads::ImportReport &report, bool json)
{
    if (json) {
        out() << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
        out().flush();
        return;
    }
    out() << "accepted: " << report.accepted << Qt::endl;
    out() << "rejected: " << report.rejected.size() << Qt::endl;
    for (const auto &r : report.rejected)
        out() << "  line " << r.line << ": " << r.reason << " - " << r.detail << Qt::endl;
}

static int importFile(Campaigns::CampaignService &campaigns, qint64 campaignId, const QString &file, bool json)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        err() << "leadline: cannot open " << file << ": " << f.errorString() << Qt::endl;
        return 1;
    }
    auto report = campaigns.importCsv(campaignId, f);
    if (!report) {
        const Error &e = report.error();
        if (json)
            out() << QJsonDocument(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), e.codeName()},
                                                                                   {QStringLiteral("message"), e.message}}}})
                         .toJson(QJsonDocument::Indented);
        err() << "leadline: import failed (" << e.codeName() << "): " << e.message << Qt::endl;
        const bool badInput = e.code == Error::Code::BadEncoding || e.code == Error::Code::NotACsv
                              || e.code == Error::Code::PayloadTooLarge || e.code == Error::Code::BadRequest;
        return badInput ? 2 : 1;
    }
    printReport(report.value(), json);
    return 0;
}

int runImport(Campaigns::CampaignService &campaigns, const QString &campaign, const QString &file, bool json,
              bool createIfMissing)
{
    auto c = campaigns.resolve(campaign);
    if (!c && c.error().code == Error::Code::NotFound && createIfMissing)
        c = campaigns.create(QJsonObject{{QStringLiteral("name"), campaign}});
    if (!c) {
        err() << "leadline: " << c.error().message << " (add --create, or create it with: curl -X POST "
              << "localhost:8000/campaigns -H 'Content-Type: application/json' -d '{\"name\":\"...\"}')" << Qt::endl;
        return 1;
    }
    return importFile(campaigns, c->id, file, json);
}

} // namespace Leadline
