#include "importprogresspanel.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace Leadline::Ui {

ImportProgressPanel::ImportProgressPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("importProgress"));
    m_label = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 1000);
    m_bar->setMinimumWidth(160);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        emit cancelRequested();
    });
    retranslate();
    hide();
}

void ImportProgressPanel::start(int fileCount)
{
    m_last = ImportProgressSnapshot{};
    m_last.fileCount = fileCount;
    m_bar->setValue(0);
    m_cancel->setEnabled(true);
    retranslate();
    show();
}

void ImportProgressPanel::setProgress(const ImportProgressSnapshot &progress)
{
    m_last = progress;
    const double perFile = progress.bytesTotal > 0 ? double(progress.bytesRead) / double(progress.bytesTotal) : 1.0;
    const double overall = (progress.fileIndex + qBound(0.0, perFile, 1.0)) / qMax(1, progress.fileCount);
    m_bar->setValue(int(overall * 1000));
    retranslate();
}

void ImportProgressPanel::finish()
{
    hide();
}

void ImportProgressPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ImportProgressPanel::retranslate()
{
    m_cancel->setText(tr("Cancel import"));
    if (m_last.file.isEmpty())
        m_label->setText(tr("Importing\u2026"));
    else
        m_label->setText(tr("Importing %1 (%2 of %3)")
                             .arg(QFileInfo(m_last.file).fileName())
                             .arg(m_last.fileIndex + 1)
                             .arg(m_last.fileCount));
}

} // namespace Leadline::Ui
