// CsvReader: streaming RFC 4180 record reader over a QIODevice, per
// tests/data/leads/README.md ("Reading the file").
//
// - Reads fixed-size chunks (64 KiB by default); memory stays flat for any file size (one
//   record at most is held beyond the current chunk, bounded by maxRecordBytes).
// - Every chunk is validated as UTF-8 *before* any record in it is parsed; a leading BOM is
//   stripped. An invalid byte anywhere stops the reader with Status::BadEncoding.
// - Records: a field whose first non-blank byte is `"` is quoted; `""` inside is one `"`;
//   delimiters and newlines inside quotes are data. Lines end in LF or CRLF; the last line may
//   lack one. Cells are trimmed of spaces and tabs (quoted cells included).
// - line() is the 1-based physical line where the current record starts.
// - Works on bytes; cells are converted to QString only when asked for (cellString()/cells()).
//
// Low-level use (fast, no allocation per record):
//     while (reader.readRecord()) { reader.cellCount(); reader.cell(i); ... }
//     if (reader.status() != CsvReader::Status::AtEnd) ...error...
// Convenience: `while (reader.next(&cells, &line))`.
//
// Thread: owned by one thread at a time, together with its QIODevice.
#pragma once

#include "utf8.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

class QIODevice;

namespace Leadline::Leads {

class CsvReader
{
public:
    static constexpr char AutoDelimiter = '\0'; // sniff from the header line (sniffDelimiter)
    static constexpr qint64 DefaultChunkSize = 64 * 1024;
    static constexpr qsizetype DefaultMaxRecordBytes = 4 * 1024 * 1024;

    enum class Status {
        Ok,                // a record is available / more may follow
        AtEnd,             // clean end of input
        BadEncoding,       // not valid UTF-8: see encodingError*()
        UnterminatedQuote, // input ended inside a quoted field that started on errorLine()
        RecordTooLarge,    // one record exceeds maxRecordBytes (e.g. a stray quote)
        DeviceError,       // QIODevice::read failed
    };

    // `in` must be open for reading; it is not owned. delimiter: ',', ';', '\t', ... or
    // AutoDelimiter.
    explicit CsvReader(QIODevice *in, char delimiter = ',',
                       qint64 chunkSize = DefaultChunkSize);

    void setMaxRecordBytes(qsizetype bytes) { m_maxRecordBytes = bytes; }
    // For sequential devices (sockets, pipes) that have no data yet: how long to wait per read.
    void setReadTimeout(int msecs) { m_readTimeoutMs = msecs; }

    // Parses the next record. false at end of input or on error (see status()).
    bool readRecord();

    // The current record (valid until the next readRecord()).
    int line() const { return m_recordLine; }
    int cellCount() const { return int(m_cells.size()); }
    QByteArrayView cell(int i) const; // trimmed, unescaped UTF-8; empty view if i is out of range
    QString cellString(int i) const { return QString::fromUtf8(cell(i)); }
    bool isBlank() const;             // every cell empty
    QStringList cells() const;

    // Convenience: next record as strings; false at end / error.
    bool next(QStringList *cells, int *line = nullptr);

    Status status() const { return m_status; }
    QString errorString() const;
    qint64 encodingErrorOffset() const { return m_utf8.errorOffset(); }
    uchar encodingErrorByte() const { return m_utf8.errorByte(); }
    int errorLine() const { return m_errorLine; }

    char delimiter() const { return m_delim; } // the sniffed one after the first readRecord()
    qint64 bytesRead() const { return m_bytesRead; }
    bool hadBom() const { return m_hadBom; }

    // Delimiter of a header line: whichever of ',' ';' TAB occurs most often outside quotes in
    // the first line (the view may hold more; scanning stops at the first newline outside
    // quotes). A tie goes to ','.
    static char sniffDelimiter(QByteArrayView headerLine);

private:
    enum class Parse { Complete, NeedMore, Unterminated };
    struct Cell
    {
        qsizetype offset;
        qsizetype length;
        bool inScratch; // unescaped copy in m_scratch, else a view into m_buf
    };

    bool fill();           // reads one chunk; false on EOF or error (m_status set on error)
    Parse parseRecord();
    bool ensureStarted();  // BOM + delimiter sniffing
    void setDelimiter(char d);
    void pushCell(qsizetype off, qsizetype len, bool scratch);

    QIODevice *m_dev;
    char m_delim;
    qint64 m_chunkSize;
    qsizetype m_maxRecordBytes = DefaultMaxRecordBytes;
    int m_readTimeoutMs = 30000;

    QByteArray m_buf;      // m_buf[m_pos, m_len) is unparsed input
    qsizetype m_pos = 0;
    qsizetype m_len = 0;
    bool m_eof = false;
    bool m_started = false;
    bool m_hadBom = false;
    qint64 m_bytesRead = 0;
    Utf8Validator m_utf8;
    Status m_status = Status::Ok;
    int m_errorLine = 0;

    int m_nextLine = 1;    // physical line where the next record starts
    int m_recordLine = 0;
    std::vector<Cell> m_cells;
    std::string m_scratch;
    bool m_stop[256];      // delimiter and '\n'
    bool m_blankTab = true; // '\t' is trimmed (false when it is the delimiter)
};

} // namespace Leadline::Leads
