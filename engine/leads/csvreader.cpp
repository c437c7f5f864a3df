#include "csvreader.h"

#include "core/logging.h"

#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace Leadline::Leads {

CsvReader::CsvReader(QIODevice *in, char delimiter, qint64 chunkSize)
    : m_dev(in), m_delim(delimiter), m_chunkSize(qMax<qint64>(1, chunkSize))
{
    setDelimiter(delimiter == AutoDelimiter ? ',' : delimiter);
    m_delim = delimiter;
}

void CsvReader::setDelimiter(char d)
{
    m_delim = d;
    std::memset(m_stop, 0, sizeof m_stop);
    m_stop[uchar(d)] = true;
    m_stop[uchar('\n')] = true;
    m_blankTab = d != '\t';
}

char CsvReader::sniffDelimiter(QByteArrayView headerLine)
{
    qsizetype comma = 0, semicolon = 0, tab = 0;
    bool inQuotes = false;
    for (const char c : headerLine) {
        if (c == '"')
            inQuotes = !inQuotes;
        else if (inQuotes)
            continue;
        else if (c == '\n')
            break;
        else if (c == ',')
            ++comma;
        else if (c == ';')
            ++semicolon;
        else if (c == '\t')
            ++tab;
    }
    if (semicolon > comma && semicolon >= tab)
        return ';';
    if (tab > comma && tab > semicolon)
        return '\t';
    return ',';
}

bool CsvReader::fill()
{
    if (m_eof || m_status != Status::Ok)
        return false;
    if (!m_dev || !m_dev->isReadable()) {
        m_status = Status::DeviceError;
        return false;
    }
    // Compact: keep only the unparsed tail (at most one partial record).
    if (m_pos > 0) {
        if (m_len > m_pos)
            std::memmove(m_buf.data(), m_buf.constData() + m_pos, size_t(m_len - m_pos));
        m_len -= m_pos;
        m_pos = 0;
    }
    if (m_buf.size() < m_len + m_chunkSize)
        m_buf.resize(m_len + m_chunkSize);

    qint64 n = m_dev->read(m_buf.data() + m_len, m_chunkSize);
    while (n == 0 && m_dev->isSequential() && m_dev->waitForReadyRead(m_readTimeoutMs))
        n = m_dev->read(m_buf.data() + m_len, m_chunkSize);
    if (n < 0) {
        qCWarning(lcLeads) << "CSV read failed:" << m_dev->errorString();
        m_status = Status::DeviceError;
        return false;
    }
    if (n == 0) {
        m_eof = true;
        if (!m_utf8.finish()) {
            m_status = Status::BadEncoding;
            return false;
        }
        return true; // state changed (EOF known): the caller re-parses
    }
    // Validate before anything in this chunk can be parsed.
    if (!m_utf8.feed(m_buf.constData() + m_len, n)) {
        m_status = Status::BadEncoding;
        return false;
    }
    m_len += n;
    m_bytesRead += n;
    return true;
}

bool CsvReader::ensureStarted()
{
    if (m_started)
        return true;
    // BOM: need 3 bytes or EOF.
    while (m_len - m_pos < 3 && !m_eof) {
        if (!fill())
            return m_status == Status::Ok;
    }
    if (m_status != Status::Ok)
        return false;
    if (Utf8Validator::bomLength(QByteArrayView(m_buf.constData() + m_pos, m_len - m_pos)) == 3) {
        m_pos += 3;
        m_hadBom = true;
    }
    if (m_delim == AutoDelimiter) {
        // Need the whole first line (newline outside quotes) or EOF.
        for (;;) {
            bool inQuotes = false;
            bool found = false;
            for (qsizetype i = m_pos; i < m_len; ++i) {
                const char c = m_buf.constData()[i];
                if (c == '"')
                    inQuotes = !inQuotes;
                else if (c == '\n' && !inQuotes) {
                    found = true;
                    break;
                }
            }
            if (found || m_eof)
                break;
            if (m_len - m_pos > m_maxRecordBytes) {
                m_status = Status::RecordTooLarge;
                m_errorLine = 1;
                return false;
            }
            if (!fill()) {
                if (m_status != Status::Ok)
                    return false;
                break;
            }
        }
        setDelimiter(sniffDelimiter(QByteArrayView(m_buf.constData() + m_pos, m_len - m_pos)));
    }
    m_started = true;
    return true;
}

void CsvReader::pushCell(qsizetype off, qsizetype len, bool scratch)
{
    // Trim spaces and tabs (tabs only when TAB is not the delimiter) on both ends.
    const char *base = scratch ? m_scratch.data() : m_buf.constData();
    const bool tab = m_blankTab;
    auto blank = [tab](char c) { return c == ' ' || (tab && c == '\t'); };
    while (len > 0 && blank(base[off])) {
        ++off;
        --len;
    }
    while (len > 0 && blank(base[off + len - 1]))
        --len;
    m_cells.push_back(Cell{off, len, scratch});
}

CsvReader::Parse CsvReader::parseRecord()
{
    m_cells.clear();
    m_scratch.clear();
    const char *b = m_buf.constData();
    const qsizetype end = m_len;
    qsizetype i = m_pos;
    int newlines = 0;
    const bool tab = m_blankTab;
    const char delim = m_delim;

    for (;;) {
        // Leading blanks of a field.
        while (i < end && (b[i] == ' ' || (tab && b[i] == '\t')))
            ++i;
        if (i == end && !m_eof)
            return Parse::NeedMore;

        qsizetype j; // index of the terminating delimiter / '\n' (or end)
        if (i < end && b[i] == '"') {
            ++i;
            const qsizetype start = qsizetype(m_scratch.size());
            for (;;) {
                const void *q = std::memchr(b + i, '"', size_t(end - i));
                if (!q)
                    return m_eof ? Parse::Unterminated : Parse::NeedMore;
                const qsizetype qi = static_cast<const char *>(q) - b;
                newlines += int(std::count(b + i, b + qi, '\n'));
                m_scratch.append(b + i, size_t(qi - i));
                if (qi + 1 == end && !m_eof)
                    return Parse::NeedMore; // can't tell "" from a closing quote yet
                if (qi + 1 < end && b[qi + 1] == '"') {
                    m_scratch.push_back('"');
                    i = qi + 2;
                    continue;
                }
                i = qi + 1; // closing quote
                break;
            }
            // Anything after the closing quote up to the delimiter is kept as data (lenient).
            j = i;
            while (j < end && !m_stop[uchar(b[j])])
                ++j;
            if (j == end && !m_eof)
                return Parse::NeedMore;
            qsizetype junkEnd = j;
            if (junkEnd > i && b[junkEnd - 1] == '\r' && (j == end || b[j] == '\n'))
                --junkEnd;
            m_scratch.append(b + i, size_t(junkEnd - i));
            pushCell(start, qsizetype(m_scratch.size()) - start, true);
        } else {
            j = i;
            while (j < end && !m_stop[uchar(b[j])])
                ++j;
            if (j == end && !m_eof)
                return Parse::NeedMore;
            qsizetype cellEnd = j;
            if (cellEnd > i && b[cellEnd - 1] == '\r' && (j == end || b[j] == '\n'))
                --cellEnd;
            pushCell(i, cellEnd - i, false);
        }

        if (j == end) { // end of input ends the record
            m_pos = end;
            break;
        }
        if (b[j] == delim) {
            i = j + 1;
            continue;
        }
        // '\n'
        ++newlines;
        m_pos = j + 1;
        break;
    }
    m_recordLine = m_nextLine;
    m_nextLine += newlines;
    return Parse::Complete;
}

bool CsvReader::readRecord()
{
    if (m_status != Status::Ok)
        return false;
    if (!ensureStarted())
        return false;
    for (;;) {
        if (m_pos == m_len) {
            if (m_eof) {
                m_status = Status::AtEnd;
                m_cells.clear();
                return false;
            }
            if (!fill())
                return false;
            continue;
        }
        const qsizetype recordStart = m_pos;
        const Parse p = parseRecord();
        if (p == Parse::Complete) {
            if (m_pos - recordStart > m_maxRecordBytes) { // a long record that fit in one chunk
                m_status = Status::RecordTooLarge;
                m_errorLine = m_recordLine;
                m_cells.clear();
                return false;
            }
            return true;
        }
        if (p == Parse::Unterminated) {
            m_status = Status::UnterminatedQuote;
            m_errorLine = m_nextLine;
            m_cells.clear();
            return false;
        }
        // NeedMore: the record continues past the buffer; read on and re-parse it whole.
        if (m_len - m_pos > m_maxRecordBytes) {
            m_status = Status::RecordTooLarge;
            m_errorLine = m_nextLine;
            m_cells.clear();
            return false;
        }
        if (!fill()) {
            m_cells.clear();
            return false;
        }
    }
}

QByteArrayView CsvReader::cell(int i) const
{
    if (i < 0 || i >= int(m_cells.size()))
        return {};
    const Cell &c = m_cells[size_t(i)];
    const char *base = c.inScratch ? m_scratch.data() : m_buf.constData();
    return QByteArrayView(base + c.offset, c.length);
}

bool CsvReader::isBlank() const
{
    for (const Cell &c : m_cells) {
        if (c.length != 0)
            return false;
    }
    return true;
}

QStringList CsvReader::cells() const
{
    QStringList out;
    out.reserve(qsizetype(m_cells.size()));
    for (int i = 0; i < int(m_cells.size()); ++i)
        out.append(cellString(i));
    return out;
}

bool CsvReader::next(QStringList *cells, int *line)
{
    if (!readRecord())
        return false;
    if (cells)
        *cells = this->cells();
    if (line)
        *line = m_recordLine;
    return true;
}

QString CsvReader::errorString() const
{
    switch (m_status) {
    case Status::Ok:
    case Status::AtEnd:
        return {};
    case Status::BadEncoding:
        return QStringLiteral("not valid UTF-8, ") + m_utf8.errorString();
    case Status::UnterminatedQuote:
        return QStringLiteral("the quoted field starting on line %1 is never closed").arg(m_errorLine);
    case Status::RecordTooLarge:
        return QStringLiteral("the record starting on line %1 is larger than %2 bytes")
            .arg(m_errorLine)
            .arg(m_maxRecordBytes);
    case Status::DeviceError:
        return QStringLiteral("cannot read the file: ") + (m_dev ? m_dev->errorString() : QString());
    }
    return {};
}

} // namespace Leadline::Leads
