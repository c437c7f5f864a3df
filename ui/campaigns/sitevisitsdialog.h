// SiteVisitsDialog: the site visits a campaign's calls booked (soonest first: lead, phone, date
// and time in the lead's zone, visitors, confirmation SMS, the question left for an advisor),
// refreshed on demand and exported as CSV (the same columns as GET /campaigns/{id}/site-visits.csv).
// Thread: GUI thread; engine work goes through the ConsoleBackendHost it is given.
#pragma once

#include "ui/backend/snapshots.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace Leadline::Ui {

class ConsoleBackendHost;

class SiteVisitsDialog : public QDialog
{
    Q_OBJECT
public:
    SiteVisitsDialog(const ConsoleBackendHost &backend, qint64 campaignId, const QString &campaignName, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // Writes the rows shown as CSV; false (with the reason in *error) when the file cannot be written.
    bool exportCsv(const QString &path, QString *error) const;

private:
    void refresh();
    void onVisits(const SiteVisitsSnapshot &s);
    QString smsLabel(const QString &status) const;

    const ConsoleBackendHost &m_backend;
    qint64 m_campaignId;
    quint64 m_request = 0;
    QList<Storage::SiteVisitRow> m_rows;
    QTableWidget *m_table = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace Leadline::Ui
