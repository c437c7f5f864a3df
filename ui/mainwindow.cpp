#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>

namespace Leadline::Ui {

MainWindow::MainWindow(Campaigns::CampaignService &, const Storage::Database &, ConsoleInfo info, QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Leadline"));
    setCentralWidget(new QLabel(tr("Leadline console"), this));
    statusBar()->showMessage(tr("Serving on port %1 · database %2").arg(info.port).arg(info.database));
}

MainWindow::~MainWindow() = default;

} // namespace Leadline::Ui
