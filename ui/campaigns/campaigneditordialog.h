// CampaignEditorDialog: a campaign's name, script (with {name}, {property_type}, {city}),
// language, voice, calling window and days, timezone, concurrency, attempts and retry delay.
// Validation runs on every edit through CampaignService::validate (pure, no database) and is
// shown inline. New campaigns are created through createRequested(); saved campaigns are shown
// read-only (the engine has no update call yet) with Start/Pause, each confirmed first.
// Thread: GUI thread; it never calls the backend itself, the window wires its signals.
#pragma once

#include "storage/records.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace Leadline::Ui {

class CampaignEditorDialog : public QDialog
{
    Q_OBJECT
public:
    // isNew: an unsaved campaign (editable, "Create"); otherwise a saved one (Start/Pause).
    CampaignEditorDialog(const Storage::CampaignRow &row, bool isNew, QWidget *parent = nullptr);

    Storage::CampaignRow row() const; // the values as edited
    bool isNew() const { return m_isNew; }
    bool isValid() const { return m_valid; }
    QString validationMessage() const; // the inline message; empty when valid

    // Shows a failure from the engine (e.g. a duplicate name) and re-enables the dialog.
    void showServerError(const QString &message);
    // Called when the engine confirmed a status change.
    void setStatus(const QString &status);

    // Widgets, for tests and keyboard focus.
    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *scriptEdit() const { return m_script; }
    QTimeEdit *startEdit() const { return m_start; }
    QTimeEdit *endEdit() const { return m_end; }
    QComboBox *timezoneEdit() const { return m_timezone; }
    const QList<QCheckBox *> &dayBoxes() const { return m_days; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *primaryButton() const { return m_primary; }

signals:
    void createRequested(const Leadline::Storage::CampaignRow &row);
    void statusChangeRequested(qint64 campaignId, const QString &status);
    // Saved campaigns: open the project brief editor / the site visits its calls booked.
    void briefRequested(qint64 campaignId);
    void siteVisitsRequested(qint64 campaignId);

private:
    void buildForm();
    void load(const Storage::CampaignRow &row);
    void revalidate();
    void confirmStatus(const QString &status);
    void insertVariable(const QString &variable);
    QString translatedProblem(const QString &engineMessage) const;

    Storage::CampaignRow m_original;
    bool m_isNew = true;
    bool m_valid = false;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_script = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_voice = nullptr;
    QTimeEdit *m_start = nullptr;
    QTimeEdit *m_end = nullptr;
    QList<QCheckBox *> m_days;
    QComboBox *m_timezone = nullptr;
    QSpinBox *m_concurrent = nullptr;
    QSpinBox *m_attempts = nullptr;
    QSpinBox *m_retryMinutes = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_readOnlyNote = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_scriptHint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_primary = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_pauseButton = nullptr;
};

} // namespace Leadline::Ui
