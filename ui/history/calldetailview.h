// CallDetailView: the History tab's detail pane for one call: who and when, status and outcome,
// duration, cost estimate, the recording link, the extracted fields (what the caller said and
// what the engine made of it) and the full transcript. Clicking a field selects, highlights and
// scrolls to the transcript turn it came from. Thread: GUI thread (shows value snapshots only).
#pragma once

#include "ui/backend/snapshots.h"

#include <QWidget>

class QLabel;
class QTableWidget;
class QTreeWidget;

namespace Leadline::Ui {

class CallDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit CallDetailView(QWidget *parent = nullptr);

    // Shows a call; row gives the names the call row does not carry.
    void setCall(const Storage::CallHistoryRow &row, const CallDetailSnapshot &detail);
    void clear();
    qint64 callId() const { return m_detail.call.id; }

    // Selects and highlights the transcript turn with this index (false when there is none).
    bool highlightTurn(int turnIndex);
    int highlightedTurn() const { return m_highlighted; }

    QTableWidget *fieldsTable() const { return m_fields; }
    QTreeWidget *transcript() const { return m_transcript; }
    QLabel *recordingLabel() const { return m_recording; }
    QLabel *costLabel() const { return m_cost; }

    enum { TurnRole = Qt::UserRole + 1 }; // on field rows: the turn index, or -1

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void render();
    void fillFields();

    Storage::CallHistoryRow m_row;
    CallDetailSnapshot m_detail;
    bool m_hasCall = false;
    int m_highlighted = -1;

    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_cost = nullptr;
    QLabel *m_recording = nullptr;
    QLabel *m_fieldsLabel = nullptr;
    QTableWidget *m_fields = nullptr;
    QLabel *m_transcriptLabel = nullptr;
    QTreeWidget *m_transcript = nullptr;
};

} // namespace Leadline::Ui
