#include "retrypolicy.h"

namespace Leadline::Campaigns {

qint64 RetryPolicy::backoffSeconds(int attemptsMade) const
{
    const qint64 base = qMax<qint64>(1, m_config.retryDelayS);
    qint64 delay = base;
    for (int i = 1; i < attemptsMade && delay < m_config.maxDelayS; ++i)
        delay *= 2;
    return qMin(delay, qMax(base, m_config.maxDelayS));
}

static bool isConversationOutcome(const QString &o)
{
    return o == QLatin1String("interested") || o == QLatin1String("not_interested")
           || o == QLatin1String("qualified") || o == QLatin1String("completed") || o == QLatin1String("site_visit");
}

bool RetryPolicy::isRetryable(const AttemptResult &r)
{
    const QString o = r.outcome.toLower();
    if (o == QLatin1String("voicemail") || o == QLatin1String("no_response") || o == QLatin1String("unreachable")
        || o == QLatin1String("technical_failure")) // a vendor failed mid-call; the caller was promised a call back
        return true;
    if (!o.isEmpty())
        return false;
    const QString s = r.carrierStatus.toLower();
    return s == QLatin1String("busy") || s == QLatin1String("no-answer") || s == QLatin1String("no_answer")
           || s == QLatin1String("failed") || s == QLatin1String("canceled") || s == QLatin1String("cancelled")
           || s == QLatin1String("unknown") || s == QLatin1String("network_error") || s.isEmpty();
}

RetryDecision RetryPolicy::decide(const AttemptResult &r, int attemptsMade, const QDateTime &nowUtc,
                                  const CallingWindow &window) const
{
    RetryDecision d;
    const QString outcome = r.outcome.toLower();
    const QString status = r.carrierStatus.toLower();
    d.lastOutcome = outcome.isEmpty() ? status : outcome;

    auto schedule = [&](RetryDecision::Kind kind, const QString &leadStatus, const QDateTime &earliest) {
        const QDateTime at = window.nextOpen(earliest);
        if (!at.isValid()) {
            d.kind = RetryDecision::Kind::Done;
            d.leadStatus = QStringLiteral("unschedulable");
            return d;
        }
        d.kind = kind;
        d.leadStatus = leadStatus;
        d.at = at;
        return d;
    };

    // Call screening: "number does not exist" and PBX menus do not change on a retry.
    if (outcome == QLatin1String("do_not_call") || outcome == QLatin1String("wrong_number")
        || outcome == QLatin1String("invalid_number") || outcome == QLatin1String("ivr")) {
        d.leadStatus = outcome;
        return d;
    }
    if (r.handoffNotAnswered) {
        if (attemptsMade >= m_config.maxAttempts + kExtraCallbackAttempts) {
            d.leadStatus = QStringLiteral("exhausted");
            return d;
        }
        return schedule(RetryDecision::Kind::Callback, QStringLiteral("callback"), nowUtc.addSecs(backoffSeconds(1)));
    }
    if (outcome == QLatin1String("callback")) {
        if (attemptsMade >= m_config.maxAttempts + kExtraCallbackAttempts) {
            d.leadStatus = QStringLiteral("exhausted");
            return d;
        }
        const QDateTime wanted = r.callbackAt.isValid() && r.callbackAt > nowUtc ? r.callbackAt.toUTC() : nowUtc;
        return schedule(RetryDecision::Kind::Callback, QStringLiteral("callback"), wanted);
    }
    if (isConversationOutcome(outcome)) {
        d.leadStatus = QStringLiteral("completed");
        return d;
    }
    if (outcome.isEmpty() && status == QLatin1String("completed")) {
        // Answered, and no conversation outcome was ever stored: we lost the conversation (our
        // crash, a restart, a vendor outage). The lead did nothing wrong: call again.
        AttemptResult cut = r;
        cut.outcome = QStringLiteral("technical_failure");
        return decide(cut, attemptsMade, nowUtc, window);
    }
    if (!isRetryable(r)) {
        // An outcome we do not know: the conversation happened, do not call again.
        d.leadStatus = QStringLiteral("completed");
        return d;
    }
    if (outcome.isEmpty() && status == QLatin1String("failed") && r.priorCarrierFailures >= 1) {
        d.leadStatus = QStringLiteral("unreachable");
        return d;
    }
    if (attemptsMade >= m_config.maxAttempts) {
        // Switched off / not reachable / busy to the last attempt: the lead is unreachable.
        d.leadStatus = outcome == QLatin1String("unreachable") ? QStringLiteral("unreachable") : QStringLiteral("exhausted");
        return d;
    }
    // A carrier result with a delay of its own (no-answer, busy) doubles from that one.
    qint64 first = 0;
    if (outcome.isEmpty() && (status == QLatin1String("no-answer") || status == QLatin1String("no_answer")))
        first = m_config.byResult.noAnswerS;
    else if (outcome.isEmpty() && status == QLatin1String("busy"))
        first = m_config.byResult.busyS;
    const qint64 delay = first > 0 ? RetryPolicy(RetryConfig{m_config.maxAttempts, first, qMax(first, m_config.maxDelayS), {}})
                                         .backoffSeconds(attemptsMade)
                                   : backoffSeconds(attemptsMade);
    return schedule(RetryDecision::Kind::Retry, QStringLiteral("retry"), nowUtc.addSecs(delay));
}

} // namespace Leadline::Campaigns
