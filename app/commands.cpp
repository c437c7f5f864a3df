#include "commands.h"
#include "commandline.h"
#include "demo.h"
#include "shutdown.h"

#include "runtime/services.h"

#include "campaigns/campaignservice.h"
#include "projects/briefservice.h"
#include "storage/apitokenrepository.h"
#include "storage/database.h"
#include "handoff/agentservice.h"
#include "storage/migrations.h"

#include <QDateTime>
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

static QString cliTime(qint64 ms)
{
    return ms <= 0 ? QStringLiteral("-") : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
}

static QJsonObject tokenJson(const Storage::ApiTokenRow &r)
{
    auto t = [](qint64 ms) { return ms <= 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(cliTime(ms)); };
    return QJsonObject{{QStringLiteral("id"), r.id}, {QStringLiteral("name"), r.name}, {QStringLiteral("created_at"), t(r.createdAt)},
                       {QStringLiteral("last_used_at"), t(r.lastUsedAt)}, {QStringLiteral("revoked_at"), t(r.revokedAt)},
                       {QStringLiteral("active"), r.active()}};
}

int runToken(const Storage::Database &db, const QStringList &args, bool json)
{
    const QString sub = args.value(0);
    const bool known = (sub == QLatin1String("create") && args.size() == 2) || (sub == QLatin1String("list") && args.size() == 1)
                       || (sub == QLatin1String("revoke") && args.size() == 2);
    if (!known) {
        err() << "usage: leadline token create <name> | token list [--json] | token revoke <name|id>" << Qt::endl;
        return 2;
    }
    auto conn = db.connection();
    if (!conn) {
        err() << "leadline: " << conn.error().message << Qt::endl;
        return 1;
    }
    Storage::ApiTokenRepository tokens(conn.value());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (sub == QLatin1String("create")) {
        auto created = tokens.create(args.at(1), now);
        if (!created) {
            err() << "leadline: " << created.error().message << Qt::endl;
            return created.error().code == Error::Code::Validation ? 2 : 1;
        }
        if (json) {
            QJsonObject o = tokenJson(created->row);
            o.insert(QStringLiteral("token"), QString::fromLatin1(created->token));
            out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
            out().flush();
        } else {
            out() << created->token << Qt::endl;
        }
        err() << "token \"" << created->row.name << "\" (id " << created->row.id
              << ") created; it is shown only now. Use it as: Authorization: Bearer <token>" << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("list")) {
        auto rows = tokens.list();
        if (!rows) {
            err() << "leadline: " << rows.error().message << Qt::endl;
            return 1;
        }
        if (json) {
            QJsonArray a;
            for (const auto &r : rows.value())
                a.append(tokenJson(r));
            out() << QJsonDocument(a).toJson(QJsonDocument::Indented);
            out().flush();
            return 0;
        }
        out() << QStringLiteral("%1  %2  %3  %4  %5").arg(QStringLiteral("id"), -5).arg(QStringLiteral("name"), -24)
                     .arg(QStringLiteral("created"), -20).arg(QStringLiteral("last used"), -20).arg(QStringLiteral("revoked"))
              << Qt::endl;
        for (const auto &r : rows.value())
            out() << QStringLiteral("%1  %2  %3  %4  %5").arg(r.id, -5).arg(r.name, -24).arg(cliTime(r.createdAt), -20)
                         .arg(cliTime(r.lastUsedAt), -20).arg(cliTime(r.revokedAt))
                  << Qt::endl;
        return 0;
    }
    auto revoked = tokens.revoke(args.at(1), now);
    if (!revoked) {
        err() << "leadline: " << revoked.error().message << Qt::endl;
        return 1;
    }
    out() << "revoked token \"" << revoked->name << "\" (id " << revoked->id << ")" << Qt::endl;
    return 0;
}

int runAgents(const Handoff::AgentService &agents, const QStringList &args, bool json)
{
    const QString sub = args.value(0);
    auto usage = [] {
        err() << "usage: leadline agents list | add <name> <phone> [en,hi] [HH:MM-HH:MM] | remove <id> | available <id> on|off"
              << Qt::endl;
        return 2;
    };
    auto fail = [](const Error &e) {
        err() << "leadline: " << e.message << Qt::endl;
        return e.code == Error::Code::Validation || e.code == Error::Code::Conflict ? 2 : 1;
    };
    if (sub == QLatin1String("list") || sub.isEmpty()) {
        auto list = agents.list();
        if (!list)
            return fail(list.error());
        if (json) {
            QJsonArray a;
            for (const auto &r : list.value())
                a.append(r.toJson());
            out() << QJsonDocument(a).toJson(QJsonDocument::Indented);
            out().flush();
            return 0;
        }
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6").arg(QStringLiteral("id"), -5).arg(QStringLiteral("name"), -22)
                     .arg(QStringLiteral("phone"), -14).arg(QStringLiteral("languages"), -10).arg(QStringLiteral("hours"), -24)
                     .arg(QStringLiteral("available"))
              << Qt::endl;
        for (const auto &r : list.value())
            out() << QStringLiteral("%1  %2  %3  %4  %5  %6").arg(r.id, -5).arg(r.name, -22).arg(r.phoneE164, -14)
                         .arg(r.languages.join(QLatin1Char(',')), -10)
                         .arg(r.workStart + QLatin1Char('-') + r.workEnd + QLatin1Char(' ') + r.workDays, -24)
                         .arg(r.available ? QStringLiteral("on") : QStringLiteral("off"))
                  << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("add")) {
        if (args.size() < 3 || args.size() > 5)
            return usage();
        // The same fields and the same validation as POST /agents.
        auto fields = Handoff::AgentService::fieldsFromArguments(args.mid(1));
        if (!fields)
            return fail(fields.error());
        auto created = agents.add(fields.value());
        if (!created)
            return fail(created.error());
        if (json) {
            out() << QJsonDocument(created->toJson()).toJson(QJsonDocument::Indented);
            out().flush();
        } else {
            out() << "added agent " << created->id << " " << created->name << " (" << created->phoneE164 << ")" << Qt::endl;
        }
        return 0;
    }
    bool ok = false;
    const qint64 id = args.value(1).toLongLong(&ok);
    if (sub == QLatin1String("remove") && args.size() == 2 && ok) {
        if (Status s = agents.remove(id); !s) {
            err() << "leadline: " << s.error().message << Qt::endl;
            return 1;
        }
        out() << "removed agent " << id << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("available") && args.size() == 3 && ok
        && (args.at(2) == QLatin1String("on") || args.at(2) == QLatin1String("off"))) {
        const bool on = args.at(2) == QLatin1String("on");
        if (Status s = agents.setAvailable(id, on); !s) {
            err() << "leadline: " << s.error().message << Qt::endl;
            return 1;
        }
        out() << "agent " << id << " is " << (on ? "available" : "not available") << Qt::endl;
        return 0;
    }
    return usage();
}

} // namespace Leadline

namespace Leadline {

int runBrief(Campaigns::CampaignService &campaigns, const Projects::BriefService &briefs, const QStringList &args, bool json)
{
    if (args.isEmpty() || args.size() > 2) {
        err() << "usage: leadline brief <campaign-id|name> [brief.json] [--json]" << Qt::endl;
        return 2;
    }
    auto c = campaigns.resolve(args.at(0));
    if (!c) {
        err() << "leadline: " << c.error().message << Qt::endl;
        return 1;
    }
    auto r = args.size() == 2 ? briefs.importFile(c->id, args.at(1)) : briefs.get(c->id);
    if (!r) {
        err() << "leadline: " << r.error().message << Qt::endl;
        return r.error().code == Error::Code::Validation || r.error().code == Error::Code::BadRequest ? 2 : 1;
    }
    if (json) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("campaign_id"), r->campaignId},
                                           {QStringLiteral("version"), r->version},
                                           {QStringLiteral("brief"), r->brief}})
                     .toJson(QJsonDocument::Indented);
    } else {
        out() << "campaign " << c->id << " (" << c->name << "): brief version " << r->version
              << (args.size() == 2 ? " stored" : "") << "\nThe agent is told:\n"
              << Projects::BriefService::preview(r->brief) << Qt::endl;
    }
    return 0;
}

std::optional<int> runStandaloneVerb(QCoreApplication &app, const Invocation &inv)
{
    if (inv.verb == QLatin1String("config")) {
        out() << inv.settings.describe();
        out().flush();
        return 0;
    }
    if (inv.verb == QLatin1String("sim")) {
        quitOnTerminationSignals(app);
        return runSimulator(app, inv.portGiven ? quint16(inv.settings.port()) : 0, inv.simPersonas);
    }
    return std::nullopt;
}

std::optional<int> runDatabaseVerb(const Invocation &inv, Runtime::Services &services, const Storage::Database &db)
{
    if (inv.verb == QLatin1String("import")) {
        if (inv.args.size() != 2) {
            err() << "usage: leadline import <campaign-id|name> <file.csv> [--json] [--create]" << Qt::endl;
            return 2;
        }
        return runImport(services.campaigns, inv.args.at(0), inv.args.at(1), inv.json, inv.create);
    }
    if (inv.verb == QLatin1String("token"))
        return runToken(db, inv.args, inv.json);
    if (inv.verb == QLatin1String("agents"))
        return runAgents(services.agents, inv.args, inv.json);
    if (inv.verb == QLatin1String("brief"))
        return runBrief(services.campaigns, services.briefs, inv.args, inv.json);
    if (!inv.verb.isEmpty() && inv.verb != QLatin1String("demo")) {
        err() << "leadline: unknown command \"" << inv.verb << "\" (see --help)" << Qt::endl;
        return 2;
    }
    return std::nullopt;
}

} // namespace Leadline
