// LiveCallsView: the "Live calls" tab. A table of the active calls (LiveCallsModel) and, for the
// selected call, its live transcript as a chat (agent and caller bubbles, per-turn latency on
// agent turns). The supervisor's "Hang up" (button and context menu) asks for confirmation and
// emits hangUpRequested(callId); MainWindow forwards it to the engine hook.
// Thread: GUI thread.
#pragma once

#include "ui/live/livesnapshots.h"

#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTextBrowser;

namespace Leadline::Ui {

class LiveCallsModel;

class LiveCallsView : public QWidget
{
    Q_OBJECT
public:
    explicit LiveCallsView(LiveCallsModel &model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QTextBrowser *transcript() const { return m_transcript; }
    QLabel *callTitle() const { return m_callTitle; }
    QPushButton *hangUpButton() const { return m_hangUpButton; }
    QAction *hangUpAction() const { return m_hangUpAction; }
    QSplitter *splitter() const { return m_splitter; }

    qint64 selectedCallId() const { return m_selected; }
    void selectCall(qint64 callId);
    // Whether the engine offers hang-up at all (the hook is set).
    void setHangUpAvailable(bool available);
    // Confirms, then emits hangUpRequested for the selected call.
    void hangUpSelected();

    // Asks the supervisor; QMessageBox by default, replaced in tests.
    std::function<bool(const QString &title, const QString &text)> confirm;

    // The chat HTML for a call's turns (exposed for tests).
    static QString transcriptHtml(const LiveCall &call);
    // One turn's chat bubble (what transcriptHtml repeats, and what a new turn appends).
    static QString turnHtml(const LiveTurn &turn);

Q_SIGNALS:
    void hangUpRequested(qint64 callId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onCurrentChanged();
    void onCallsUpdated(const QSet<qint64> &ids);
    void afterRowsRemoved();
    void selectedCallEnded();
    void renderTranscript();
    void updateActions();
    void updateEmptyState();

    LiveCallsModel &m_model;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyNote = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_callTitle = nullptr;
    QTextBrowser *m_transcript = nullptr;
    QPushButton *m_hangUpButton = nullptr;
    QAction *m_hangUpAction = nullptr;

    qint64 m_selected = 0;
    LiveCall m_lastSeen;     // value of the selected call, kept after it ends
    bool m_selectedEnded = false;
    bool m_removing = false;
    bool m_hangUpAvailable = true;
    // What the transcript shows: appending the new turns of the same call is far cheaper than
    // laying the whole chat out again (500 live calls update the selected one all the time).
    qint64 m_renderedCallId = 0;
    int m_renderedLastTurn = 0;
};

} // namespace Leadline::Ui
