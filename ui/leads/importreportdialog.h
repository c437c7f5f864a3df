// ImportReportDialog: what an import did: accepted count, whole-file failures, and every
// rejected row (file, line, reason, detail), exportable as CSV. Thread: GUI thread.
#pragma once

#include "ui/backend/snapshots.h"

#include <QDialog>

class QLabel;
class QTableWidget;
class QPushButton;

namespace Leadline::Ui {

class ImportReportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportReportDialog(const ImportOutcome &outcome, QWidget *parent = nullptr);

    const ImportOutcome &outcome() const { return m_outcome; }
    QLabel *summaryLabel() const { return m_summary; }
    QTableWidget *rejectedTable() const { return m_table; }

    // The rejected rows and file failures as RFC 4180 CSV (UTF-8, header line first).
    static QByteArray toCsv(const ImportOutcome &outcome);
    bool exportTo(const QString &path, QString *error = nullptr) const;

private:
    void exportInteractively();

    ImportOutcome m_outcome;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace Leadline::Ui
