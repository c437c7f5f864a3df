// OneShotBody: a POST body that Qt's HTTP stack can send once and never re-send on its own.
// QNetworkAccessManager (Qt 6.4, qhttpnetworkconnectionchannel.cpp) re-sends a request when the
// server closes the connection after the request went out but before any reply
// (RemoteHostClosedError in WaitingState: up to reconnectAttempts times), rewinding the upload
// device first. For a POST that may already have taken effect (an Exotel Calls/connect dials a
// person; an ElevenLabs request is billed) that re-send is wrong. This device refuses to rewind
// once any byte was read, so Qt fails the reply with ContentReSendError instead and the client
// decides (count it as an attempt, or say the sentence in another voice).
// Not a QBuffer on purpose: Qt reads a QBuffer's bytes directly and would rewind them itself.
// Thread: the reply's (created next to the post() call, parented to the reply).
#pragma once

#include <QIODevice>
#include <cstring>

namespace Leadline {

class OneShotBody final : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data, QObject *parent = nullptr) : QIODevice(parent), m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_data.size(); }
    bool seek(qint64 pos) override
    {
        if (pos < m_read) { // rewinding over bytes already handed out = sending them again
            m_refusedRewind = true;
            return false;
        }
        if (!QIODevice::seek(pos))
            return false;
        m_offset = pos;
        return true;
    }
    bool atEnd() const override { return m_offset >= m_data.size(); }
    bool refusedRewind() const { return m_refusedRewind; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin<qint64>(maxSize, m_data.size() - m_offset);
        if (n <= 0)
            return 0;
        std::memcpy(data, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        m_read = qMax(m_read, m_offset);
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
    qint64 m_read = 0;
    bool m_refusedRewind = false;
};

} // namespace Leadline
