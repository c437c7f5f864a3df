// StatusMap: the one string mapping of a typed status. Each status enum specialises
// StatusNames<E> with its table (enum value <-> the text stored in the database and sent in
// JSON) and declares canTransition(E from, E to); everything else (parsing, SQL IN lists, the
// CHECK constraints of migration 12, transition errors) is generated from those two.
// Thread: pure functions over constant tables.
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Leadline::Storage {

template<typename E>
struct StatusName
{
    E value;
    const char *name;
};

// Specialise: static constexpr const char *kind ("lead status"); static constexpr
// StatusName<E> table[] = {...}; static constexpr const char *table_name / column (the column
// the values are stored in).
template<typename E>
struct StatusNames;

template<typename E>
QString statusName(E value)
{
    for (const StatusName<E> &n : StatusNames<E>::table) {
        if (n.value == value)
            return QString::fromLatin1(n.name);
    }
    return {};
}

template<typename E>
std::optional<E> parseStatus(QStringView text)
{
    for (const StatusName<E> &n : StatusNames<E>::table) {
        if (text == QLatin1String(n.name))
            return n.value;
    }
    return std::nullopt;
}

template<typename E>
QList<E> allStatuses()
{
    QList<E> out;
    for (const StatusName<E> &n : StatusNames<E>::table)
        out << n.value;
    return out;
}

template<typename E>
QStringList statusNames(const QList<E> &values = allStatuses<E>())
{
    QStringList out;
    for (E v : values)
        out << statusName(v);
    return out;
}

// 'a','b','c': for SQL IN lists of known, constant values (never user input).
inline QString sqlInList(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted << QLatin1Char('\'') + v + QLatin1Char('\'');
    return quoted.join(QLatin1Char(','));
}

template<typename E>
QString sqlInList(const QList<E> &values)
{
    return sqlInList(statusNames(values));
}

// The statuses a row may be in for a change to `to` (guards of conditional UPDATEs).
template<typename E>
QList<E> allowedFrom(E to)
{
    QList<E> out;
    for (E from : allStatuses<E>()) {
        if (canTransition(from, to))
            out << from;
    }
    return out;
}

// Conflict when the table does not allow from -> to (a status that stays the same is fine).
template<typename E>
Status checkTransition(E from, E to)
{
    if (canTransition(from, to))
        return okStatus();
    return Error::make(Error::Code::Conflict,
                       QStringLiteral("%1 cannot change from %2 to %3")
                           .arg(QLatin1String(StatusNames<E>::kind), statusName(from), statusName(to)),
                       QStringLiteral("illegal_transition"));
}

// Validation error naming the allowed values when text is not one of them.
template<typename E>
Result<E> requireStatus(QStringView text)
{
    if (auto v = parseStatus<E>(text))
        return *v;
    return Error::make(Error::Code::Validation,
                       QStringLiteral("%1 must be one of %2, got \"%3\"")
                           .arg(QLatin1String(StatusNames<E>::kind), statusNames<E>().join(QStringLiteral(", ")), text.toString()));
}

} // namespace Leadline::Storage
