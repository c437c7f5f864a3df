// LiveCallsModel: one row per active call (lead, masked phone, state, duration, last utterance),
// fed by the LiveCallsFeed's batches. A batch is applied as ranges: a call that starts takes the
// row of one that ended in the same batch (rows stay put under steady load), changed rows are
// reported as contiguous dataChanged ranges, rows left over go in contiguous beginRemoveRows,
// calls left over are appended with one beginInsertRows; the model is never reset per update.
// Durations tick through tick() (one dataChanged over the Duration column).
// Thread: GUI thread.
#pragma once

#include "ui/live/livesnapshots.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

namespace Leadline::Ui {

class LiveCallsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Lead, Phone, State, Duration, LastUtterance, ColumnCount };
    enum Role { CallIdRole = Qt::UserRole + 1, StateCodeRole, CampaignIdRole };

    using QAbstractTableModel::QAbstractTableModel;

    void applyBatch(const LiveCallsBatch &batch);
    void clear();
    // Re-emits the Duration column (call once a second); nowMs: wall clock, ms since epoch.
    void tick(qint64 nowMs);
    void refreshTexts(); // after a language change

    int rowOf(qint64 callId) const { return m_rows.value(callId, -1); }
    const LiveCall *call(qint64 callId) const;
    const LiveCall &callAt(int row) const { return m_calls.at(row); }
    int activeCalls() const { return int(m_calls.size()); }
    int activeCalls(qint64 campaignId) const;

    // "+919876543210" -> "+9198•••••210", "9876543210" -> "98•••••210": five middle digits
    // hidden, separators kept. Numbers that already carry a mask (•, *, x, X) are returned unchanged.
    static QString maskPhone(const QString &phone);
    static QString stateText(const QString &code);
    static QIcon stateIcon(const QString &code); // a coloured dot per state (GUI thread)
    static QString durationText(qint64 seconds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The calls in callIds changed (value already in the model); the transcript pane listens.
    void callsUpdated(const QSet<qint64> &callIds);

private:
    void reindex(int from);
    void forgetRow(int row); // drops row's call id from the index
    void emitRanges(QList<int> rows, int firstColumn, int lastColumn);

    QList<LiveCall> m_calls;
    QHash<qint64, int> m_rows; // call id -> row
    qint64 m_nowMs = 0;
};

} // namespace Leadline::Ui
