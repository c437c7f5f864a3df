// MainWindow, campaign half: the campaign editor, start/pause with confirmation, the
// backend's answers about campaigns and errors, and the settings dialog. Same thread rules as
// mainwindow.cpp: GUI thread, engine work posted to the ConsoleBackend.
#include "mainwindow.h"

#include "ui/backend/consolebackend.h"
#include "ui/campaigns/campaigneditordialog.h"
#include "ui/campaigns/campaignsmodel.h"
#include "ui/campaigns/projectbriefdialog.h"
#include "ui/campaigns/sitevisitsdialog.h"
#include "ui/common/labels.h"
#include "ui/common/languagemanager.h"
#include "ui/common/uipreferences.h"
#include "ui/settings/settingsdialog.h"

#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>

namespace Leadline::Ui {

void MainWindow::openCampaignEditor(bool newCampaign)
{
    if (m_editor)
        m_editor->close();
    Storage::CampaignRow row;
    if (!newCampaign) {
        const CampaignSnapshot *c = m_campaignsModel->find(m_currentCampaign);
        if (!c)
            return;
        row = c->row;
    }
    auto *editor = new CampaignEditorDialog(row, newCampaign, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    m_editor = editor;
    connect(editor, &CampaignEditorDialog::createRequested, this, [this](const Storage::CampaignRow &r) {
        m_createRequest = m_backend.nextRequestId();
        ConsoleBackend *b = m_backend.backend();
        const quint64 id = m_createRequest;
        m_backend.post([b, id, r] { b->createCampaign(id, r); });
    });
    connect(editor, &CampaignEditorDialog::statusChangeRequested, this, &MainWindow::requestStatus);
    const QString name = row.name;
    connect(editor, &CampaignEditorDialog::briefRequested, this, [this, name](qint64 id) {
        auto *d = new ProjectBriefDialog(m_backend, id, name, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });
    connect(editor, &CampaignEditorDialog::siteVisitsRequested, this, [this, name](qint64 id) {
        auto *d = new SiteVisitsDialog(m_backend, id, name, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });
    editor->open();
}

void MainWindow::onCampaignSaved(quint64 requestId, const Storage::CampaignRow &row)
{
    if (requestId != 0 && requestId == m_createRequest) {
        m_createRequest = 0;
        if (m_editor && m_editor->isNew())
            m_editor->accept();
        m_currentCampaign = 0;
        m_prefs.setLastCampaignId(row.id);
        m_restoredSelection = false; // select it when the refreshed list arrives
        statusBar()->showMessage(tr("Campaign \u201c%1\u201d created.").arg(row.name), 5000);
        return;
    }
    if (m_editor && !m_editor->isNew() && m_editor->row().id == row.id)
        m_editor->setStatus(row.status);
    statusBar()->showMessage(tr("\u201c%1\u201d is now %2.").arg(row.name, Labels::campaignStatus(row.status)), 5000);
}

void MainWindow::confirmAndSetStatus(const QString &status)
{
    const CampaignSnapshot *c = m_campaignsModel->find(m_currentCampaign);
    if (!c)
        return;
    const bool start = status == QLatin1String("running");
    const QString question = start
        ? tr("Start calling the leads of \u201c%1\u201d within its calling window?").arg(c->row.name)
        : tr("Pause \u201c%1\u201d? Calls in progress finish; no new calls are placed.").arg(c->row.name);
    if (QMessageBox::question(this, start ? tr("Start campaign") : tr("Pause campaign"), question,
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes)
        requestStatus(c->row.id, status);
}

void MainWindow::requestStatus(qint64 campaignId, const QString &status)
{
    ConsoleBackend *b = m_backend.backend();
    const quint64 id = m_backend.nextRequestId();
    m_backend.post([b, id, campaignId, status] { b->setCampaignStatus(id, campaignId, status); });
}

void MainWindow::onFailed(const BackendError &error)
{
    if (error.operation == QLatin1String("leads"))
        return; // the leads model reports its own
    if (error.operation == QLatin1String("create") && error.requestId == m_createRequest) {
        m_createRequest = 0;
        if (m_editor && m_editor->isNew()) {
            m_editor->showServerError((error.code == QLatin1String("duplicate_name") || error.code == QLatin1String("conflict"))
                                          ? tr("A campaign with this name already exists.")
                                          : error.message);
            return;
        }
    }
    statusBar()->showMessage(tr("Error: %1").arg(error.message), 10000);
    if (error.operation == QLatin1String("status"))
        QMessageBox::warning(this, tr("Campaign not changed"), error.message);
}

void MainWindow::openSettings()
{
    QString configFile = m_info.configFile;
    if (configFile.isEmpty())
        configFile = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QLatin1String("/leadline.conf");
    auto *dialog = new SettingsDialog(configFile, m_languages.current(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setBackend(&m_backend); // "Test connection" runs on the backend thread
    connect(dialog, &SettingsDialog::languageSelected, this, [this](const QString &code) {
        if (m_languages.apply(code))
            m_prefs.setLanguage(code);
    });
    dialog->open();
}

} // namespace Leadline::Ui
