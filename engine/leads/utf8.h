// Utf8Validator: incremental, allocation-free UTF-8 validation (Unicode 15, table 3-7) for
// streamed uploads. Feed the bytes in any chunking; a sequence split across two feed() calls
// is carried over. Rejects overlong forms, UTF-16 surrogates (U+D800..DFFF), code points above
// U+10FFFF, stray continuation bytes and a sequence cut off by the end of input (finish()).
// The error position is the offset of the first byte of the first invalid sequence, counted
// from the first byte ever fed (so a BOM, if present, counts: offsets match a hex editor).
// Thread: owned by one thread at a time (plain value, no shared state).
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

namespace Leadline::Leads {

class Utf8Validator
{
public:
    // Validates the next bytes of the stream. Returns false once the stream is known to be
    // invalid (then keeps returning false and ignores further input).
    bool feed(const char *data, qsizetype size);
    bool feed(QByteArrayView bytes) { return feed(bytes.data(), bytes.size()); }
    // Call at end of input: fails if the input stops inside a multi-byte sequence.
    bool finish();

    bool isValid() const { return m_errorOffset < 0; }
    qint64 errorOffset() const { return m_errorOffset; } // -1 while valid
    uchar errorByte() const { return m_errorByte; }
    bool errorIsTruncation() const { return m_truncated; }
    qint64 bytesFed() const { return m_offset; }
    // e.g. "byte 0xE9 at offset 812"
    QString errorString() const;
    void reset() { *this = Utf8Validator(); }

    // One-shot helpers.
    static bool validate(QByteArrayView bytes, qint64 *errorOffset = nullptr,
                         uchar *errorByte = nullptr);
    // 3 when bytes start with the UTF-8 byte order mark EF BB BF, else 0.
    static qsizetype bomLength(QByteArrayView bytes);

private:
    void fail(qint64 offset, uchar byte);

    qint64 m_offset = 0;       // bytes fed so far
    qint64 m_errorOffset = -1;
    uchar m_errorByte = 0;
    bool m_truncated = false;
    // Pending multi-byte sequence.
    int m_need = 0;            // continuation bytes still expected
    uchar m_lo = 0x80;         // allowed range of the next continuation byte
    uchar m_hi = 0xBF;
    qint64 m_seqStart = 0;     // offset of the lead byte
    uchar m_seqLead = 0;
};

} // namespace Leadline::Leads
