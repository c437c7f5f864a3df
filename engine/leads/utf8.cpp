#include "utf8.h"

#include <cstring>

namespace Leadline::Leads {

void Utf8Validator::fail(qint64 offset, uchar byte)
{
    m_errorOffset = offset;
    m_errorByte = byte;
    m_need = 0;
}

bool Utf8Validator::feed(const char *data, qsizetype size)
{
    if (!isValid())
        return false;
    const auto *p = reinterpret_cast<const uchar *>(data);
    const qint64 base = m_offset;
    qsizetype i = 0;

    while (i < size) {
        if (m_need > 0) {
            const uchar c = p[i];
            if (c < m_lo || c > m_hi) {
                // The sequence that started at m_seqStart is broken: report its lead byte.
                fail(m_seqStart, m_seqLead);
                m_offset = base + size;
                return false;
            }
            m_lo = 0x80;
            m_hi = 0xBF;
            --m_need;
            ++i;
            continue;
        }

        // ASCII fast path, 8 bytes at a time.
        while (size - i >= 8) {
            quint64 w;
            std::memcpy(&w, p + i, 8);
            if (w & Q_UINT64_C(0x8080808080808080))
                break;
            i += 8;
        }
        if (i >= size)
            break;

        const uchar c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        m_seqStart = base + i;
        m_seqLead = c;
        m_lo = 0x80;
        m_hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            m_need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            m_need = 2;
            if (c == 0xE0)
                m_lo = 0xA0; // overlong below U+0800
            else if (c == 0xED)
                m_hi = 0x9F; // surrogates U+D800..DFFF
        } else if (c >= 0xF0 && c <= 0xF4) {
            m_need = 3;
            if (c == 0xF0)
                m_lo = 0x90; // overlong below U+10000
            else if (c == 0xF4)
                m_hi = 0x8F; // above U+10FFFF
        } else {
            // 0x80..0xBF stray continuation, 0xC0/0xC1 overlong, 0xF5..0xFF never valid.
            fail(base + i, c);
            m_offset = base + size;
            return false;
        }
        ++i;
    }
    m_offset = base + size;
    return true;
}

bool Utf8Validator::finish()
{
    if (!isValid())
        return false;
    if (m_need > 0) {
        fail(m_seqStart, m_seqLead);
        m_truncated = true;
        return false;
    }
    return true;
}

QString Utf8Validator::errorString() const
{
    if (isValid())
        return {};
    return QStringLiteral("byte 0x%1 at offset %2")
        .arg(QString::number(m_errorByte, 16).toUpper().rightJustified(2, QLatin1Char('0')))
        .arg(m_errorOffset);
}

bool Utf8Validator::validate(QByteArrayView bytes, qint64 *errorOffset, uchar *errorByte)
{
    Utf8Validator v;
    const bool ok = v.feed(bytes) && v.finish();
    if (errorOffset)
        *errorOffset = v.errorOffset();
    if (errorByte)
        *errorByte = v.errorByte();
    return ok;
}

qsizetype Utf8Validator::bomLength(QByteArrayView bytes)
{
    return (bytes.size() >= 3 && uchar(bytes[0]) == 0xEF && uchar(bytes[1]) == 0xBB
            && uchar(bytes[2]) == 0xBF)
        ? 3
        : 0;
}

} // namespace Leadline::Leads
