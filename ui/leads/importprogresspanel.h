// ImportProgressPanel: the status-bar strip shown while an import runs: file, progress bar and
// Cancel. Thread: GUI thread.
#pragma once

#include "ui/backend/snapshots.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Leadline::Ui {

class ImportProgressPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ImportProgressPanel(QWidget *parent = nullptr);

    void start(int fileCount);
    void setProgress(const ImportProgressSnapshot &progress);
    void finish();
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    ImportProgressSnapshot m_last;
};

} // namespace Leadline::Ui
