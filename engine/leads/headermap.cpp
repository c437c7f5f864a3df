#include "headermap.h"

#include <QHash>
#include <QSet>

namespace Leadline::Leads {

namespace {

QStringView trimBlanks(QStringView s)
{
    qsizetype b = 0, n = s.size();
    while (b < n && (s[b] == QLatin1Char(' ') || s[b] == QLatin1Char('\t')))
        ++b;
    while (n > b && (s[n - 1] == QLatin1Char(' ') || s[n - 1] == QLatin1Char('\t')))
        --n;
    return s.mid(b, n - b);
}

const QHash<QString, HeaderMap::Field> &synonyms()
{
    using F = HeaderMap::Field;
    static const QHash<QString, F> table = {
        {QStringLiteral("name"), F::Name},
        {QStringLiteral("full name"), F::Name},
        {QStringLiteral("lead name"), F::Name},
        {QStringLiteral("customer name"), F::Name},

        {QStringLiteral("phone"), F::Phone},
        {QStringLiteral("phone number"), F::Phone},
        {QStringLiteral("phone no"), F::Phone},
        {QStringLiteral("mobile"), F::Phone},
        {QStringLiteral("mobile no"), F::Phone},
        {QStringLiteral("mobile number"), F::Phone},
        {QStringLiteral("contact no"), F::Phone},
        {QStringLiteral("contact number"), F::Phone},
        {QStringLiteral("contact"), F::Phone},

        {QStringLiteral("email"), F::Email},
        {QStringLiteral("e mail"), F::Email},
        {QStringLiteral("email id"), F::Email},
        {QStringLiteral("email address"), F::Email},

        {QStringLiteral("city"), F::City},
        {QStringLiteral("budget"), F::Budget},
        {QStringLiteral("property type"), F::PropertyType},
        {QStringLiteral("preferred language"), F::Language},
        {QStringLiteral("language"), F::Language},
    };
    return table;
}

} // namespace

QString HeaderMap::normalize(QStringView header)
{
    const QString lower = trimBlanks(header).toString().toLower();
    QString out;
    out.reserve(lower.size());
    bool pendingSpace = false;
    for (const QChar c : lower) {
        if (c == QLatin1Char('.') || c == QLatin1Char(':'))
            continue;
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('_')
            || c == QLatin1Char('-')) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && !out.isEmpty())
            out.append(QLatin1Char(' '));
        pendingSpace = false;
        out.append(c);
    }
    return out;
}

std::optional<HeaderMap::Field> HeaderMap::fieldFor(const QString &normalizedHeader)
{
    const auto &t = synonyms();
    const auto it = t.constFind(normalizedHeader);
    if (it == t.constEnd())
        return std::nullopt;
    return it.value();
}

QString HeaderMap::fieldName(Field f)
{
    switch (f) {
    case Name: return QStringLiteral("name");
    case Phone: return QStringLiteral("phone");
    case Email: return QStringLiteral("email");
    case City: return QStringLiteral("city");
    case Budget: return QStringLiteral("budget");
    case PropertyType: return QStringLiteral("property_type");
    case Language: return QStringLiteral("preferred_language");
    case FieldCount: break;
    }
    return {};
}

HeaderMap HeaderMap::build(const QStringList &headers)
{
    HeaderMap m;
    m.m_width = int(headers.size());
    QSet<QString> usedKeys;
    for (int i = 0; i < int(headers.size()); ++i) {
        const QString &h = headers[i];
        if (const auto f = fieldFor(normalize(h)); f && m.m_columns[size_t(*f)] < 0) {
            m.m_columns[size_t(*f)] = i;
            continue;
        }
        // Custom field: key = header text as written, trimmed. Not in the README, our choice:
        // an empty header becomes "column N" (1-based) and a repeated key gets " (2)", " (3)"...
        // so that no value is silently overwritten in the custom-field object.
        QString key = trimBlanks(h).toString();
        if (key.isEmpty())
            key = QStringLiteral("column %1").arg(i + 1);
        if (usedKeys.contains(key)) {
            int n = 2;
            while (usedKeys.contains(key + QStringLiteral(" (%1)").arg(n)))
                ++n;
            key += QStringLiteral(" (%1)").arg(n);
        }
        usedKeys.insert(key);
        m.m_customColumns.append(i);
        m.m_customKeys.append(key);
    }
    return m;
}

} // namespace Leadline::Leads
