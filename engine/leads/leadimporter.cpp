#include "leadimporter.h"

#include "core/logging.h"
#include "csvreader.h"
#include "headermap.h"
#include "phonenumber.h"

#include <QElapsedTimer>
#include <QHash>

#include <string>
#include <vector>

namespace Leadline::Leads {

namespace {

Error readerError(const CsvReader &r)
{
    switch (r.status()) {
    case CsvReader::Status::BadEncoding: {
        const QString msg = QStringLiteral("not valid UTF-8, byte 0x%1 at offset %2; save the file "
                                           "as CSV UTF-8")
                                .arg(QString::number(r.encodingErrorByte(), 16).toUpper()
                                         .rightJustified(2, QLatin1Char('0')))
                                .arg(r.encodingErrorOffset());
        return Error::make(Error::Code::BadEncoding, msg, QStringLiteral("bad_encoding"));
    }
    case CsvReader::Status::UnterminatedQuote:
        return Error::make(Error::Code::NotACsv,
                           QStringLiteral("a quoted field starting on line %1 is never closed "
                                          "(a stray '\"'?)")
                               .arg(r.errorLine()),
                           QStringLiteral("unterminated_quote"));
    case CsvReader::Status::RecordTooLarge:
        return Error::make(Error::Code::PayloadTooLarge, r.errorString(),
                           QStringLiteral("record_too_large"));
    case CsvReader::Status::DeviceError:
        return Error::make(Error::Code::Internal, r.errorString(), QStringLiteral("read_error"));
    case CsvReader::Status::Ok:
    case CsvReader::Status::AtEnd:
        break;
    }
    return Error::make(Error::Code::Internal, QStringLiteral("CSV reader stopped unexpectedly"));
}

Error emptyFile()
{
    return Error::make(Error::Code::NotACsv, QStringLiteral("the file is empty"),
                       QStringLiteral("empty_file"));
}

// The numbers accepted so far (national number -> first line), for duplicate_in_file. An
// open-addressing table of packed 64-bit slots: national (< 10^10 < 2^34) << 30 | line. With
// millions of rows this is the one structure that grows with the file; 8 bytes a slot and a
// single probe sequence keep it ~3x smaller and faster than QHash<quint64, int>.
class AcceptedNumbers
{
public:
    AcceptedNumbers() : m_slots(1024, 0), m_mask(1023), m_shift(64 - 10) {}

    // 0 if `national` was inserted with `line`, else the line it was first accepted on.
    int insertOrFind(quint64 national, int line)
    {
        if ((m_count + 1) * 10 > m_slots.size() * 7)
            grow();
        const quint64 packed = (national << kLineBits) | quint64(qBound(1, line, kMaxLine));
        size_t i = slotOf(national);
        for (;;) {
            const quint64 s = m_slots[i];
            if (s == 0) {
                m_slots[i] = packed;
                ++m_count;
                return 0;
            }
            if ((s >> kLineBits) == national)
                return int(s & kMaxLine);
            i = (i + 1) & m_mask;
        }
    }

private:
    static constexpr int kLineBits = 30;
    static constexpr int kMaxLine = (1 << kLineBits) - 1; // later lines are reported as this

    size_t slotOf(quint64 national) const
    {
        return size_t((national * Q_UINT64_C(0x9E3779B97F4A7C15)) >> m_shift); // Fibonacci hashing
    }
    void grow()
    {
        std::vector<quint64> old(m_slots.size() * 2, 0);
        old.swap(m_slots);
        m_mask = m_slots.size() - 1;
        --m_shift;
        for (const quint64 s : old) {
            if (s == 0)
                continue;
            size_t i = slotOf(s >> kLineBits);
            while (m_slots[i] != 0)
                i = (i + 1) & m_mask;
            m_slots[i] = s;
        }
    }

    std::vector<quint64> m_slots;
    size_t m_mask;
    int m_shift; // 64 - log2(slot count)
    size_t m_count = 0;
};

// Converts cells of one column to QString, reusing the previous row's string when the bytes are
// the same (city, language, lead source... repeat row after row): no allocation for those.
// Columns that keep changing (name, email) stop being cached for a while after 16 misses in a
// row, so they do not pay for the extra copy.
class ColumnText
{
public:
    QString get(QByteArrayView bytes)
    {
        if (bytes.isEmpty())
            return QString();
        if (m_pausedFor > 0) {
            --m_pausedFor;
            return QString::fromUtf8(bytes);
        }
        if (m_valid && QByteArrayView(m_bytes) == bytes) {
            m_misses = 0;
            return m_text;
        }
        m_text = QString::fromUtf8(bytes);
        if (++m_misses >= 16) {
            m_misses = 0;
            m_pausedFor = 4096;
            m_valid = false;
            return m_text;
        }
        m_bytes.assign(bytes.data(), size_t(bytes.size()));
        m_valid = true;
        return m_text;
    }

private:
    std::string m_bytes;
    QString m_text;
    int m_misses = 0;
    int m_pausedFor = 0;
    bool m_valid = false;
};

QString phoneHeaderNames()
{
    return QStringLiteral("Phone, Phone Number, Phone No, Mobile, Mobile No, Mobile Number, "
                          "Contact No, Contact Number, Contact");
}

} // namespace

Result<ImportReport> LeadImporter::run(QIODevice &in, const ImportContext &ctx, const Sink &sink,
                                       const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();

    CsvReader reader(&in, CsvReader::AutoDelimiter, m_chunkSize);
    if (ctx.maxRecordBytes > 0)
        reader.setMaxRecordBytes(ctx.maxRecordBytes);
    ImportReport report;

    auto fail = [&](Error e) -> Result<ImportReport> {
        qCWarning(lcLeads).noquote() << "lead import failed:" << e.codeName() << "-" << e.message;
        return e;
    };
    const auto cancelled = [&]() {
        return fail(Error::make(Error::Code::BadRequest, QStringLiteral("the import was cancelled"),
                                QStringLiteral("cancelled")));
    };
    qint64 lastProgress = -1;
    // Reports progress once per chunk read; false = cancel.
    const auto keepGoing = [&]() {
        if (!progress)
            return true;
        const qint64 b = reader.bytesRead();
        if (b == lastProgress)
            return true;
        lastProgress = b;
        return progress(b);
    };

    // ---- Header (line 1) ----
    if (!reader.readRecord()) {
        if (reader.status() == CsvReader::Status::AtEnd)
            return fail(emptyFile());
        return fail(readerError(reader));
    }
    if (reader.isBlank()) {
        // Only blank lines in the whole file: empty. Otherwise line 1 should have been the header.
        while (reader.readRecord()) {
            if (!reader.isBlank()) {
                return fail(Error::make(Error::Code::NotACsv,
                                        QStringLiteral("line 1 is empty; the first line must be "
                                                       "the header with a phone column (%1)")
                                            .arg(phoneHeaderNames()),
                                        QStringLiteral("no_phone_column")));
            }
        }
        if (reader.status() != CsvReader::Status::AtEnd)
            return fail(readerError(reader));
        return fail(emptyFile());
    }

    if (reader.cellCount() > ctx.maxColumns) {
        return fail(Error::make(Error::Code::PayloadTooLarge,
                                QStringLiteral("the header has %1 columns; at most %2 are allowed")
                                    .arg(reader.cellCount())
                                    .arg(ctx.maxColumns),
                                QStringLiteral("too_many_columns")));
    }
    const HeaderMap map = HeaderMap::build(reader.cells());
    if (!map.hasPhone()) {
        return fail(Error::make(Error::Code::NotACsv,
                                QStringLiteral("no phone column in the header; name one of: %1")
                                    .arg(phoneHeaderNames()),
                                QStringLiteral("no_phone_column")));
    }
    if (!keepGoing())
        return cancelled();

    const int width = map.headerWidth();
    const int phoneCol = map.column(HeaderMap::Phone);
    const int nameCol = map.column(HeaderMap::Name);
    const int emailCol = map.column(HeaderMap::Email);
    const int cityCol = map.column(HeaderMap::City);
    const int budgetCol = map.column(HeaderMap::Budget);
    const int typeCol = map.column(HeaderMap::PropertyType);
    const int langCol = map.column(HeaderMap::Language);
    const QList<int> customCols = map.customColumns();
    const QStringList customKeys = map.customKeys();
    const int batchSize = qMax(1, ctx.batchSize);
    const bool checkDnc = !ctx.dnc.isEmpty();
    const bool checkExisting = !ctx.existing.isEmpty();

    const QString rTooMany = QStringLiteral("too_many_columns");
    const QString rOnDnc = QStringLiteral("on_dnc");
    const QString rExisting = QStringLiteral("duplicate_existing");
    const QString rInFile = QStringLiteral("duplicate_in_file");

    AcceptedNumbers acceptedNumbers;
    std::vector<ColumnText> columnText(static_cast<size_t>(width));
    QList<LeadRecord> batch;
    batch.reserve(batchSize);
    qint64 rows = 0;

    const auto text = [&reader, &columnText](int col) {
        if (col < 0)
            return QString();
        return columnText[size_t(col)].get(reader.cell(col));
    };
    // Every rejected row is reported; the first kDetailedRejections get their own detail text,
    // later ones share one text per reason (implicitly shared, no allocation) so that a file of
    // millions of bad rows costs ~56 bytes per row, not ~400.
    constexpr qsizetype kDetailedRejections = 10000;
    const QString laterDetail = QStringLiteral(" (details are given for the first %1 rejected "
                                               "rows only)")
                                    .arg(kDetailedRejections);
    QHash<QString, QString> sharedDetails;
    const auto reject = [&](int line, const QString &reason, const auto &makeDetail) {
        if (report.rejected.size() < kDetailedRejections) {
            report.rejected.append(RejectedRow{line, reason, makeDetail()});
            return;
        }
        auto it = sharedDetails.find(reason);
        if (it == sharedDetails.end())
            it = sharedDetails.insert(reason, reason + laterDetail);
        report.rejected.append(RejectedRow{line, reason, it.value()});
    };
    const auto flush = [&]() -> Status {
        if (batch.isEmpty())
            return okStatus();
        if (sink) {
            Status s = sink(batch);
            if (!s.ok())
                return s;
        }
        batch.clear();
        return okStatus();
    };

    // ---- Data rows ----
    while (reader.readRecord()) {
        if (!keepGoing())
            return cancelled();

        // 1. blank
        if (reader.isBlank()) {
            ++report.skippedBlank;
            continue;
        }
        if (++rows > ctx.maxRows) {
            return fail(Error::make(Error::Code::PayloadTooLarge,
                                    QStringLiteral("the file has more than %1 data rows")
                                        .arg(ctx.maxRows),
                                    QStringLiteral("too_many_rows")));
        }
        const int line = reader.line();
        const int cells = reader.cellCount();

        // 2. too_many_columns: a non-empty cell beyond the header width
        if (cells > width) {
            int extra = 0;
            for (int i = width; i < cells; ++i) {
                if (!reader.cell(i).isEmpty())
                    ++extra;
            }
            if (extra > 0) {
                reject(line, rTooMany, [&]() -> QString {
                    return QStringLiteral("the row has %1 cells but the header has %2 columns; %3 "
                                          "extra value(s) would be lost")
                        .arg(cells)
                        .arg(width)
                        .arg(extra);
                });
                continue;
            }
        }

        // 3./4. missing_phone, invalid_phone
        quint64 national = 0;
        const PhoneNumber::Outcome outcome = PhoneNumber::normalizeFast(reader.cell(phoneCol),
                                                                        &national);
        if (outcome != PhoneNumber::Outcome::Valid) {
            // Rare path: the detailed normalizer explains why.
            reject(line, PhoneNumber::reasonCode(outcome), [&]() -> QString {
                return PhoneNumber::normalize(reader.cellString(phoneCol)).detail;
            });
            continue;
        }
        QString e164 = PhoneNumber::e164FromNational(national);

        // 5. on_dnc
        if (checkDnc && ctx.dnc.contains(e164)) {
            reject(line, rOnDnc,
                   [&]() -> QString { return e164 + QStringLiteral(" is on the do-not-call list"); });
            continue;
        }
        // 6. duplicate_existing
        if (checkExisting && ctx.existing.contains(e164)) {
            reject(line, rExisting,
                   [&]() -> QString { return e164 + QStringLiteral(" is already a lead of this campaign"); });
            continue;
        }
        // 7. duplicate_in_file (only earlier accepted rows count)
        if (const int firstLine = acceptedNumbers.insertOrFind(national, line)) {
            reject(line, rInFile, [&]() -> QString {
                return e164 + QStringLiteral(" was already imported from line %1").arg(firstLine);
            });
            continue;
        }

        // 8. accepted
        LeadRecord rec;
        rec.line = line;
        rec.phoneE164 = std::move(e164);
        rec.name = text(nameCol);
        rec.email = text(emailCol);
        rec.city = text(cityCol);
        rec.budget = text(budgetCol);
        rec.propertyType = text(typeCol);
        rec.language = text(langCol);
        if (!customCols.isEmpty()) {
            rec.customKeys = customKeys; // implicitly shared
            rec.customValues.reserve(customCols.size());
            for (const int c : customCols) {
                QString v = text(c);
                rec.customValues.append(v.isNull() ? QStringLiteral("") : std::move(v));
            }
        }
        batch.append(std::move(rec));
        ++report.accepted;

        if (batch.size() >= batchSize) {
            Status s = flush();
            if (!s.ok())
                return fail(s.error());
        }
    }
    // Stopped before the end: bad UTF-8 (possibly after batches were sunk: the caller rolls
    // back), unterminated quote, device error.
    if (reader.status() != CsvReader::Status::AtEnd)
        return fail(readerError(reader));
    if (!keepGoing())
        return cancelled();

    Status s = flush();
    if (!s.ok())
        return fail(s.error());

    qCInfo(lcLeads).noquote() << QStringLiteral(
                                     "lead import: %1 accepted, %2 rejected, %3 blank, %4 bytes "
                                     "in %5 ms (delimiter '%6')")
                                     .arg(report.accepted)
                                     .arg(report.rejected.size())
                                     .arg(report.skippedBlank)
                                     .arg(reader.bytesRead())
                                     .arg(timer.elapsed())
                                     .arg(reader.delimiter() == '\t'
                                              ? QStringLiteral("\\t")
                                              : QString(QLatin1Char(reader.delimiter())));
    return report;
}

} // namespace Leadline::Leads
