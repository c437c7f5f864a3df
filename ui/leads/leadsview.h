// LeadsView: the "Leads" tab: text and status filters over a lazily loaded, sortable table of
// the current campaign's leads. CSV files dropped on the table are announced through the drop
// filter given by the window. Thread: GUI thread.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace Leadline::Ui {

class LeadsModel;
class LeadsFilterProxy;

class LeadsView : public QWidget
{
    Q_OBJECT
public:
    LeadsView(LeadsModel &model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    LeadsFilterProxy *proxy() const { return m_proxy; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusCombo() const { return m_status; }
    // Reads the leads on screen again (their status, attempts and last result), in place.
    void refreshVisibleRows();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuildStatusCombo();
    void updateCount();
    void widenCodeColumns();

    LeadsModel &m_model;
    LeadsFilterProxy *m_proxy = nullptr;
    QLabel *m_searchLabel = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_statusLabel = nullptr;
    QComboBox *m_status = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_hint = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace Leadline::Ui
