// ProjectBrief: what the voice agent may say about a campaign's project: name, builder, location
// and landmarks, configurations (carpet area, price range in INR), possession date, RERA id,
// amenities, offers, site-visit days/hours/address, brochure link and free-form FAQs. Parsed and
// validated from JSON (REST body, imported file, console editor), stored normalized (see
// Storage::BriefRepository), and rendered into the facts block of the agent's prompt.
// Thread: value type; pure functions, thread-safe.
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

namespace Leadline::Projects {

struct Configuration
{
    QString type;            // "2 BHK", "3 BHK + study", "villa"
    int carpetSqftMin = 0;   // 0 = not stated
    int carpetSqftMax = 0;
    qint64 priceMinInr = 0;  // 0 = not stated
    qint64 priceMaxInr = 0;
};

struct Faq
{
    QString question;
    QString answer;
};

struct SiteVisitRules
{
    QList<int> days{1, 2, 3, 4, 5, 6, 7}; // Qt::DayOfWeek values the site is open, 1 = Monday
    QTime start{10, 0};                    // first slot, project local time
    QTime end{18, 0};                      // visits start before this
    int slotMinutes = 60;
    QString timezone;                      // the project's zone; empty = the campaign's
    QString address;
};

struct ProjectBrief
{
    QString projectName;
    QString builder;
    QString location;
    QStringList landmarks;
    QList<Configuration> configurations;
    QString possession;   // as the builder states it: "December 2027"
    QString reraId;
    QStringList amenities;
    QStringList offers;
    SiteVisitRules siteVisit;
    QString brochureUrl;
    QList<Faq> faqs;

    static constexpr int kMaxBytes = 64 * 1024;

    // Every problem of the JSON ("configurations[1].price_max_inr: ..."); empty when valid.
    // Prices may be numbers (INR) or text ("85 lakh", "1.2 crore"); a configuration may give
    // "price": "85 lakh - 1.1 crore" instead of min/max.
    static QStringList problems(const QJsonObject &json);
    // Validation error code "invalid_brief" (422) listing the problems.
    static Result<ProjectBrief> fromJson(const QJsonObject &json);
    // Parses JSON text (file import, editor); "not_json" for text that is not a JSON object.
    static Result<ProjectBrief> fromJsonText(const QByteArray &text);
    // The normalized form that is stored and served (prices as INR integers).
    QJsonObject toJson() const;

    // The facts block of the agent's prompt: only what the brief states, amounts written the
    // Indian way ("85 lakh", "1.2 crore") so TTS speaks them as such.
    QString factsText() const;
};

// 8500000 -> "85 lakh", 12000000 -> "1.2 crore", 450000 -> "4.5 lakh", 95000 -> "95,000".
QString formatInr(qint64 inr);

} // namespace Leadline::Projects
