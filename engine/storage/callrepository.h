// CallRepository: SQL for the calls and turns tables, where the dialer (which creates and dials
// call rows) and the live call engine (which fills them with the conversation) meet.
// Thread: the caller's; construct with that thread's connection (Database::connection()).
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Leadline::Storage {

// What the conversation concluded; written once when the call ends.
struct CallOutcome
{
    QString outcome;           // interested, not_interested, callback, wrong_number, do_not_call, voicemail, no_response
    qint64 budgetMin = 0;
    qint64 budgetMax = 0;
    QString budgetText;
    QString property;
    QString timeline;
    qint64 callbackAt = 0;
    QString language;
    QJsonObject fields;          // everything extracted, with the turn each came from
    QString failureReason;
    int briefVersion = 0;        // the project brief version the agent was given (0 = none)
    QString questionForAdvisor;  // what the agent deferred ("I will have our advisor confirm that")
    qint64 siteVisitAt = 0;      // booked site visit (UTC ms), 0 = none
    int siteVisitVisitors = 0;
    int siteVisitTurn = -1;      // the caller turn the booking came from
    int badFrames = -1; // malformed media frames the session dropped (-1: not known)
};

// A call as stored: the dial and carrier side, and (once the call ended) its outcome.
struct CallRow : CallOutcome
{
    qint64 id = 0;
    qint64 leadId = 0;
    qint64 campaignId = 0;
    int attempt = 1;
    QString providerSid;       // Exotel Call Sid
    QString correlationToken;  // our per-call token ("lc" in the stream URL)
    QString status;            // a CallStatus name (callstatus.h); empty: created
    qint64 startedAt = 0;
    qint64 answeredAt = 0;
    qint64 endedAt = 0;
    int durationS = 0;
    QString recordingUrl;
    qint64 costEstimatePaise = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    QJsonObject toJson() const;
};

struct TurnRow
{
    qint64 callId = 0;
    int index = 0;             // 0-based order within the call
    QString speaker;           // "agent" or "caller"
    QString text;
    QString language;          // BCP-47-ish: "en", "hi", "hi-Latn" (Hinglish)
    qint64 startedMs = 0;      // ms since the call's media started
    qint64 endedMs = 0;
    int sttMs = -1;            // latencies; -1 = not applicable
    int llmMs = -1;
    int ttsMs = -1;
    int replyMs = -1;          // agent turns: the caller's last word -> this reply's first frame
    bool interrupted = false;  // agent turn cut short by barge-in (text = what was played)

    QJsonObject toJson() const;
};


class CallRepository
{
public:
    explicit CallRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<CallRow> create(const CallRow &row, qint64 nowMs);
    Result<CallRow> get(qint64 id);
    Result<CallRow> findByToken(const QString &correlationToken);
    Result<CallRow> findByProviderSid(const QString &sid);
    Result<QList<CallRow>> listForCampaign(qint64 campaignId, int limit = 1000);

    Status setProviderSid(qint64 id, const QString &sid, qint64 nowMs);
    // Status transitions; timestamps given as 0 are left unchanged.
    Status updateStatus(qint64 id, const QString &status, qint64 nowMs, qint64 answeredAt = 0, qint64 endedAt = 0);
    Status setOutcome(qint64 id, const CallOutcome &outcome, qint64 nowMs);

    Status insertTurns(const QList<TurnRow> &turns);
    Result<QList<TurnRow>> turns(qint64 callId);

private:
    Result<CallRow> findOne(const QString &where, const QVariant &value);
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
