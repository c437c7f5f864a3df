// The console's translations: the shipped Hindi file is complete (every message translated,
// placeholders kept), and every lead status and last result the engine can write (the
// dialer's, the retry policy's over all carrier statuses and outcomes, the end_call tool's
// outcome enum) is shown as words in English and in Hindi, never as a raw code.
#include "campaigns/retrypolicy.h"
#include "conversation/prompts.h"
#include "ui/common/labels.h"
#include "ui/history/historylabels.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Leadline;

namespace {

struct EngineCodes
{
    QSet<QString> leadStatuses;
    QSet<QString> lastResults;
};

// What the engine writes to leads.status and leads.last_outcome.
EngineCodes engineCodes()
{
    EngineCodes out;
    // The dialer's own writes (storage/dialerqueue.cpp): a lead waiting, being called, found on
    // the do-not-call list, or with no calling window left.
    out.leadStatuses << QStringLiteral("pending") << QStringLiteral("calling") << QStringLiteral("do_not_call")
                     << QStringLiteral("unschedulable");
    out.lastResults << QStringLiteral("dnc") << QStringLiteral("no_calling_window");

    // The conversation outcomes the model may give (the end_call tool's enum), the call
    // screener's and the vendor-failure outcome.
    QStringList outcomes{QString(), QStringLiteral("technical_failure"), QStringLiteral("ivr"),
                         QStringLiteral("invalid_number"), QStringLiteral("unreachable"),
                         QStringLiteral("site_visit")}; // a booked site visit (conversation/briefagent.cpp)
    for (const QJsonValue &tool : Conversation::callTools(true)) {
        const QJsonObject fn = tool.toObject().value(QStringLiteral("function")).toObject();
        const QJsonArray values = fn.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("properties"))
                                      .toObject().value(QStringLiteral("outcome")).toObject().value(QStringLiteral("enum")).toArray();
        for (const QJsonValue &v : values)
            if (!outcomes.contains(v.toString()))
                outcomes << v.toString();
    }
    const QStringList carrier{QStringLiteral("completed"), QStringLiteral("busy"), QStringLiteral("no-answer"),
                              QStringLiteral("failed"), QStringLiteral("canceled"), QStringLiteral("unknown")};
    const Campaigns::RetryPolicy policy;
    const QDateTime now = QDateTime(QDate(2026, 3, 2), QTime(6, 0), Qt::UTC); // a Monday, 11:30 IST
    // 06:00-08:00 lies wholly outside the legal 09:00-21:00: it never opens.
    const auto closed = Campaigns::CallingWindow::make(QStringLiteral("06:00"), QStringLiteral("08:00"), QString(),
                                                       QStringLiteral("Asia/Kolkata"));
    for (const QString &status : carrier)
        for (const QString &outcome : std::as_const(outcomes))
            for (int attempts : {1, 3, 6})
                for (int priorFailures : {0, 1})
                    for (bool open : {true, false}) {
                        Campaigns::AttemptResult r;
                        r.carrierStatus = status;
                        r.outcome = outcome;
                        r.callbackAt = now.addSecs(3600);
                        r.priorCarrierFailures = priorFailures;
                        const auto d = policy.decide(r, attempts, now, open ? Campaigns::CallingWindow() : closed.value());
                        out.leadStatuses << d.leadStatus;
                        out.lastResults << d.lastOutcome;
                    }
    out.leadStatuses.remove(QString());
    out.lastResults.remove(QString());
    return out;
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hindiFileIsComplete();
    void engineCodesAreWords();
};

void tst_Translations::hindiFileIsComplete()
{
    QFile file(QStringLiteral(LEADLINE_SOURCE_DIR "/translations/leadline_hi.ts"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    const QRegularExpression placeholder(QStringLiteral("%(?:\\d+|n)"));
    int messages = 0;
    QStringList problems;
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const bool numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")
                                 || source.contains(QLatin1String("%n"));
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty()) {
                problems << QStringLiteral("untranslated: %1").arg(source);
                continue;
            }
            QStringList wanted;
            auto it = placeholder.globalMatch(source);
            while (it.hasNext())
                wanted << it.next().captured();
            for (const QString &p : std::as_const(wanted))
                if (!text.contains(p) && !(numerus && p == QLatin1String("%n")))
                    problems << QStringLiteral("%1 lost in: %2").arg(p, source);
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 400, qPrintable(QString::number(messages)));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_Translations::engineCodesAreWords()
{
    const EngineCodes codes = engineCodes();
    // The exploration reaches the statuses the retry policy documents.
    for (const char *s : {"retry", "callback", "completed", "exhausted", "unreachable", "unschedulable", "wrong_number", "ivr"})
        QVERIFY2(codes.leadStatuses.contains(QLatin1String(s)), s);

    QHash<QString, QString> english;
    for (const QString &code : codes.leadStatuses) {
        const QString text = Ui::Labels::leadStatus(code);
        QVERIFY2(text != code && !text.contains(QLatin1Char('_')), qPrintable(QStringLiteral("lead status %1").arg(code)));
        english.insert(QLatin1String("s:") + code, text);
    }
    for (const QString &code : codes.lastResults) {
        const QString text = Ui::HistoryLabels::lastResult(code);
        QVERIFY2(text != code && !text.contains(QLatin1Char('_')), qPrintable(QStringLiteral("last result %1").arg(code)));
        english.insert(QLatin1String("r:") + code, text);
    }

    QTranslator hindi;
    QVERIFY(hindi.load(QStringLiteral(":/i18n/leadline_hi.qm")));
    QCoreApplication::installTranslator(&hindi);
    for (const QString &code : codes.leadStatuses)
        QVERIFY2(Ui::Labels::leadStatus(code) != english.value(QLatin1String("s:") + code),
                 qPrintable(QStringLiteral("lead status %1 not in Hindi").arg(code)));
    for (const QString &code : codes.lastResults)
        QVERIFY2(Ui::HistoryLabels::lastResult(code) != english.value(QLatin1String("r:") + code),
                 qPrintable(QStringLiteral("last result %1 not in Hindi").arg(code)));
    QCoreApplication::removeTranslator(&hindi);
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
