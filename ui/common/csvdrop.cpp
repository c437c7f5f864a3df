#include "csvdrop.h"

#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace Leadline::Ui {

QStringList csvFilesFromMimeData(const QMimeData *mime)
{
    QStringList out;
    if (!mime || !mime->hasUrls())
        return out;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
            out << path;
    }
    return out;
}

void CsvDropFilter::watch(QWidget *w)
{
    w->setAcceptDrops(true);
    w->installEventFilter(this);
}

bool CsvDropFilter::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *e = static_cast<QDragMoveEvent *>(event);
        if (!csvFilesFromMimeData(e->mimeData()).isEmpty())
            e->acceptProposedAction();
        else
            e->ignore();
        return true;
    }
    case QEvent::Drop: {
        auto *e = static_cast<QDropEvent *>(event);
        const QStringList files = csvFilesFromMimeData(e->mimeData());
        if (files.isEmpty()) {
            e->ignore();
            return true;
        }
        e->acceptProposedAction();
        emit csvFilesDropped(files);
        return true;
    }
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace Leadline::Ui
