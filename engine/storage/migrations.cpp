#include "migrations.h"

#include "core/logging.h"
#include "callstatus.h"
#include "campaignstatus.h"
#include "database.h"
#include "handoffstatus.h"
#include "leadstatus.h"
#include "columnvalues.h"

#include <QDateTime>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace Leadline::Storage {

// leads.campaign_id has no FOREIGN KEY on purpose: the per-row RI trigger doubled the cost of a
// 1M-row COPY. Campaigns are never hard-deleted (they end as status 'done'); the import path
// checks the campaign under a lock. phone_e164 uses the C collation (ASCII; faster index).
// Timestamps are BIGINT milliseconds since the epoch (UTC) in both engines, so that every query
// compares integers and needs no per-dialect date functions. Money is INTEGER rupees / paise.
const QList<Migration> &Migrator::all()
{
    static const QList<Migration> list = {
        {1, "initial schema", R"SQL(
CREATE TABLE campaigns (
  id {PK},
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  script TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'en',
  voice TEXT NOT NULL DEFAULT '',
  window_start TEXT NOT NULL DEFAULT '10:00',
  window_end TEXT NOT NULL DEFAULT '19:00',
  calling_days TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri,sat',
  timezone TEXT NOT NULL DEFAULT 'Asia/Kolkata',
  max_concurrent INTEGER NOT NULL DEFAULT 10,
  max_attempts INTEGER NOT NULL DEFAULT 3,
  retry_delay_s INTEGER NOT NULL DEFAULT 1800,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX campaigns_name_uq ON campaigns (name);
CREATE TABLE leads (
  id {PK},
  campaign_id BIGINT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  phone_e164 TEXT {C} NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  budget TEXT NOT NULL DEFAULT '',
  property_type TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  timezone TEXT NOT NULL DEFAULT '',
  custom {JSON},
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL DEFAULT 0,
  last_outcome TEXT NOT NULL DEFAULT '',
  source_line INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX leads_campaign_phone_uq ON leads (campaign_id, phone_e164);
{LEADS_SEQ_CACHE}
CREATE INDEX leads_due_idx ON leads (campaign_id, status, next_attempt_at);
CREATE TABLE calls (
  id {PK},
  lead_id BIGINT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  attempt INTEGER NOT NULL DEFAULT 1,
  provider_sid TEXT,
  correlation_token TEXT,
  status TEXT NOT NULL DEFAULT 'created',
  started_at BIGINT,
  answered_at BIGINT,
  ended_at BIGINT,
  duration_s INTEGER,
  outcome TEXT,
  budget_min BIGINT,
  budget_max BIGINT,
  budget_text TEXT,
  property TEXT,
  timeline TEXT,
  callback_at BIGINT,
  language TEXT,
  fields {JSON},
  recording_url TEXT,
  cost_estimate_paise BIGINT,
  failure_reason TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX calls_lead_idx ON calls (lead_id);
CREATE INDEX calls_campaign_idx ON calls (campaign_id, status);
CREATE UNIQUE INDEX calls_provider_sid_uq ON calls (provider_sid);
CREATE UNIQUE INDEX calls_token_uq ON calls (correlation_token);
CREATE TABLE turns (
  id {PK},
  call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  speaker TEXT NOT NULL,
  text TEXT NOT NULL,
  language TEXT,
  started_ms BIGINT,
  ended_ms BIGINT,
  stt_ms INTEGER,
  llm_ms INTEGER,
  tts_ms INTEGER,
  interrupted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX turns_call_idx ON turns (call_id, idx);
CREATE TABLE dnc (
  phone_e164 TEXT PRIMARY KEY,
  source TEXT NOT NULL DEFAULT '',
  added_at BIGINT NOT NULL
);
CREATE TABLE events (
  id {PK},
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  campaign_id BIGINT,
  call_id BIGINT,
  lead_id BIGINT,
  payload {JSON}
);
CREATE INDEX events_campaign_idx ON events (campaign_id, at)
)SQL"},
        // Dialer: holidays per campaign, settlement marker (the retry policy ran once for the
        // call), webhook de-duplication on (call, EventType), and an index for the global
        // active-call count.
        {2, "dialer", R"SQL(
ALTER TABLE campaigns ADD COLUMN holidays TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN settled_at BIGINT;
ALTER TABLE calls ADD COLUMN conversation_s INTEGER;
CREATE INDEX calls_status_idx ON calls (status);
CREATE INDEX leads_status_idx ON leads (campaign_id, status);
CREATE TABLE webhook_events (
  call_id BIGINT NOT NULL,
  event_type TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (call_id, event_type)
)
)SQL"},
        // API tokens (named REST bearer tokens beside API_TOKEN): only the SHA-256 of the token is
        // stored; a name is unique among active (not revoked) tokens.
        {3, "api tokens", R"SQL(
CREATE TABLE api_tokens (
  id {PK},
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE UNIQUE INDEX api_tokens_hash_uq ON api_tokens (token_hash);
CREATE UNIQUE INDEX api_tokens_active_name_uq ON api_tokens (name) WHERE revoked_at IS NULL
)SQL"},
        // Hot-lead handoff (Exotel flow mode): the sales team roster, one row per handoff of a
        // call to a human agent, and the per-campaign switch. Working hours are local "HH:MM"
        // in the agent's time zone; languages a comma list ("en,hi").
        {4, "hot-lead handoff", R"SQL(
CREATE TABLE sales_agents (
  id {PK},
  name TEXT NOT NULL,
  phone_e164 TEXT NOT NULL,
  languages TEXT NOT NULL DEFAULT 'en',
  work_start TEXT NOT NULL DEFAULT '10:00',
  work_end TEXT NOT NULL DEFAULT '19:00',
  work_days TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri,sat',
  timezone TEXT NOT NULL DEFAULT 'Asia/Kolkata',
  available INTEGER NOT NULL DEFAULT 1,
  max_handoffs INTEGER NOT NULL DEFAULT 1,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX sales_agents_phone_uq ON sales_agents (phone_e164);
CREATE TABLE handoffs (
  id {PK},
  call_id BIGINT NOT NULL,
  lead_id BIGINT NOT NULL,
  campaign_id BIGINT NOT NULL,
  agent_id BIGINT,
  requested_at BIGINT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  summary {JSON},
  status TEXT NOT NULL DEFAULT 'pending',
  answered INTEGER NOT NULL DEFAULT 0,
  sms_status TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  ended_at BIGINT
);
CREATE UNIQUE INDEX handoffs_call_uq ON handoffs (call_id);
CREATE INDEX handoffs_agent_idx ON handoffs (agent_id, status);
CREATE INDEX handoffs_campaign_idx ON handoffs (campaign_id, id);
ALTER TABLE campaigns ADD COLUMN handoff_enabled INTEGER NOT NULL DEFAULT 0
)SQL"},
        // CRM webhooks (engine/webhooks): per-campaign outgoing webhook (the shared secret is
        // stored encrypted, never in clear), a persisted outbox (payload TEXT: the exact bytes
        // that are signed) with a lease for multi-node claiming, and one log row per attempt.
        {5, "crm webhooks", R"SQL(
CREATE TABLE campaign_webhooks (
  campaign_id BIGINT PRIMARY KEY,
  url TEXT NOT NULL,
  secret_enc TEXT NOT NULL DEFAULT '',
  events TEXT NOT NULL DEFAULT 'call_ended',
  enabled INTEGER NOT NULL DEFAULT 1,
  active_since BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE webhook_outbox (
  id {PK},
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  campaign_id BIGINT NOT NULL,
  call_id BIGINT,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT NOT NULL DEFAULT 0,
  lease_owner TEXT,
  last_status_code INTEGER,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  delivered_at BIGINT
);
CREATE UNIQUE INDEX webhook_outbox_event_uq ON webhook_outbox (event_id);
CREATE INDEX webhook_outbox_due_idx ON webhook_outbox (status, next_attempt_at);
CREATE INDEX webhook_outbox_campaign_idx ON webhook_outbox (campaign_id, id);
CREATE INDEX webhook_outbox_call_idx ON webhook_outbox (call_id);
CREATE TABLE webhook_deliveries (
  id {PK},
  outbox_id BIGINT NOT NULL,
  campaign_id BIGINT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  url TEXT NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL,
  result TEXT NOT NULL,
  attempted_at BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_campaign_idx ON webhook_deliveries (campaign_id, id);
CREATE INDEX calls_settled_idx ON calls (settled_at)
)SQL"},
        // Nothing stranded: the node that owns a call's live part (its dialler, then the node
        // whose session runs it), node heartbeats so peers take over a dead node's calls, and
        // the per-call count of malformed media frames.
        {6, "call ownership and node heartbeats", R"SQL(
ALTER TABLE calls ADD COLUMN node_id TEXT;
ALTER TABLE calls ADD COLUMN bad_frames INTEGER;
CREATE INDEX calls_node_idx ON calls (node_id);
CREATE TABLE nodes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  heartbeat_at BIGINT NOT NULL,
  stopped_at BIGINT
);
CREATE INDEX nodes_name_idx ON nodes (name)
)SQL"},
        // leads_due_idx (campaign_id, status, next_attempt_at) answers every query of
        // leads_status_idx (campaign_id, status); one index less to keep up on every import row.
        {9, "drop leads_status_idx", R"SQL(
DROP INDEX IF EXISTS leads_status_idx
)SQL"},
        // Project brief and site visits (issue 22): versioned brief per campaign (brief TEXT: the
        // normalized JSON as served), the brief version each call used, the question the agent
        // deferred to an advisor, the booked site visit (with the turn it came from), and the SMS
        // sent to leads (visit confirmation, brochure link) with their delivery state.
        {11, "project brief and site visits", R"SQL(
CREATE TABLE campaign_briefs (
  id {PK},
  campaign_id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  brief TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX campaign_briefs_version_uq ON campaign_briefs (campaign_id, version);
ALTER TABLE calls ADD COLUMN brief_version INTEGER;
ALTER TABLE calls ADD COLUMN question_for_advisor TEXT;
ALTER TABLE calls ADD COLUMN site_visit_at BIGINT;
ALTER TABLE calls ADD COLUMN site_visit_visitors INTEGER;
ALTER TABLE calls ADD COLUMN site_visit_turn INTEGER;
CREATE INDEX calls_site_visit_idx ON calls (campaign_id, site_visit_at);
CREATE TABLE lead_messages (
  id {PK},
  call_id BIGINT NOT NULL,
  campaign_id BIGINT NOT NULL,
  lead_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  to_e164 TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued',
  provider_sid TEXT,
  error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX lead_messages_call_kind_uq ON lead_messages (call_id, kind);
CREATE INDEX lead_messages_campaign_idx ON lead_messages (campaign_id, id)
)SQL"},
        // Typed statuses: the database refuses a status outside its enum (storage/*status.h);
        // the allowed values are generated from the enums' one string mapping (statusChecks()).
        // calls.outcome stays free: the language model may name an outcome of its own.
        {12, "status check constraints", "{STATUS_CHECKS}"},
        // Reply latency at the caller (issue 18), per agent turn: the caller's last word -> the
        // first frame of the reply; analytics reports its p50/p90 per campaign.
        {13, "turn reply latency", R"SQL(
ALTER TABLE turns ADD COLUMN reply_ms INTEGER
)SQL"},
    };
    return list;
}

// One constraint per status column. PostgreSQL: a CHECK (validated against the rows already
// there). SQLite cannot add a constraint to a table: BEFORE INSERT / UPDATE triggers abort the
// write instead (a table rebuild would have to copy every lead).
static QString statusChecks(bool pg)
{
    struct Column
    {
        const char *table;
        QStringList allowed;
    };
    const Column columns[] = {
        {"campaigns", statusNames<CampaignStatus>()},
        {"leads", statusNames<LeadStatus>()},
        {"calls", statusNames<CallStatus>()},
        {"handoffs", statusNames<HandoffStatus>()},
    };
    QStringList out;
    for (const Column &c : columns) {
        const QString table = QLatin1String(c.table);
        const QString list = sqlInList(c.allowed);
        if (pg) {
            out << QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %1_status_ck CHECK (status IN (%2))").arg(table, list);
            continue;
        }
        const std::pair<const char *, const char *> events[] = {{"insert", "INSERT"}, {"update", "UPDATE OF status"}};
        for (const auto &[suffix, event] : events) {
            out << QStringLiteral("CREATE TRIGGER %1_status_ck_%2 BEFORE %3 ON %1 FOR EACH ROW WHEN NEW.status NOT IN (%4) "
                                  "BEGIN SELECT RAISE(ABORT, '%1.status: not one of %5'); END")
                       .arg(table, QLatin1String(suffix), QLatin1String(event), list, c.allowed.join(QLatin1Char(' ')));
        }
    }
    return out.join(QStringLiteral(";\n"));
}

static QString dialectSql(const char *sql, bool pg)
{
    QString s = QString::fromUtf8(sql);
    s.replace(QLatin1String("{STATUS_CHECKS}"), statusChecks(pg));
    s.replace(QLatin1String("{PK}"), pg ? QLatin1String("BIGSERIAL PRIMARY KEY")
                                        : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    s.replace(QLatin1String("{JSON}"), pg ? QLatin1String("JSONB") : QLatin1String("TEXT"));
    s.replace(QLatin1String("{C}"), pg ? QLatin1String("COLLATE \"C\"") : QLatin1String("COLLATE BINARY"));
    s.replace(QLatin1String("{LEADS_SEQ_CACHE}"), pg ? QLatin1String("ALTER SEQUENCE leads_id_seq CACHE 1000;") : QLatin1String(""));
    return s;
}

static Status ensureTable(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                               "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")))
        return sqlError(QStringLiteral("cannot create schema_migrations"), q.lastError());
    return okStatus();
}

Result<int> Migrator::currentVersion(QSqlDatabase db)
{
    if (auto s = ensureTable(db); !s)
        return s.error();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) || !q.next())
        return sqlError(QStringLiteral("cannot read schema_migrations"), q.lastError());
    return q.value(0).toInt();
}

Result<int> Migrator::migrate(QSqlDatabase db)
{
    const bool pg = isPostgres(db);
    if (auto s = ensureTable(db); !s)
        return s.error();
    int applied = 0;
    for (const Migration &m : all()) {
        if (!db.transaction())
            return sqlError(QStringLiteral("cannot begin migration %1").arg(m.version), db.lastError());
        QSqlQuery q(db);
        auto fail = [&](const QString &what) -> Result<int> {
            Error e = sqlError(QStringLiteral("migration %1 (%2): %3").arg(m.version).arg(QLatin1String(m.name), what), q.lastError());
            db.rollback();
            return e;
        };
        // Serialise concurrent starters on PostgreSQL; SQLite's writer lock does it there.
        if (pg && !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7243001)")))
            return fail(QStringLiteral("advisory lock"));
        q.prepare(QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = ?"));
        q.addBindValue(m.version);
        if (!q.exec())
            return fail(QStringLiteral("lookup"));
        if (q.next()) {
            db.rollback();
            continue;
        }
        const QStringList statements = dialectSql(m.sql, pg).split(QStringLiteral(";\n"), Qt::SkipEmptyParts);
        for (const QString &stmt : statements) {
            if (stmt.trimmed().isEmpty())
                continue;
            if (!q.exec(stmt))
                return fail(stmt.trimmed().section(QLatin1Char('\n'), 0, 0));
        }
        q.prepare(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
        q.addBindValue(m.version);
        q.addBindValue(QString::fromUtf8(m.name));
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!q.exec())
            return fail(QStringLiteral("record"));
        if (!db.commit())
            return sqlError(QStringLiteral("cannot commit migration %1").arg(m.version), db.lastError());
        qCInfo(lcStorage) << "applied migration" << m.version << m.name;
        ++applied;
    }
    return applied;
}

} // namespace Leadline::Storage
