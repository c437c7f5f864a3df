// Turn-taking, the caller's side: CallerTurn holds what the caller has said in the turn so far
// (final transcript pieces and the latest interim); Speculation is the LLM request started before
// the turn is confirmed (SessionConfig::speculateAfterSilenceMs): when it is due, the reply it
// holds back (no word said, no tool run) until the turn ends with the same words, else dropped,
// and what it cost. Time (its latency figures) comes from the injected TimerSource.
// Thread: its call session's network worker.
#pragma once

#include "core/timersource.h"

#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace Leadline::Conversation {

class CallerTurn
{
public:
    // A final transcript piece: appended (with a space), the interims of its span forgotten.
    void addFinal(const QString &text)
    {
        m_interim.clear();
        appendFinal(text);
    }
    // A final piece while the recogniser drains (the interim is kept apart).
    void appendFinal(const QString &text);
    void setInterim(const QString &text) { m_interim = text.trimmed(); }
    void clearInterim() { m_interim.clear(); }
    // The finals of this turn and the latest interim.
    QString wordsSoFar() const;
    const QString &finals() const { return m_finals; }
    bool isEmpty() const { return m_finals.isEmpty(); }
    void setFinals(const QString &text) { m_finals = text; }
    QString take(); // the finals; the turn starts afresh
    // VAD position (ms) when the latest transcript came.
    qint64 lastTranscriptAtMs() const { return m_lastTranscriptAtMs; }
    void noteTranscriptAt(qint64 positionMs) { m_lastTranscriptAtMs = positionMs; }

private:
    QString m_finals;
    QString m_interim;
    qint64 m_lastTranscriptAtMs = -1;
};

// The cost of speculative replies in a call (part of SessionStats).
struct SpeculationStats
{
    // LLM requests started before the turn was confirmed, those dropped (the caller went on or
    // said something else) and the completion tokens they had cost (estimated): extra spend.
    int speculativeRequests = 0;
    int speculativeDropped = 0;
    int speculativeWastedTokens = 0;
};

class Speculation
{
public:
    // afterSilenceMs <= 0: never speculate. cancelRequest stops the LLM request being held.
    Speculation(TimerSource &time, SpeculationStats &stats, int afterSilenceMs, std::function<void()> cancelRequest)
        : m_time(time), m_stats(stats), m_afterSilenceMs(afterSilenceMs), m_cancel(std::move(cancelRequest)) {}

    bool enabled() const { return m_afterSilenceMs > 0; }
    bool running() const { return m_running; }
    const QString &text() const { return m_text; }       // the caller's words it answers
    qint64 lastWordMs() const { return m_lastWordMs; }    // VAD position of the caller's last word at its start

    // Is a speculative request due? After afterSilenceMs of local silence since the last word
    // (VAD positions), with a transcript newer than that word (the words are stable). Cheap: asked
    // on every media frame. The session checks its own state first.
    bool due(qint64 lastWordMs, qint64 positionMs, qint64 lastTranscriptAtMs) const;
    // And on these words? Not tried before, not a backchannel or an opt-out.
    bool worthTrying(const QString &said) const;
    // The request for `said` starts now (counted).
    void start(const QString &said, qint64 lastWordMs);
    // The caller's words changed: true if the running speculation answers other words.
    bool answersOtherWords(const QString &said) const;
    // A token of the running request (its first token's time, its cost).
    void noteToken(const QString &text);
    // An LLM event while running: kept to be replayed once confirmed. false: not running.
    bool hold(std::function<void()> event);
    // Cancelled (the caller went on, or said other words); counted as waste.
    void drop();

    struct Confirmed
    {
        qint64 startedUs = 0;    // on the TimerSource
        qint64 firstTokenUs = -1;
        QList<std::function<void()>> held; // replay in order
    };
    // The turn ended with callerText: the same words (case and punctuation aside) and mayReply:
    // the held reply goes on. Otherwise a running speculation is dropped. nullopt: answer anew.
    std::optional<Confirmed> confirm(const QString &callerText, bool mayReply);

    static QString wordsOf(const QString &text); // lower case letters and digits, single spaces

private:
    TimerSource &m_time;
    SpeculationStats &m_stats;
    int m_afterSilenceMs;
    std::function<void()> m_cancel;
    bool m_running = false;
    QString m_text;
    QString m_lastTried; // not tried twice on the same words
    qint64 m_lastWordMs = -1;
    qint64 m_startedUs = 0;
    qint64 m_firstTokenUs = -1;
    int m_chars = 0;
    QList<std::function<void()>> m_held;
};

} // namespace Leadline::Conversation
