// CsvDropFilter: an event filter that turns drops of local .csv files onto the widget it is
// installed on into csvFilesDropped(paths). Drags without any .csv file are refused (the
// cursor shows "no drop"). Thread: GUI thread.
#pragma once

#include <QObject>
#include <QStringList>

class QMimeData;
class QWidget;

namespace Leadline::Ui {

// Local paths of the .csv files among the mime data's URLs (others are left out).
QStringList csvFilesFromMimeData(const QMimeData *mime);

class CsvDropFilter : public QObject
{
    Q_OBJECT
public:
    explicit CsvDropFilter(QObject *parent = nullptr) : QObject(parent) {}
    // Installs the filter on w and makes w accept drops.
    void watch(QWidget *w);

signals:
    void csvFilesDropped(const QStringList &paths);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace Leadline::Ui
