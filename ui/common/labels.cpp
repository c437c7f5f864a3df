#include "labels.h"

#include "storage/campaignstatus.h"
#include "storage/leadstatus.h"
#include "ui/common/codetable.h"

namespace Leadline::Ui::Labels {

namespace {

// Context "Labels": one tr context for every code table of the console.
const StatusLabel<Storage::CampaignStatus> kCampaignStatus[] = {
    {Storage::CampaignStatus::Draft, QT_TRANSLATE_NOOP("Labels", "Draft")},
    {Storage::CampaignStatus::Running, QT_TRANSLATE_NOOP("Labels", "Running")},
    {Storage::CampaignStatus::Paused, QT_TRANSLATE_NOOP("Labels", "Paused")},
    {Storage::CampaignStatus::Done, QT_TRANSLATE_NOOP("Labels", "Done")},
};

// The statuses the dialer and the retry policy write to leads.status (filter order).
const StatusLabel<Storage::LeadStatus> kLeadStatus[] = {
    {Storage::LeadStatus::Pending, QT_TRANSLATE_NOOP("Labels", "Pending")},
    {Storage::LeadStatus::Calling, QT_TRANSLATE_NOOP("Labels", "Calling")},
    {Storage::LeadStatus::Retry, QT_TRANSLATE_NOOP("Labels", "Retry scheduled")},
    {Storage::LeadStatus::Callback, QT_TRANSLATE_NOOP("Labels", "Callback scheduled")},
    {Storage::LeadStatus::Completed, QT_TRANSLATE_NOOP("Labels", "Completed")},
    {Storage::LeadStatus::Exhausted, QT_TRANSLATE_NOOP("Labels", "Attempts used up")},
    {Storage::LeadStatus::Unreachable, QT_TRANSLATE_NOOP("Labels", "Unreachable")},
    {Storage::LeadStatus::Unschedulable, QT_TRANSLATE_NOOP("Labels", "No calling window")},
    {Storage::LeadStatus::DoNotCall, QT_TRANSLATE_NOOP("Labels", "Do not call")},
    {Storage::LeadStatus::WrongNumber, QT_TRANSLATE_NOOP("Labels", "Wrong number")},
    {Storage::LeadStatus::InvalidNumber, QT_TRANSLATE_NOOP("Labels", "Invalid number")},
    {Storage::LeadStatus::Ivr, QT_TRANSLATE_NOOP("Labels", "Phone menu (IVR)")},
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

template<typename Table>
QString lookup(const Table &table, const QString &code, const QString &fallback)
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
