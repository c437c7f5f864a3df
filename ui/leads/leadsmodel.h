// LeadsModel: the leads of one campaign as a table, loaded lazily in keyset pages. fetchMore()
// posts a page request to the ConsoleBackend and returns at once; rows are inserted when the
// page arrives (data() never blocks, the GUI thread never touches the database).
// Thread: GUI thread; talks to the backend only through ConsoleBackendHost::post and its signals.
#pragma once

#include "ui/backend/snapshots.h"

#include <QAbstractTableModel>
#include <QSet>

namespace Leadline::Ui {

class ConsoleBackendHost;

class LeadsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Phone, City, PropertyType, Budget, Language, Status, Attempts, LastOutcome, Line, ColumnCount };
    enum Role { StatusCodeRole = Qt::UserRole + 1, LeadIdRole };

    explicit LeadsModel(const ConsoleBackendHost &backend, QObject *parent = nullptr);

    // Clears the table and requests the first page of the campaign (0: no campaign).
    void setCampaign(qint64 campaignId);
    qint64 campaignId() const { return m_campaignId; }
    // Drops loaded rows and loads again from the first page (after an import).
    void reload() { setCampaign(m_campaignId); }
    // Reads these loaded rows again and updates them in place (statuses, attempts and results
    // change while a campaign runs); rows, order and scroll position stay. One refresh in flight.
    void refreshRows(const QList<int> &rows);
    bool isRefreshing() const { return m_pendingRefresh != 0; }

    void setPageSize(int rows) { m_pageSize = rows; }
    qint64 totalCount() const { return m_total; }   // as reported by the last page
    bool isLoading() const { return m_pendingRequest != 0; }
    bool atEnd() const { return m_atEnd; }
    QStringList statusCodes() const;                // distinct statuses among the loaded rows
    void refreshTexts();                            // after a language change

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void pageLoaded(int rowsAdded, qint64 total);
    void statusCodesChanged();
    void loadFailed(const QString &message);

private:
    void onPage(const LeadPageSnapshot &page);
    void onRefreshed(const LeadPageSnapshot &leads);
    int rowOfLead(qint64 leadId) const; // loaded rows are in id order
    void onFailed(const BackendError &error);

    const ConsoleBackendHost &m_backend;
    QList<Storage::LeadRow> m_rows;
    QSet<QString> m_statuses;
    qint64 m_campaignId = 0;
    qint64 m_nextAfter = 0;
    qint64 m_total = 0;
    bool m_atEnd = true;
    int m_pageSize = 500;
    quint64 m_pendingRequest = 0;
    quint64 m_pendingRefresh = 0;
};

} // namespace Leadline::Ui
