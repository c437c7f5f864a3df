// import_bench: generates an N-row lead CSV (default 1,000,000), imports it into PostgreSQL
// through the product's CampaignService (parse, normalize, dedupe, COPY), then loads the same
// rows with `psql \copy` into a plain table as the baseline, in the same run. Prints one JSON
// line: rows, seconds, rows/s for both, and the ratio ours/psql.
// Usage: import_bench [--rows N] [--database-url URL]   (default: LEADLINE_BENCH_DATABASE_URL
//        or postgresql://leadline:leadline@127.0.0.1:5432/leadline_bench)
#include "leadcsv.h"

#include "campaigns/campaignservice.h"
#include "core/clock.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using namespace Leadline;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption rowsOpt(QStringLiteral("rows"), QStringLiteral("rows to generate"), QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption urlOpt(QStringLiteral("database-url"), QStringLiteral("PostgreSQL URL"), QStringLiteral("url"));
    p.addOptions({rowsOpt, urlOpt});
    p.process(app);
    const int rows = p.value(rowsOpt).toInt();
    QString url = p.value(urlOpt);
    if (url.isEmpty())
        url = qEnvironmentVariable("LEADLINE_BENCH_DATABASE_URL", QStringLiteral("postgresql://leadline:leadline@127.0.0.1:5432/leadline_bench"));

    auto cfg = Storage::DatabaseConfig::fromUrl(url, {});
    if (!cfg || cfg->kind != Storage::DatabaseConfig::Kind::Postgres) {
        QTextStream(stderr) << "import_bench needs a PostgreSQL URL\n";
        return 2;
    }
    Storage::Database db(cfg.value());
    auto conn = db.connection();
    if (!conn) {
        QTextStream(stderr) << conn.error().message << '\n';
        return 2;
    }
    QSqlQuery q(conn.value());
    q.exec(QStringLiteral("DROP SCHEMA public CASCADE"));
    q.exec(QStringLiteral("CREATE SCHEMA public"));
    if (!Storage::Migrator::migrate(conn.value())) {
        QTextStream(stderr) << "migration failed\n";
        return 1;
    }

    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("leads.csv"));
    if (!Bench::writeLeadCsv(csvPath, rows)) {
        QTextStream(stderr) << "cannot write " << csvPath << "\n";
        return 1;
    }

    SystemClock clock;
    Campaigns::CampaignService service(db, clock);
    auto campaign = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("bench")}});
    QFile csv(csvPath);
    csv.open(QIODevice::ReadOnly);
    QElapsedTimer t;
    t.start();
    auto report = service.importCsv(campaign->id, csv);
    const double ours = t.nsecsElapsed() / 1e9;
    if (!report || report->accepted != rows) {
        QTextStream(stderr) << "import failed: " << (report ? QString::number(report->accepted) : report.error().message) << '\n';
        return 1;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);

    // Baseline: psql \copy of the same file into a plain table with the same text columns.
    q.exec(QStringLiteral("CREATE TABLE copy_baseline (name text, phone text, email text, city text, budget text, "
                          "property_type text, language text, source text)"));
    QProcess psql;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), cfg->password);
    psql.setProcessEnvironment(env);
    t.restart();
    psql.start(QStringLiteral("psql"), {QStringLiteral("-h"), cfg->host, QStringLiteral("-p"), QString::number(cfg->port),
                                        QStringLiteral("-U"), cfg->user, QStringLiteral("-d"), cfg->databaseName, QStringLiteral("-qc"),
                                        QStringLiteral("\\copy copy_baseline FROM '%1' WITH (FORMAT csv, HEADER true)").arg(csvPath)});
    psql.waitForFinished(-1);
    const double baseline = t.nsecsElapsed() / 1e9;
    if (psql.exitCode() != 0) {
        QTextStream(stderr) << "psql \\copy failed: " << psql.readAllStandardError() << '\n';
        return 1;
    }
    // Second baseline: the database's own floor for our table. Export the rows we stored and
    // \copy them into an identical table (same columns, indexes and defaults).
    const QString tsv = dir.filePath(QStringLiteral("leads.tsv"));
    const QString cols = QStringLiteral("campaign_id,name,phone_e164,email,city,budget,property_type,language,custom,status,next_attempt_at,source_line,created_at");
    psql.start(QStringLiteral("psql"), {QStringLiteral("-h"), cfg->host, QStringLiteral("-p"), QString::number(cfg->port),
                                        QStringLiteral("-U"), cfg->user, QStringLiteral("-d"), cfg->databaseName, QStringLiteral("-qc"),
                                        QStringLiteral("\\copy (SELECT %1 FROM leads) TO '%2'").arg(cols, tsv)});
    psql.waitForFinished(-1);
    q.exec(QStringLiteral("CREATE TABLE leads_twin (LIKE leads INCLUDING ALL)"));
    t.restart();
    psql.start(QStringLiteral("psql"), {QStringLiteral("-h"), cfg->host, QStringLiteral("-p"), QString::number(cfg->port),
                                        QStringLiteral("-U"), cfg->user, QStringLiteral("-d"), cfg->databaseName, QStringLiteral("-qc"),
                                        QStringLiteral("\\copy leads_twin (%1) FROM '%2'").arg(cols, tsv)});
    psql.waitForFinished(-1);
    const double twin = t.nsecsElapsed() / 1e9;
    const bool twinOk = psql.exitCode() == 0;

    const QJsonObject result{
        {QStringLiteral("same_table_copy_s"), twinOk ? QJsonValue(twin) : QJsonValue()},
        {QStringLiteral("ratio_vs_same_table_copy"), twinOk ? QJsonValue(ours / twin) : QJsonValue()},
        {QStringLiteral("bench"), QStringLiteral("import")},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("leadline_s"), ours},
        {QStringLiteral("leadline_rows_per_s"), rows / ours},
        {QStringLiteral("psql_copy_s"), baseline},
        {QStringLiteral("psql_copy_rows_per_s"), rows / baseline},
        {QStringLiteral("ratio_vs_psql_copy"), ours / baseline},
        {QStringLiteral("max_rss_mb"), double(ru.ru_maxrss) / 1024.0},
    };
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
