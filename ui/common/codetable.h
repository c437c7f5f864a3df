// CodeTable: a fixed table of engine codes and their English labels (marked with
// QT_TRANSLATE_NOOP in one tr context), looked up and translated at call time. Labels and
// HistoryLabels keep their tables in this form.
// Thread: GUI thread (translates with the installed translators).
#pragma once

#include "storage/statusmap.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstddef>

namespace Leadline::Ui {

struct CodeLabel
{
    const char *code;
    const char *text; // English, QT_TRANSLATE_NOOP'd in the table's context
};

template<std::size_t N>
const CodeLabel *findCode(const CodeLabel (&table)[N], const QString &code)
{
    for (const CodeLabel &e : table)
        if (code == QLatin1String(e.code))
            return &e;
    return nullptr;
}

// The translated label of code, or fallback when the table does not have it.
template<std::size_t N>
QString codeLabel(const char *context, const CodeLabel (&table)[N], const QString &code, const QString &fallback)
{
    const CodeLabel *e = findCode(table, code);
    return e ? QCoreApplication::translate(context, e->text) : fallback;
}

template<std::size_t N>
QStringList codesOf(const CodeLabel (&table)[N])
{
    QStringList out;
    for (const CodeLabel &e : table)
        out << QLatin1String(e.code);
    return out;
}

// A label table keyed on a typed status (storage/*status.h): its code is the enum's one string
// mapping, so the console never types a status a second time.
template<typename E>
struct StatusLabel
{
    E value;
    const char *text; // English, QT_TRANSLATE_NOOP'd in the table's context
};

template<typename E, std::size_t N>
const StatusLabel<E> *findCode(const StatusLabel<E> (&table)[N], const QString &code)
{
    const std::optional<E> value = Storage::parseStatus<E>(code);
    if (!value)
        return nullptr;
    for (const StatusLabel<E> &e : table)
        if (e.value == *value)
            return &e;
    return nullptr;
}

template<typename E, std::size_t N>
QString codeLabel(const char *context, const StatusLabel<E> (&table)[N], const QString &code, const QString &fallback)
{
    const StatusLabel<E> *e = findCode(table, code);
    return e ? QCoreApplication::translate(context, e->text) : fallback;
}

template<typename E, std::size_t N>
QStringList codesOf(const StatusLabel<E> (&table)[N])
{
    QStringList out;
    for (const StatusLabel<E> &e : table)
        out << Storage::statusName(e.value);
    return out;
}

} // namespace Leadline::Ui
