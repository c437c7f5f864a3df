// OutcomeDraft: what a live call will be stored with, gathered as it happens. The outcome and
// fields the LLM's end_call gives (each field with the turn it came from), screening's verdict,
// vendor failures (kept: a failed call is retried, and says why), a supervisor's hang-up; then the
// stored outcome (a decided one, else "incomplete" if the caller spoke, else "no_response"), the
// closing line after a deciding turn and the final call status.
// Thread: its call session's network worker.
#pragma once

#include "storage/callrepository.h"

#include <QJsonObject>
#include <QString>

namespace Leadline::Conversation {

class OutcomeDraft
{
public:
    bool decided() const { return !m_outcome.isEmpty(); }
    const QString &outcome() const { return m_outcome; }
    void decide(const QString &outcome) { m_outcome = outcome; }
    // Sets the outcome unless one is decided already.
    void decideIfOpen(const QString &outcome);
    void reopen() { m_outcome.clear(); }

    const QJsonObject &fields() const { return m_fields; }
    void setField(const QString &key, const QJsonValue &value) { m_fields.insert(key, value); }
    void removeField(const QString &key) { m_fields.remove(key); }
    void mergeFields(const QJsonObject &fields);
    // A field the LLM reported ({"value": ..., "turn": n}): its value as text, trimmed.
    QString reportedValue(const QString &key) const;

    // The end_call tool: its outcome (empty: "incomplete"); every other argument is a field
    // {"value": ..., "turn": turn}.
    void applyEndCall(const QJsonObject &args, int turn);
    // A vendor failure ("llm: timeout"). keepEarlier: a failure already noted stays (the first
    // report of a dying stream says most).
    void noteFailure(const QString &stage, const QString &message, bool keepEarlier = false);
    QString failure() const { return m_fields.value(QStringLiteral("failure")).toString(); }
    // The outcome a vendor failure ends the call with: "technical_failure" (retried like
    // no_response) unless one is decided (then empty: the decided one stays).
    QString failureOutcome() const { return decided() ? QString() : QStringLiteral("technical_failure"); }

    // The closing line after the LLM turn that decided the outcome: a goodbye only if the turn
    // said nothing (else its own words were the goodbye).
    QString closingLineAfterTurn(bool saidSomething, const QString &language) const;
    // What is stored: outcome, fields, failure reason, language, bad frames (the extraction of
    // budget, callback time... is applied on top by the session).
    Storage::CallOutcome toStored(bool callerSpoke, const QString &language, int badFrames) const;
    // The call's final status: a call handed to a sales agent goes on in Exotel's flow.
    static QString finalStatus(const QString &status, bool transferring)
    {
        return transferring ? QStringLiteral("transferring") : status;
    }

private:
    QString m_outcome;
    QJsonObject m_fields;
};

} // namespace Leadline::Conversation
