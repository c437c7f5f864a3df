// ProjectBrief and SiteVisitPlanner: the sample brief parses and normalizes (text prices to INR),
// every invalid field is reported with its path, the agent's facts block states only the brief
// with amounts in lakh/crore, and site-visit offered respect open days, hours, notice and the
// lead's time zone.
#include "projects/projectbrief.h"
#include "projects/sitevisitplanner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Projects;

class tst_ProjectBrief : public QObject
{
    Q_OBJECT
private slots:
    void sampleParsesAndNormalizes();
    void problems_data();
    void problems();
    void factsText();
    void formatInr_data();
    void formatInr();
    void slotsSkipClosedDaysAndPast();
    void check_data();
    void check();
    void resolveSpokenTime();

private:
    static QJsonObject sample();
};

// 2025-11-23T08:00:00Z: Sunday 13:30 in India.
static const QDateTime kNow = QDateTime::fromMSecsSinceEpoch(1763884800000, Qt::UTC);

QJsonObject tst_ProjectBrief::sample()
{
    QFile f(QFINDTESTDATA("../resources/demo_brief.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void tst_ProjectBrief::sampleParsesAndNormalizes()
{
    const QJsonObject in = sample();
    QVERIFY(!in.isEmpty());
    auto b = ProjectBrief::fromJson(in);
    QVERIFY2(b, qPrintable(b ? QString() : b.error().message));
    QCOMPARE(b->projectName, QStringLiteral("Leadline Greens"));
    QCOMPARE(b->configurations.size(), 2);
    QCOMPARE(b->configurations.at(0).priceMinInr, 7'800'000);
    QCOMPARE(b->configurations.at(0).priceMaxInr, 9'200'000);
    QCOMPARE(b->configurations.at(1).priceMinInr, 11'500'000);
    QCOMPARE(b->siteVisit.days, (QList<int>{1, 2, 3, 4, 5, 6}));
    QCOMPARE(b->faqs.size(), 3);
    // The stored form parses to the same brief (prices now numbers).
    const QJsonObject stored = b->toJson();
    QCOMPARE(stored.value(QStringLiteral("configurations")).toArray().at(0).toObject().value(QStringLiteral("price_max_inr")).toInteger(),
             9'200'000);
    auto again = ProjectBrief::fromJson(stored);
    QVERIFY(again);
    QCOMPARE(again->toJson(), stored);
}

void tst_ProjectBrief::problems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected"); // each must appear in some problem
    QTest::newRow("no project name") << QByteArray(R"({"builder":"X"})") << QStringList{QStringLiteral("project_name: required")};
    QTest::newRow("unknown field (typo)") << QByteArray(R"({"project_name":"P","rera":"x"})") << QStringList{QStringLiteral("rera: unknown field")};
    QTest::newRow("price max below min")
        << QByteArray(R"({"project_name":"P","configurations":[{"type":"2 BHK","price_min_inr":9000000,"price_max_inr":8000000}]})")
        << QStringList{QStringLiteral("configurations[0].price_max_inr: must be at least price_min_inr")};
    QTest::newRow("unreadable price text")
        << QByteArray(R"({"project_name":"P","configurations":[{"type":"2 BHK","price":"call us"}]})")
        << QStringList{QStringLiteral("configurations[0].price:")};
    QTest::newRow("configuration without type")
        << QByteArray(R"({"project_name":"P","configurations":[{"price":"50 lakh - 60 lakh"}]})")
        << QStringList{QStringLiteral("configurations[0].type: required")};
    QTest::newRow("bad visiting hours and day")
        << QByteArray(R"({"project_name":"P","site_visit":{"days":["funday"],"start":"18:00","end":"10:00"}})")
        << QStringList{QStringLiteral("site_visit.days: \"funday\""), QStringLiteral("site_visit.end: must be after")};
    QTest::newRow("brochure not a link")
        << QByteArray(R"({"project_name":"P","brochure_url":"brochure.pdf"})") << QStringList{QStringLiteral("brochure_url:")};
    QTest::newRow("faq without answer")
        << QByteArray(R"({"project_name":"P","faqs":[{"q":"Loan?"}]})") << QStringList{QStringLiteral("faqs[0]: needs both")};
    QTest::newRow("unknown time zone")
        << QByteArray(R"({"project_name":"P","site_visit":{"timezone":"Mars/Olympus"}})") << QStringList{QStringLiteral("site_visit.timezone")};
}

void tst_ProjectBrief::problems()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    const QStringList found = ProjectBrief::problems(QJsonDocument::fromJson(json).object());
    for (const QString &e : expected) {
        bool hit = false;
        for (const QString &p : found)
            hit = hit || p.contains(e);
        QVERIFY2(hit, qPrintable(QStringLiteral("missing \"%1\" in: %2").arg(e, found.join(QStringLiteral(" | ")))));
    }
    auto r = ProjectBrief::fromJsonText(json);
    QVERIFY(!r);
    QCOMPARE(r.error().detailCode, QStringLiteral("invalid_brief"));
    QCOMPARE(ProjectBrief::fromJsonText("not json").error().detailCode, QStringLiteral("not_json"));
}

void tst_ProjectBrief::factsText()
{
    auto b = ProjectBrief::fromJson(sample());
    QVERIFY(b);
    const QString t = b->factsText();
    QVERIFY2(t.contains(QStringLiteral("2 BHK: carpet area 680 to 740 sq ft, price 78 lakh to 92 lakh rupees.")), qPrintable(t));
    QVERIFY(t.contains(QStringLiteral("3 BHK: carpet area 980 to 1080 sq ft, price 1.15 crore to 1.35 crore rupees.")));
    QVERIFY(t.contains(QStringLiteral("RERA registration: P52100054321.")));
    QVERIFY(t.contains(QStringLiteral("Possession: December 2027.")));
    QVERIFY(t.contains(QStringLiteral("Site visits: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, 10:00 AM to 6:00 PM")));
    QVERIFY(t.contains(QStringLiteral("Q: Is a home loan available? A: Yes, loans are pre-approved")));
    QVERIFY(!t.contains(QStringLiteral("brochure.pdf"))); // the link goes by SMS, it is never read out
}

void tst_ProjectBrief::formatInr_data()
{
    QTest::addColumn<qint64>("inr");
    QTest::addColumn<QString>("text");
    QTest::newRow("85 lakh") << qint64(8'500'000) << QStringLiteral("85 lakh");
    QTest::newRow("4.5 lakh") << qint64(450'000) << QStringLiteral("4.5 lakh");
    QTest::newRow("1 crore") << qint64(10'000'000) << QStringLiteral("1 crore");
    QTest::newRow("1.2 crore") << qint64(12'000'000) << QStringLiteral("1.2 crore");
    QTest::newRow("thousands") << qint64(95'000) << QStringLiteral("95,000");
}

void tst_ProjectBrief::formatInr()
{
    QFETCH(qint64, inr);
    QFETCH(QString, text);
    QCOMPARE(Projects::formatInr(inr), text);
}

void tst_ProjectBrief::slotsSkipClosedDaysAndPast()
{
    auto b = ProjectBrief::fromJson(sample()); // closed on Sunday, 10:00-18:00
    QVERIFY(b);
    SiteVisitPlanner planner(b->siteVisit, QStringLiteral("Asia/Kolkata"));
    const QList<QDateTime> offered = planner.nextSlots(kNow, 3); // now: Sunday
    QCOMPARE(offered.size(), 3);
    const QTimeZone ist("Asia/Kolkata");
    QCOMPARE(offered.at(0).toTimeZone(ist).date(), QDate(2025, 11, 24)); // Monday
    QCOMPARE(offered.at(0).toTimeZone(ist).time(), QTime(10, 0));
    QCOMPARE(offered.at(1).toTimeZone(ist).date(), QDate(2025, 11, 24));
    QVERIFY(offered.at(1).toTimeZone(ist).time() > QTime(12, 0));
    QCOMPARE(offered.at(2).toTimeZone(ist).date(), QDate(2025, 11, 25));
    for (const QDateTime &s : offered)
        QVERIFY(planner.check(s, kNow));
}

void tst_ProjectBrief::check_data()
{
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("leadZone");
    QTest::addColumn<QString>("refusal"); // empty = bookable
    QTest::newRow("Monday 11:00 IST") << "2025-11-24" << "11:00" << "Asia/Kolkata" << "";
    QTest::newRow("Sunday: closed") << "2025-11-30" << "11:00" << "Asia/Kolkata" << "closed_day";
    QTest::newRow("before opening") << "2025-11-24" << "09:00" << "Asia/Kolkata" << "outside_hours";
    QTest::newRow("at closing time") << "2025-11-24" << "18:00" << "Asia/Kolkata" << "outside_hours";
    QTest::newRow("earlier today") << "2025-11-23" << "11:00" << "Asia/Kolkata" << "in_past";
    QTest::newRow("two months ahead") << "2026-01-24" << "11:00" << "Asia/Kolkata" << "too_far";
    // A lead in Dubai (IST-1:30) asking for 16:00 their time = 17:30 at the site: open.
    QTest::newRow("lead in Dubai, 16:00 local") << "2025-11-24" << "16:00" << "Asia/Dubai" << "";
    // 17:00 in Dubai = 18:30 in Pune: closed.
    QTest::newRow("lead in Dubai, 17:00 local") << "2025-11-24" << "17:00" << "Asia/Dubai" << "outside_hours";
}

void tst_ProjectBrief::check()
{
    QFETCH(QString, date);
    QFETCH(QString, time);
    QFETCH(QString, leadZone);
    QFETCH(QString, refusal);
    auto b = ProjectBrief::fromJson(sample());
    QVERIFY(b);
    SiteVisitPlanner planner(b->siteVisit, QStringLiteral("Asia/Kolkata"));
    auto r = planner.resolve(QJsonObject{{QStringLiteral("date"), date}, {QStringLiteral("time"), time}}, kNow, leadZone);
    if (refusal.isEmpty())
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    else
        QCOMPARE(r ? QStringLiteral("booked") : r.error().detailCode, refusal);
}

void tst_ProjectBrief::resolveSpokenTime()
{
    auto b = ProjectBrief::fromJson(sample());
    QVERIFY(b);
    SiteVisitPlanner planner(b->siteVisit, QStringLiteral("Asia/Kolkata"));
    auto sat = planner.resolve(QJsonObject{{QStringLiteral("when"), QStringLiteral("Saturday 11 am")}}, kNow, QStringLiteral("Asia/Kolkata"));
    QVERIFY2(sat, qPrintable(sat ? QString() : sat.error().message));
    QCOMPARE(sat->toTimeZone(QTimeZone("Asia/Kolkata")), QDateTime(QDate(2025, 11, 29), QTime(11, 0), QTimeZone("Asia/Kolkata")));
    auto sun = planner.resolve(QJsonObject{{QStringLiteral("when"), QStringLiteral("next Sunday 11 am")}}, kNow, QStringLiteral("Asia/Kolkata"));
    QVERIFY(!sun);
    QCOMPARE(sun.error().detailCode, QStringLiteral("closed_day"));
}

QTEST_GUILESS_MAIN(tst_ProjectBrief)
#include "tst_projectbrief.moc"
