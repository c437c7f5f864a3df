// HistoryModel: the calls of one campaign (or of every campaign) as a table, filtered and sorted
// in the database and loaded lazily in pages. fetchMore() posts a page request to the
// ConsoleBackend and returns at once; rows are inserted when the page arrives. sort() and
// setFilter() reload from the first page. Thread: GUI thread; talks to the backend only through
// ConsoleBackendHost::post and its signals.
#pragma once

#include "ui/backend/snapshots.h"

#include <QAbstractTableModel>

namespace Leadline::Ui {

class ConsoleBackendHost;

class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Campaign, Lead, Phone, Status, Outcome, Duration, Attempt, ColumnCount };
    enum Role { CallIdRole = Qt::UserRole + 1, StatusCodeRole, OutcomeCodeRole };

    explicit HistoryModel(const ConsoleBackendHost &backend, QObject *parent = nullptr);

    // Clears the table and loads the first page for this filter (its sort is kept from sort()).
    void setFilter(const Storage::CallHistoryFilter &filter);
    Storage::CallHistoryFilter filter() const { return m_filter; }
    void reload() { setFilter(m_filter); }

    void setPageSize(int rows) { m_pageSize = rows; }
    qint64 totalCount() const { return m_total; }
    bool isLoading() const { return m_pendingRequest != 0; }
    bool atEnd() const { return m_atEnd; }
    const Storage::CallHistoryRow *rowAt(int row) const;
    int rowOfCall(qint64 callId) const;
    void refreshTexts();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void pageLoaded(int rowsAdded, qint64 total);
    void loadFailed(const QString &message);

private:
    void onPage(const HistoryPageSnapshot &page);
    void onFailed(const BackendError &error);

    const ConsoleBackendHost &m_backend;
    Storage::CallHistoryFilter m_filter;
    QList<Storage::CallHistoryRow> m_rows;
    qint64 m_total = 0;
    bool m_atEnd = true;
    bool m_active = false; // a filter was set
    int m_pageSize = 200;
    quint64 m_pendingRequest = 0;
};

} // namespace Leadline::Ui
