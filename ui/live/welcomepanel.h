// WelcomePanel: the empty state shown instead of the tabs while there are no campaigns: a short
// explanation and buttons for "Run demo campaign", "New campaign" and "Import CSV".
// Thread: GUI thread.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Leadline::Ui {

class WelcomePanel : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePanel(QWidget *parent = nullptr);

    QPushButton *demoButton() const { return m_demo; }
    QPushButton *newCampaignButton() const { return m_newCampaign; }
    void setDemoAvailable(bool available);

Q_SIGNALS:
    void runDemoRequested();
    void newCampaignRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_demo = nullptr;
    QPushButton *m_newCampaign = nullptr;
};

} // namespace Leadline::Ui
