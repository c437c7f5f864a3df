// MainWindow: the operator console's top-level window. Thread: GUI thread; it never touches
// the database itself (engine work runs on the console's worker thread).
#pragma once

#include <QMainWindow>

namespace Leadline::Campaigns { class CampaignService; }
namespace Leadline::Storage { class Database; }

namespace Leadline::Ui {

struct ConsoleInfo
{
    quint16 port = 0;
    QString database;
};

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Campaigns::CampaignService &campaigns, const Storage::Database &db, ConsoleInfo info,
               QWidget *parent = nullptr);
    ~MainWindow() override;
};

} // namespace Leadline::Ui
