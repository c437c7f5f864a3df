// CallingWindow arithmetic: the campaign window in the lead's local time, clipped to the legal
// 09:00-21:00, weekdays, holidays, edge minutes and the next opening.
#include "campaigns/callingwindow.h"

#include <QtTest>

using namespace Leadline;
using Campaigns::CallingWindow;

// 2025-11-24 is a Monday; 2025-11-23 a Sunday. IST = UTC+05:30 (no DST).
static QDateTime ist(const QString &local)
{
    const QDateTime naive = QDateTime::fromString(local, Qt::ISODate);
    return QDateTime(naive.date(), naive.time(), QTimeZone("Asia/Kolkata")).toUTC();
}

class tst_CallingWindow : public QObject
{
    Q_OBJECT
private slots:
    void isOpen_data();
    void isOpen();
    void nextOpen_data();
    void nextOpen();
    void invalidInput_data();
    void invalidInput();
    void neverOpen();
};

void tst_CallingWindow::isOpen_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("days");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("leadZone");
    QTest::addColumn<QString>("holidays");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<bool>("open");

    const QString wd = QStringLiteral("mon,tue,wed,thu,fri,sat");
    const QString kol = QStringLiteral("Asia/Kolkata");
    QTest::newRow("monday 09:59 closed") << "10:00" << "19:00" << wd << kol << "" << "" << ist("2025-11-24T09:59:00") << false;
    QTest::newRow("monday 10:00 open") << "10:00" << "19:00" << wd << kol << "" << "" << ist("2025-11-24T10:00:00") << true;
    QTest::newRow("monday 18:59 open") << "10:00" << "19:00" << wd << kol << "" << "" << ist("2025-11-24T18:59:00") << true;
    QTest::newRow("monday 18:59:59 open") << "10:00" << "19:00" << wd << kol << "" << "" << ist("2025-11-24T18:59:59") << true;
    QTest::newRow("monday 19:00 closed") << "10:00" << "19:00" << wd << kol << "" << "" << ist("2025-11-24T19:00:00") << false;
    QTest::newRow("sunday noon closed") << "10:00" << "19:00" << wd << kol << "" << "" << ist("2025-11-23T12:00:00") << false;
    QTest::newRow("sunday allowed when listed") << "10:00" << "19:00" << "sun" << kol << "" << "" << ist("2025-11-23T12:00:00") << true;
    QTest::newRow("empty days = every day") << "10:00" << "19:00" << "" << kol << "" << "" << ist("2025-11-23T12:00:00") << true;
    QTest::newRow("window 07-23 clipped: 08:59 closed") << "07:00" << "23:00" << wd << kol << "" << "" << ist("2025-11-24T08:59:00") << false;
    QTest::newRow("window 07-23 clipped: 09:00 open") << "07:00" << "23:00" << wd << kol << "" << "" << ist("2025-11-24T09:00:00") << true;
    QTest::newRow("window 07-23 clipped: 20:59 open") << "07:00" << "23:00" << wd << kol << "" << "" << ist("2025-11-24T20:59:00") << true;
    QTest::newRow("window 07-23 clipped: 21:00 closed") << "07:00" << "23:00" << wd << kol << "" << "" << ist("2025-11-24T21:00:00") << false;
    QTest::newRow("window 00:00-24:00 clipped: 22:30 closed") << "00:00" << "24:00" << "" << kol << "" << "" << ist("2025-11-24T22:30:00") << false;
    // Dubai is UTC+4: 10:00 IST = 08:30 Dubai (closed for a Dubai lead), 12:00 IST = 10:30 Dubai.
    QTest::newRow("dubai lead 10:00 IST closed") << "10:00" << "19:00" << wd << kol << "Asia/Dubai" << "" << ist("2025-11-24T10:00:00") << false;
    QTest::newRow("dubai lead 11:30 IST = 10:00 local open") << "10:00" << "19:00" << wd << kol << "Asia/Dubai" << "" << ist("2025-11-24T11:30:00") << true;
    QTest::newRow("dubai lead 20:00 IST = 18:30 local open") << "10:00" << "19:00" << wd << kol << "Asia/Dubai" << "" << ist("2025-11-24T20:00:00") << true;
    QTest::newRow("dubai lead 20:30 IST = 19:00 local closed") << "10:00" << "19:00" << wd << kol << "Asia/Dubai" << "" << ist("2025-11-24T20:30:00") << false;
    QTest::newRow("unknown lead zone keeps campaign zone") << "10:00" << "19:00" << wd << kol << "Mars/Olympus" << "" << ist("2025-11-24T10:00:00") << true;
    // Asia/Tokyo (UTC+9): Monday 09:30 IST = 13:00 Tokyo.
    QTest::newRow("tokyo lead monday") << "10:00" << "19:00" << wd << kol << "Asia/Tokyo" << "" << ist("2025-11-24T09:30:00") << true;
    // Sunday 21:00 IST = Monday 00:30 Tokyo: Monday but outside hours.
    QTest::newRow("tokyo lead past midnight closed") << "10:00" << "19:00" << wd << kol << "Asia/Tokyo" << "" << ist("2025-11-23T21:00:00") << false;
    QTest::newRow("holiday closed") << "10:00" << "19:00" << wd << kol << "" << "2025-11-24" << ist("2025-11-24T12:00:00") << false;
    QTest::newRow("day after holiday open") << "10:00" << "19:00" << wd << kol << "" << "2025-11-24" << ist("2025-11-25T12:00:00") << true;
    QTest::newRow("campaign in UTC zone") << "10:00" << "19:00" << wd << "UTC" << "" << "" << QDateTime(QDate(2025, 11, 24), QTime(10, 0), Qt::UTC) << true;
}

void tst_CallingWindow::isOpen()
{
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, days);
    QFETCH(QString, zone);
    QFETCH(QString, leadZone);
    QFETCH(QString, holidays);
    QFETCH(QDateTime, at);
    QFETCH(bool, open);
    QVERIFY(at.isValid());
    auto w = CallingWindow::make(start, end, days, zone, holidays);
    QVERIFY2(w.ok(), w.ok() ? "" : qPrintable(w.error().message));
    const CallingWindow lw = w->forLeadZone(leadZone);
    QCOMPARE(lw.isOpen(at), open);
    // nextOpen agrees with isOpen: open -> itself; closed -> strictly later and open there.
    const QDateTime next = lw.nextOpen(at);
    QVERIFY(next.isValid());
    if (open) {
        QCOMPARE(next, at);
    } else {
        QVERIFY(next > at);
        QVERIFY(lw.isOpen(next));
        QVERIFY(!lw.isOpen(next.addSecs(-60)));
    }
}

void tst_CallingWindow::nextOpen_data()
{
    QTest::addColumn<QString>("days");
    QTest::addColumn<QString>("leadZone");
    QTest::addColumn<QString>("holidays");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QDateTime>("expected");

    const QString wd = QStringLiteral("mon,tue,wed,thu,fri,sat");
    QTest::newRow("monday 09:59 -> 10:00 same day") << wd << "" << "" << ist("2025-11-24T09:59:00") << ist("2025-11-24T10:00:00");
    QTest::newRow("monday 19:00 -> tuesday 10:00") << wd << "" << "" << ist("2025-11-24T19:00:00") << ist("2025-11-25T10:00:00");
    QTest::newRow("saturday 19:30 -> monday 10:00 (no sundays)") << wd << "" << "" << ist("2025-11-22T19:30:00") << ist("2025-11-24T10:00:00");
    QTest::newRow("sunday 08:00 -> monday 10:00") << wd << "" << "" << ist("2025-11-23T08:00:00") << ist("2025-11-24T10:00:00");
    QTest::newRow("saturday night, monday holiday -> tuesday") << wd << "" << "2025-11-24" << ist("2025-11-22T23:00:00") << ist("2025-11-25T10:00:00");
    QTest::newRow("two holidays in a row") << wd << "" << "2025-11-24,2025-11-25" << ist("2025-11-23T12:00:00") << ist("2025-11-26T10:00:00");
    QTest::newRow("dubai lead at 10:00 IST -> 11:30 IST") << wd << "Asia/Dubai" << "" << ist("2025-11-24T10:00:00") << ist("2025-11-24T11:30:00");
    QTest::newRow("tokyo lead after hours -> tokyo 10:00 = 06:30 IST") << wd << "Asia/Tokyo" << "" << ist("2025-11-24T16:00:00") << ist("2025-11-25T06:30:00");
}

void tst_CallingWindow::nextOpen()
{
    QFETCH(QString, days);
    QFETCH(QString, leadZone);
    QFETCH(QString, holidays);
    QFETCH(QDateTime, at);
    QFETCH(QDateTime, expected);
    auto w = CallingWindow::make(QStringLiteral("10:00"), QStringLiteral("19:00"), days, QStringLiteral("Asia/Kolkata"), holidays);
    QVERIFY(w.ok());
    QCOMPARE(w->forLeadZone(leadZone).nextOpen(at), expected);
}

void tst_CallingWindow::invalidInput_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("days");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("holidays");
    QTest::newRow("bad start") << "10" << "19:00" << "" << "Asia/Kolkata" << "";
    QTest::newRow("bad end") << "10:00" << "7pm" << "" << "Asia/Kolkata" << "";
    QTest::newRow("bad day") << "10:00" << "19:00" << "mon,funday" << "Asia/Kolkata" << "";
    QTest::newRow("bad zone") << "10:00" << "19:00" << "" << "India/Bangalore" << "";
    QTest::newRow("bad holiday") << "10:00" << "19:00" << "" << "Asia/Kolkata" << "24/11/2025";
}

void tst_CallingWindow::invalidInput()
{
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, days);
    QFETCH(QString, zone);
    QFETCH(QString, holidays);
    auto w = CallingWindow::make(start, end, days, zone, holidays);
    QVERIFY(!w.ok());
    QCOMPARE(w.error().code, Error::Code::Validation);
}

void tst_CallingWindow::neverOpen()
{
    // 21:30-23:00 lies wholly outside the legal bound: never open, nextOpen invalid.
    auto w = CallingWindow::make(QStringLiteral("21:30"), QStringLiteral("23:00"), {}, QStringLiteral("Asia/Kolkata"));
    QVERIFY(w.ok());
    QVERIFY(!w->hasAnyOpening());
    QVERIFY(!w->isOpen(ist("2025-11-24T22:00:00")));
    QVERIFY(!w->nextOpen(ist("2025-11-24T12:00:00")).isValid());
    // A default window: 10:00-19:00 Mon..Sat Asia/Kolkata.
    CallingWindow def;
    QVERIFY(def.isOpen(ist("2025-11-24T10:00:00")));
    QVERIFY(!def.isOpen(ist("2025-11-23T10:00:00")));
}

QTEST_GUILESS_MAIN(tst_CallingWindow)
#include "tst_callingwindow.moc"
