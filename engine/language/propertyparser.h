// PropertyParser: what a lead wants to buy ("2 BHK", "3BHK", "teen BHK", "1 RK", "studio",
// "row house", "penthouse", "villa", "200 gaj plot", "1200 sq ft", "office space", "दो बीएचके फ्लैट") and where ("in Whitefield", "near Hinjewadi",
// "Baner mein", "व्हाइटफील्ड के पास"), the place kept as said. Pure function over immutable tables;
// thread-safe.
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Leadline::Language {

struct Property
{
    // Normalized type: "apartment", "rk" (one room and a kitchen), "studio", "villa", "row_house",
    // "independent_house", "penthouse", "plot", "commercial", "office", "shop"; empty when not
    // said or when two different types were said.
    QString type;
    double bhk = 0;          // bedrooms; 2.5 for "2.5 BHK"/"ढाई BHK"; 0 when not said
    int rk = 0;              // "1 RK", "ek RK": rooms with a kitchen and no separate bedroom; 0 when not said
    double area = 0;         // "200 gaj", "1200 sq ft"; 0 when not said
    QString areaUnit;        // "sq_yd" (gaj, square yards), "sq_ft", "sq_m", "acre"; empty when not said
    bool commercial = false; // "commercial" said, or an office/shop
    QString location;        // the place as said: "Whitefield", "Hinjewadi Phase 2"
    QString locationPhrase;  // with its preposition: "near Hinjewadi Phase 2", "Baner mein"
    QString phrase;          // from the first to the last recognised part, as said

    // {"type", "bhk", "rk", "area", "area_unit", "commercial", "location", "location_phrase",
    // "phrase"}; unknowns are null
    QJsonObject toJson() const;
};

class PropertyParser
{
public:
    // nullopt when no type, BHK or RK count, area or location is found.
    static std::optional<Property> parse(const QString &text);
};

} // namespace Leadline::Language
