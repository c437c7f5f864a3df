// Translated labels for the call-history codes: call statuses (Exotel's), conversation outcomes
// and the names of the fields the end_call tool extracts. Codes stay English identifiers; the
// console shows the translation (unknown codes are shown as they are).
// Thread: GUI thread (uses the installed translators).
#pragma once

#include <QString>
#include <QStringList>

namespace Leadline::Ui::HistoryLabels {

QString callStatus(const QString &code);
QString outcome(const QString &code);
// A lead's last result: a conversation outcome, the dialer's own verdict or the carrier's status.
QString lastResult(const QString &code);
QString field(const QString &key);
QString speaker(const QString &code);
QStringList callStatusCodes(); // in a sensible display order
QStringList outcomeCodes();
// "m:ss" (or "h:mm:ss") for a duration in seconds; "" for 0.
QString duration(int seconds);
// "₹1,234.50" with Indian digit grouping.
QString rupees(double amount);

} // namespace Leadline::Ui::HistoryLabels
