// Test helper: a small, hand-counted call history for the console's History and Analytics
// tests, written through the engine's repositories (CampaignService import, CallRepository).
// Two campaigns in Asia/Kolkata; times are fixed so per-hour figures are known:
//   Campaign "Alpha": leads Asha, Bela, Chetan, Deepa, Esha, Farhan
//     #1 Asha    10:00 IST completed 95 s  interested (fields budget@1, property@3, timeline@3; recording; 5 turns)
//     #2 Bela    11:00     completed 40 s  not_interested (2 turns)
//     #3 Chetan  11:00     busy
//     #4 Deepa   12:00     no-answer
//     #5 Deepa   13:00     completed 200 s callback, attempt 2 (callback_time@1; 2 turns)
//     #6 Esha    13:10     completed 700 s interested
//     #7 Farhan  14:00     not_placed
//   Campaign "Beta": Gita #8 10:00 completed 30 s interested; Hari #9 15:00 failed.
// SeededDatabase / LEADLINE_SEED_HISTORY: a fresh test database with that history in it.
// Thread: the test's.
#pragma once

#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "storage/callrepository.h"
#include "storage/database.h"

#include <QBuffer>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>
#include <memory>

namespace Leadline::Testing {

struct SeededHistory
{
    qint64 alpha = 0;
    qint64 beta = 0;
    QList<qint64> calls; // ids of calls #1..#9 (index 0 = #1)
    static constexpr qint64 kT0 = 1763613000000; // 2025-11-20T04:30:00Z = 10:00 IST
    static constexpr qint64 kHour = 3600000;
};

inline QString seedHistory(Campaigns::CampaignService &service, const Storage::Database &db, SeededHistory &out)
{
    auto alpha = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Alpha")},
                                            {QStringLiteral("timezone"), QStringLiteral("Asia/Kolkata")}});
    auto beta = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Beta")},
                                           {QStringLiteral("timezone"), QStringLiteral("Asia/Kolkata")}});
    if (!alpha || !beta)
        return QStringLiteral("cannot create campaigns");
    out.alpha = alpha->id;
    out.beta = beta->id;
    auto import = [&](qint64 campaign, const QByteArray &csv) {
        QByteArray data = csv;
        QBuffer buf(&data);
        buf.open(QIODevice::ReadOnly);
        auto r = service.importCsv(campaign, buf);
        return r ? r->accepted : -1;
    };
    if (import(out.alpha, "name,phone\nAsha,9811100001\nBela,9811100002\nChetan,9811100003\nDeepa,9811100004\n"
                          "Esha,9811100005\nFarhan,9811100006\n") != 6
        || import(out.beta, "name,phone\nGita,9822200007\nHari,9822200008\n") != 2)
        return QStringLiteral("cannot import leads");
    auto conn = db.connection();
    if (!conn)
        return conn.error().message;
    QHash<QString, qint64> leadIds;
    QSqlQuery q(conn.value());
    if (!q.exec(QStringLiteral("SELECT id, name FROM leads")))
        return QStringLiteral("cannot read leads");
    while (q.next())
        leadIds.insert(q.value(1).toString(), q.value(0).toLongLong());

    Storage::CallRepository calls(conn.value());
    const qint64 T0 = SeededHistory::kT0, H = SeededHistory::kHour;
    struct Spec
    {
        const char *lead;
        qint64 campaign;
        qint64 at;
        const char *status;
        int durationS;   // > 0: answered
        const char *outcome;
        int attempt;
    };
    const Spec specs[] = {
        {"Asha", out.alpha, T0, "completed", 95, "interested", 1},
        {"Bela", out.alpha, T0 + H, "completed", 40, "not_interested", 1},
        {"Chetan", out.alpha, T0 + H, "busy", 0, "", 1},
        {"Deepa", out.alpha, T0 + 2 * H, "no-answer", 0, "", 1},
        {"Deepa", out.alpha, T0 + 3 * H, "completed", 200, "callback", 2},
        {"Esha", out.alpha, T0 + 3 * H + 10 * 60000, "completed", 700, "interested", 1},
        {"Farhan", out.alpha, T0 + 4 * H, "not_placed", 0, "", 1},
        {"Gita", out.beta, T0, "completed", 30, "interested", 1},
        {"Hari", out.beta, T0 + 5 * H, "failed", 0, "", 1},
    };
    int n = 0;
    for (const Spec &s : specs) {
        ++n;
        Storage::CallRow row;
        row.leadId = leadIds.value(QLatin1String(s.lead));
        row.campaignId = s.campaign;
        row.attempt = s.attempt;
        row.status = QStringLiteral("dialing");
        row.startedAt = s.at;
        row.correlationToken = QStringLiteral("seed-%1").arg(n);
        auto created = calls.create(row, s.at);
        if (!created)
            return created.error().message;
        const qint64 id = created->id;
        out.calls << id;
        const qint64 answered = s.durationS > 0 ? s.at + 5000 : 0;
        const qint64 ended = s.durationS > 0 ? answered + qint64(s.durationS) * 1000 : s.at + 20000;
        if (Status st = calls.updateStatus(id, QLatin1String(s.status), ended, answered, ended); !st)
            return st.error().message;
        if (*s.outcome) {
            Storage::CallOutcome o;
            o.outcome = QLatin1String(s.outcome);
            o.language = QStringLiteral("hi");
            if (n == 1) {
                o.budgetText = QStringLiteral("50 lakh");
                o.budgetMin = 5000000;
                o.budgetMax = 5000000;
                o.property = QStringLiteral("2 BHK apartment");
                o.timeline = QStringLiteral("within_3_months");
                o.fields = QJsonObject{
                    {QStringLiteral("budget"), QJsonObject{{QStringLiteral("value"), QStringLiteral("pachaas lakh")}, {QStringLiteral("turn"), 1}}},
                    {QStringLiteral("property"), QJsonObject{{QStringLiteral("value"), QStringLiteral("2 BHK flat")}, {QStringLiteral("turn"), 3}}},
                    {QStringLiteral("timeline"), QJsonObject{{QStringLiteral("value"), QStringLiteral("teen mahine mein")}, {QStringLiteral("turn"), 3}}},
                    {QStringLiteral("normalized"), QJsonObject{{QStringLiteral("budget"), QJsonObject{{QStringLiteral("min_inr"), 5000000}}}}},
                };
            } else if (n == 5) {
                o.fields = QJsonObject{{QStringLiteral("callback_time"),
                                        QJsonObject{{QStringLiteral("value"), QStringLiteral("kal shaam")}, {QStringLiteral("turn"), 1}}}};
            }
            if (Status st = calls.setOutcome(id, o, ended); !st)
                return st.error().message;
        }
        if (n == 1) {
            QSqlQuery u(conn.value());
            u.prepare(QStringLiteral("UPDATE calls SET recording_url = ? WHERE id = ?"));
            u.addBindValue(QStringLiteral("https://recordings.example.in/call-1.mp3"));
            u.addBindValue(id);
            if (!u.exec())
                return QStringLiteral("cannot set recording");
        }
        QList<Storage::TurnRow> turns;
        auto turn = [&](int idx, const char *speaker, const char *text, int stt, int llm, int tts, int reply = -1) {
            Storage::TurnRow t;
            t.callId = id;
            t.index = idx;
            t.speaker = QLatin1String(speaker);
            t.text = QString::fromUtf8(text);
            t.language = QStringLiteral("hi");
            t.startedMs = idx * 8000;
            t.endedMs = idx * 8000 + 6000;
            t.sttMs = stt;
            t.llmMs = llm;
            t.ttsMs = tts;
            t.replyMs = reply;
            turns << t;
        };
        if (n == 1) {
            turn(0, "agent", "Namaste, main Priya bol rahi hoon.", -1, 400, 200);
            turn(1, "caller", "Haan, budget pachaas lakh hai.", 150, -1, -1);
            turn(2, "agent", "Aapko kaisa ghar chahiye?", -1, 600, 300, 700);
            turn(3, "caller", "2 BHK flat, teen mahine mein.", 250, -1, -1);
            turn(4, "agent", "Dhanyavaad, hamari team call karegi.", -1, -1, -1, 900);
        } else if (n == 2) {
            turn(0, "agent", "Namaste.", -1, -1, -1);
            turn(1, "caller", "Interest nahi hai.", -1, -1, -1);
        } else if (n == 5) {
            turn(0, "agent", "Namaste, phir se Priya.", -1, 800, 100);
            turn(1, "caller", "Kal shaam call kijiye.", 300, -1, -1);
        }
        if (Status st = calls.insertTurns(turns); !st)
            return st.error().message;
    }
    return {};
}

// A fresh test database of `backend` (see testdatabase.h) holding the history above, written
// through `service` (on a fake clock), which the test can hand on to the console's backend.
// Nothing is seeded when the database is not there (skipReason or error set).
struct SeededDatabase : TestDatabase
{
    explicit SeededDatabase(const QString &backend) : TestDatabase(openTestDatabase(backend))
    {
        if (!error.isEmpty() || !skipReason.isEmpty())
            return;
        service = std::make_unique<Campaigns::CampaignService>(*db, clock);
        error = seedHistory(*service, *db, seed);
    }

    FakeClock clock;
    std::unique_ptr<Campaigns::CampaignService> service;
    SeededHistory seed;
};

} // namespace Leadline::Testing

// Declares `var`, a SeededDatabase of `backend`; skips or fails as LEADLINE_OPEN_DB does, and
// fails when the history could not be written.
#define LEADLINE_SEED_HISTORY(var, backend)                                             \
    Leadline::Testing::SeededDatabase var(backend);                                     \
    if (!var.skipReason.isEmpty())                                                      \
        QSKIP(qPrintable(var.skipReason));                                              \
    QVERIFY2(var.error.isEmpty(), qPrintable(var.error))
