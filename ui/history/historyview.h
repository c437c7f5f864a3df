// HistoryView: the "History" tab: the finished (and running) calls of the current campaign or of
// every campaign, filtered by call status, outcome, text (lead name, phone, campaign) and date
// range, sortable by any column, loaded page by page; the selected call's detail (transcript,
// outcome, extracted fields, recording link, cost) is fetched from the backend and shown beside.
// Thread: GUI thread; every query runs on the ConsoleBackend thread.
#pragma once

#include "ui/backend/snapshots.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;

namespace Leadline::Ui {

class CallDetailView;
class ConsoleBackendHost;
class HistoryModel;

class HistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(const ConsoleBackendHost &backend, QWidget *parent = nullptr);

    // The sidebar's campaign (0: none); used when the scope is "this campaign".
    void setCampaign(qint64 campaignId);
    void setAllCampaigns(bool all);
    void refresh();
    // The filter the widgets describe (campaign, scope, status, outcome, text, dates).
    Storage::CallHistoryFilter currentFilter() const;
    // Selects the call (if loaded) and loads its detail.
    bool selectCall(qint64 callId);

    HistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    CallDetailView *detail() const { return m_detail; }
    QComboBox *scopeCombo() const { return m_scope; }
    QComboBox *statusCombo() const { return m_status; }
    QComboBox *outcomeCombo() const { return m_outcome; }
    QLineEdit *searchField() const { return m_search; }
    QCheckBox *dateCheck() const { return m_useDates; }
    QDateEdit *fromDate() const { return m_from; }
    QDateEdit *toDate() const { return m_to; }

signals:
    void detailShown(qint64 callId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void fillCombos();
    void applyFilter();
    void requestDetail(qint64 callId);
    void onDetail(const CallDetailSnapshot &detail);
    void updateCount();

    const ConsoleBackendHost &m_backend;
    HistoryModel *m_model = nullptr;
    qint64 m_campaignId = 0;
    quint64 m_detailRequest = 0;
    bool m_loadedOnce = false;
    bool m_columnsSized = false;

    QLabel *m_scopeLabel = nullptr;
    QComboBox *m_scope = nullptr;
    QLabel *m_statusLabel = nullptr;
    QComboBox *m_status = nullptr;
    QLabel *m_outcomeLabel = nullptr;
    QComboBox *m_outcome = nullptr;
    QLabel *m_searchLabel = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_useDates = nullptr;
    QDateEdit *m_from = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_count = nullptr;
    QTimer *m_searchDelay = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_table = nullptr;
    CallDetailView *m_detail = nullptr;
};

} // namespace Leadline::Ui
