// AnalyticsView: the "Analytics" dashboard (Qt Charts) for the current campaign or every campaign:
// outcomes (donut), calls and connects per hour of the day (bars), talk-time distribution (bars),
// vendor latency over time (lines: speech-to-text, language model, text-to-speech, from the
// turns' measurements), the funnel dialled → connected → qualified, key figures and the cost per
// qualified lead. Export: PNG (a grab of the chart views) and CSV (the numbers behind them).
// Refreshes when shown and every 5 s while visible; the figures come from the ConsoleBackend
// thread as an AnalyticsSnapshot, charts are rebuilt only when the numbers changed.
// Thread: GUI thread.
#pragma once

#include "ui/backend/snapshots.h"
#include "ui/common/scopedview.h"

class QChart;
class QChartView;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace Leadline::Ui {

class ConsoleBackendHost;

class AnalyticsView : public ScopedView
{
    Q_OBJECT
public:
    explicit AnalyticsView(const ConsoleBackendHost &backend, QWidget *parent = nullptr);

    bool hasSnapshot() const { return m_hasSnapshot; }
    const AnalyticsSnapshot &snapshot() const { return m_snapshot; }

    // The numbers behind the charts: "chart,category,series,value" rows (codes in English).
    static QString toCsv(const AnalyticsSnapshot &snapshot);
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    bool exportPng(const QString &path, QString *error = nullptr);
    QImage grabCharts();

    QChartView *outcomesView() const { return m_outcomes; }
    QChartView *hourlyView() const { return m_hourly; }
    QChartView *talkView() const { return m_talk; }
    QChartView *latencyView() const { return m_latency; }
    QChartView *funnelView() const { return m_funnel; }
    QLabel *figuresLabel() const { return m_figures; }
    QLabel *latencyNote() const { return m_latencyNote; }

private:
    void retranslate() override;
    void onSnapshot(const AnalyticsSnapshot &s);
    void render();
    void renderOutcomes();
    void renderHourly();
    void renderTalk();
    void renderLatency();
    void renderFunnel();
    void renderFigures();
    QStringList talkLabels() const;
    void chooseCsv();
    void choosePng();

    const ConsoleBackendHost &m_backend;
    AnalyticsSnapshot m_snapshot;
    bool m_hasSnapshot = false;
    QString m_shownCsv; // the figures currently drawn

    QLabel *m_scopeLabel = nullptr;
    QLabel *m_updated = nullptr;
    QPushButton *m_exportPng = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QLabel *m_figures = nullptr;
    QLabel *m_latencyNote = nullptr;
    QWidget *m_charts = nullptr;
    QChartView *m_outcomes = nullptr;
    QChartView *m_hourly = nullptr;
    QChartView *m_talk = nullptr;
    QChartView *m_latency = nullptr;
    QChartView *m_funnel = nullptr;
};

} // namespace Leadline::Ui
