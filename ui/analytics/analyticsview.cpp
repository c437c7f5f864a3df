#include "analyticsview.h"

#include "ui/backend/consolebackend.h"
#include "ui/common/scopedrefresh.h"
#include "ui/history/historylabels.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStandardPaths>
#include <QValueAxis>
#include <QVBoxLayout>
#include <cmath>

namespace Leadline::Ui {

static QChartView *makeView(const QString &objectName, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation); // refreshed every few seconds: no replays
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 240);
    return view;
}

// A count axis: whole numbers only, about five ticks.
static QValueAxis *countAxis(qint64 top)
{
    auto *y = new QValueAxis;
    const qint64 max = qMax<qint64>(1, top);
    const qint64 step = qMax<qint64>(1, (max + 4) / 5);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(double(step));
    y->setRange(0, double((max + step - 1) / step * step));
    return y;
}

static void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

AnalyticsView::AnalyticsView(const ConsoleBackendHost &backend, QWidget *parent)
    : ScopedView([&backend] { return backend.nextRequestId(); },
                 [&backend](quint64 request, qint64 campaign) {
                     ConsoleBackend *b = backend.backend();
                     backend.post([b, request, campaign] { b->fetchAnalytics(request, campaign); });
                 },
                 parent)
    , m_backend(backend)
{
    setObjectName(QStringLiteral("analyticsTab"));
    m_scopeLabel = new QLabel(this);
    scope()->combo()->setObjectName(QStringLiteral("analyticsScope"));
    m_scopeLabel->setBuddy(scope()->combo());
    m_updated = new QLabel(this);
    m_exportPng = new QPushButton(this);
    m_exportPng->setObjectName(QStringLiteral("exportPng"));
    m_exportCsv = new QPushButton(this);
    m_exportCsv->setObjectName(QStringLiteral("exportCsv"));
    m_figures = new QLabel(this);
    m_figures->setObjectName(QStringLiteral("analyticsFigures"));
    m_figures->setWordWrap(true);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_latencyNote = new QLabel(this);
    m_latencyNote->setObjectName(QStringLiteral("latencyNote"));
    m_latencyNote->setWordWrap(true);

    m_charts = new QWidget;
    m_charts->setObjectName(QStringLiteral("analyticsCharts"));
    m_outcomes = makeView(QStringLiteral("outcomesChart"), m_charts);
    m_hourly = makeView(QStringLiteral("hourlyChart"), m_charts);
    m_talk = makeView(QStringLiteral("talkTimeChart"), m_charts);
    m_latency = makeView(QStringLiteral("latencyChart"), m_charts);
    m_funnel = makeView(QStringLiteral("funnelChart"), m_charts);
    auto *grid = new QGridLayout(m_charts);
    grid->addWidget(m_outcomes, 0, 0);
    grid->addWidget(m_funnel, 0, 1);
    grid->addWidget(m_hourly, 1, 0);
    grid->addWidget(m_talk, 1, 1);
    grid->addWidget(m_latency, 2, 0, 1, 2);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_charts);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *top = new QHBoxLayout;
    top->addWidget(m_scopeLabel);
    top->addWidget(scope()->combo());
    top->addStretch(1);
    top->addWidget(m_updated);
    top->addWidget(m_exportPng);
    top->addWidget(m_exportCsv);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_figures);
    layout->addWidget(m_latencyNote);
    layout->addWidget(scroll, 1);

    connect(scope(), &ScopedRefresh::stale, this, [this] {
        m_hasSnapshot = false;
        render();
    });
    connect(m_exportPng, &QPushButton::clicked, this, &AnalyticsView::choosePng);
    connect(m_exportCsv, &QPushButton::clicked, this, &AnalyticsView::chooseCsv);
    connect(backend.backend(), &ConsoleBackend::analyticsReady, this, &AnalyticsView::onSnapshot);
    connect(backend.backend(), &ConsoleBackend::failed, this, [this](const BackendError &e) {
        if (e.operation == QLatin1String("analytics") && scope()->acceptFailure(e.requestId)) {
            m_updated->setText(tr("Could not load analytics: %1").arg(e.message));
        }
    });
    retranslate();
}

void AnalyticsView::retranslate()
{
    m_scopeLabel->setText(tr("&Show:"));
    scope()->combo()->setItemText(0, tr("This campaign"));
    scope()->combo()->setItemText(1, tr("All campaigns"));
    m_exportPng->setText(tr("Export &PNG\u2026"));
    m_exportCsv->setText(tr("Export &CSV\u2026"));
    m_shownCsv.clear(); // titles and labels are translated: draw again
    render();
}

void AnalyticsView::onSnapshot(const AnalyticsSnapshot &s)
{
    if (!scope()->accept(s.requestId, s.campaignId))
        return;
    m_snapshot = s;
    m_hasSnapshot = true;
    m_updated->setText(tr("Updated %1").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.generatedAt).time(), QLocale::ShortFormat)));
    render();
    emit snapshotShown();
}

void AnalyticsView::render()
{
    const bool have = m_hasSnapshot;
    m_exportPng->setEnabled(have);
    m_exportCsv->setEnabled(have);
    if (!have) {
        m_figures->setText(!scope()->hasScope()
                               ? tr("Select a campaign, or show all campaigns.")
                               : tr("Loading\u2026"));
        m_latencyNote->clear();
        for (QChartView *v : {m_outcomes, m_hourly, m_talk, m_latency, m_funnel})
            clearChart(v->chart());
        m_shownCsv.clear();
        return;
    }
    renderFigures();
    const QString csv = toCsv(m_snapshot);
    if (csv == m_shownCsv)
        return; // same numbers: leave the charts alone (no flicker every 5 s)
    m_shownCsv = csv;
    renderOutcomes();
    renderFunnel();
    renderHourly();
    renderTalk();
    renderLatency();
}

void AnalyticsView::renderFigures()
{
    const Storage::CampaignAnalytics &a = m_snapshot.summary;
    const QLocale locale;
    const double rate = a.callsPlaced > 0 ? 100.0 * double(a.callsConnected) / double(a.callsPlaced) : 0.0;
    QStringList parts;
    parts << tr("Calls placed: %1").arg(locale.toString(a.callsPlaced));
    parts << tr("Connected: %1 (%2%)").arg(locale.toString(a.callsConnected)).arg(locale.toString(rate, 'f', 1));
    parts << tr("Qualified leads: %1").arg(locale.toString(a.qualifiedLeads));
    parts << tr("Talk time: %1 min").arg(locale.toString(double(a.talkTimeTotalS) / 60.0, 'f', 1));
    if (a.replies > 0) // the caller's last word -> the agent's first audio
        parts << tr("Reply latency: p50 %1 ms, p90 %2 ms").arg(locale.toString(qRound(a.replyP50Ms))).arg(locale.toString(qRound(a.replyP90Ms)));
    parts << tr("Active now: %1").arg(locale.toString(a.callsActive));
    if (m_snapshot.pricesConfigured) {
        parts << tr("Estimated cost: %1").arg(HistoryLabels::rupees(m_snapshot.cost.total));
        parts << (m_snapshot.cost.perQualifiedLead >= 0
                      ? tr("Cost per qualified lead: %1").arg(HistoryLabels::rupees(m_snapshot.cost.perQualifiedLead))
                      : tr("Cost per qualified lead: no qualified lead yet"));
    } else {
        parts << tr("Cost per qualified lead: prices not configured (Settings \u2192 Costs)");
    }
    m_figures->setText(parts.join(QStringLiteral(" \u00b7 ")));
}

void AnalyticsView::renderOutcomes()
{
    QChart *chart = m_outcomes->chart();
    clearChart(chart);
    chart->setTitle(tr("Outcomes"));
    auto *series = new QPieSeries;
    series->setHoleSize(0.45);
    const auto &outcomes = m_snapshot.summary.outcomes;
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
        QPieSlice *slice = series->append(tr("%1: %2").arg(HistoryLabels::outcome(it.key())).arg(it.value()), double(it.value()));
        slice->setLabelVisible(outcomes.size() <= 6);
    }
    if (outcomes.isEmpty())
        chart->setTitle(tr("Outcomes (no finished conversation yet)"));
    chart->addSeries(series);
}

void AnalyticsView::renderFunnel()
{
    QChart *chart = m_funnel->chart();
    clearChart(chart);
    const Storage::CampaignAnalytics &a = m_snapshot.summary;
    chart->setTitle(tr("Funnel: dialled \u2192 connected \u2192 qualified"));
    auto *set = new QBarSet(tr("Calls / leads"));
    *set << double(a.callsPlaced) << double(a.callsConnected) << double(a.qualifiedLeads);
    set->setLabelColor(palette().color(QPalette::WindowText));
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append({tr("Dialled"), tr("Connected"), tr("Qualified")});
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(qint64(std::ceil(double(qMax<qint64>(1, a.callsPlaced)) * 1.15)));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
}

void AnalyticsView::renderHourly()
{
    QChart *chart = m_hourly->chart();
    clearChart(chart);
    chart->setTitle(tr("Calls and connects per hour (%1)").arg(m_snapshot.timezone));
    auto *calls = new QBarSet(tr("Calls"));
    auto *connects = new QBarSet(tr("Connects"));
    // 24 bars do not fit: show 09..20 (a calling day) widened to every hour that has calls.
    int first = 9, last = 20;
    for (int h = 0; h < 24; ++h) {
        if (m_snapshot.hourly.calls.value(h) > 0) {
            first = qMin(first, h);
            last = qMax(last, h);
        }
    }
    QStringList hours;
    qint64 top = 1;
    for (int h = first; h <= last; ++h) {
        *calls << double(m_snapshot.hourly.calls.value(h));
        *connects << double(m_snapshot.hourly.connects.value(h));
        top = qMax(top, m_snapshot.hourly.calls.value(h));
        hours << QString::number(h);
    }
    auto *series = new QBarSeries;
    series->append(calls);
    series->append(connects);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(hours);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(top);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->show();
}

QStringList AnalyticsView::talkLabels() const
{
    QStringList labels;
    int lower = 0;
    auto fmt = [](int s) { return s > 0 && s % 60 == 0 ? tr("%1m", "minutes, short").arg(s / 60) : tr("%1s", "seconds, short").arg(s); };
    for (int b : m_snapshot.talkBoundsS) {
        labels << tr("%1\u2013%2").arg(fmt(lower), fmt(b)); // no "<": axis labels are rich text
        lower = b;
    }
    labels << tr("\u2265%1").arg(fmt(lower));
    return labels;
}

void AnalyticsView::renderTalk()
{
    QChart *chart = m_talk->chart();
    clearChart(chart);
    chart->setTitle(tr("Talk time distribution (connected calls)"));
    auto *set = new QBarSet(tr("Calls"));
    qint64 top = 1;
    for (qint64 n : m_snapshot.talkCounts) {
        *set << double(n);
        top = qMax(top, n);
    }
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(talkLabels());
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(top);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
}

void AnalyticsView::renderLatency()
{
    QChart *chart = m_latency->chart();
    clearChart(chart);
    chart->setTitle(tr("Vendor latency over time (average per turn, ms)"));
    const QList<Storage::LatencyPoint> &points = m_snapshot.latency;
    if (points.isEmpty()) {
        m_latencyNote->setText(tr("No latency measurements yet: they are recorded per conversation turn "
                                  "(speech-to-text, language model first token, text-to-speech first audio)."));
        return;
    }
    m_latencyNote->clear();
    struct Line { const char *name; double Storage::LatencyPoint::*field; };
    const Line lines[] = {{QT_TR_NOOP("Speech-to-text"), &Storage::LatencyPoint::sttMs},
                          {QT_TR_NOOP("Language model"), &Storage::LatencyPoint::llmMs},
                          {QT_TR_NOOP("Text-to-speech"), &Storage::LatencyPoint::ttsMs},
                          {QT_TR_NOOP("Reply at the caller"), &Storage::LatencyPoint::replyMs}};
    auto *x = new QDateTimeAxis;
    x->setFormat(points.first().at / 86400000 == points.last().at / 86400000 ? QStringLiteral("HH:mm") : QStringLiteral("dd MMM HH:mm"));
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double top = 1;
    for (const Line &l : lines) {
        auto *series = new QLineSeries;
        series->setName(tr(l.name));
        series->setPointsVisible(points.size() < 30);
        for (const Storage::LatencyPoint &p : points) {
            const double v = p.*(l.field);
            if (v >= 0) {
                series->append(double(p.at), v);
                top = qMax(top, v);
            }
        }
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    const qint64 first = points.first().at;
    const qint64 last = qMax(points.last().at, first + 60000);
    x->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
    y->setRange(0, std::ceil(top * 1.1));
    y->applyNiceNumbers();
    chart->legend()->show();
}

static QString csvField(const QString &s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    return s;
}

static QString number(double v)
{
    return QString::number(std::round(v * 100.0) / 100.0, 'f', std::fmod(v, 1.0) == 0.0 ? 0 : 2);
}

QString AnalyticsView::toCsv(const AnalyticsSnapshot &s)
{
    QStringList rows{QStringLiteral("chart,category,series,value")};
    auto row = [&rows](const QString &chart, const QString &category, const QString &series, const QString &value) {
        rows << QStringList{csvField(chart), csvField(category), csvField(series), value}.join(QLatin1Char(','));
    };
    const Storage::CampaignAnalytics &a = s.summary;
    row(QStringLiteral("scope"), QStringLiteral("campaign_id"), QStringLiteral("id"), QString::number(s.campaignId));
    for (auto it = a.outcomes.cbegin(); it != a.outcomes.cend(); ++it)
        row(QStringLiteral("outcomes"), it.key(), QStringLiteral("calls"), QString::number(it.value()));
    row(QStringLiteral("funnel"), QStringLiteral("dialled"), QStringLiteral("calls"), QString::number(a.callsPlaced));
    row(QStringLiteral("funnel"), QStringLiteral("connected"), QStringLiteral("calls"), QString::number(a.callsConnected));
    row(QStringLiteral("funnel"), QStringLiteral("qualified"), QStringLiteral("leads"), QString::number(a.qualifiedLeads));
    for (int h = 0; h < 24; ++h) {
        const QString hour = QStringLiteral("%1:00").arg(h, 2, 10, QLatin1Char('0'));
        row(QStringLiteral("per_hour"), hour, QStringLiteral("calls"), QString::number(s.hourly.calls.value(h)));
        row(QStringLiteral("per_hour"), hour, QStringLiteral("connects"), QString::number(s.hourly.connects.value(h)));
    }
    int lower = 0;
    for (int i = 0; i < s.talkCounts.size(); ++i) {
        const QString bucket = i < s.talkBoundsS.size() ? QStringLiteral("%1-%2s").arg(lower).arg(s.talkBoundsS.at(i))
                                                        : QStringLiteral("%1s+").arg(lower);
        if (i < s.talkBoundsS.size())
            lower = s.talkBoundsS.at(i);
        row(QStringLiteral("talk_time"), bucket, QStringLiteral("calls"), QString::number(s.talkCounts.at(i)));
    }
    for (const Storage::LatencyPoint &p : s.latency) {
        const QString at = QDateTime::fromMSecsSinceEpoch(p.at, Qt::UTC).toString(Qt::ISODate);
        if (p.sttMs >= 0)
            row(QStringLiteral("latency_ms"), at, QStringLiteral("stt"), number(p.sttMs));
        if (p.llmMs >= 0)
            row(QStringLiteral("latency_ms"), at, QStringLiteral("llm"), number(p.llmMs));
        if (p.ttsMs >= 0)
            row(QStringLiteral("latency_ms"), at, QStringLiteral("tts"), number(p.ttsMs));
        if (p.replyMs >= 0)
            row(QStringLiteral("latency_ms"), at, QStringLiteral("reply"), number(p.replyMs));
    }
    if (a.replies > 0) {
        row(QStringLiteral("reply_latency_ms"), QStringLiteral("p50"), QStringLiteral("ms"), number(a.replyP50Ms));
        row(QStringLiteral("reply_latency_ms"), QStringLiteral("p90"), QStringLiteral("ms"), number(a.replyP90Ms));
        row(QStringLiteral("reply_latency_ms"), QStringLiteral("average"), QStringLiteral("ms"), number(a.avgReplyMs));
    }
    row(QStringLiteral("talk_time_s"), QStringLiteral("total"), QStringLiteral("seconds"), QString::number(a.talkTimeTotalS));
    if (s.pricesConfigured) {
        row(QStringLiteral("cost_inr"), QStringLiteral("total"), QStringLiteral("estimate"), number(s.cost.total));
        if (s.cost.perQualifiedLead >= 0)
            row(QStringLiteral("cost_inr"), QStringLiteral("per_qualified_lead"), QStringLiteral("estimate"), number(s.cost.perQualifiedLead));
    }
    return rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

bool AnalyticsView::exportCsv(const QString &path, QString *error) const
{
    if (!m_hasSnapshot) {
        if (error)
            *error = tr("No figures loaded yet.");
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text) || f.write(toCsv(m_snapshot).toUtf8()) < 0 || !f.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    return true;
}

QImage AnalyticsView::grabCharts()
{
    // Charts rebuilt a moment ago lay themselves out on posted events: apply them first.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return m_charts->grab().toImage();
}

bool AnalyticsView::exportPng(const QString &path, QString *error)
{
    const QImage image = grabCharts();
    if (image.isNull() || !image.save(path, "PNG")) {
        if (error)
            *error = tr("Could not write %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

void AnalyticsView::chooseCsv()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export analytics as CSV"), dir + QLatin1String("/leadline-analytics.csv"),
                                                      tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

void AnalyticsView::choosePng()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export charts as PNG"), dir + QLatin1String("/leadline-analytics.png"),
                                                      tr("PNG images (*.png)"));
    QString error;
    if (!path.isEmpty() && !exportPng(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace Leadline::Ui
