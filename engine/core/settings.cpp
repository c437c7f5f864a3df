#include "settings.h"

#include <QSettings>
#include <QThread>

namespace Leadline {

const QList<SettingSpec> &Settings::specs()
{
    static const QList<SettingSpec> s = {
        {QStringLiteral("PORT"), QStringLiteral("8000"), false, "HTTP port for REST, webhooks, /metrics and /media"},
        {QStringLiteral("LISTEN_ADDRESS"), QStringLiteral("0.0.0.0"), false, "address the server binds"},
        {QStringLiteral("WORKER_THREADS"), QStringLiteral("0"), false, "network worker threads (0 = one per core)"},
        {QStringLiteral("MEDIA_REALTIME_PRIORITY"), QStringLiteral("10"), false, "SCHED_RR priority of the network workers that pace live audio (0 = ordinary threads; needs LimitRTPRIO or CAP_SYS_NICE)"},
        {QStringLiteral("MEDIA_WORKER_CYCLE_US"), QStringLiteral("2000"), false, "shortest event-loop cycle of a network worker in µs: sockets are read in batches (0 = wake for every frame; costs a third more CPU at 1000 calls)"},
        {QStringLiteral("DATABASE_URL"), QString(), true, "postgresql://user:pass@host:port/db; empty = embedded SQLite"},
        {QStringLiteral("REDIS_URL"), QString(), true, "redis://host:port for the cross-node session index"},
        {QStringLiteral("OUR_BASE_URL"), QString(), false, "public https base URL Exotel reaches us on"},
        {QStringLiteral("API_TOKEN"), QString(), true, "bearer token for non-loopback REST clients (generated on first run)"},
        {QStringLiteral("MAX_UPLOAD_BYTES"), QStringLiteral("104857600"), false, "largest accepted request body"},
        {QStringLiteral("MAX_HEADER_COUNT"), QStringLiteral("64"), false, "most request headers accepted (431 above)"},
        {QStringLiteral("MAX_HEADER_BYTES"), QStringLiteral("32768"), false, "largest total size of request headers (431 above)"},
        {QStringLiteral("MAX_JSON_DEPTH"), QStringLiteral("32"), false, "deepest nesting of a JSON request body (400 above)"},
        {QStringLiteral("MAX_WS_MESSAGE_BYTES"), QStringLiteral("1048576"), false, "largest WebSocket frame/message on /events and /media (close 1009 above; /media at most 256 KiB)"},
        {QStringLiteral("MAX_CSV_ROWS"), QStringLiteral("5000000"), false, "most data rows of one lead CSV (whole file refused above)"},
        {QStringLiteral("MAX_CSV_COLUMNS"), QStringLiteral("256"), false, "widest header of a lead CSV"},
        {QStringLiteral("MAX_CSV_RECORD_BYTES"), QStringLiteral("4194304"), false, "largest single CSV record (row)"},
        {QStringLiteral("LOG_LEVEL"), QStringLiteral("info"), false, "debug, info, warning or critical"},
        {QStringLiteral("TLS_CERT_FILE"), QString(), false, "PEM certificate (chain) for built-in HTTPS/WSS; with TLS_KEY_FILE, TLS is on"},
        {QStringLiteral("TLS_KEY_FILE"), QString(), false, "PEM private key for TLS_CERT_FILE (keep it readable by the server only)"},
        {QStringLiteral("EXOTEL_ACCOUNT_SID"), QString(), false, "Exotel account SID"},
        {QStringLiteral("EXOTEL_API_KEY"), QString(), true, "Exotel API key"},
        {QStringLiteral("EXOTEL_API_TOKEN"), QString(), true, "Exotel API token"},
        {QStringLiteral("EXOTEL_VIRTUAL_NUMBER"), QString(), false, "ExoPhone used as caller id"},
        {QStringLiteral("EXOTEL_EXOPHLO_ID"), QString(), false, "flow (app) id for flow mode"},
        {QStringLiteral("EXOTEL_API_BASE_URL"), QStringLiteral("https://api.exotel.com"), false, "Exotel REST host (api.in.exotel.com for Mumbai)"},
        {QStringLiteral("DEEPGRAM_API_KEY"), QString(), true, "Deepgram key; empty = offline STT"},
        {QStringLiteral("DEEPGRAM_BASE_URL"), QStringLiteral("wss://api.deepgram.com"), false, "Deepgram streaming endpoint"},
        {QStringLiteral("OPENAI_API_KEY"), QString(), true, "OpenAI-compatible key; empty = scripted dialog"},
        {QStringLiteral("OPENAI_BASE_URL"), QStringLiteral("https://api.openai.com/v1"), false, "chat completions base URL (Ollama, llama.cpp work too)"},
        {QStringLiteral("OPENAI_MODEL"), QStringLiteral("gpt-4o-mini"), false, "chat model"},
        {QStringLiteral("ELEVENLABS_API_KEY"), QString(), true, "ElevenLabs key; empty = offline TTS"},
        {QStringLiteral("ELEVENLABS_VOICE_ID"), QString(), false, "ElevenLabs voice"},
        {QStringLiteral("ELEVENLABS_BASE_URL"), QStringLiteral("https://api.elevenlabs.io"), false, "ElevenLabs endpoint"},
        {QStringLiteral("MEDIA_BASIC_AUTH"), QString(), true, "user:password Exotel sends as Basic auth on /media (default: EXOTEL_API_KEY:EXOTEL_API_TOKEN)"},
        {QStringLiteral("MEDIA_IP_ALLOWLIST"), QString(), false, "comma-separated CIDRs allowed to open /media (empty = any)"},
        {QStringLiteral("CALLING_HOURS_START"), QStringLiteral("10"), false, "default calling window start hour"},
        {QStringLiteral("CALLING_HOURS_END"), QStringLiteral("19"), false, "default calling window end hour"},
        {QStringLiteral("MAX_CONCURRENT_CALLS"), QStringLiteral("10"), false, "global cap on simultaneous calls"},
        {QStringLiteral("EXOTEL_WEBHOOK_SECRET"), QString(), true, "shared secret k= of the status callback URL; empty = webhooks refused"},
        {QStringLiteral("EXOTEL_CALL_MODE"), QStringLiteral("stream"), false, "stream (StreamUrl, bot direct) or flow (Exophlo app EXOTEL_EXOPHLO_ID)"},
        {QStringLiteral("EXOTEL_SMS_SENDER"), QString(), false, "hot-lead handoff: ExoPhone or DLT sender id that texts the agent the lead summary (empty = no SMS)"},
        {QStringLiteral("HANDOFF_FALLBACK_NUMBER"), QString(), false, "hot-lead handoff: number the Connect applet dials when a CallSid has no handoff (empty = none)"},
        {QStringLiteral("EXOTEL_TIME_LIMIT_S"), QStringLiteral("600"), false, "TimeLimit sent with every call (seconds)"},
        {QStringLiteral("EXOTEL_REQUESTS_PER_SECOND"), QStringLiteral("3"), false, "token bucket for all Exotel REST requests (200/min account limit)"},
        {QStringLiteral("GREETING_PRIME"), QStringLiteral("on"), false, "on: each call's greeting is synthesised while the phone rings and starts at once when answered; off: only answered calls spend greeting TTS (it starts after the TTS's first audio). A retry rings with an unanswered attempt's audio either way"},
        {QStringLiteral("CALL_SILENCE_TIMEOUT_MS"), QStringLiteral("8000"), false, "a live call: caller silence this long after the agent finished -> one nudge, then the call ends as no response"},
        {QStringLiteral("DIALER_TICK_MS"), QStringLiteral("1000"), false, "how often the dialer looks for due leads"},
        {QStringLiteral("RETRY_DELAY_NO_ANSWER_S"), QStringLiteral("7200"), false, "first retry after a call that rang unanswered (doubles per attempt; 0 = the campaign's retry delay)"},
        {QStringLiteral("RETRY_DELAY_BUSY_S"), QStringLiteral("0"), false, "first retry after a busy line (doubles per attempt; 0 = the campaign's retry delay)"},
        {QStringLiteral("DIALER_STALE_AFTER_S"), QStringLiteral("0"), false, "recovery: in-flight calls older than this are reconciled (0 = TimeLimit + 5.5 min)"},
        {QStringLiteral("RECOVERY_INTERVAL_S"), QStringLiteral("5"), false, "recovery: how often a node looks for orphaned calls (calls of dead nodes, finished calls never settled)"},
        {QStringLiteral("OUTCOME_GRACE_S"), QStringLiteral("20"), false, "recovery: a finished call waits this long for its conversation outcome, then is retried as technical_failure"},
        {QStringLiteral("NODE_NAME"), QString(), false, "this node's name among nodes sharing the database (empty = host:port); a node restarted under its name takes over its earlier run's calls at once"},
        {QStringLiteral("NODE_HEARTBEAT_S"), QStringLiteral("5"), false, "how often a node renews its heartbeat row"},
        {QStringLiteral("NODE_DEAD_AFTER_S"), QStringLiteral("15"), false, "a node silent this long is dead: peers take over its calls (keep clocks within a few seconds)"},
        {QStringLiteral("PRICE_TELEPHONY_INR_PER_MIN"), QStringLiteral("0"), false, "cost estimate: telephony per started minute of a connected call"},
        {QStringLiteral("PRICE_STT_INR_PER_MIN"), QStringLiteral("0"), false, "cost estimate: speech-to-text per talk minute"},
        {QStringLiteral("PRICE_LLM_INR_PER_MIN"), QStringLiteral("0"), false, "cost estimate: LLM per talk minute"},
        {QStringLiteral("PRICE_TTS_INR_PER_MIN"), QStringLiteral("0"), false, "cost estimate: text-to-speech per talk minute"},
        {QStringLiteral("SCREENING"), QStringLiteral("on"), false, "call screening: classify human / voicemail / carrier announcement / IVR in the first seconds (on, off)"},
        {QStringLiteral("SCREENING_VOICEMAIL"), QStringLiteral("hangup"), false, "on voicemail: hangup, or message (leave SCREENING_VOICEMAIL_MESSAGE after the beep)"},
        {QStringLiteral("SCREENING_VOICEMAIL_MESSAGE"), QString(), false, "voicemail message ({name} = lead name); empty = a built-in line in the call's language"},
        {QStringLiteral("SCREENING_IVR"), QStringLiteral("hangup"), false, "on an IVR/PBX menu: hangup (outcome ivr), or navigate (the LLM presses keys, sent as in-band DTMF)"},
        {QStringLiteral("SCREENING_DEADLINE_MS"), QStringLiteral("6000"), false, "call screening decides within this much answered audio (2000-15000)"},
        {QStringLiteral("ALLOW_OFFLINE_SPEECH_FOR_LIVE_CALLS"), QStringLiteral("no"), false, "let campaigns call real numbers with the offline recogniser (no DEEPGRAM_API_KEY): yes, no"},
        {QStringLiteral("WEBHOOK_SECRET_KEY"), QString(), true, "key that encrypts CRM webhook secrets in the database (same on every node; empty = API_TOKEN)"},
        {QStringLiteral("WEBHOOK_RETRY_BASE_S"), QStringLiteral("30"), false, "CRM webhook: first retry delay (doubles per attempt, with jitter)"},
        {QStringLiteral("WEBHOOK_RETRY_CAP_S"), QStringLiteral("3600"), false, "CRM webhook: longest delay between retries"},
        {QStringLiteral("WEBHOOK_MAX_ATTEMPTS"), QStringLiteral("12"), false, "CRM webhook: attempts before a delivery is dead"},
        {QStringLiteral("WEBHOOK_TIMEOUT_S"), QStringLiteral("10"), false, "CRM webhook: per-attempt timeout"},
    };
    return s;
}

Settings Settings::resolve(const QHash<QString, QString> &cli, const QProcessEnvironment &env,
                           const QString &configFile)
{
    Settings out;
    for (const SettingSpec &spec : specs()) {
        out.m_values.insert(spec.name, spec.defaultValue);
        out.m_sources.insert(spec.name, Source::Default);
    }
    if (!configFile.isEmpty()) {
        QSettings file(configFile, QSettings::IniFormat);
        for (const SettingSpec &spec : specs()) {
            if (file.contains(spec.name))
                out.set(spec.name, file.value(spec.name).toString(), Source::ConfigFile);
        }
    }
    for (const SettingSpec &spec : specs()) {
        if (env.contains(spec.name) && !env.value(spec.name).isEmpty())
            out.set(spec.name, env.value(spec.name), Source::Environment);
    }
    for (auto it = cli.cbegin(); it != cli.cend(); ++it)
        out.set(it.key(), it.value(), Source::CommandLine);
    return out;
}

void Settings::set(const QString &name, const QString &value, Source src)
{
    m_values.insert(name, value.trimmed());
    m_sources.insert(name, src);
}

int Settings::intValue(const QString &name, int fallback) const
{
    bool ok = false;
    const int v = value(name).toInt(&ok);
    return ok ? v : fallback;
}

int Settings::port() const { return intValue(QStringLiteral("PORT"), 8000); }
int Settings::callingHoursStart() const { return intValue(QStringLiteral("CALLING_HOURS_START"), 10); }
int Settings::callingHoursEnd() const { return intValue(QStringLiteral("CALLING_HOURS_END"), 19); }
int Settings::maxConcurrentCalls() const { return intValue(QStringLiteral("MAX_CONCURRENT_CALLS"), 10); }

int Settings::workerThreads() const
{
    const int n = intValue(QStringLiteral("WORKER_THREADS"), 0);
    return n > 0 ? n : qMax(1, QThread::idealThreadCount());
}

qint64 Settings::positiveValue(const QString &name, qint64 fallback) const
{
    bool ok = false;
    const qint64 v = value(name).toLongLong(&ok);
    return ok && v > 0 ? v : fallback;
}

qint64 Settings::maxUploadBytes() const { return positiveValue(QStringLiteral("MAX_UPLOAD_BYTES"), 100LL * 1024 * 1024); }

QString Settings::mask(const QString &secret)
{
    if (secret.isEmpty())
        return QStringLiteral("(not set)");
    if (secret.size() >= 16)
        return QStringLiteral("****") + secret.right(4);
    return QStringLiteral("****");
}

QString Settings::maskUrlPassword(const QString &url)
{
    QUrl u(url);
    if (!u.isValid() || u.password().isEmpty())
        return url;
    u.setPassword(QStringLiteral("****"));
    return u.toString();
}

QString Settings::displayValue(const QString &name) const
{
    const QString v = value(name);
    for (const SettingSpec &spec : specs()) {
        if (spec.name != name)
            continue;
        if (!spec.secret)
            return v;
        // URLs are useful to see; only their password is secret.
        if (name.endsWith(QLatin1String("_URL")))
            return v.isEmpty() ? QStringLiteral("(not set)") : maskUrlPassword(v);
        return mask(v);
    }
    return v;
}

QString Settings::describe() const
{
    static const char *sourceNames[] = {"default", "config file", "environment", "command line"};
    QString out;
    for (const SettingSpec &spec : specs()) {
        out += spec.name.leftJustified(24) + QLatin1Char(' ')
               + displayValue(spec.name).leftJustified(40) + QLatin1String("  [")
               + QLatin1String(sourceNames[int(source(spec.name))]) + QLatin1String("]\n");
    }
    return out;
}

} // namespace Leadline
