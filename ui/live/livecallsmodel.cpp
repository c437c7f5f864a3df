#include "livecallsmodel.h"

#include <QColor>
#include <QIcon>
#include <QPainter>
#include <QPen>
#include <QPixmap>
#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace Leadline::Ui {

namespace {
// Views repaint only the rectangle of each range, so many small ranges cost far less paint
// than one span over the table; past this many, one span it is.
constexpr int MaxRangesPerSignal = 512;
constexpr int MaxUtteranceChars = 160; // the cell elides anyway; the tooltip has it all
}

QString LiveCallsModel::maskPhone(const QString &phone)
{
    for (QChar ch : phone)
        if (ch == QChar(0x2022) || ch == QLatin1Char('*') || ch == QLatin1Char('x') || ch == QLatin1Char('X'))
            return phone;
    int digits = 0;
    for (QChar ch : phone)
        digits += ch.isDigit() ? 1 : 0;
    if (digits == 0)
        return phone;
    const int tail = digits >= 6 ? 3 : qMin(2, digits - 1);
    const int head = digits >= 10 ? digits - 8 : (digits >= 6 ? 1 : 0);
    QString out = phone;
    int seen = 0;
    for (QChar &ch : out) {
        if (!ch.isDigit())
            continue;
        if (seen >= head && seen < digits - tail)
            ch = QChar(0x2022);
        ++seen;
    }
    return out;
}

QIcon LiveCallsModel::stateIcon(const QString &code)
{
    // Built once: a QColor decoration would make the delegate build a pixmap per cell per paint.
    // 1x, 2x and 3x pixmaps of a 12 px dot: sharp on high-DPI screens too.
    static const auto make = [](QColor color) {
        QIcon icon;
        for (int scale : {1, 2, 3}) {
            QPixmap pix(12 * scale, 12 * scale);
            pix.setDevicePixelRatio(scale);
            pix.fill(Qt::transparent);
            QPainter p(&pix);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(QColor(255, 255, 255, 200), 1)); // a ring keeps the dot visible on the selection
            p.setBrush(color);
            p.drawEllipse(QRectF(1, 1, 10, 10));
            p.end();
            icon.addPixmap(pix);
        }
        return icon;
    };
    static const QIcon speaking = make(QColor(0x2e, 0x9d, 0x5b));
    static const QIcon thinking = make(QColor(0xe0, 0xa1, 0x1b));
    static const QIcon listening = make(QColor(0x3a, 0x7b, 0xd5));
    static const QIcon other = make(QColor(0x9a, 0x9a, 0x9a));
    if (code == QLatin1String("speaking")) return speaking;
    if (code == QLatin1String("thinking")) return thinking;
    if (code == QLatin1String("listening")) return listening;
    return other;
}

QString LiveCallsModel::stateText(const QString &code)
{
    if (code == QLatin1String("listening")) return tr("Listening");
    if (code == QLatin1String("thinking")) return tr("Thinking");
    if (code == QLatin1String("speaking")) return tr("Speaking");
    if (code == QLatin1String("dialling") || code == QLatin1String("dialing")) return tr("Dialling");
    if (code == QLatin1String("ringing")) return tr("Ringing");
    if (code.isEmpty()) return tr("Connecting");
    return code;
}

QString LiveCallsModel::durationText(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

void LiveCallsModel::reindex(int from)
{
    if (from == 0)
        m_rows.clear();
    for (int i = from; i < m_calls.size(); ++i)
        m_rows.insert(m_calls.at(i).callId, i);
}

void LiveCallsModel::forgetRow(int row)
{
    // Only while the id still points here: a call that ended and came back in the same batch
    // may already have been given another row.
    const qint64 id = m_calls.at(row).callId;
    if (m_rows.value(id, -1) == row)
        m_rows.remove(id);
}

void LiveCallsModel::emitRanges(QList<int> rows, int firstColumn, int lastColumn)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    QList<QPair<int, int>> ranges;
    for (int r : std::as_const(rows)) {
        if (!ranges.isEmpty() && r <= ranges.last().second + 1)
            ranges.last().second = qMax(ranges.last().second, r);
        else
            ranges.append({r, r});
    }
    if (ranges.size() > MaxRangesPerSignal) {
        emit dataChanged(index(ranges.first().first, firstColumn), index(ranges.last().second, lastColumn));
        return;
    }
    for (const auto &range : std::as_const(ranges))
        emit dataChanged(index(range.first, firstColumn), index(range.second, lastColumn));
}

void LiveCallsModel::applyBatch(const LiveCallsBatch &batch)
{
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    QSet<qint64> touched;
    QSet<qint64> endedIds;
    QList<int> gone; // rows of the calls that ended
    for (qint64 id : batch.removed) {
        const int r = m_rows.value(id, -1);
        if (r >= 0 && !endedIds.contains(id)) {
            gone.append(r);
            endedIds.insert(id);
            touched.insert(id);
        }
    }
    std::sort(gone.begin(), gone.end());
    // Updates in place; calls not shown yet (or ended and back in the same batch) are new.
    QList<int> changedRows;
    QList<LiveCall> fresh;
    for (const LiveCall &c : batch.changed) {
        touched.insert(c.callId);
        const int r = m_rows.value(c.callId, -1);
        if (r >= 0 && !endedIds.contains(c.callId)) {
            m_calls[r] = c;
            changedRows.append(r);
        } else {
            fresh.append(c);
        }
    }
    // A new call takes the row of a call that ended: under steady load the table keeps its
    // rows where they are (nothing shifts under the supervisor's pointer, the scroll range
    // stays) and only the rows that changed repaint.
    const int reused = int(qMin(gone.size(), fresh.size()));
    for (int i = 0; i < reused; ++i) {
        const int r = gone.at(i);
        forgetRow(r);
        m_calls[r] = fresh.at(i);
        m_rows.insert(fresh.at(i).callId, r);
        changedRows.append(r);
    }
    emitRanges(changedRows, 0, ColumnCount - 1);
    // Rows left over go (highest first, one signal per contiguous range); calls left over are appended.
    for (int i = int(gone.size()) - 1; i >= reused;) {
        const int last = gone.at(i);
        int first = last;
        while (i - 1 >= reused && gone.at(i - 1) == first - 1)
            first = gone.at(--i);
        --i;
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r)
            forgetRow(r);
        m_calls.remove(first, last - first + 1);
        reindex(first); // consistent before views hear rowsRemoved
        endRemoveRows();
    }
    if (fresh.size() > reused) {
        const int first = int(m_calls.size());
        beginInsertRows({}, first, first + int(fresh.size()) - reused - 1);
        m_calls.append(fresh.mid(reused));
        reindex(first);
        endInsertRows();
    }
    if (!touched.isEmpty())
        emit callsUpdated(touched);
}

void LiveCallsModel::clear()
{
    if (m_calls.isEmpty())
        return;
    beginResetModel();
    m_calls.clear();
    m_rows.clear();
    endResetModel();
}

void LiveCallsModel::tick(qint64 nowMs)
{
    m_nowMs = nowMs;
    if (!m_calls.isEmpty())
        emit dataChanged(index(0, Duration), index(int(m_calls.size()) - 1, Duration), {Qt::DisplayRole});
}

void LiveCallsModel::refreshTexts()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_calls.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_calls.size()) - 1, ColumnCount - 1), {Qt::DisplayRole});
}

const LiveCall *LiveCallsModel::call(qint64 callId) const
{
    const int r = rowOf(callId);
    return r < 0 ? nullptr : &m_calls.at(r);
}

int LiveCallsModel::activeCalls(qint64 campaignId) const
{
    int n = 0;
    for (const LiveCall &c : m_calls)
        n += c.campaignId == campaignId ? 1 : 0;
    return n;
}

int LiveCallsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_calls.size());
}

int LiveCallsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LiveCallsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_calls.size())
        return {};
    const LiveCall &c = m_calls.at(index.row());
    switch (role) {
    case CallIdRole: return c.callId;
    case StateCodeRole: return c.state;
    case CampaignIdRole: return c.campaignId;
    case Qt::TextAlignmentRole:
        if (index.column() == Duration)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        return index.column() == State ? stateIcon(c.state) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == LastUtterance && !c.lastText.isEmpty())
            return c.lastText;
        if (index.column() == Lead)
            return c.attempt > 0 ? tr("Call %1 \u00b7 attempt %2").arg(c.callId).arg(c.attempt) : tr("Call %1").arg(c.callId);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Lead: return c.leadName.isEmpty() ? tr("Call %1").arg(c.callId) : c.leadName;
        case Phone: return maskPhone(c.phone);
        case State: return stateText(c.state);
        case Duration: {
            const qint64 now = m_nowMs > 0 ? m_nowMs : QDateTime::currentMSecsSinceEpoch();
            return durationText((now - c.firstSeenMs) / 1000);
        }
        case LastUtterance:
        {
            if (c.lastText.isEmpty())
                return {};
            const QString text = c.lastText.size() > MaxUtteranceChars
                                     ? c.lastText.left(MaxUtteranceChars) + QChar(0x2026) : c.lastText;
            if (c.lastSpeaker == QLatin1String("agent"))
                return tr("Agent: %1").arg(text);
            if (c.lastSpeaker == QLatin1String("caller"))
                return tr("Caller: %1").arg(text);
            return text;
        }
        }
        return {};
    default:
        return {};
    }
}

QVariant LiveCallsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Lead: return tr("Lead");
    case Phone: return tr("Phone");
    case State: return tr("State");
    case Duration: return tr("Duration");
    case LastUtterance: return tr("Last utterance");
    }
    return {};
}

} // namespace Leadline::Ui
