// RetryPolicy: outcome/status -> next action, backoff arithmetic, callbacks inside the window.
#include "campaigns/retrypolicy.h"

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Campaigns;

static QDateTime ist(const QString &local)
{
    const QDateTime naive = QDateTime::fromString(local, Qt::ISODate);
    return QDateTime(naive.date(), naive.time(), QTimeZone("Asia/Kolkata")).toUTC();
}

class tst_RetryPolicy : public QObject
{
    Q_OBJECT
private slots:
    void decide_data();
    void decide();
    void backoff_data();
    void backoff();
    void perResultDelays();
    void retriesNeverLandOutsideWindow();
    void unansweredHandoff_data();
    void unansweredHandoff();
};

void tst_RetryPolicy::decide_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QDateTime>("callbackAt");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("leadStatus");
    QTest::addColumn<QDateTime>("at"); // invalid = no further call
    QTest::addColumn<int>("priorFailures");

    // max_attempts 3, retry_delay 1800 s, window 10-19 mon..sat IST.
    const QDateTime mon11 = ist("2025-11-24T11:00:00");
    const QDateTime none;
    QTest::newRow("busy, 1st attempt -> +30 min") << "busy" << "" << none << 1 << mon11 << "retry" << ist("2025-11-24T11:30:00") << 0;
    QTest::newRow("no-answer, 1st attempt -> +2 h (later than busy)") << "no-answer" << "" << none << 1 << mon11 << "retry" << ist("2025-11-24T13:00:00") << 0;
    QTest::newRow("no-answer, 2nd attempt -> +4 h") << "no-answer" << "" << none << 2 << mon11 << "retry" << ist("2025-11-24T15:00:00") << 0;
    QTest::newRow("failed, 3rd attempt -> exhausted") << "failed" << "" << none << 3 << mon11 << "exhausted" << none << 0;
    QTest::newRow("network error retries") << "network_error" << "" << none << 1 << mon11 << "retry" << ist("2025-11-24T11:30:00") << 0;
    QTest::newRow("unknown (crash) retries") << "unknown" << "" << none << 1 << mon11 << "retry" << ist("2025-11-24T11:30:00") << 0;
    QTest::newRow("canceled leg retries") << "canceled" << "" << none << 1 << mon11 << "retry" << ist("2025-11-24T11:30:00") << 0;
    QTest::newRow("busy at 18:45 -> next morning") << "busy" << "" << none << 1 << ist("2025-11-24T18:45:00") << "retry" << ist("2025-11-25T10:00:00") << 0;
    QTest::newRow("busy saturday 18:45 -> monday") << "busy" << "" << none << 1 << ist("2025-11-22T18:45:00") << "retry" << ist("2025-11-24T10:00:00") << 0;
    // Answered and no outcome: the conversation was cut off on our side (crash, restart, outage).
    QTest::newRow("completed, no outcome -> retried as technical failure") << "completed" << "" << none << 1 << mon11 << "retry" << ist("2025-11-24T11:30:00") << 0;
    QTest::newRow("completed, no outcome, last attempt -> exhausted") << "completed" << "" << none << 3 << mon11 << "exhausted" << none << 0;
    QTest::newRow("interested -> never") << "completed" << "interested" << none << 1 << mon11 << "completed" << none << 0;
    QTest::newRow("not_interested -> never") << "completed" << "not_interested" << none << 1 << mon11 << "completed" << none << 0;
    QTest::newRow("do_not_call -> never even on 1st") << "completed" << "do_not_call" << none << 1 << mon11 << "do_not_call" << none << 0;
    QTest::newRow("wrong_number -> never") << "completed" << "wrong_number" << none << 1 << mon11 << "wrong_number" << none << 0;
    QTest::newRow("voicemail retried") << "completed" << "voicemail" << none << 1 << mon11 << "retry" << ist("2025-11-24T11:30:00") << 0;
    QTest::newRow("vendor failure mid-call retried") << "completed" << "technical_failure" << none << 1 << mon11 << "retry" << ist("2025-11-24T11:30:00") << 0;
    QTest::newRow("voicemail at last attempt -> exhausted") << "completed" << "voicemail" << none << 3 << mon11 << "exhausted" << none << 0;
    QTest::newRow("callback at 15:00 inside window") << "completed" << "callback" << ist("2025-11-24T15:00:00") << 1 << mon11 << "callback" << ist("2025-11-24T15:00:00") << 0;
    QTest::newRow("callback at 22:00 moved to next morning") << "completed" << "callback" << ist("2025-11-24T22:00:00") << 1 << mon11 << "callback" << ist("2025-11-25T10:00:00") << 0;
    QTest::newRow("callback on sunday moved to monday") << "completed" << "callback" << ist("2025-11-30T12:00:00") << 1 << mon11 << "callback" << ist("2025-12-01T10:00:00") << 0;
    QTest::newRow("callback in the past -> now") << "completed" << "callback" << ist("2025-11-24T09:00:00") << 1 << mon11 << "callback" << mon11 << 0;
    QTest::newRow("callback after max attempts still honoured once") << "completed" << "callback" << ist("2025-11-24T15:00:00") << 3 << mon11 << "callback" << ist("2025-11-24T15:00:00") << 0;
    QTest::newRow("failed once before: unreachable") << "failed" << "" << none << 2 << mon11 << "unreachable" << none << 1;
    QTest::newRow("failed after a busy: retried") << "failed" << "" << none << 2 << mon11 << "retry" << ist("2025-11-24T12:00:00") << 0;
    QTest::newRow("network error after a failure: retried") << "network_error" << "" << none << 2 << mon11 << "retry" << ist("2025-11-24T12:00:00") << 1;
    QTest::newRow("callback beyond max+2 -> exhausted") << "completed" << "callback" << ist("2025-11-24T15:00:00") << 5 << mon11 << "exhausted" << none << 0;
    // Call screening outcomes.
    QTest::newRow("announcement: invalid number -> never") << "completed" << "invalid_number" << none << 1 << mon11 << "invalid_number" << none << 0;
    QTest::newRow("ivr -> never") << "completed" << "ivr" << none << 1 << mon11 << "ivr" << none << 0;
    QTest::newRow("announcement: unreachable retried") << "completed" << "unreachable" << none << 1 << mon11 << "retry" << ist("2025-11-24T11:30:00") << 0;
    QTest::newRow("unreachable at last attempt -> unreachable") << "completed" << "unreachable" << none << 3 << mon11 << "unreachable" << none << 0;
}

void tst_RetryPolicy::decide()
{
    QFETCH(QString, status);
    QFETCH(QString, outcome);
    QFETCH(QDateTime, callbackAt);
    QFETCH(int, attempts);
    QFETCH(QDateTime, now);
    QFETCH(QString, leadStatus);
    QFETCH(QDateTime, at);
    QFETCH(int, priorFailures);
    RetryPolicy policy(RetryConfig{3, 1800, 24 * 3600});
    const CallingWindow window; // 10:00-19:00 mon..sat IST
    const RetryDecision d = policy.decide(AttemptResult{status, outcome, callbackAt, priorFailures}, attempts, now, window);
    QCOMPARE(d.leadStatus, leadStatus);
    QCOMPARE(d.schedulesAnotherCall(), at.isValid());
    if (at.isValid())
        QCOMPARE(d.at, at);
    QVERIFY(!d.lastOutcome.isEmpty());
}

void tst_RetryPolicy::backoff_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("after 1st") << 1 << qint64(600);
    QTest::newRow("after 2nd") << 2 << qint64(1200);
    QTest::newRow("after 3rd") << 3 << qint64(2400);
    QTest::newRow("after 4th") << 4 << qint64(3600); // capped at maxDelay
    QTest::newRow("after 10th") << 10 << qint64(3600);
}

void tst_RetryPolicy::backoff()
{
    QFETCH(int, attempts);
    QFETCH(qint64, seconds);
    RetryPolicy policy(RetryConfig{20, 600, 3600});
    QCOMPARE(policy.backoffSeconds(attempts), seconds);
}

void tst_RetryPolicy::perResultDelays()
{
    const CallingWindow window;
    const QDateTime mon11 = ist("2025-11-24T11:00:00");
    const AttemptResult noAnswer{QStringLiteral("no-answer"), {}, {}};
    const AttemptResult busy{QStringLiteral("busy"), {}, {}};
    // Settings: busy after 10 min, no-answer from the campaign's own delay (0).
    RetryPolicy policy(RetryConfig{3, 1800, 24 * 3600, RetryDelays{0, 600}});
    QCOMPARE(policy.decide(busy, 1, mon11, window).at, ist("2025-11-24T11:10:00"));
    QCOMPARE(policy.decide(busy, 2, mon11, window).at, ist("2025-11-24T11:20:00"));
    QCOMPARE(policy.decide(noAnswer, 1, mon11, window).at, ist("2025-11-24T11:30:00"));
    // A no-answer delay longer than the cap is still honoured once, then capped there.
    RetryPolicy longWait(RetryConfig{5, 1800, 3600, RetryDelays{3 * 3600, 0}});
    QCOMPARE(longWait.decide(noAnswer, 1, mon11, window).at, ist("2025-11-24T14:00:00"));
    QCOMPARE(longWait.decide(noAnswer, 3, mon11, window).at, ist("2025-11-24T14:00:00"));
    // A conversation outcome (voicemail) keeps the campaign's delay even on a no-answer status.
    QCOMPARE(longWait.decide(AttemptResult{QStringLiteral("completed"), QStringLiteral("voicemail"), {}}, 1, mon11, window).at,
             ist("2025-11-24T11:30:00"));
}

void tst_RetryPolicy::retriesNeverLandOutsideWindow()
{
    RetryPolicy policy(RetryConfig{20, 3600, 48 * 3600});
    auto w = CallingWindow::make(QStringLiteral("08:00"), QStringLiteral("22:00"), QStringLiteral("mon,wed,fri"),
                                 QStringLiteral("Asia/Kolkata"), QStringLiteral("2025-11-26"));
    QVERIFY(w.ok());
    QDateTime now = ist("2025-11-24T08:00:00");
    for (int attempt = 1; attempt < 20; ++attempt) {
        now = now.addSecs(37 * 60 * attempt);
        const RetryDecision d = policy.decide(AttemptResult{QStringLiteral("busy"), {}, {}}, attempt, now, w.value());
        QCOMPARE(d.leadStatus, QStringLiteral("retry"));
        QVERIFY2(w->isOpen(d.at), qPrintable(d.at.toString(Qt::ISODate)));
        QVERIFY(d.at >= now.addSecs(policy.backoffSeconds(attempt)));
        const QDateTime local = d.at.toTimeZone(QTimeZone("Asia/Kolkata"));
        QVERIFY(local.time() >= QTime(9, 0) && local.time() < QTime(21, 0));
        QVERIFY(local.date() != QDate(2025, 11, 26));
    }
}

// A hot lead handed to a sales agent who did not pick up: the call itself went well
// ("interested"), yet the lead gets a callback after retry_delay, inside the window.
void tst_RetryPolicy::unansweredHandoff_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("leadStatus");
    QTest::addColumn<QDateTime>("at"); // invalid = no further call
    const QDateTime mon11 = ist("2025-11-24T11:00:00");
    QTest::newRow("1st attempt -> callback in 30 min") << 1 << mon11 << "callback" << ist("2025-11-24T11:30:00");
    QTest::newRow("last regular attempt -> still a callback") << 3 << mon11 << "callback" << ist("2025-11-24T11:30:00");
    QTest::newRow("at 18:45 -> next morning") << 1 << ist("2025-11-24T18:45:00") << "callback" << ist("2025-11-25T10:00:00");
    QTest::newRow("beyond max+2 -> exhausted") << 5 << mon11 << "exhausted" << QDateTime();
}

void tst_RetryPolicy::unansweredHandoff()
{
    QFETCH(int, attempts);
    QFETCH(QDateTime, now);
    QFETCH(QString, leadStatus);
    QFETCH(QDateTime, at);
    RetryPolicy policy(RetryConfig{3, 1800, 24 * 3600});
    const CallingWindow window; // 10:00-19:00 mon..sat IST
    AttemptResult r{QStringLiteral("completed"), QStringLiteral("interested"), {}, 0};
    r.handoffNotAnswered = true;
    const RetryDecision d = policy.decide(r, attempts, now, window);
    QCOMPARE(d.leadStatus, leadStatus);
    QCOMPARE(d.schedulesAnotherCall(), at.isValid());
    if (at.isValid())
        QCOMPARE(d.at, at);
    QCOMPARE(d.lastOutcome, QStringLiteral("interested"));
    // Answered: the usual "interested -> never again".
    r.handoffNotAnswered = false;
    QCOMPARE(policy.decide(r, attempts, now, window).leadStatus, QStringLiteral("completed"));
}

QTEST_GUILESS_MAIN(tst_RetryPolicy)
#include "tst_retrypolicy.moc"
