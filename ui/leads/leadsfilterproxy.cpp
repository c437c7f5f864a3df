#include "leadsfilterproxy.h"

#include "leadsmodel.h"

namespace Leadline::Ui {

LeadsFilterProxy::LeadsFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void LeadsFilterProxy::setStatusFilter(const QString &statusCode)
{
    if (statusCode == m_status)
        return;
    m_status = statusCode;
    invalidateFilter();
}

void LeadsFilterProxy::setTextFilter(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    invalidateFilter();
}

bool LeadsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    if (!m_status.isEmpty()
        && m->index(sourceRow, 0, sourceParent).data(LeadsModel::StatusCodeRole).toString() != m_status)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int col : {LeadsModel::Name, LeadsModel::Phone, LeadsModel::City, LeadsModel::PropertyType, LeadsModel::Budget}) {
        if (m->index(sourceRow, col, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace Leadline::Ui
