// Value types the live feed ("leadline-live" thread) hands to the GUI thread in batches: the
// active calls that changed, the calls that went away, campaign progress and notices for the
// tray. Thread: value types, copied across threads through queued signals (registered with the
// meta-type system by LiveCallsFeedHost).
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Leadline::Ui {

struct LiveTurn
{
    int turn = 0;
    QString speaker;   // "caller" | "agent" (anything else is shown as is)
    QString text;
    QString language;
    int latencyMs = -1; // agent turns: time from the caller's end of speech to the reply; -1 unknown
};

struct LiveCall
{
    qint64 callId = 0;
    qint64 campaignId = 0;
    qint64 leadId = 0;
    QString leadName;
    QString phone;       // masked by the engine; masked again by the model when it is not
    QString state;       // "dialling", "ringing", "listening", "thinking", "speaking"
    QString lastSpeaker; // speaker of lastText
    QString lastText;    // last utterance, either side
    int attempt = 0;
    bool answered = false;
    qint64 firstSeenMs = 0; // start (ms since epoch): call.started's "at", else when the feed first saw it
    QList<LiveTurn> turns;  // the last LiveCallsFeed::maxTurns turns, oldest first
};

struct CampaignLive
{
    qint64 campaignId = 0;
    QString status;
    qint64 leadsTotal = -1;
    qint64 leadsDone = -1;
    qint64 leadsPending = -1;
    int callsActive = 0;
    QString nextDueAt;
};

struct LiveNotice
{
    enum Kind { CampaignFinished, ProviderError };
    Kind kind = ProviderError;
    qint64 campaignId = 0;
    qint64 callId = 0;
    QString provider;
    QString message;
};

// One flush of the feed: at most one per LiveCallsFeed::flushIntervalMs.
struct LiveCallsBatch
{
    QList<LiveCall> changed;     // new or updated calls (full value)
    QList<qint64> removed;       // calls that ended
    QList<CampaignLive> campaigns; // campaign.progress since the last batch, latest per campaign
    QList<LiveNotice> notices;
    int activeCalls = 0;         // after this batch
    quint64 eventsSeen = 0;      // events folded into this batch (ignored ones included)
};

} // namespace Leadline::Ui

Q_DECLARE_METATYPE(Leadline::Ui::LiveCallsBatch)
