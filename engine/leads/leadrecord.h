// LeadRecord / ImportReport: plain values produced by the CSV importer and consumed by storage.
// Thread: value types.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Leadline::Leads {

struct LeadRecord
{
    int line = 0;              // 1-based physical line where the record starts
    QString name;
    QString phoneE164;         // "+91" + 10 digits
    QString email;
    QString city;
    QString budget;
    QString propertyType;
    QString language;          // preferred language as written
    QStringList customKeys;    // unknown columns, header text as written, in file order
    QStringList customValues;  // same length as customKeys
    QJsonObject customJson() const;
};

struct RejectedRow
{
    int line = 0;
    QString reason;  // missing_phone, invalid_phone, duplicate_in_file, duplicate_existing, on_dnc, too_many_columns
    QString detail;  // human text
};

struct ImportReport
{
    int accepted = 0;
    QList<RejectedRow> rejected;
    int skippedBlank = 0;
    QJsonObject toJson() const; // {"accepted": n, "rejected": [{"line","reason","detail"}], "skipped_blank": n}
};

} // namespace Leadline::Leads
