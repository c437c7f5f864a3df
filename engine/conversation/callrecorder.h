// CallRecorder: what a call session needs from storage, as asynchronous calls that never block
// the media path. Lookups answer through a callback invoked on the context object's thread.
// Implemented by StorageCallRecorder (its own thread and DB connection) and by test fakes.
// Thread: any caller; implementations are thread-safe.
#pragma once

#include "core/result.h"
#include "storage/callrepository.h"

#include <QJsonObject>
#include <QObject>
#include <functional>

namespace Leadline::Conversation {

// Everything the conversation needs to know about the call it is on.
struct CallContext
{
    qint64 callId = 0;
    qint64 leadId = 0;
    qint64 campaignId = 0;
    QString callStatus;
    QString leadName;
    QString phoneE164;
    QString city;
    QString propertyType;
    QString budget;
    QString leadLanguage;     // as imported ("Hindi", "English", "hi", ...)
    QString campaignName;
    QString campaignScript;   // the campaign prompt with {name}/{property_type}/{city}
    QString campaignLanguage; // "en", "hi"
    QString timezone = QStringLiteral("Asia/Kolkata");
    QString windowStart = QStringLiteral("10:00"); // the campaign's calling window
    QString windowEnd = QStringLiteral("19:00");
    QString callingDays = QStringLiteral("mon,tue,wed,thu,fri,sat");
    QJsonObject brief;    // the campaign's project brief (ProjectBrief::toJson()); empty = none
    int briefVersion = 0;
};

struct CallKey
{
    QString token;   // from the upgrade URL (lc=...)
    QString customToken; // from start.custom_parameters.lc
    QString callSid; // start.call_sid
};

class CallRecorder
{
public:
    virtual ~CallRecorder() = default;
    // Finds the open call by token, then custom token, then call sid (reference §1.3).
    virtual void lookup(const CallKey &key, QObject *context, std::function<void(Result<CallContext>)> done) = 0;
    virtual void callAnswered(qint64 callId, const QString &streamSid, const QString &callSid, qint64 atMs) = 0;
    virtual void appendTurn(const Storage::TurnRow &turn) = 0;
    virtual void addDnc(const QString &phoneE164, const QString &source) = 0;
    // The call's final state: outcome and status, written when the socket closes.
    virtual void finishCall(qint64 callId, const Storage::CallOutcome &outcome, const QString &status, qint64 endedAtMs) = 0;
};

} // namespace Leadline::Conversation
