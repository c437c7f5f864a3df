#include "outcomedraft.h"

#include "prompts.h"

namespace Leadline::Conversation {

void OutcomeDraft::decideIfOpen(const QString &outcome)
{
    if (m_outcome.isEmpty())
        m_outcome = outcome;
}

void OutcomeDraft::mergeFields(const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        m_fields.insert(it.key(), it.value());
}

QString OutcomeDraft::reportedValue(const QString &key) const
{
    return m_fields.value(key).toObject().value(QStringLiteral("value")).toString().trimmed();
}

void OutcomeDraft::applyEndCall(const QJsonObject &args, int turn)
{
    const QString outcome = args.value(QStringLiteral("outcome")).toString();
    m_outcome = outcome.isEmpty() ? QStringLiteral("incomplete") : outcome;
    for (auto it = args.begin(); it != args.end(); ++it)
        if (it.key() != QLatin1String("outcome"))
            m_fields.insert(it.key(), QJsonObject{{QStringLiteral("value"), it.value()}, {QStringLiteral("turn"), turn}});
}

void OutcomeDraft::noteFailure(const QString &stage, const QString &message, bool keepEarlier)
{
    if (keepEarlier && m_fields.contains(QStringLiteral("failure")))
        return;
    m_fields.insert(QStringLiteral("failure"), QString(stage + QStringLiteral(": ") + message));
}

QString OutcomeDraft::closingLineAfterTurn(bool saidSomething, const QString &language) const
{
    return saidSomething ? QString() : goodbyeLine(m_outcome, language);
}

Storage::CallOutcome OutcomeDraft::toStored(bool callerSpoke, const QString &language, int badFrames) const
{
    Storage::CallOutcome out;
    out.outcome = decided() ? m_outcome : callerSpoke ? QStringLiteral("incomplete") : QStringLiteral("no_response");
    out.language = language;
    out.fields = m_fields;
    out.failureReason = failure();
    out.badFrames = badFrames;
    return out;
}

} // namespace Leadline::Conversation
