#include "leadrecord.h"

namespace Leadline::Leads {

QJsonObject LeadRecord::customJson() const
{
    QJsonObject o;
    const qsizetype n = qMin(customKeys.size(), customValues.size());
    for (qsizetype i = 0; i < n; ++i)
        o.insert(customKeys[i], customValues[i].isNull() ? QStringLiteral("") : customValues[i]);
    return o;
}

QJsonObject ImportReport::toJson() const
{
    QJsonArray rows;
    for (const RejectedRow &r : rejected) {
        rows.append(QJsonObject{
            {QStringLiteral("line"), r.line},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("detail"), r.detail},
        });
    }
    return QJsonObject{
        {QStringLiteral("accepted"), accepted},
        {QStringLiteral("rejected"), rows},
        {QStringLiteral("skipped_blank"), skippedBlank},
    };
}

} // namespace Leadline::Leads
