#include "historylabels.h"

#include "ui/common/codetable.h"

#include <QCoreApplication>
#include <cmath>

namespace Leadline::Ui::HistoryLabels {

namespace {

const CodeLabel kCallStatus[] = {
    {"completed", QT_TRANSLATE_NOOP("HistoryLabels", "Completed")},
    {"in-progress", QT_TRANSLATE_NOOP("HistoryLabels", "In progress")},
    {"ringing", QT_TRANSLATE_NOOP("HistoryLabels", "Ringing")},
    {"dialing", QT_TRANSLATE_NOOP("HistoryLabels", "Dialing")},
    {"created", QT_TRANSLATE_NOOP("HistoryLabels", "Created")},
    {"busy", QT_TRANSLATE_NOOP("HistoryLabels", "Busy")},
    {"no-answer", QT_TRANSLATE_NOOP("HistoryLabels", "No answer")},
    {"failed", QT_TRANSLATE_NOOP("HistoryLabels", "Failed")},
    {"canceled", QT_TRANSLATE_NOOP("HistoryLabels", "Canceled")},
    {"unknown", QT_TRANSLATE_NOOP("HistoryLabels", "Unknown")},
    {"not_placed", QT_TRANSLATE_NOOP("HistoryLabels", "Not placed")},
};

const CodeLabel kOutcome[] = {
    {"interested", QT_TRANSLATE_NOOP("HistoryLabels", "Interested")},
    {"site_visit", QT_TRANSLATE_NOOP("HistoryLabels", "Site visit booked")},
    {"qualified", QT_TRANSLATE_NOOP("HistoryLabels", "Qualified")},
    {"callback", QT_TRANSLATE_NOOP("HistoryLabels", "Callback")},
    {"not_interested", QT_TRANSLATE_NOOP("HistoryLabels", "Not interested")},
    {"wrong_number", QT_TRANSLATE_NOOP("HistoryLabels", "Wrong number")},
    {"do_not_call", QT_TRANSLATE_NOOP("HistoryLabels", "Do not call")},
    {"voicemail", QT_TRANSLATE_NOOP("HistoryLabels", "Voicemail")},
    {"no_response", QT_TRANSLATE_NOOP("HistoryLabels", "No response")},
    {"incomplete", QT_TRANSLATE_NOOP("HistoryLabels", "Incomplete")},
    {"technical_failure", QT_TRANSLATE_NOOP("HistoryLabels", "Technical failure")},
    {"ivr", QT_TRANSLATE_NOOP("HistoryLabels", "Phone menu (IVR)")},
    {"unreachable", QT_TRANSLATE_NOOP("HistoryLabels", "Unreachable")},
    {"invalid_number", QT_TRANSLATE_NOOP("HistoryLabels", "Invalid number")},
};

// What only a lead's last result says (the dialer's own verdicts, no call made).
const CodeLabel kDialerResult[] = {
    {"dnc", QT_TRANSLATE_NOOP("HistoryLabels", "On do-not-call list")},
    {"no_calling_window", QT_TRANSLATE_NOOP("HistoryLabels", "No calling window")},
};

const CodeLabel kField[] = {
    {"budget", QT_TRANSLATE_NOOP("HistoryLabels", "Budget")},
    {"property", QT_TRANSLATE_NOOP("HistoryLabels", "Property")},
    {"location", QT_TRANSLATE_NOOP("HistoryLabels", "Location")},
    {"timeline", QT_TRANSLATE_NOOP("HistoryLabels", "Timeline")},
    {"callback_time", QT_TRANSLATE_NOOP("HistoryLabels", "Callback time")},
    {"name", QT_TRANSLATE_NOOP("HistoryLabels", "Name")},
    {"notes", QT_TRANSLATE_NOOP("HistoryLabels", "Notes")},
    {"summary", QT_TRANSLATE_NOOP("HistoryLabels", "Summary")},
    {"failure", QT_TRANSLATE_NOOP("HistoryLabels", "Failure")},
    {"hung_up_by", QT_TRANSLATE_NOOP("HistoryLabels", "Hung up by")},
};

const CodeLabel kSpeaker[] = {
    {"agent", QT_TRANSLATE_NOOP("HistoryLabels", "Agent")},
    {"caller", QT_TRANSLATE_NOOP("HistoryLabels", "Caller")},
};

template<std::size_t N>
QString lookup(const CodeLabel (&table)[N], const QString &code)
{
    return codeLabel("HistoryLabels", table, code, code);
}

} // namespace

QString callStatus(const QString &code) { return lookup(kCallStatus, code); }
QString outcome(const QString &code) { return lookup(kOutcome, code); }

QString lastResult(const QString &code)
{
    if (findCode(kOutcome, code))
        return outcome(code);
    if (findCode(kDialerResult, code))
        return lookup(kDialerResult, code);
    return callStatus(code);
}
QString field(const QString &key) { return lookup(kField, key); }
QString speaker(const QString &code) { return lookup(kSpeaker, code); }
QStringList callStatusCodes() { return codesOf(kCallStatus); }
QStringList outcomeCodes() { return codesOf(kOutcome); }

QString duration(int s)
{
    if (s <= 0)
        return {};
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString rupees(double amount)
{
    const qint64 paise = qint64(std::llround(amount * 100.0));
    QString whole = QString::number(qAbs(paise) / 100);
    // Indian grouping: last three digits, then pairs (12,34,567).
    if (whole.size() > 3) {
        QString head = whole.left(whole.size() - 3);
        const QString tail = whole.right(3);
        QStringList groups;
        while (head.size() > 2) {
            groups.prepend(head.right(2));
            head.chop(2);
        }
        if (!head.isEmpty())
            groups.prepend(head);
        whole = groups.join(QLatin1Char(',')) + QLatin1Char(',') + tail;
    }
    return (paise < 0 ? QStringLiteral("-\u20b9") : QStringLiteral("\u20b9")) + whole + QLatin1Char('.')
           + QStringLiteral("%1").arg(qAbs(paise) % 100, 2, 10, QLatin1Char('0'));
}

} // namespace Leadline::Ui::HistoryLabels
