// Column values: how an empty value is bound as SQL NULL, how a JSON object is stored as text,
// how a stored millisecond timestamp is shown in JSON, and which database a connection speaks.
// Shared by every repository so the rules are written once. Thread: free functions.
#pragma once

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace Leadline::Storage {

inline bool isPostgres(const QSqlDatabase &db) { return db.driverName() == QLatin1String("QPSQL"); }

// Bind values: "no value" (empty text, 0, a negative count) is SQL NULL of the column's type.
inline QVariant nullIfEmpty(const QString &s) { return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s); }
inline QVariant nullIfZero(qint64 v) { return v ? QVariant(v) : QVariant(QMetaType::fromType<qint64>()); }
inline QVariant nullIfNegative(int v) { return v >= 0 ? QVariant(v) : QVariant(QMetaType::fromType<int>()); }

// A JSON object column: compact text, or an empty string for an empty object.
inline QString jsonText(const QJsonObject &o)
{
    return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// A millisecond timestamp as ISO 8601 UTC for JSON, or null when unset (<= 0).
inline QJsonValue isoOrNull(qint64 ms, Qt::DateFormat format = Qt::ISODateWithMs)
{
    return ms > 0 ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(format)) : QJsonValue();
}

} // namespace Leadline::Storage
