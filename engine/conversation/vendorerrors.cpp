#include "vendorerrors.h"

#include <QRegularExpression>

namespace Leadline::Conversation {

QString VendorErrors::kindOf(const Error &error)
{
    static const QStringList known = {QStringLiteral("timeout"), QStringLiteral("rate_limited"), QStringLiteral("server_error"),
                                      QStringLiteral("malformed"), QStringLiteral("connection"), QStringLiteral("auth")};
    if (known.contains(error.detailCode))
        return error.detailCode;
    if (error.code == Error::Code::Unauthorized || error.code == Error::Code::Forbidden)
        return QStringLiteral("auth");
    const QString m = error.message.toLower();
    static const QRegularExpression http(QStringLiteral("http (\\d{3})"));
    const auto match = http.match(m);
    if (match.hasMatch()) {
        const int status = match.captured(1).toInt();
        if (status == 429)
            return QStringLiteral("rate_limited");
        if (status >= 500)
            return QStringLiteral("server_error");
        if (status == 408)
            return QStringLiteral("timeout");
        if (status == 401 || status == 403)
            return QStringLiteral("auth");
    }
    if (m.contains(QLatin1String("timed out")) || m.contains(QLatin1String("timeout")))
        return QStringLiteral("timeout");
    if (m.contains(QLatin1String("malformed")) || m.contains(QLatin1String("ended early")))
        return QStringLiteral("malformed");
    if (m.contains(QLatin1String("reset")) || m.contains(QLatin1String("closed")) || m.contains(QLatin1String("connection")))
        return QStringLiteral("connection");
    return QStringLiteral("other");
}

void VendorErrors::record(const QString &stage, const QString &provider, const Error &error)
{
    QMutexLocker lock(&m_mutex);
    ++m_counts[Key{stage, provider, kindOf(error)}];
}

qint64 VendorErrors::count(const QString &stage, const QString &provider, const QString &kind) const
{
    QMutexLocker lock(&m_mutex);
    return m_counts.value(Key{stage, provider, kind});
}

qint64 VendorErrors::total() const
{
    QMutexLocker lock(&m_mutex);
    qint64 n = 0;
    for (qint64 v : m_counts)
        n += v;
    return n;
}

void VendorErrors::recordReconnect(const QString &stage, const QString &provider, qint64 gapMs)
{
    QMutexLocker lock(&m_mutex);
    Reconnects &r = m_reconnects[{stage, provider}];
    ++r.count;
    r.gapMsSum += qMax<qint64>(0, gapMs);
}

qint64 VendorErrors::reconnects(const QString &stage, const QString &provider) const
{
    QMutexLocker lock(&m_mutex);
    return m_reconnects.value({stage, provider}).count;
}

static QByteArray labelValue(const QString &v)
{
    QString s = v;
    s.replace(QLatin1String("\\"), QLatin1String("\\\\")).replace(QLatin1String("\""), QLatin1String("\\\"")).replace(QLatin1String("\n"), QLatin1String("\\n"));
    return s.toUtf8();
}

QByteArray VendorErrors::prometheus() const
{
    QByteArray out = "# HELP leadline_vendor_errors_total Vendor failures that reached a call on this node, by stage, provider and kind.\n"
                     "# TYPE leadline_vendor_errors_total counter\n";
    QMutexLocker lock(&m_mutex);
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        out += "leadline_vendor_errors_total{stage=\"" + labelValue(std::get<0>(it.key())) + "\",provider=\""
               + labelValue(std::get<1>(it.key())) + "\",kind=\"" + labelValue(std::get<2>(it.key())) + "\"} "
               + QByteArray::number(it.value()) + '\n';
    }
    out += "# HELP leadline_vendor_reconnects_total Vendor streams that dropped mid-call and were reopened (the call went on), by stage and provider.\n"
           "# TYPE leadline_vendor_reconnects_total counter\n";
    for (auto it = m_reconnects.cbegin(); it != m_reconnects.cend(); ++it)
        out += "leadline_vendor_reconnects_total{stage=\"" + labelValue(it.key().first) + "\",provider=\"" + labelValue(it.key().second)
               + "\"} " + QByteArray::number(it.value().count) + '\n';
    out += "# HELP leadline_vendor_reconnect_gap_ms_total Milliseconds those streams were gone, summed.\n"
           "# TYPE leadline_vendor_reconnect_gap_ms_total counter\n";
    for (auto it = m_reconnects.cbegin(); it != m_reconnects.cend(); ++it)
        out += "leadline_vendor_reconnect_gap_ms_total{stage=\"" + labelValue(it.key().first) + "\",provider=\"" + labelValue(it.key().second)
               + "\"} " + QByteArray::number(it.value().gapMsSum) + '\n';
    return out;
}

} // namespace Leadline::Conversation
