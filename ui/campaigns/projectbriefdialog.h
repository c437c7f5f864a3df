// ProjectBriefDialog: a campaign's project brief as JSON, validated on every edit (each problem
// listed with its field) with a preview of exactly what the voice agent will be told (facts
// block, rules, the next site-visit slots). Save stores a new version through the backend;
// "Import…" loads a JSON file into the editor.
// Thread: GUI thread; engine work goes through the ConsoleBackendHost it is given.
#pragma once

#include "ui/backend/snapshots.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Leadline::Ui {

class ConsoleBackendHost;

class ProjectBriefDialog : public QDialog
{
    Q_OBJECT
public:
    ProjectBriefDialog(const ConsoleBackendHost &backend, qint64 campaignId, const QString &campaignName, QWidget *parent = nullptr);

    // The preview text for a brief's JSON, or empty with the problems (pure; tests).
    static QString preview(const QByteArray &json, QStringList *problems, const QDateTime &now);

    QPlainTextEdit *jsonEdit() const { return m_json; }
    QPlainTextEdit *previewEdit() const { return m_preview; }
    QLabel *problemsLabel() const { return m_problems; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *versionLabel() const { return m_version; }

private:
    void onBrief(const BriefSnapshot &s);
    void revalidate();
    void importFile();

    const ConsoleBackendHost &m_backend;
    qint64 m_campaignId;
    quint64 m_request = 0;
    QPlainTextEdit *m_json = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_version = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace Leadline::Ui
