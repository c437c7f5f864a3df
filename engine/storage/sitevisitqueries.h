// SiteVisitQueries: the site visits booked by a campaign's calls (REST /campaigns/{id}/site-visits,
// its CSV export and the console's Site visits view), with the confirmation SMS state.
// Thread: the caller's; construct with that thread's connection.
#pragma once

#include "core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Leadline::Storage {

struct SiteVisitRow
{
    qint64 callId = 0;
    qint64 leadId = 0;
    QString leadName;
    QString phoneE164;
    QString timezone;        // the lead's zone, or the campaign's
    qint64 visitAt = 0;      // UTC ms
    int visitors = 0;
    int turn = -1;           // the caller turn the booking came from
    QString language;
    QString questionForAdvisor;
    int briefVersion = 0;
    QString smsStatus;       // queued, sent, failed, not_configured; empty = none recorded
    qint64 bookedAt = 0;     // when the call ended

    static QStringList csvHeader();
    QStringList csvCells() const; // times in the row's time zone
};

// One CSV cell: quoted when needed, and with a leading ' when a spreadsheet would read it as a
// formula (= @ tab CR, or + - not followed by a digit). Shared by every CSV export.
QByteArray csvField(const QString &value);
// The cells as one CSV line ending in CRLF.
QByteArray csvLine(const QStringList &cells);

class SiteVisitQueries
{
public:
    explicit SiteVisitQueries(QSqlDatabase db) : m_db(std::move(db)) {}
    // Soonest visit first.
    Result<QList<SiteVisitRow>> forCampaign(qint64 campaignId, int limit = 10000);

private:
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
