// The phrase table for issue 10: budget, property, timeline and callback phrases in English,
// Devanagari Hindi and romanized Hinglish, each with its expected value, and phrases that must be
// rejected (no value, never a guess).
#include "language/budgetparser.h"
#include "language/callbacktimeparser.h"
#include "language/propertyparser.h"
#include "language/timelineparser.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QtTest>

using namespace Leadline::Language;

// The "now" of every callback row: Monday 2026-11-23 11:00 IST (05:30 UTC).
static QDateTime callbackNow()
{
    return QDateTime(QDate(2026, 11, 23), QTime(5, 30), Qt::UTC);
}

static const QDate kToday(2026, 11, 23);
static constexpr qint64 kLakh = 100000;
static constexpr qint64 kCrore = 10000000;

class tst_LanguageParsers : public QObject
{
    Q_OBJECT
private slots:
    void budget_data();
    void budget();
    void property_data();
    void property();
    void indianListingUnits_data();
    void indianListingUnits();
    void timeline_data();
    void timeline();
    void callback_data();
    void callback();
    void callbackWindowFromCampaign();
    void arbitraryInputKeepsInvariants();
    void jsonShapes();
};

void tst_LanguageParsers::budget_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("minInr");
    QTest::addColumn<qint64>("maxInr");
    QTest::addColumn<QString>("bound");
    QTest::addColumn<bool>("approximate");
    QTest::addColumn<QString>("phrase");

    const qint64 none = Budget::kNoUpperLimit;
    auto row = [](const char *name, const QString &text, qint64 min, qint64 max, const char *bound, bool approx,
                  const QString &phrase) {
        QTest::newRow(name) << text << true << min << max << QString::fromLatin1(bound) << approx << phrase;
    };
    auto reject = [](const char *name, const QString &text) {
        QTest::newRow(name) << text << false << qint64(0) << qint64(0) << QString() << false << QString();
    };

    // English and digits
    row("en: 50 lakh", QStringLiteral("50 lakh"), 50 * kLakh, 50 * kLakh, "point", false, QStringLiteral("50 lakh"));
    row("en: 50L attached", QStringLiteral("my budget is 50L"), 50 * kLakh, 50 * kLakh, "point", false, QStringLiteral("50L"));
    row("en: 50 lakhs plural", QStringLiteral("around 50 lakhs, not more"), 50 * kLakh, 50 * kLakh, "point", true,
        QStringLiteral("around 50 lakhs"));
    row("en: rupee sign, Indian grouping", QStringLiteral("₹45,00,000"), 45 * kLakh, 45 * kLakh, "point", false,
        QStringLiteral("₹45,00,000"));
    row("en: Rs. 45 lakh", QStringLiteral("Rs. 45 lakh"), 45 * kLakh, 45 * kLakh, "point", false, QStringLiteral("Rs. 45 lakh"));
    row("en: 1.2 crore", QStringLiteral("1.2 crore"), 120 * kLakh, 120 * kLakh, "point", false, QStringLiteral("1.2 crore"));
    row("en: 1.2 Cr", QStringLiteral("somewhere 1.2 Cr"), 120 * kLakh, 120 * kLakh, "point", false, QStringLiteral("1.2 Cr"));
    row("en: between 60 and 80 lakh", QStringLiteral("between 60 and 80 lakh"), 60 * kLakh, 80 * kLakh, "range", false,
        QStringLiteral("between 60 and 80 lakh"));
    row("en: 60-80 lakh", QStringLiteral("60-80 lakh"), 60 * kLakh, 80 * kLakh, "range", false, QStringLiteral("60-80 lakh"));
    row("en: around one crore", QStringLiteral("around one crore"), kCrore, kCrore, "point", true,
        QStringLiteral("around one crore"));
    row("en: under 50 lakh", QStringLiteral("under 50 lakh"), 0, 50 * kLakh, "at_most", false, QStringLiteral("under 50 lakh"));
    row("en: 1 to 1.5 crore", QStringLiteral("1 to 1.5 crore"), kCrore, 150 * kLakh, "range", false,
        QStringLiteral("1 to 1.5 crore"));
    row("en: 80 lakh to 1.2 crore", QStringLiteral("anything from 80 lakh to 1.2 crore"), 80 * kLakh, 120 * kLakh, "range",
        false, QStringLiteral("from 80 lakh to 1.2 crore"));
    row("en: compound crore lakh", QStringLiteral("1 crore 20 lakh"), 120 * kLakh, 120 * kLakh, "point", false,
        QStringLiteral("1 crore 20 lakh"));
    row("en: compound in words", QStringLiteral("one crore twenty lakh"), 120 * kLakh, 120 * kLakh, "point", false,
        QStringLiteral("one crore twenty lakh"));
    row("en: half a crore", QStringLiteral("half a crore"), 50 * kLakh, 50 * kLakh, "point", false, QStringLiteral("half a crore"));
    row("en: two and a half crore", QStringLiteral("two and a half crore"), 250 * kLakh, 250 * kLakh, "point", false,
        QStringLiteral("two and a half crore"));
    row("en: one point two crore", QStringLiteral("one point two crore"), 120 * kLakh, 120 * kLakh, "point", false,
        QStringLiteral("one point two crore"));
    row("en: above 2 crore", QStringLiteral("above 2 crore"), 2 * kCrore, none, "at_least", false, QStringLiteral("above 2 crore"));
    row("en: plain rupees 4500000", QStringLiteral("4500000"), 45 * kLakh, 45 * kLakh, "point", false, QStringLiteral("4500000"));
    row("en: Indian grouping crore", QStringLiteral("Rs 1,20,00,000/-"), 120 * kLakh, 120 * kLakh, "point", false,
        QStringLiteral("Rs 1,20,00,000/-"));
    row("en: max after amount", QStringLiteral("75 lakh max"), 0, 75 * kLakh, "at_most", false, QStringLiteral("75 lakh max"));
    row("en: a crore", QStringLiteral("about a crore or so"), kCrore, kCrore, "point", true, QStringLiteral("about a crore or so"));
    row("en: 1.5 cr plus", QStringLiteral("1.5 cr+"), 150 * kLakh, none, "at_least", false, QStringLiteral("1.5 cr+"));
    // Devanagari Hindi
    row("hi: dedh crore", QStringLiteral("डेढ़ करोड़"), 150 * kLakh, 150 * kLakh, "point", false, QStringLiteral("डेढ़ करोड़"));
    row("hi: dhai crore", QStringLiteral("मेरा बजट ढाई करोड़ है"), 250 * kLakh, 250 * kLakh, "point", false,
        QStringLiteral("ढाई करोड़"));
    row("hi: sawa crore", QStringLiteral("सवा करोड़"), 125 * kLakh, 125 * kLakh, "point", false, QStringLiteral("सवा करोड़"));
    row("hi: saadhe teen crore", QStringLiteral("साढ़े तीन करोड़"), 350 * kLakh, 350 * kLakh, "point", false,
        QStringLiteral("साढ़े तीन करोड़"));
    row("hi: pachas lakh tak", QStringLiteral("पचास लाख तक"), 0, 50 * kLakh, "at_most", false, QStringLiteral("पचास लाख तक"));
    row("hi: 60 se 80 lakh", QStringLiteral("60 से 80 लाख के बीच"), 60 * kLakh, 80 * kLakh, "range", false,
        QStringLiteral("60 से 80 लाख के बीच"));
    row("hi: lagbhag ek crore", QStringLiteral("लगभग एक करोड़"), kCrore, kCrore, "point", true, QStringLiteral("लगभग एक करोड़"));
    row("hi: Devanagari digits", QStringLiteral("९० लाख"), 90 * kLakh, 90 * kLakh, "point", false, QStringLiteral("९० लाख"));
    // Romanized Hinglish
    row("hinglish: pachas lakh", QStringLiteral("pachas lakh"), 50 * kLakh, 50 * kLakh, "point", false, QStringLiteral("pachas lakh"));
    row("hinglish: assi lakh ke aas paas", QStringLiteral("assi lakh ke aas paas"), 80 * kLakh, 80 * kLakh, "point", true,
        QStringLiteral("assi lakh ke aas paas"));
    row("hinglish: do crore", QStringLiteral("do crore tak ho jayega"), 0, 2 * kCrore, "at_most", false, QStringLiteral("do crore tak"));
    row("hinglish: dedh karod", QStringLiteral("dedh karod"), 150 * kLakh, 150 * kLakh, "point", false, QStringLiteral("dedh karod"));
    row("hinglish: lagbhag 90 lakh", QStringLiteral("lagbhag 90 lakh"), 90 * kLakh, 90 * kLakh, "point", true,
        QStringLiteral("lagbhag 90 lakh"));
    row("hinglish: 50 lakh se zyada", QStringLiteral("50 lakh se zyada"), 50 * kLakh, none, "at_least", false,
        QStringLiteral("50 lakh se zyada"));
    row("hinglish: 50 lakh se zyada nahi", QStringLiteral("50 lakh se zyada nahi"), 0, 50 * kLakh, "at_most", false,
        QStringLiteral("50 lakh se zyada nahi"));
    row("hinglish: saath se sattar lakh", QStringLiteral("saath se sattar lakh"), 60 * kLakh, 70 * kLakh, "range", false,
        QStringLiteral("saath se sattar lakh"));
    row("hinglish: sawa lakh", QStringLiteral("sawa lakh"), 125000, 125000, "point", false, QStringLiteral("sawa lakh"));
    row("hinglish: chalis pachas lakh is a range", QStringLiteral("chalis pachas lakh"), 40 * kLakh, 50 * kLakh, "range",
        false, QStringLiteral("chalis pachas lakh"));
    row("hi: pachas saath lakh is a range", QStringLiteral("पचास साठ लाख"), 50 * kLakh, 60 * kLakh, "range", false,
        QStringLiteral("पचास साठ लाख"));
    row("hi: ek se dedh crore", QStringLiteral("एक से डेढ़ करोड़"), kCrore, 150 * kLakh, "range", false,
        QStringLiteral("एक से डेढ़ करोड़"));
    row("en: 2 BHK for 70 lakhs", QStringLiteral("2 BHK for 70 lakhs"), 70 * kLakh, 70 * kLakh, "point", false,
        QStringLiteral("70 lakhs"));
    row("en: leading point .5 crore", QStringLiteral(".5 crore"), 50 * kLakh, 50 * kLakh, "point", false,
        QStringLiteral(".5 crore"));
    row("en: 50 lakh-ish", QStringLiteral("50 lakh-ish"), 50 * kLakh, 50 * kLakh, "point", true, QStringLiteral("50 lakh-ish"));
    row("hi: paune do crore", QStringLiteral("पौने दो करोड़"), 175 * kLakh, 175 * kLakh, "point", false,
        QStringLiteral("पौने दो करोड़"));
    row("hi: ek crore se upar", QStringLiteral("एक करोड़ से ऊपर"), kCrore, none, "at_least", false,
        QStringLiteral("एक करोड़ से ऊपर"));
    // Rejected: no amount, ambiguous, implausible
    reject("reject: correction without unit", QStringLiteral("budget 50 lakh, no wait 70"));
    reject("reject: salary and budget", QStringLiteral("I earn 12 lakh per annum, budget 80 lakh"));
    reject("reject: 5000 crore implausible", QStringLiteral("5000 crore"));
    reject("reject: a good amount", QStringLiteral("a good amount"));
    reject("reject: bare 50", QStringLiteral("50"));
    reject("reject: budget is 50", QStringLiteral("budget is 50"));
    reject("reject: 2 BHK is not money", QStringLiteral("2 BHK"));
    reject("reject: lakhs without number", QStringLiteral("lakhs mein hoga"));
    reject("reject: two different amounts", QStringLiteral("50 lakh, no wait, 70 lakh"));
    row("hinglish: 50 ya 60 lakh is a range", QStringLiteral("50 ya 60 lakh"), 50 * kLakh, 60 * kLakh, "range", false,
        QStringLiteral("50 ya 60 lakh"));
    reject("reject: reversed range", QStringLiteral("80 to 60 lakh"));
    reject("reject: phone number", QStringLiteral("9876543210"));
    reject("reject: Rs 5000 too small", QStringLiteral("Rs 5000"));
    reject("reject: kuch lakh", QStringLiteral("kuch lakh"));
    reject("reject: Hindi no number", QStringLiteral("बजट अभी तय नहीं है"));
}

void tst_LanguageParsers::budget()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, minInr);
    QFETCH(qint64, maxInr);
    QFETCH(QString, bound);
    QFETCH(bool, approximate);
    QFETCH(QString, phrase);

    const std::optional<Budget> b = BudgetParser::parse(text);
    QCOMPARE(b.has_value(), ok);
    if (!ok)
        return;
    QCOMPARE(b->minInr, minInr);
    QCOMPARE(b->maxInr, maxInr);
    QCOMPARE(BudgetParser::boundName(b->bound), bound);
    QCOMPARE(b->approximate, approximate);
    QCOMPARE(b->phrase, phrase);
}

void tst_LanguageParsers::property_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("type");
    QTest::addColumn<double>("bhk");
    QTest::addColumn<bool>("commercial");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("locationPhrase");

    auto row = [](const char *name, const QString &text, const char *type, double bhk, bool commercial,
                  const QString &location, const QString &locationPhrase) {
        QTest::newRow(name) << text << true << QString::fromLatin1(type) << bhk << commercial << location << locationPhrase;
    };
    auto reject = [](const char *name, const QString &text) {
        QTest::newRow(name) << text << false << QString() << 0.0 << false << QString() << QString();
    };
    row("en: 2 BHK", QStringLiteral("2 BHK"), "", 2, false, {}, {});
    row("en: 3BHK flat", QStringLiteral("3BHK flat"), "apartment", 3, false, {}, {});
    row("en: villa", QStringLiteral("looking for a villa"), "villa", 0, false, {}, {});
    row("en: plot in Sarjapur", QStringLiteral("a plot in Sarjapur"), "plot", 0, false, QStringLiteral("Sarjapur"),
        QStringLiteral("in Sarjapur"));
    row("en: commercial", QStringLiteral("something commercial"), "commercial", 0, true, {}, {});
    row("en: office space near Hinjewadi", QStringLiteral("office space near Hinjewadi"), "office", 0, true,
        QStringLiteral("Hinjewadi"), QStringLiteral("near Hinjewadi"));
    row("en: shop", QStringLiteral("a shop on the main road"), "shop", 0, true, {}, {});
    row("en: 2 BHK apartment in Whitefield", QStringLiteral("2 BHK apartment in Whitefield"), "apartment", 2, false,
        QStringLiteral("Whitefield"), QStringLiteral("in Whitefield"));
    row("en: place with phase number", QStringLiteral("3 BHK flat near Hinjewadi Phase 2, under 1 crore"), "apartment", 3,
        false, QStringLiteral("Hinjewadi Phase 2"), QStringLiteral("near Hinjewadi Phase 2"));
    row("en: multi-word place", QStringLiteral("Office space in Cyber City Gurgaon"), "office", 0, true,
        QStringLiteral("Cyber City Gurgaon"), QStringLiteral("in Cyber City Gurgaon"));
    row("hi: villa Bangalore mein", QStringLiteral("विला चाहिए बैंगलोर में"), "villa", 0, false, QStringLiteral("बैंगलोर"),
        QStringLiteral("बैंगलोर में"));
    row("en: 4 bedroom villa", QStringLiteral("4 bedroom villa in Gurgaon"), "villa", 4, false, QStringLiteral("Gurgaon"),
        QStringLiteral("in Gurgaon"));
    row("en: independent house", QStringLiteral("an independent house"), "independent_house", 0, false, {}, {});
    row("en: 2.5 BHK", QStringLiteral("2.5 BHK"), "", 2.5, false, {}, {});
    row("en: commercial plot", QStringLiteral("commercial plot"), "plot", 0, true, {}, {});
    row("en: two types said", QStringLiteral("villa or plot, either"), "", 0, false, {}, {});
    row("hinglish: teen BHK", QStringLiteral("teen BHK"), "", 3, false, {}, {});
    row("hinglish: do bhk chahiye", QStringLiteral("do bhk chahiye"), "", 2, false, {}, {});
    row("hinglish: Baner mein", QStringLiteral("Baner mein 2 BHK chahiye"), "", 2, false, QStringLiteral("Baner"),
        QStringLiteral("Baner mein"));
    row("hinglish: dhai BHK", QStringLiteral("dhai BHK flat"), "apartment", 2.5, false, {}, {});
    row("hi: do BHK flat in Whitefield", QStringLiteral("मुझे व्हाइटफील्ड में दो बीएचके फ्लैट चाहिए"), "apartment", 2, false,
        QStringLiteral("व्हाइटफील्ड"), QStringLiteral("व्हाइटफील्ड में"));
    row("hi: plot", QStringLiteral("प्लॉट चाहिए"), "plot", 0, false, {}, {});
    row("hi: teen bedroom near", QStringLiteral("तीन बेडरूम, नोएडा के पास"), "", 3, false, QStringLiteral("नोएडा"),
        QStringLiteral("नोएडा के पास"));
    reject("reject: not sure", QStringLiteral("I'm not sure yet"));
    reject("reject: undecided bhk", QStringLiteral("2 or 3 BHK"));
    reject("reject: undecided bhk slash", QStringLiteral("2BHK/3BHK"));
    row("en: undecided bhk keeps type", QStringLiteral("2 or 3 BHK villa"), "villa", 0, false, {}, {});
    reject("reject: in six months", QStringLiteral("in six months"));
    reject("reject: call me tomorrow", QStringLiteral("Call me tomorrow"));
}

void tst_LanguageParsers::property()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, type);
    QFETCH(double, bhk);
    QFETCH(bool, commercial);
    QFETCH(QString, location);
    QFETCH(QString, locationPhrase);

    const std::optional<Property> p = PropertyParser::parse(text);
    QCOMPARE(p.has_value(), ok);
    if (!ok)
        return;
    QCOMPARE(p->type, type);
    QCOMPARE(p->bhk, bhk);
    QCOMPARE(p->commercial, commercial);
    QCOMPARE(p->location, location);
    QCOMPARE(p->locationPhrase, locationPhrase);
    QVERIFY(!p->phrase.isEmpty());
    QVERIFY(text.contains(p->phrase));
}

// Indian listing vocabulary: RK units, studios, row houses, penthouses, plot and carpet areas.
void tst_LanguageParsers::indianListingUnits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("rk");
    QTest::addColumn<double>("area");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<double>("bhk");
    auto row = [](const char *name, const char *text, const char *type, int rk, double area, const char *unit, double bhk = 0) {
        QTest::newRow(name) << QString::fromUtf8(text) << QString::fromLatin1(type) << rk << area << QString::fromLatin1(unit) << bhk;
    };
    row("1 RK", "1 RK in Andheri", "rk", 1, 0, "");
    row("1RK flat", "looking for a 1RK flat", "rk", 1, 0, "");
    row("ek RK", "ek RK chahiye", "rk", 1, 0, "");
    row("RK alone", "RK chalega", "rk", 1, 0, "");
    row("R K Puram is a place", "2 BHK near R K Puram", "", 0, 0, "", 2);
    row("studio apartment", "a studio apartment near the station", "studio", 0, 0, "");
    row("स्टूडियो", "स्टूडियो अपार्टमेंट चाहिए", "studio", 0, 0, "");
    row("row house", "3 BHK row house in Kharadi", "row_house", 0, 0, "", 3);
    row("rowhouse", "rowhouse chahiye", "row_house", 0, 0, "");
    row("penthouse", "4 BHK penthouse", "penthouse", 0, 0, "", 4);
    row("पेंटहाउस", "पेंटहाउस चाहिए", "penthouse", 0, 0, "");
    row("200 gaj plot", "200 gaj ka plot", "plot", 0, 200, "sq_yd");
    row("गज", "150 गज का प्लॉट", "plot", 0, 150, "sq_yd");
    row("sq yd", "plot of 250 sq yd", "plot", 0, 250, "sq_yd");
    row("square yards", "300 square yards plot in Noida", "plot", 0, 300, "sq_yd");
    row("sq ft", "1200 sq ft 2 BHK flat", "apartment", 0, 1200, "sq_ft", 2);
    row("sq. ft.", "around 1,500 sq. ft.", "", 0, 1500, "sq_ft");
    row("sqft", "a 900 sqft flat", "apartment", 0, 900, "sq_ft");
    row("square feet", "2400 square feet villa", "villa", 0, 2400, "sq_ft");
    row("acre", "2 acre land", "plot", 0, 2, "acre");
}

void tst_LanguageParsers::indianListingUnits()
{
    QFETCH(QString, text);
    QFETCH(QString, type);
    QFETCH(int, rk);
    QFETCH(double, area);
    QFETCH(QString, unit);
    QFETCH(double, bhk);
    const std::optional<Property> p = PropertyParser::parse(text);
    QVERIFY2(p.has_value(), qPrintable(text));
    QCOMPARE(p->type, type);
    QCOMPARE(p->rk, rk);
    QCOMPARE(p->area, area);
    QCOMPARE(p->areaUnit, unit);
    QCOMPARE(p->bhk, bhk);
    QVERIFY(text.contains(p->phrase));
    const QJsonObject json = p->toJson();
    QCOMPARE(json.value(QStringLiteral("area_unit")).toString(), unit);
}

void tst_LanguageParsers::timeline_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("bucket");
    QTest::addColumn<QString>("phrase");

    auto row = [](const char *name, const QString &text, const char *bucket, const QString &phrase) {
        QTest::newRow(name) << text << true << QString::fromLatin1(bucket) << phrase;
    };
    auto reject = [](const char *name, const QString &text) {
        QTest::newRow(name) << text << false << QString() << QString();
    };
    row("en: immediately", QStringLiteral("Immediately"), "immediate", QStringLiteral("Immediately"));
    row("en: right away", QStringLiteral("we want to buy right away"), "immediate", QStringLiteral("right away"));
    row("en: 3-4 months", QStringLiteral("3-4 months"), "3_6_months", QStringLiteral("3-4 months"));
    row("en: in six months", QStringLiteral("maybe in six months"), "3_6_months", QStringLiteral("in six months"));
    row("en: within 2 months", QStringLiteral("within 2 months"), "within_3_months", QStringLiteral("within 2 months"));
    row("en: next year", QStringLiteral("next year"), "6_12_months", QStringLiteral("next year"));
    row("en: after Diwali", QStringLiteral("after Diwali"), "6_12_months", QStringLiteral("after Diwali"));
    row("en: just browsing", QStringLiteral("just browsing for now"), "undecided", QStringLiteral("just browsing"));
    row("en: 1-2 years", QStringLiteral("1-2 years"), "over_12_months", QStringLiteral("1-2 years"));
    row("en: 6 months to a year", QStringLiteral("6 months to a year"), "6_12_months", QStringLiteral("6 months to a year"));
    row("en: couple of months", QStringLiteral("in a couple of months"), "within_3_months",
        QStringLiteral("in a couple of months"));
    row("en: next month", QStringLiteral("next month"), "within_3_months", QStringLiteral("next month"));
    row("en: in 2 weeks", QStringLiteral("in 2 weeks"), "immediate", QStringLiteral("in 2 weeks"));
    row("en: by March", QStringLiteral("by March"), "3_6_months", QStringLiteral("by March"));
    row("en: after Holi", QStringLiteral("after Holi"), "3_6_months", QStringLiteral("after Holi"));
    row("en: not sure", QStringLiteral("not sure yet"), "undecided", QStringLiteral("not sure"));
    row("en: within a year", QStringLiteral("within a year"), "6_12_months", QStringLiteral("within a year"));
    row("hinglish: abhi", QStringLiteral("abhi chahiye"), "immediate", QStringLiteral("abhi"));
    row("hinglish: turant", QStringLiteral("turant lena hai"), "immediate", QStringLiteral("turant"));
    row("hinglish: agle saal", QStringLiteral("agle saal"), "6_12_months", QStringLiteral("agle saal"));
    row("hinglish: teen chaar mahine", QStringLiteral("teen chaar mahine mein"), "3_6_months",
        QStringLiteral("teen chaar mahine mein"));
    row("hinglish: do saal baad", QStringLiteral("do saal baad"), "over_12_months", QStringLiteral("do saal baad"));
    row("hinglish: Diwali ke baad", QStringLiteral("Diwali ke baad"), "6_12_months", QStringLiteral("Diwali ke baad"));
    row("hinglish: abhi nahi is undecided", QStringLiteral("abhi nahi, bas dekh rahe hain"), "undecided",
        QStringLiteral("abhi nahi"));
    row("hinglish: koi jaldi nahi", QStringLiteral("koi jaldi nahi hai"), "undecided", QStringLiteral("koi jaldi nahi"));
    row("hinglish: jaldi", QStringLiteral("jaldi lena hai"), "within_3_months", QStringLiteral("jaldi"));
    row("hinglish: March tak", QStringLiteral("March tak"), "3_6_months", QStringLiteral("March tak"));
    row("hi: turant", QStringLiteral("तुरंत"), "immediate", QStringLiteral("तुरंत"));
    row("hi: agle saal", QStringLiteral("अगले साल लेंगे"), "6_12_months", QStringLiteral("अगले साल"));
    row("hi: chhah mahine mein", QStringLiteral("छह महीने में"), "3_6_months", QStringLiteral("छह महीने में"));
    row("hi: dedh saal", QStringLiteral("डेढ़ साल बाद"), "over_12_months", QStringLiteral("डेढ़ साल बाद"));
    row("hi: Diwali ke baad", QStringLiteral("दिवाली के बाद"), "6_12_months", QStringLiteral("दिवाली के बाद"));
    row("hinglish: turant nahi is undecided", QStringLiteral("turant nahi"), "undecided", QStringLiteral("turant nahi"));
    row("en: not right away", QStringLiteral("not right away"), "undecided", QStringLiteral("not right away"));
    row("en: a year or two", QStringLiteral("in a year or two"), "over_12_months", QStringLiteral("in a year or two"));
    row("hinglish: ek saal ya do", QStringLiteral("ek saal ya do mein"), "over_12_months", QStringLiteral("ek saal ya do mein"));
    row("hinglish: saal bhar mein", QStringLiteral("saal bhar mein"), "6_12_months", QStringLiteral("saal bhar mein"));
    row("hi: abhi nahi", QStringLiteral("अभी नहीं"), "undecided", QStringLiteral("अभी नहीं"));
    row("hi: pata nahi", QStringLiteral("पता नहीं"), "undecided", QStringLiteral("पता नहीं"));
    reject("reject: no timeline", QStringLiteral("I like the balcony"));
    reject("reject: two different horizons", QStringLiteral("3 months or maybe 2 years"));
    reject("reject: empty", QString());
}

void tst_LanguageParsers::timeline()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, bucket);
    QFETCH(QString, phrase);

    const std::optional<Timeline> t = TimelineParser::parse(text, kToday);
    QCOMPARE(t.has_value(), ok);
    if (!ok)
        return;
    QCOMPARE(TimelineParser::bucketName(t->bucket), bucket);
    QCOMPARE(t->phrase, phrase);
    QCOMPARE(TimelineParser::bucketFromName(bucket), t->bucket);
}

void tst_LanguageParsers::callback_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("window"); // "HH:MM-HH:MM days" or empty for 09:00-21:00 every day
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // local time in zone, "yyyy-MM-dd HH:mm"
    QTest::addColumn<bool>("moved");
    QTest::addColumn<QString>("phrase");

    const QString ist = QStringLiteral("Asia/Kolkata");
    // now: Monday 2026-11-23 11:00 IST
    auto row = [&](const char *name, const QString &text, const char *expected, bool moved, const QString &phrase,
                   const QString &zone = QString(), const char *window = "") {
        QTest::newRow(name) << text << (zone.isEmpty() ? ist : zone) << QString::fromLatin1(window) << true
                            << QString::fromLatin1(expected) << moved << phrase;
    };
    auto reject = [&](const char *name, const QString &text) {
        QTest::newRow(name) << text << ist << QString() << false << QString() << false << QString();
    };
    row("en: tomorrow evening", QStringLiteral("call me tomorrow evening"), "2026-11-24 18:00", false,
        QStringLiteral("tomorrow evening"));
    row("en: Monday after 6 (said on a Monday)", QStringLiteral("Monday after 6"), "2026-11-30 18:00", false,
        QStringLiteral("Monday after 6"));
    row("en: in 2 hours", QStringLiteral("in 2 hours"), "2026-11-23 13:00", false, QStringLiteral("in 2 hours"));
    row("en: after 6 pm", QStringLiteral("after 6 pm please"), "2026-11-23 18:00", false, QStringLiteral("after 6 pm"));
    row("en: next week", QStringLiteral("next week"), "2026-11-30 09:00", false, QStringLiteral("next week"));
    row("en: tomorrow at 10:30 am", QStringLiteral("tomorrow at 10:30 am"), "2026-11-24 10:30", false,
        QStringLiteral("tomorrow at 10:30 am"));
    row("en: Friday morning", QStringLiteral("Friday morning"), "2026-11-27 10:00", false, QStringLiteral("Friday morning"));
    row("en: Wednesday 4 pm", QStringLiteral("Wednesday 4 pm"), "2026-11-25 16:00", false, QStringLiteral("Wednesday 4 pm"));
    row("en: in 30 minutes", QStringLiteral("in 30 minutes"), "2026-11-23 11:30", false, QStringLiteral("in 30 minutes"));
    row("en: before 11", QStringLiteral("tomorrow before 11"), "2026-11-24 10:00", false, QStringLiteral("tomorrow before 11"));
    row("en: at 4 is afternoon", QStringLiteral("call at 4"), "2026-11-23 16:00", false, QStringLiteral("at 4"));
    row("en: tonight", QStringLiteral("tonight"), "2026-11-23 20:00", false, QStringLiteral("tonight"));
    row("en: this evening", QStringLiteral("this evening"), "2026-11-23 18:00", false, QStringLiteral("this evening"));
    row("en: 6.30 pm Indian style", QStringLiteral("tomorrow 6.30 pm"), "2026-11-24 18:30", false,
        QStringLiteral("tomorrow 6.30 pm"));
    row("en: tomorrow 7 am moved to 09:00", QStringLiteral("tomorrow 7 am"), "2026-11-24 09:00", true,
        QStringLiteral("tomorrow 7 am"));
    row("en: tomorrow only = window start", QStringLiteral("tomorrow"), "2026-11-24 09:00", false,
        QStringLiteral("tomorrow"));
    row("en: day after tomorrow noon", QStringLiteral("day after tomorrow at noon"), "2026-11-25 12:00", false,
        QStringLiteral("day after tomorrow at noon"));
    row("hinglish: kal shaam", QStringLiteral("kal shaam"), "2026-11-24 18:00", false, QStringLiteral("kal shaam"));
    row("hinglish: parso subah", QStringLiteral("parso subah"), "2026-11-25 10:00", false, QStringLiteral("parso subah"));
    row("hinglish: kal shaam 6 baje", QStringLiteral("kal shaam 6 baje call karna"), "2026-11-24 18:00", false,
        QStringLiteral("kal shaam 6 baje"));
    row("hinglish: saadhe chhe baje kal", QStringLiteral("saadhe chhe baje kal"), "2026-11-24 18:30", false,
        QStringLiteral("saadhe chhe baje kal"));
    row("hinglish: do ghante baad", QStringLiteral("do ghante baad"), "2026-11-23 13:00", false,
        QStringLiteral("do ghante baad"));
    row("hinglish: aadhe ghante baad", QStringLiteral("aadhe ghante baad"), "2026-11-23 11:30", false,
        QStringLiteral("aadhe ghante baad"));
    row("hinglish: shukravar dopahar 3 baje", QStringLiteral("shukravar dopahar 3 baje"), "2026-11-27 15:00", false,
        QStringLiteral("shukravar dopahar 3 baje"));
    row("hinglish: 6 ke baad", QStringLiteral("kal 6 ke baad"), "2026-11-24 18:00", false, QStringLiteral("kal 6 ke baad"));
    row("hinglish: kal raat 10 baje moved", QStringLiteral("kal raat 10 baje"), "2026-11-25 09:00", true,
        QStringLiteral("kal raat 10 baje"));
    row("hinglish: aaj subah said at 11", QStringLiteral("aaj subah"), "2026-11-23 11:30", false, QStringLiteral("aaj subah"));
    row("hinglish: 11 baje se pehle", QStringLiteral("kal 11 baje se pehle"), "2026-11-24 10:00", false,
        QStringLiteral("kal 11 baje se pehle"));
    row("hinglish: 3 se 4 ke beech", QStringLiteral("kal 3 se 4 ke beech"), "2026-11-24 15:00", false,
        QStringLiteral("kal 3 se 4 ke beech"));
    row("en: between 4 and 6 pm", QStringLiteral("between 4 and 6 pm"), "2026-11-23 16:00", false,
        QStringLiteral("between 4 and 6 pm"));
    row("en: at 10 already passed means tomorrow", QStringLiteral("at 10"), "2026-11-24 10:00", false,
        QStringLiteral("at 10"));
    row("hi: kal shaam", QStringLiteral("कल शाम"), "2026-11-24 18:00", false, QStringLiteral("कल शाम"));
    row("hi: kal subah 11 baje", QStringLiteral("कल सुबह 11 बजे"), "2026-11-24 11:00", false, QStringLiteral("कल सुबह 11 बजे"));
    row("hi: parson shaam saat baje", QStringLiteral("परसों शाम सात बजे"), "2026-11-25 19:00", false,
        QStringLiteral("परसों शाम सात बजे"));
    row("hi: 2 ghante baad", QStringLiteral("2 घंटे बाद"), "2026-11-23 13:00", false, QStringLiteral("2 घंटे बाद"));
    row("hi: agle somvar subah 10 baje", QStringLiteral("अगले सोमवार सुबह 10 बजे"), "2026-11-30 10:00", false,
        QStringLiteral("अगले सोमवार सुबह 10 बजे"));
    row("hi: aaj shaam 7 baje", QStringLiteral("आज शाम 7 बजे"), "2026-11-23 19:00", false, QStringLiteral("आज शाम 7 बजे"));
    row("hi: Devanagari digit 1 ghante baad", QStringLiteral("१ घंटे बाद"), "2026-11-23 12:00", false,
        QStringLiteral("१ घंटे बाद"));
    row("hinglish: saadhe das baje", QStringLiteral("kal subah saadhe das baje"), "2026-11-24 10:30", false,
        QStringLiteral("kal subah saadhe das baje"));
    row("hinglish: 9 baje raat is too late", QStringLiteral("9 baje raat ko"), "2026-11-24 09:00", true,
        QStringLiteral("9 baje raat ko"));
    row("hi: agle hafte", QStringLiteral("अगले हफ्ते"), "2026-11-30 09:00", false, QStringLiteral("अगले हफ्ते"));
    row("hi: somvar shaam", QStringLiteral("सोमवार शाम"), "2026-11-30 18:00", false, QStringLiteral("सोमवार शाम"));
    // Campaign window 10:00-19:00 Monday to Saturday
    row("window: Sunday evening moves to Monday", QStringLiteral("Sunday evening"), "2026-11-30 18:00", true,
        QStringLiteral("Sunday evening"), {}, "10:00-19:00 mon,tue,wed,thu,fri,sat");
    row("window: 7:30 pm after close moves to next morning", QStringLiteral("tomorrow 7:30 pm"), "2026-11-25 10:00", true,
        QStringLiteral("tomorrow 7:30 pm"), {}, "10:00-19:00 mon,tue,wed,thu,fri,sat");
    row("window: 9 am before open", QStringLiteral("kal subah 9 baje"), "2026-11-24 10:00", true,
        QStringLiteral("kal subah 9 baje"), {}, "10:00-19:00 mon,tue,wed,thu,fri,sat");
    // The lead's own zone
    row("zone: New York tomorrow morning", QStringLiteral("tomorrow morning"), "2026-11-24 10:00", false,
        QStringLiteral("tomorrow morning"), QStringLiteral("America/New_York"));
    row("zone: unknown zone falls back to IST", QStringLiteral("kal shaam"), "2026-11-24 18:00", false,
        QStringLiteral("kal shaam"), QStringLiteral("Mars/Olympus"));
    reject("reject: later", QStringLiteral("call me later"));
    reject("reject: busy", QStringLiteral("I am busy right now"));
    reject("reject: property answer", QStringLiteral("2 BHK in Whitefield"));
    reject("reject: morning already over", QStringLiteral("today morning"));
}

void tst_LanguageParsers::callback()
{
    QFETCH(QString, text);
    QFETCH(QString, zone);
    QFETCH(QString, window);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    QFETCH(bool, moved);
    QFETCH(QString, phrase);

    CallbackWindow w;
    if (!window.isEmpty()) {
        const QStringList parts = window.split(QLatin1Char(' '));
        const QStringList hours = parts.at(0).split(QLatin1Char('-'));
        const auto parsed = CallbackWindow::fromCampaign(hours.at(0), hours.at(1), parts.at(1));
        QVERIFY(parsed);
        w = *parsed;
    }
    QDateTime now = callbackNow();
    if (QTest::currentDataTag() == QByteArrayLiteral("reject: morning already over"))
        now = QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC); // 15:00 IST
    const std::optional<CallbackTime> c = CallbackTimeParser::parse(text, now, zone, w);
    QCOMPARE(c.has_value(), ok);
    if (!ok)
        return;
    QCOMPARE(c->at.toString(QStringLiteral("yyyy-MM-dd HH:mm")), expected);
    const QTimeZone expectedZone(QTimeZone(zone.toUtf8()).isValid() ? zone.toUtf8() : QByteArrayLiteral("Asia/Kolkata"));
    QCOMPARE(c->at.timeZone(), expectedZone);
    QCOMPARE(c->moved, moved);
    QCOMPARE(c->phrase, phrase);
    QVERIFY(c->at > now);
    QVERIFY(c->at.time() >= QTime(9, 0) && c->at.time() < QTime(21, 0));
}

void tst_LanguageParsers::callbackWindowFromCampaign()
{
    const auto w = CallbackWindow::fromCampaign(QStringLiteral("10:00"), QStringLiteral("19:00"), QStringLiteral("mon,sat"));
    QVERIFY(w);
    QCOMPARE(w->start, QTime(10, 0));
    QCOMPARE(w->end, QTime(19, 0));
    QCOMPARE(w->days, (QList<int>{1, 6}));
    QVERIFY(!CallbackWindow::fromCampaign(QStringLiteral("19:00"), QStringLiteral("10:00"), QStringLiteral("mon")));
    QVERIFY(!CallbackWindow::fromCampaign(QStringLiteral("10:00"), QStringLiteral("19:00"), QStringLiteral("funday")));
    QVERIFY(!CallbackWindow::fromCampaign(QStringLiteral("10:00"), QStringLiteral("19:00"), QString()));

    // A window that never opens gives no callback rather than a time outside it.
    CallbackWindow closed;
    closed.start = QTime(21, 0);
    closed.end = QTime(23, 0);
    QVERIFY(!CallbackTimeParser::parse(QStringLiteral("kal shaam"), callbackNow(), QStringLiteral("Asia/Kolkata"), closed));
}

void tst_LanguageParsers::arbitraryInputKeepsInvariants()
{
    // Shuffled vocabulary, symbols and stray marks: no crash, and every answer keeps the rules
    // (a phrase taken from the input, min <= max, callbacks in the future and inside 09:00-21:00).
    const QStringList pool = {
        QStringLiteral("50"), QStringLiteral("lakh"), QStringLiteral("crore"), QStringLiteral("L"), QStringLiteral("Cr"),
        QStringLiteral("₹"), QStringLiteral("Rs."), QStringLiteral("45,00,000"), QStringLiteral("1.5"), QStringLiteral("-"),
        QStringLiteral("to"), QStringLiteral("se"), QStringLiteral("between"), QStringLiteral("and"), QStringLiteral("under"),
        QStringLiteral("around"), QStringLiteral("tak"), QStringLiteral("डेढ़"), QStringLiteral("करोड़"), QStringLiteral("लाख"),
        QStringLiteral("पचास"), QStringLiteral("saadhe"), QStringLiteral("sawa"), QStringLiteral("teen"), QStringLiteral("do"),
        QStringLiteral("BHK"), QStringLiteral("flat"), QStringLiteral("villa"), QStringLiteral("in"), QStringLiteral("Whitefield"),
        QStringLiteral("mein"), QStringLiteral("के"), QStringLiteral("पास"), QStringLiteral("months"), QStringLiteral("mahine"),
        QStringLiteral("next"), QStringLiteral("year"), QStringLiteral("Diwali"), QStringLiteral("abhi"), QStringLiteral("nahi"),
        QStringLiteral("kal"), QStringLiteral("shaam"), QStringLiteral("6"), QStringLiteral("baje"), QStringLiteral("pm"),
        QStringLiteral("after"), QStringLiteral("before"), QStringLiteral("Monday"), QStringLiteral("ghante"),
        QStringLiteral("baad"), QStringLiteral("raat"), QStringLiteral("11:30"), QStringLiteral("6.30"), QStringLiteral("।"),
        QStringLiteral("?"), QStringLiteral(","), QStringLiteral("."), QString(QChar(0x200D)), QString(QChar(0x093C)),
        QStringLiteral("or"), QStringLiteral("ya"), QStringLiteral("/"), QStringLiteral("+"), QStringLiteral("9876543210")};
    QRandomGenerator rng(20261123);
    const QDateTime now = callbackNow();
    for (int round = 0; round < 3000; ++round) {
        QStringList words;
        const int count = 1 + int(rng.bounded(8));
        for (int k = 0; k < count; ++k)
            words << pool.at(int(rng.bounded(int(pool.size()))));
        const QString text = words.join(rng.bounded(4) == 0 ? QString() : QStringLiteral(" "));
        if (const auto b = BudgetParser::parse(text)) {
            QVERIFY2(text.contains(b->phrase) && !b->phrase.isEmpty(), qPrintable(text));
            QVERIFY2(b->minInr >= 0, qPrintable(text));
            if (b->bound == Budget::Bound::AtLeast)
                QCOMPARE(b->maxInr, Budget::kNoUpperLimit);
            else
                QVERIFY2(b->minInr <= b->maxInr && b->maxInr > 0, qPrintable(text));
        }
        if (const auto p = PropertyParser::parse(text))
            QVERIFY2(text.contains(p->phrase) && text.contains(p->location), qPrintable(text));
        if (const auto t = TimelineParser::parse(text, kToday))
            QVERIFY2(text.contains(t->phrase) && !t->phrase.isEmpty(), qPrintable(text));
        if (const auto c = CallbackTimeParser::parse(text, now)) {
            QVERIFY2(c->at > now, qPrintable(text));
            QVERIFY2(c->at.time() >= QTime(9, 0) && c->at.time() < QTime(21, 0), qPrintable(text));
            QVERIFY2(text.contains(c->phrase), qPrintable(text));
        }
    }
}

void tst_LanguageParsers::jsonShapes()
{
    const QJsonObject b = BudgetParser::parse(QStringLiteral("1 crore plus"))->toJson();
    QCOMPARE(b.value(QStringLiteral("min_inr")).toInteger(), kCrore);
    QVERIFY(b.value(QStringLiteral("max_inr")).isNull());
    QCOMPARE(b.value(QStringLiteral("bound")).toString(), QStringLiteral("at_least"));
    QCOMPARE(b.value(QStringLiteral("phrase")).toString(), QStringLiteral("1 crore plus"));

    const QJsonObject p = PropertyParser::parse(QStringLiteral("3BHK near Hinjewadi"))->toJson();
    QVERIFY(p.value(QStringLiteral("type")).isNull());
    QCOMPARE(p.value(QStringLiteral("bhk")).toDouble(), 3.0);
    QCOMPARE(p.value(QStringLiteral("location")).toString(), QStringLiteral("Hinjewadi"));

    const QJsonObject t = TimelineParser::parse(QStringLiteral("agle saal"), kToday)->toJson();
    QCOMPARE(t.value(QStringLiteral("bucket")).toString(), QStringLiteral("6_12_months"));

    const QJsonObject c = CallbackTimeParser::parse(QStringLiteral("kal shaam"), callbackNow())->toJson();
    QCOMPARE(c.value(QStringLiteral("at")).toString(), QStringLiteral("2026-11-24T18:00:00+05:30"));
    QCOMPARE(c.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Asia/Kolkata"));
    QCOMPARE(c.value(QStringLiteral("phrase")).toString(), QStringLiteral("kal shaam"));
}

QTEST_GUILESS_MAIN(tst_LanguageParsers)
#include "tst_languageparsers.moc"
