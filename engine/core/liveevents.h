// Live events: the typed schema of what the engine reports for consoles, shared by the
// publishers (dialer, carrier webhooks, call sessions), /events (Server::EventHub adds "type" and
// "at") and the console's live feed, which decodes with the same structs. Each struct names its
// type and owns its JSON field names; fromJson() is lenient (ids as numbers or strings, missing
// fields left at their defaults) because a console may talk to a newer or older engine. The wire
// format is documented in README ("Live events").
// Thread: value types; publish() is as thread-safe as the sink (EventSink: any thread).
#pragma once

#include "eventsink.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace Leadline::Events {

enum class Type {
    CallStarted,      // "call.started": the dialer placed a call
    CallAnswered,     // "call.answered": the media stream of an answered call began
    CallStatus,       // "call.status": the carrier reported a status
    CallActivity,     // "call.activity": listening, thinking, speaking, what was just said
    CallTurn,         // "call.turn": a transcript turn, with the agent's latency
    CallEnded,        // "call.ended": from the dialer, the carrier or the call session
    CampaignProgress, // "campaign.progress": lead counts and calls in flight, on change
    ProviderError,    // "provider.error": a vendor refused (e.g. Exotel credentials)
    Unknown,          // a type this build does not know (a newer engine)
};

QString typeName(Type type);
Type typeNamed(const QString &name);

// call.started and call.answered: who is being called. phone is masked (maskPhone).
struct CallParty
{
    qint64 callId = 0;
    qint64 campaignId = 0;
    qint64 leadId = 0;
    QString leadName;
    QString phone;
    int attempt = 0; // 0: not said (call.answered)
    QJsonObject toJson() const;
    static CallParty fromJson(const QJsonObject &o);
};

struct CallStatus
{
    static constexpr Type type = Type::CallStatus;
    qint64 callId = 0;
    qint64 campaignId = 0;
    qint64 leadId = 0;
    QString status;
    QString source; // "carrier"
    int durationS = -1;
    QJsonObject toJson() const;
    static CallStatus fromJson(const QJsonObject &o);
};

struct CallActivity
{
    static constexpr Type type = Type::CallActivity;
    qint64 callId = 0;
    QString state;   // listening | thinking | speaking | ended | ...
    QString speaker; // caller | agent, with text
    QString text;
    QJsonObject toJson() const;
    static CallActivity fromJson(const QJsonObject &o);
};

struct CallTurn
{
    static constexpr Type type = Type::CallTurn;
    qint64 callId = 0;
    qint64 campaignId = 0;
    qint64 leadId = 0;
    int turn = -1;
    QString speaker;
    QString text;
    QString language;
    bool interrupted = false;
    // Agent turns: what the caller waited (end of speech + model + first audio), -1 unknown.
    int latencyMs = -1;
    int sttMs = -1;
    int llmMs = -1;
    int ttsMs = -1;
    bool isAgent() const { return speaker == QLatin1String("agent"); }
    QJsonObject toJson() const;
    static CallTurn fromJson(const QJsonObject &o);
};

struct CallEnded
{
    static constexpr Type type = Type::CallEnded;
    qint64 callId = 0;
    qint64 campaignId = 0;
    qint64 leadId = 0;
    QString status;
    QString outcome; // from the call session ("media")
    QString reason;  // from the dialer (e.g. "paused", a carrier refusal)
    QString source;  // dialer | carrier | media
    int durationS = -1;
    QJsonObject toJson() const;
    static CallEnded fromJson(const QJsonObject &o);
};

struct CampaignProgress
{
    static constexpr Type type = Type::CampaignProgress;
    qint64 campaignId = 0;
    QString status;
    qint64 leadsTotal = 0;
    qint64 leadsDone = 0;
    qint64 leadsPending = 0;
    int callsActive = 0;
    qint64 nextDueAtMs = 0; // 0: nothing due ("next_due_at": null)
    QString nextDueAt() const; // ISO 8601 UTC, empty when none
    QJsonObject toJson() const;
    static CampaignProgress fromJson(const QJsonObject &o);
};

struct ProviderError
{
    static constexpr Type type = Type::ProviderError;
    QString provider; // telephony | stt | llm | tts
    qint64 callId = 0;
    qint64 campaignId = 0;
    QString message;
    QJsonObject toJson() const;
    static ProviderError fromJson(const QJsonObject &o);
};

// An event as a console receives it: its type, when it was published and its payload (decode
// with the type's struct). Nothing for text that is not a JSON object.
struct Envelope
{
    Type type = Type::Unknown;
    QDateTime at; // invalid when absent
    QJsonObject payload;
    static std::optional<Envelope> parse(const QByteArray &json);
};

template<typename Event>
void publish(EventSink &sink, const Event &event)
{
    sink.publish(typeName(Event::type), event.toJson());
}
// call.started and call.answered share CallParty.
inline void publish(EventSink &sink, Type type, const CallParty &party) { sink.publish(typeName(type), party.toJson()); }

} // namespace Leadline::Events
