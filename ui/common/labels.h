// Translated labels for the engine's stable codes (campaign and lead statuses, import reject
// reasons, whole-file import errors). The codes stay English identifiers; the console shows
// the translation. Thread: GUI thread (uses the installed translators).
#pragma once

#include <QString>
#include <QStringList>

namespace Leadline::Ui::Labels {

QString campaignStatus(const QString &code);
QString leadStatus(const QString &code);
QStringList leadStatusCodes(); // every status the engine writes
QString rejectReason(const QString &code);
QString importError(const QString &code);
QString weekday(const QString &code); // "mon".."sun", short form

} // namespace Leadline::Ui::Labels
