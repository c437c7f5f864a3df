// LeadsFilterProxy: sorts the loaded leads and filters them by status code and free text
// (name, phone, city, property type, budget). Thread: GUI thread.
#pragma once

#include <QSortFilterProxyModel>

namespace Leadline::Ui {

class LeadsFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LeadsFilterProxy(QObject *parent = nullptr);

    void setStatusFilter(const QString &statusCode); // empty: every status
    void setTextFilter(const QString &text);         // case-insensitive substring; empty: all
    QString statusFilter() const { return m_status; }
    QString textFilter() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_status;
    QString m_text;
};

} // namespace Leadline::Ui
