#include "historylabels.h"

#include "storage/callstatus.h"
#include "ui/common/codetable.h"

#include <QCoreApplication>
#include <cmath>

namespace Leadline::Ui::HistoryLabels {

namespace {

const StatusLabel<Storage::CallStatus> kCallStatus[] = {
    {Storage::CallStatus::Completed, QT_TRANSLATE_NOOP("HistoryLabels", "Completed")},
    {Storage::CallStatus::InProgress, QT_TRANSLATE_NOOP("HistoryLabels", "In progress")},
    {Storage::CallStatus::Ringing, QT_TRANSLATE_NOOP("HistoryLabels", "Ringing")},
    {Storage::CallStatus::Dialing, QT_TRANSLATE_NOOP("HistoryLabels", "Dialing")},
    {Storage::CallStatus::Created, QT_TRANSLATE_NOOP("HistoryLabels", "Created")},
    {Storage::CallStatus::Busy, QT_TRANSLATE_NOOP("HistoryLabels", "Busy")},
    {Storage::CallStatus::NoAnswer, QT_TRANSLATE_NOOP("HistoryLabels", "No answer")},
    {Storage::CallStatus::Failed, QT_TRANSLATE_NOOP("HistoryLabels", "Failed")},
    {Storage::CallStatus::Canceled, QT_TRANSLATE_NOOP("HistoryLabels", "Canceled")},
    {Storage::CallStatus::Unknown, QT_TRANSLATE_NOOP("HistoryLabels", "Unknown")},
    {Storage::CallStatus::NotPlaced, QT_TRANSLATE_NOOP("HistoryLabels", "Not placed")},
};

const StatusLabel<Storage::ConversationOutcome> kOutcome[] = {
    {Storage::ConversationOutcome::Interested, QT_TRANSLATE_NOOP("HistoryLabels", "Interested")},
    {Storage::ConversationOutcome::SiteVisit, QT_TRANSLATE_NOOP("HistoryLabels", "Site visit booked")},
    {Storage::ConversationOutcome::Qualified, QT_TRANSLATE_NOOP("HistoryLabels", "Qualified")},
    {Storage::ConversationOutcome::Callback, QT_TRANSLATE_NOOP("HistoryLabels", "Callback")},
    {Storage::ConversationOutcome::NotInterested, QT_TRANSLATE_NOOP("HistoryLabels", "Not interested")},
    {Storage::ConversationOutcome::WrongNumber, QT_TRANSLATE_NOOP("HistoryLabels", "Wrong number")},
    {Storage::ConversationOutcome::DoNotCall, QT_TRANSLATE_NOOP("HistoryLabels", "Do not call")},
    {Storage::ConversationOutcome::Voicemail, QT_TRANSLATE_NOOP("HistoryLabels", "Voicemail")},
    {Storage::ConversationOutcome::NoResponse, QT_TRANSLATE_NOOP("HistoryLabels", "No response")},
    {Storage::ConversationOutcome::Incomplete, QT_TRANSLATE_NOOP("HistoryLabels", "Incomplete")},
    {Storage::ConversationOutcome::TechnicalFailure, QT_TRANSLATE_NOOP("HistoryLabels", "Technical failure")},
    {Storage::ConversationOutcome::Ivr, QT_TRANSLATE_NOOP("HistoryLabels", "Phone menu (IVR)")},
    {Storage::ConversationOutcome::Unreachable, QT_TRANSLATE_NOOP("HistoryLabels", "Unreachable")},
    {Storage::ConversationOutcome::InvalidNumber, QT_TRANSLATE_NOOP("HistoryLabels", "Invalid number")},
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

template<typename Table>
QString lookup(const Table &table, const QString &code)
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
