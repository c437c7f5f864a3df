#include "projectbrief.h"

#include "language/budgetparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>
#include <QTimeZone>
#include <QUrl>
#include <algorithm>

namespace Leadline::Projects {

namespace {

const QStringList kDayNames = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
                               QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};

const QStringList kTopKeys = {QStringLiteral("project_name"), QStringLiteral("builder"), QStringLiteral("location"),
                              QStringLiteral("landmarks"), QStringLiteral("configurations"), QStringLiteral("possession"),
                              QStringLiteral("rera_id"), QStringLiteral("amenities"), QStringLiteral("offers"),
                              QStringLiteral("site_visit"), QStringLiteral("brochure_url"), QStringLiteral("faqs")};

// A price given as a number (INR) or as text ("85 lakh"); 0 when absent, -1 when unreadable.
qint64 priceOf(const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return 0;
    if (v.isDouble())
        return v.toDouble() > 0 ? qint64(v.toDouble()) : -1;
    if (v.isString()) {
        const auto b = Language::BudgetParser::parse(v.toString());
        if (b && b->bound == Language::Budget::Bound::Point && b->minInr > 0)
            return b->minInr;
    }
    return -1;
}

int intOf(const QJsonValue &v) { return v.isDouble() ? int(v.toDouble()) : 0; }

QStringList stringList(const QJsonObject &o, const QString &key, QStringList &problems)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (v.isString())
        return v.toString().trimmed().isEmpty() ? QStringList() : QStringList{v.toString().trimmed()};
    if (!v.isArray()) {
        problems << QStringLiteral("%1: must be a list of text").arg(key);
        return {};
    }
    QStringList out;
    const QJsonArray a = v.toArray();
    for (int i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString()) {
            problems << QStringLiteral("%1[%2]: must be text").arg(key).arg(i);
            continue;
        }
        if (const QString s = a.at(i).toString().trimmed(); !s.isEmpty())
            out << s;
    }
    return out;
}

QString text(const QJsonObject &o, const QString &key, QStringList &problems)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        problems << QStringLiteral("%1: must be text").arg(key);
        return {};
    }
    return v.toString().trimmed();
}

QTime hhmm(const QString &s) { return QTime::fromString(s.trimmed(), QStringLiteral("HH:mm")); }

// Parses everything; problems collects what is wrong, with the field path.
ProjectBrief parse(const QJsonObject &o, QStringList &problems)
{
    ProjectBrief b;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!kTopKeys.contains(it.key()))
            problems << QStringLiteral("%1: unknown field (expected one of %2)").arg(it.key(), kTopKeys.join(QStringLiteral(", ")));
    b.projectName = text(o, QStringLiteral("project_name"), problems);
    if (b.projectName.isEmpty())
        problems << QStringLiteral("project_name: required");
    b.builder = text(o, QStringLiteral("builder"), problems);
    b.location = text(o, QStringLiteral("location"), problems);
    b.landmarks = stringList(o, QStringLiteral("landmarks"), problems);
    b.possession = text(o, QStringLiteral("possession"), problems);
    b.reraId = text(o, QStringLiteral("rera_id"), problems);
    b.amenities = stringList(o, QStringLiteral("amenities"), problems);
    b.offers = stringList(o, QStringLiteral("offers"), problems);
    b.brochureUrl = text(o, QStringLiteral("brochure_url"), problems);
    if (!b.brochureUrl.isEmpty()) {
        const QUrl url(b.brochureUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) || url.host().isEmpty())
            problems << QStringLiteral("brochure_url: must be an http(s) link");
    }

    const QJsonValue configs = o.value(QStringLiteral("configurations"));
    if (!configs.isUndefined() && !configs.isNull() && !configs.isArray())
        problems << QStringLiteral("configurations: must be a list");
    const QJsonArray ca = configs.toArray();
    for (int i = 0; i < ca.size(); ++i) {
        const QString at = QStringLiteral("configurations[%1]").arg(i);
        if (!ca.at(i).isObject()) {
            problems << at + QStringLiteral(": must be an object");
            continue;
        }
        const QJsonObject c = ca.at(i).toObject();
        Configuration conf;
        conf.type = c.value(QStringLiteral("type")).toString().trimmed();
        if (conf.type.isEmpty())
            problems << at + QStringLiteral(".type: required (e.g. \"2 BHK\")");
        conf.carpetSqftMin = intOf(c.value(QStringLiteral("carpet_sqft_min")));
        conf.carpetSqftMax = intOf(c.value(QStringLiteral("carpet_sqft_max")));
        if (conf.carpetSqftMin < 0 || conf.carpetSqftMax < 0 || (conf.carpetSqftMax && conf.carpetSqftMin > conf.carpetSqftMax))
            problems << at + QStringLiteral(".carpet_sqft_max: must be at least carpet_sqft_min");
        if (c.contains(QStringLiteral("price"))) {
            const auto range = Language::BudgetParser::parse(c.value(QStringLiteral("price")).toString());
            if (!range || range->minInr <= 0 || range->maxInr == Language::Budget::kNoUpperLimit)
                problems << at + QStringLiteral(".price: write it like \"85 lakh - 1.1 crore\"");
            else {
                conf.priceMinInr = range->minInr;
                conf.priceMaxInr = range->maxInr;
            }
        } else {
            conf.priceMinInr = priceOf(c.value(QStringLiteral("price_min_inr")));
            conf.priceMaxInr = priceOf(c.value(QStringLiteral("price_max_inr")));
            if (conf.priceMinInr < 0)
                problems << at + QStringLiteral(".price_min_inr: must be an amount in rupees or like \"85 lakh\"");
            if (conf.priceMaxInr < 0)
                problems << at + QStringLiteral(".price_max_inr: must be an amount in rupees or like \"1.1 crore\"");
            if (conf.priceMinInr > 0 && conf.priceMaxInr > 0 && conf.priceMinInr > conf.priceMaxInr)
                problems << at + QStringLiteral(".price_max_inr: must be at least price_min_inr");
            if (conf.priceMaxInr == 0 && conf.priceMinInr > 0)
                conf.priceMaxInr = conf.priceMinInr;
        }
        b.configurations.append(conf);
    }

    const QJsonValue sv = o.value(QStringLiteral("site_visit"));
    if (!sv.isUndefined() && !sv.isNull() && !sv.isObject())
        problems << QStringLiteral("site_visit: must be an object");
    const QJsonObject s = sv.toObject();
    if (s.contains(QStringLiteral("days"))) {
        b.siteVisit.days.clear();
        for (const QString &d : stringList(s, QStringLiteral("days"), problems)) {
            const int idx = int(kDayNames.indexOf(d.left(3).toLower()));
            if (idx < 0)
                problems << QStringLiteral("site_visit.days: \"%1\" is not a day (mon..sun)").arg(d);
            else if (!b.siteVisit.days.contains(idx + 1))
                b.siteVisit.days.append(idx + 1);
        }
        std::sort(b.siteVisit.days.begin(), b.siteVisit.days.end());
        if (b.siteVisit.days.isEmpty())
            problems << QStringLiteral("site_visit.days: at least one day");
    }
    for (const char *key : {"start", "end"}) {
        const QString v = s.value(QLatin1String(key)).toString();
        if (v.isEmpty())
            continue;
        const QTime t = hhmm(v);
        if (!t.isValid())
            problems << QStringLiteral("site_visit.%1: \"%2\" is not a time like 10:00").arg(QLatin1String(key), v);
        else if (qstrcmp(key, "start") == 0)
            b.siteVisit.start = t;
        else
            b.siteVisit.end = t;
    }
    if (b.siteVisit.start >= b.siteVisit.end)
        problems << QStringLiteral("site_visit.end: must be after site_visit.start");
    if (s.contains(QStringLiteral("slot_minutes"))) {
        b.siteVisit.slotMinutes = intOf(s.value(QStringLiteral("slot_minutes")));
        if (b.siteVisit.slotMinutes < 15 || b.siteVisit.slotMinutes > 240)
            problems << QStringLiteral("site_visit.slot_minutes: between 15 and 240");
    }
    b.siteVisit.timezone = s.value(QStringLiteral("timezone")).toString().trimmed();
    if (!b.siteVisit.timezone.isEmpty() && !QTimeZone(b.siteVisit.timezone.toUtf8()).isValid())
        problems << QStringLiteral("site_visit.timezone: unknown time zone \"%1\"").arg(b.siteVisit.timezone);
    b.siteVisit.address = s.value(QStringLiteral("address")).toString().trimmed();

    const QJsonValue faqs = o.value(QStringLiteral("faqs"));
    if (!faqs.isUndefined() && !faqs.isNull() && !faqs.isArray())
        problems << QStringLiteral("faqs: must be a list of {\"q\": ..., \"a\": ...}");
    const QJsonArray fa = faqs.toArray();
    for (int i = 0; i < fa.size(); ++i) {
        const QJsonObject f = fa.at(i).toObject();
        Faq faq{f.value(QStringLiteral("q")).toString().trimmed(), f.value(QStringLiteral("a")).toString().trimmed()};
        if (faq.question.isEmpty() || faq.answer.isEmpty())
            problems << QStringLiteral("faqs[%1]: needs both \"q\" and \"a\"").arg(i);
        else
            b.faqs.append(faq);
    }
    if (QJsonDocument(o).toJson(QJsonDocument::Compact).size() > ProjectBrief::kMaxBytes)
        problems << QStringLiteral("brief: larger than %1 KB").arg(ProjectBrief::kMaxBytes / 1024);
    return b;
}

QString trimmedNumber(double v)
{
    QString s = QString::number(v, 'f', 2);
    while (s.contains(QLatin1Char('.')) && (s.endsWith(QLatin1Char('0')) || s.endsWith(QLatin1Char('.'))))
        s.chop(1);
    return s;
}

} // namespace

QString formatInr(qint64 inr)
{
    if (inr >= 10'000'000)
        return trimmedNumber(double(inr) / 1e7) + QStringLiteral(" crore");
    if (inr >= 100'000)
        return trimmedNumber(double(inr) / 1e5) + QStringLiteral(" lakh");
    return QLocale(QLocale::English, QLocale::India).toString(inr);
}

QStringList ProjectBrief::problems(const QJsonObject &json)
{
    QStringList p;
    parse(json, p);
    return p;
}

Result<ProjectBrief> ProjectBrief::fromJson(const QJsonObject &json)
{
    QStringList p;
    ProjectBrief b = parse(json, p);
    if (!p.isEmpty())
        return Error::make(Error::Code::Validation, QStringLiteral("invalid project brief: ") + p.join(QStringLiteral("; ")),
                           QStringLiteral("invalid_brief"));
    return b;
}

Result<ProjectBrief> ProjectBrief::fromJsonText(const QByteArray &text)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(Error::Code::BadRequest,
                           QStringLiteral("a project brief must be a JSON object: %1 (at byte %2)")
                               .arg(err.error != QJsonParseError::NoError ? err.errorString() : QStringLiteral("not an object"))
                               .arg(err.offset),
                           QStringLiteral("not_json"));
    return fromJson(doc.object());
}

QJsonObject ProjectBrief::toJson() const
{
    QJsonObject o{{QStringLiteral("project_name"), projectName}};
    auto put = [&o](const char *key, const QString &v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    auto putList = [&o](const char *key, const QStringList &v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), QJsonArray::fromStringList(v));
    };
    put("builder", builder);
    put("location", location);
    putList("landmarks", landmarks);
    QJsonArray configs;
    for (const Configuration &c : configurations) {
        QJsonObject j{{QStringLiteral("type"), c.type}};
        if (c.carpetSqftMin)
            j.insert(QStringLiteral("carpet_sqft_min"), c.carpetSqftMin);
        if (c.carpetSqftMax)
            j.insert(QStringLiteral("carpet_sqft_max"), c.carpetSqftMax);
        if (c.priceMinInr)
            j.insert(QStringLiteral("price_min_inr"), c.priceMinInr);
        if (c.priceMaxInr)
            j.insert(QStringLiteral("price_max_inr"), c.priceMaxInr);
        configs.append(j);
    }
    if (!configs.isEmpty())
        o.insert(QStringLiteral("configurations"), configs);
    put("possession", possession);
    put("rera_id", reraId);
    putList("amenities", amenities);
    putList("offers", offers);
    QStringList days;
    for (int d : siteVisit.days)
        days << kDayNames.at(d - 1);
    QJsonObject sv{{QStringLiteral("days"), QJsonArray::fromStringList(days)},
                   {QStringLiteral("start"), siteVisit.start.toString(QStringLiteral("HH:mm"))},
                   {QStringLiteral("end"), siteVisit.end.toString(QStringLiteral("HH:mm"))},
                   {QStringLiteral("slot_minutes"), siteVisit.slotMinutes}};
    if (!siteVisit.timezone.isEmpty())
        sv.insert(QStringLiteral("timezone"), siteVisit.timezone);
    if (!siteVisit.address.isEmpty())
        sv.insert(QStringLiteral("address"), siteVisit.address);
    o.insert(QStringLiteral("site_visit"), sv);
    put("brochure_url", brochureUrl);
    QJsonArray fa;
    for (const Faq &f : faqs)
        fa.append(QJsonObject{{QStringLiteral("q"), f.question}, {QStringLiteral("a"), f.answer}});
    if (!fa.isEmpty())
        o.insert(QStringLiteral("faqs"), fa);
    return o;
}

QString ProjectBrief::factsText() const
{
    QStringList lines;
    lines << QStringLiteral("Project: %1%2.").arg(projectName, builder.isEmpty() ? QString() : QStringLiteral(" by ") + builder);
    if (!location.isEmpty())
        lines << QStringLiteral("Location: %1.").arg(location);
    if (!landmarks.isEmpty())
        lines << QStringLiteral("Nearby: %1.").arg(landmarks.join(QStringLiteral("; ")));
    for (const Configuration &c : configurations) {
        QStringList parts;
        if (c.carpetSqftMin && c.carpetSqftMax && c.carpetSqftMin != c.carpetSqftMax)
            parts << QStringLiteral("carpet area %1 to %2 sq ft").arg(c.carpetSqftMin).arg(c.carpetSqftMax);
        else if (c.carpetSqftMin || c.carpetSqftMax)
            parts << QStringLiteral("carpet area %1 sq ft").arg(qMax(c.carpetSqftMin, c.carpetSqftMax));
        if (c.priceMinInr && c.priceMaxInr && c.priceMinInr != c.priceMaxInr)
            parts << QStringLiteral("price %1 to %2 rupees").arg(formatInr(c.priceMinInr), formatInr(c.priceMaxInr));
        else if (c.priceMinInr)
            parts << QStringLiteral("price %1 rupees").arg(formatInr(c.priceMinInr));
        else
            parts << QStringLiteral("price not in the brief");
        lines << QStringLiteral("%1: %2.").arg(c.type, parts.join(QStringLiteral(", ")));
    }
    if (!possession.isEmpty())
        lines << QStringLiteral("Possession: %1.").arg(possession);
    if (!reraId.isEmpty())
        lines << QStringLiteral("RERA registration: %1.").arg(reraId);
    if (!amenities.isEmpty())
        lines << QStringLiteral("Amenities: %1.").arg(amenities.join(QStringLiteral(", ")));
    if (!offers.isEmpty())
        lines << QStringLiteral("Current offers: %1.").arg(offers.join(QStringLiteral("; ")));
    QStringList days;
    for (int d : siteVisit.days)
        days << QLocale(QLocale::English).dayName(d);
    lines << QStringLiteral("Site visits: %1, %2 to %3%4.")
                 .arg(days.size() == 7 ? QStringLiteral("every day") : days.join(QStringLiteral(", ")),
                      QLocale(QLocale::English).toString(siteVisit.start, QStringLiteral("h:mm AP")),
                      QLocale(QLocale::English).toString(siteVisit.end, QStringLiteral("h:mm AP")),
                      siteVisit.address.isEmpty() ? QString() : QStringLiteral(", at ") + siteVisit.address);
    if (!brochureUrl.isEmpty())
        lines << QStringLiteral("A brochure can be sent by SMS.");
    for (const Faq &f : faqs)
        lines << QStringLiteral("Q: %1 A: %2").arg(f.question, f.answer);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Leadline::Projects
