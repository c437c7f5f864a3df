#include "sitevisitsdialog.h"

#include "ui/backend/consolebackend.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace Leadline::Ui {

SiteVisitsDialog::SiteVisitsDialog(const ConsoleBackendHost &backend, qint64 campaignId, const QString &campaignName, QWidget *parent)
    : QDialog(parent), m_backend(backend), m_campaignId(campaignId)
{
    setWindowTitle(tr("Site visits \u2014 %1").arg(campaignName));
    resize(900, 480);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("siteVisits"));
    m_table->setHorizontalHeaderLabels({tr("Lead"), tr("Phone"), tr("Date"), tr("Time"), tr("Visitors"), tr("Confirmation SMS"),
                                        tr("Question for advisor")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_summary = new QLabel(tr("Loading\u2026"), this);

    auto *buttons = new QDialogButtonBox(this);
    auto *refreshButton = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    auto *exportButton = buttons->addButton(tr("&Export CSV\u2026"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("exportCsv"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(refreshButton, &QPushButton::clicked, this, &SiteVisitsDialog::refresh);
    connect(exportButton, &QPushButton::clicked, this, [this, campaignId] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export site visits"),
                                                          QStringLiteral("site-visits-%1.csv").arg(campaignId), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error))
            QMessageBox::warning(this, tr("Export failed"), error);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    connect(m_backend.backend(), &ConsoleBackend::siteVisitsReady, this, &SiteVisitsDialog::onVisits);
    refresh();
}

void SiteVisitsDialog::refresh()
{
    ConsoleBackend *b = m_backend.backend();
    const quint64 id = m_request = m_backend.nextRequestId();
    const qint64 campaign = m_campaignId;
    m_backend.post([b, id, campaign] { b->fetchSiteVisits(id, campaign); });
}

QString SiteVisitsDialog::smsLabel(const QString &status) const
{
    if (status == QLatin1String("sent"))
        return tr("Sent");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    if (status == QLatin1String("queued"))
        return tr("Sending");
    if (status == QLatin1String("not_configured"))
        return tr("SMS not configured");
    return tr("None");
}

void SiteVisitsDialog::onVisits(const SiteVisitsSnapshot &s)
{
    if (s.requestId != m_request)
        return;
    m_rows = s.rows;
    m_table->setRowCount(int(m_rows.size()));
    const QLocale locale;
    qint64 visitors = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Storage::SiteVisitRow &r = m_rows.at(i);
        QTimeZone tz(r.timezone.toUtf8());
        if (!tz.isValid())
            tz = QTimeZone("Asia/Kolkata");
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(r.visitAt, Qt::UTC).toTimeZone(tz);
        const QStringList cells{r.leadName, r.phoneE164, locale.toString(at.date(), QLocale::ShortFormat),
                                locale.toString(at.time(), QLocale::ShortFormat), locale.toString(r.visitors), smsLabel(r.smsStatus),
                                r.questionForAdvisor};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
        visitors += r.visitors;
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(tr("%n site visit(s) booked", nullptr, int(m_rows.size())) + QStringLiteral(" \u00b7 ")
                       + tr("%n visitor(s) expected", nullptr, int(visitors)));
}

bool SiteVisitsDialog::exportCsv(const QString &path, QString *error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = f.errorString();
        return false;
    }
    f.write(Storage::csvLine(Storage::SiteVisitRow::csvHeader()));
    for (const Storage::SiteVisitRow &r : m_rows)
        f.write(Storage::csvLine(r.csvCells()));
    if (!f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace Leadline::Ui
