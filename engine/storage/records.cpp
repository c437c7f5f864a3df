#include "records.h"
#include "columnvalues.h"

#include <QDateTime>

namespace Leadline::Storage {

QJsonObject CampaignRow::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("status"), status},
        {QStringLiteral("script"), script},
        {QStringLiteral("language"), language},
        {QStringLiteral("voice"), voice},
        {QStringLiteral("calling_window"), QJsonObject{{QStringLiteral("start"), windowStart},
                                                       {QStringLiteral("end"), windowEnd},
                                                       {QStringLiteral("days"), callingDays}}},
        {QStringLiteral("timezone"), timezone},
        {QStringLiteral("max_concurrent"), maxConcurrent},
        {QStringLiteral("max_attempts"), maxAttempts},
        {QStringLiteral("retry_delay_s"), retryDelaySeconds},
        {QStringLiteral("created_at"), isoOrNull(createdAt)},
        {QStringLiteral("updated_at"), isoOrNull(updatedAt)},
    };
}

QJsonObject LeadRow::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("campaign_id"), campaignId},
        {QStringLiteral("name"), name},
        {QStringLiteral("phone"), phoneE164},
        {QStringLiteral("email"), email},
        {QStringLiteral("city"), city},
        {QStringLiteral("budget"), budget},
        {QStringLiteral("property_type"), propertyType},
        {QStringLiteral("language"), language},
        {QStringLiteral("custom"), custom},
        {QStringLiteral("status"), status},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("next_attempt_at"), isoOrNull(nextAttemptAt)},
        {QStringLiteral("last_outcome"), lastOutcome},
        {QStringLiteral("source_line"), sourceLine},
    };
}

} // namespace Leadline::Storage
