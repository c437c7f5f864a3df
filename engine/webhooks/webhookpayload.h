// The JSON bodies CRM webhooks send (documented in README "CRM webhooks"). Pure functions over
// rows read by WebhookStore, so the exact shape is unit-tested. Thread: pure functions.
#pragma once

#include "webhookoptions.h"
#include "webhookstore.h"

#include <QByteArray>
#include <QJsonObject>

namespace Leadline::Webhooks {

// Stable per event: the receiver's de-duplication key (also the X-Leadline-Delivery header).
QString callEndedEventId(qint64 callId);
QString handoffEventId(qint64 callId);

// A call's cost estimate (INR) with the campaign analytics' rule.
QJsonObject costEstimate(const Prices &prices, int durationS, int conversationS, bool connected);

QByteArray callEndedPayload(const CallEndedSource &src, const QString &baseUrl, const Prices &prices, qint64 createdAtMs);
// handoff: what the handoff component reports (agent, reason, summary...), copied under "handoff".
QByteArray handoffPayload(const CallEndedSource &src, const QJsonObject &handoff, const QString &baseUrl, qint64 createdAtMs);

} // namespace Leadline::Webhooks
