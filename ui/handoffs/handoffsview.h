// HandoffsView: the "Handoffs" tab: the hot-lead handoffs of the current campaign (or of every
// campaign), newest first: when the lead asked for a person, the lead, the sales agent it was
// handed to (or that nobody was free), the handoff's state and whether the agent answered. A
// thin view over HandoffRepository::handoffs(), read on the ConsoleBackend thread; refreshed
// when shown and every 5 s while visible.
// Thread: GUI thread.
#pragma once

#include "ui/backend/snapshots.h"
#include "ui/common/scopedview.h"

class QComboBox;
class QLabel;
class QTableWidget;

namespace Leadline::Ui {

class ConsoleBackendHost;

class HandoffsView : public ScopedView
{
    Q_OBJECT
public:
    enum Column { WhenColumn, LeadColumn, PhoneColumn, AgentColumn, StatusColumn, AnsweredColumn, ColumnCount };

    explicit HandoffsView(const ConsoleBackendHost &backend, QWidget *parent = nullptr);

    const HandoffsSnapshot &snapshot() const { return m_snapshot; }

    // The translated label of a handoff status code (pending, connecting, answered,
    // not_answered, failed); the code itself when unknown.
    static QString statusLabel(const QString &code);

    QTableWidget *table() const { return m_table; }
    QLabel *summaryLabel() const { return m_summary; }

private:
    void retranslate() override;
    void onSnapshot(const HandoffsSnapshot &s);
    void render();

    const ConsoleBackendHost &m_backend;
    HandoffsSnapshot m_snapshot;
    bool m_hasSnapshot = false;
    QString m_error;

    QLabel *m_scopeLabel = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace Leadline::Ui
