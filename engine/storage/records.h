// Plain row values that repositories read and write. Thread: value types.
#pragma once

#include "campaignstatus.h"

#include <QJsonObject>
#include <QString>

namespace Leadline::Storage {

// A call the dialer claimed, as the carrier is asked to place it (Campaigns::PlaceCallRequest).
struct DialTarget
{
    qint64 callId = 0;
    qint64 leadId = 0;
    qint64 campaignId = 0;
    QString phoneE164;
    QString correlationToken;
    int attempt = 1;
};

struct CampaignRow
{
    qint64 id = 0;
    QString name;
    QString status = statusName(CampaignStatus::Draft); // campaignstatus.h
    QString script;
    QString language = QStringLiteral("en");
    QString voice;
    QString windowStart = QStringLiteral("10:00");
    QString windowEnd = QStringLiteral("19:00");
    QString callingDays = QStringLiteral("mon,tue,wed,thu,fri,sat");
    QString timezone = QStringLiteral("Asia/Kolkata");
    int maxConcurrent = 10;
    int maxAttempts = 3;
    int retryDelaySeconds = 1800;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    QJsonObject toJson() const;
};

struct LeadRow
{
    qint64 id = 0;
    qint64 campaignId = 0;
    QString name;
    QString phoneE164;
    QString email;
    QString city;
    QString budget;
    QString propertyType;
    QString language;
    QJsonObject custom;
    QString status;
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QString lastOutcome;
    int sourceLine = 0;

    QJsonObject toJson() const;
};

} // namespace Leadline::Storage
