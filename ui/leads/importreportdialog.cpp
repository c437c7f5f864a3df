#include "importreportdialog.h"

#include "ui/common/labels.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Leadline::Ui {

ImportReportDialog::ImportReportDialog(const ImportOutcome &outcome, QWidget *parent)
    : QDialog(parent), m_outcome(outcome)
{
    setObjectName(QStringLiteral("importReportDialog"));
    setWindowTitle(tr("Import report"));
    setAttribute(Qt::WA_DeleteOnClose);

    QStringList lines;
    lines << tr("Imported %n lead(s).", nullptr, outcome.accepted());
    lines << tr("%n row(s) rejected.", nullptr, outcome.rejected());
    if (outcome.cancelled)
        lines << tr("The import was cancelled.");
    for (const FileImportResult &f : outcome.files) {
        const QString name = QFileInfo(f.file).fileName();
        if (f.ok)
            lines << tr("%1: %2 accepted, %3 rejected").arg(name).arg(f.report.accepted).arg(f.report.rejected.size());
        else
            lines << tr("%1: nothing imported. %2").arg(name, Labels::importError(f.errorCode));
    }
    m_summary = new QLabel(lines.join(QLatin1Char('\n')), this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("rejectedRows"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("File"), tr("Line"), tr("Reason"), tr("Detail")});
    m_table->setRowCount(outcome.rejected());
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    int row = 0;
    for (const FileImportResult &f : outcome.files) {
        if (!f.ok)
            continue;
        const QString name = QFileInfo(f.file).fileName();
        for (const Leads::RejectedRow &r : f.report.rejected) {
            auto *line = new QTableWidgetItem;
            line->setData(Qt::DisplayRole, r.line);
            auto *reason = new QTableWidgetItem(Labels::rejectReason(r.reason));
            reason->setData(Qt::UserRole, r.reason);
            reason->setToolTip(r.reason);
            m_table->setItem(row, 0, new QTableWidgetItem(name));
            m_table->setItem(row, 1, line);
            m_table->setItem(row, 2, reason);
            auto *detail = new QTableWidgetItem(r.detail);
            detail->setToolTip(r.detail);
            m_table->setItem(row, 3, detail);
            ++row;
        }
    }
    m_table->resizeColumnsToContents();
    m_table->setVisible(row > 0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("&Export\u2026"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setEnabled(row > 0);
    connect(m_export, &QPushButton::clicked, this, &ImportReportDialog::exportInteractively);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(row > 0 ? QSize(fontMetrics().averageCharWidth() * 120, fontMetrics().lineSpacing() * 26) : sizeHint());
}

static QByteArray csvField(const QString &s)
{
    QString v = s;
    if (v.contains(QLatin1Char('"')) || v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('\n'))
        || v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1String("\""), QLatin1String("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v.toUtf8();
}

QByteArray ImportReportDialog::toCsv(const ImportOutcome &outcome)
{
    QByteArray out("file,line,reason,detail\r\n");
    for (const FileImportResult &f : outcome.files) {
        const QString name = QFileInfo(f.file).fileName();
        if (!f.ok) {
            out += csvField(name) + ",0," + csvField(f.errorCode) + ',' + csvField(f.errorMessage) + "\r\n";
            continue;
        }
        for (const Leads::RejectedRow &r : f.report.rejected)
            out += csvField(name) + ',' + QByteArray::number(r.line) + ',' + csvField(r.reason) + ','
                   + csvField(r.detail) + "\r\n";
    }
    return out;
}

bool ImportReportDialog::exportTo(const QString &path, QString *error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(toCsv(m_outcome)) < 0 || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

void ImportReportDialog::exportInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export rejected rows"),
                                                      QStringLiteral("import-report.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
}

} // namespace Leadline::Ui
