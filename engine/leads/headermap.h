// HeaderMap: maps a CSV header row to lead fields per tests/data/leads/README.md
// ("Header mapping"): normalized synonyms, first mapped column wins, every other column is a
// custom field keyed by its header text as written (trimmed).
// Thread: value type, built once per import by the importing thread.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace Leadline::Leads {

class HeaderMap
{
public:
    enum Field { Name, Phone, Email, City, Budget, PropertyType, Language, FieldCount };

    // Trim, lower-case, drop '.' and ':', '_' and '-' become spaces, collapse runs of spaces.
    static QString normalize(QStringView header);
    // The field a normalized header name maps to, if any.
    static std::optional<Field> fieldFor(const QString &normalizedHeader);
    // Stable identifier of a field ("name", "phone", "email", "city", "budget",
    // "property_type", "preferred_language").
    static QString fieldName(Field f);

    static HeaderMap build(const QStringList &headers);

    int column(Field f) const { return m_columns[size_t(f)]; } // -1 when not present
    bool hasPhone() const { return column(Phone) >= 0; }
    int headerWidth() const { return m_width; }
    // Custom (unmapped) columns in file order, and their keys.
    const QList<int> &customColumns() const { return m_customColumns; }
    const QStringList &customKeys() const { return m_customKeys; }

private:
    std::array<int, FieldCount> m_columns{{-1, -1, -1, -1, -1, -1, -1}};
    QList<int> m_customColumns;
    QStringList m_customKeys;
    int m_width = 0;
};

} // namespace Leadline::Leads
