#include "labels.h"

#include "ui/common/codetable.h"

namespace Leadline::Ui::Labels {

namespace {

// Context "Labels": one tr context for every code table of the console.
const CodeLabel kCampaignStatus[] = {
    {"draft", QT_TRANSLATE_NOOP("Labels", "Draft")},
    {"running", QT_TRANSLATE_NOOP("Labels", "Running")},
    {"paused", QT_TRANSLATE_NOOP("Labels", "Paused")},
    {"done", QT_TRANSLATE_NOOP("Labels", "Done")},
};

// The statuses the dialer and the retry policy write to leads.status.
const CodeLabel kLeadStatus[] = {
    {"pending", QT_TRANSLATE_NOOP("Labels", "Pending")},
    {"calling", QT_TRANSLATE_NOOP("Labels", "Calling")},
    {"retry", QT_TRANSLATE_NOOP("Labels", "Retry scheduled")},
    {"callback", QT_TRANSLATE_NOOP("Labels", "Callback scheduled")},
    {"completed", QT_TRANSLATE_NOOP("Labels", "Completed")},
    {"exhausted", QT_TRANSLATE_NOOP("Labels", "Attempts used up")},
    {"unreachable", QT_TRANSLATE_NOOP("Labels", "Unreachable")},
    {"unschedulable", QT_TRANSLATE_NOOP("Labels", "No calling window")},
    {"do_not_call", QT_TRANSLATE_NOOP("Labels", "Do not call")},
    {"wrong_number", QT_TRANSLATE_NOOP("Labels", "Wrong number")},
    {"invalid_number", QT_TRANSLATE_NOOP("Labels", "Invalid number")},
    {"ivr", QT_TRANSLATE_NOOP("Labels", "Phone menu (IVR)")},
};

const CodeLabel kRejectReason[] = {
    {"missing_phone", QT_TRANSLATE_NOOP("Labels", "Missing phone")},
    {"invalid_phone", QT_TRANSLATE_NOOP("Labels", "Invalid phone")},
    {"duplicate_in_file", QT_TRANSLATE_NOOP("Labels", "Duplicate in file")},
    {"duplicate_existing", QT_TRANSLATE_NOOP("Labels", "Already in campaign")},
    {"on_dnc", QT_TRANSLATE_NOOP("Labels", "On do-not-call list")},
    {"bad_encoding", QT_TRANSLATE_NOOP("Labels", "Bad encoding")},
    {"too_many_columns", QT_TRANSLATE_NOOP("Labels", "Too many columns")},
};

const CodeLabel kImportError[] = {
    {"bad_encoding", QT_TRANSLATE_NOOP("Labels", "The file is not valid UTF-8; save it as \"CSV UTF-8\" and try again.")},
    {"not_a_csv", QT_TRANSLATE_NOOP("Labels", "The file is not a usable CSV.")},
    {"no_phone_column", QT_TRANSLATE_NOOP("Labels", "The file has no phone column.")},
    {"empty_file", QT_TRANSLATE_NOOP("Labels", "The file is empty.")},
    {"cancelled", QT_TRANSLATE_NOOP("Labels", "Cancelled; nothing from this file was imported.")},
    {"open_failed", QT_TRANSLATE_NOOP("Labels", "The file could not be opened.")},
    {"payload_too_large", QT_TRANSLATE_NOOP("Labels", "The file is too large.")},
    {"not_found", QT_TRANSLATE_NOOP("Labels", "The campaign no longer exists.")},
    {"unavailable", QT_TRANSLATE_NOOP("Labels", "The database is not reachable.")},
};

const CodeLabel kWeekday[] = {
    {"mon", QT_TRANSLATE_NOOP("Labels", "Mon")}, {"tue", QT_TRANSLATE_NOOP("Labels", "Tue")},
    {"wed", QT_TRANSLATE_NOOP("Labels", "Wed")}, {"thu", QT_TRANSLATE_NOOP("Labels", "Thu")},
    {"fri", QT_TRANSLATE_NOOP("Labels", "Fri")}, {"sat", QT_TRANSLATE_NOOP("Labels", "Sat")},
    {"sun", QT_TRANSLATE_NOOP("Labels", "Sun")},
};

template<std::size_t N>
QString lookup(const CodeLabel (&table)[N], const QString &code, const QString &fallback)
{
    return codeLabel("Labels", table, code, fallback);
}

} // namespace

QString campaignStatus(const QString &code) { return lookup(kCampaignStatus, code, code); }
QString leadStatus(const QString &code) { return lookup(kLeadStatus, code, code); }

QStringList leadStatusCodes() { return codesOf(kLeadStatus); }
QString rejectReason(const QString &code) { return lookup(kRejectReason, code, code); }
QString weekday(const QString &code) { return lookup(kWeekday, code, code); }

QString importError(const QString &code)
{
    return lookup(kImportError, code,
                  QCoreApplication::translate("Labels", "The import failed (%1).").arg(code));
}

} // namespace Leadline::Ui::Labels
