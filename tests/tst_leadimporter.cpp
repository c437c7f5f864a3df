// LeadImporter against every fixture of tests/data/leads (accepted count, rejected
// {line, reason} list and accepted rows exactly as in <name>.expected.json), plus whole-file
// errors: bad UTF-8 after batches were already sunk (caller rolls back), no phone column,
// empty file, limits, cancel, sink errors.
#include "leads/headermap.h"
#include "leads/leadimporter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Leads;

namespace {

QString leadsDir()
{
    return QStringLiteral(LEADLINE_TESTDATA_DIR) + QStringLiteral("/leads");
}

// What a storage layer does: rows go into an open transaction, committed only on success.
struct FakeTransaction
{
    QList<LeadRecord> pending;
    QList<LeadRecord> committed;
    QList<int> batchSizes;

    LeadImporter::Sink sink()
    {
        return [this](const QList<LeadRecord> &batch) -> Status {
            batchSizes.append(int(batch.size()));
            pending.append(batch);
            return okStatus();
        };
    }
    void finish(bool ok)
    {
        if (ok)
            committed = pending;
        pending.clear(); // rollback or done
    }
};

Result<ImportReport> importBytes(const QByteArray &bytes, const ImportContext &ctx,
                                 FakeTransaction &tx, qint64 chunk = 64 * 1024,
                                 const LeadImporter::Progress &progress = {})
{
    QBuffer buf;
    buf.setData(bytes);
    buf.open(QIODevice::ReadOnly);
    LeadImporter importer;
    importer.setChunkSize(chunk);
    Result<ImportReport> r = importer.run(buf, ctx, tx.sink(), progress);
    tx.finish(r.ok());
    return r;
}

QSet<QString> toSet(const QJsonValue &v)
{
    QSet<QString> s;
    const QJsonArray a = v.toArray();
    for (const QJsonValue &x : a)
        s.insert(x.toString());
    return s;
}

QStringList rejectedList(const QList<RejectedRow> &rows)
{
    QStringList out;
    for (const RejectedRow &r : rows)
        out.append(QString::number(r.line) + QLatin1Char(':') + r.reason);
    return out;
}

QByteArray generatedCsv(int rows, int badRow, qint64 *badOffset)
{
    QByteArray out = "name,phone,city\n";
    for (int i = 0; i < rows; ++i) {
        if (i == badRow) {
            *badOffset = out.size() + 3;
            out += "Jos\xE9 Lead,";
        } else {
            out += "Lead " + QByteArray::number(i) + ',';
        }
        out += QByteArray::number(Q_INT64_C(9000000000) + i) + ",Pune\n";
    }
    return out;
}

} // namespace

class TstLeadImporter : public QObject
{
    Q_OBJECT

private slots:
    void fixturesPresent();
    void headerMapping_data();
    void headerMapping();
    void customKeys();
    void fixture_data();
    void fixture();
    void badUtf8AfterFirstBatchFailsWhole();
    void wholeFileErrors_data();
    void wholeFileErrors();
    void rowChecks_data();
    void rowChecks();
    void batchesFlushEveryBatchSize();
    void sinkErrorPassesThrough();
    void cancelViaProgress();
    void tooManyRowsCountsDataRows();
    void reportJson();
    void everyRejectedRowReported();
};

void TstLeadImporter::fixturesPresent()
{
    const QStringList csvs = QDir(leadsDir()).entryList({QStringLiteral("*.csv")}, QDir::Files);
    for (const char *name : {"basic_clean.csv", "excel_bom_crlf.csv", "semicolon_european.csv",
                             "quoted_multiline.csv", "phone_variants.csv",
                             "crm_custom_fields.csv"})
        QVERIFY2(csvs.contains(QLatin1String(name)), name);
}

void TstLeadImporter::headerMapping_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("field"); // "" = custom

    const auto row = [](const char *h, const char *f) {
        QTest::addRow("%s", h) << QString::fromUtf8(h) << QString::fromLatin1(f);
    };
    row("name", "name");
    row(" full NAME ", "name");
    row("Full Name", "name");
    row("Lead Name", "name");
    row("customer_name", "name");
    row("phone", "phone");
    row("PHONE_NUMBER", "phone");
    row("Phone No.", "phone");
    row("Mobile", "phone");
    row("Mobile No.", "phone");
    row("mobile-number", "phone");
    row("Contact No.", "phone");
    row("Contact Number", "phone");
    row("contact", "phone");
    row("Contact:", "phone");
    row("E-Mail", "email");
    row("Email", "email");
    row("Email ID", "email");
    row("email_address", "email");
    row("City", "city");
    row("BUDGET", "budget");
    row("Property Type", "property_type");
    row("property__type", "property_type");
    row("Preferred Language", "preferred_language");
    row("Language", "preferred_language");
    row("Lead Source", "");
    row("Phone 2", "");
    row("Telephone", "");
    row("Emails", "");
}

void TstLeadImporter::headerMapping()
{
    QFETCH(QString, header);
    QFETCH(QString, field);
    const auto f = HeaderMap::fieldFor(HeaderMap::normalize(header));
    QCOMPARE(f ? HeaderMap::fieldName(*f) : QString(), field);
}

void TstLeadImporter::customKeys()
{
    // First mapped column wins; the rest are custom fields keyed by the trimmed header text.
    const HeaderMap m = HeaderMap::build({QStringLiteral(" Lead ID "), QStringLiteral("Mobile"),
                                          QStringLiteral("Name"), QStringLiteral("Phone"),
                                          QStringLiteral("Project"), QStringLiteral("Project"),
                                          QString()});
    QCOMPARE(m.column(HeaderMap::Phone), 1);
    QCOMPARE(m.column(HeaderMap::Name), 2);
    QCOMPARE(m.column(HeaderMap::Email), -1);
    QCOMPARE(m.customColumns(), (QList<int>{0, 3, 4, 5, 6}));
    QCOMPARE(m.customKeys(), (QStringList{QStringLiteral("Lead ID"), QStringLiteral("Phone"),
                                          QStringLiteral("Project"), QStringLiteral("Project (2)"),
                                          QStringLiteral("column 7")}));
}

void TstLeadImporter::fixture_data()
{
    QTest::addColumn<QString>("csvPath");
    QTest::addColumn<qint64>("chunk");

    const QDir dir(leadsDir());
    const QStringList csvs = dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    for (const QString &f : csvs) {
        for (const qint64 chunk : {qint64(64 * 1024), qint64(7), qint64(1)}) {
            QTest::addRow("%s / chunk %lld", qPrintable(f), static_cast<long long>(chunk))
                << dir.filePath(f) << chunk;
        }
    }
}

void TstLeadImporter::fixture()
{
    QFETCH(QString, csvPath);
    QFETCH(qint64, chunk);

    QString expectedPath = csvPath;
    expectedPath.replace(QStringLiteral(".csv"), QStringLiteral(".expected.json"));
    QFile ef(expectedPath);
    QVERIFY2(ef.open(QIODevice::ReadOnly), qPrintable(expectedPath));
    QJsonParseError perr;
    const QJsonObject exp = QJsonDocument::fromJson(ef.readAll(), &perr).object();
    QCOMPARE(perr.error, QJsonParseError::NoError);

    ImportContext ctx;
    ctx.batchSize = 5; // several batches per fixture
    const QJsonObject pre = exp.value(QStringLiteral("preconditions")).toObject();
    ctx.dnc = toSet(pre.value(QStringLiteral("dnc")));
    ctx.existing = toSet(pre.value(QStringLiteral("existing_leads")));

    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    FakeTransaction tx;
    LeadImporter importer;
    importer.setChunkSize(chunk);
    const Result<ImportReport> r = importer.run(csv, ctx, tx.sink());
    tx.finish(r.ok());

    if (exp.contains(QStringLiteral("file_error"))) {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().codeName(),
                 exp.value(QStringLiteral("file_error")).toObject().value(QStringLiteral("code")).toString());
        QVERIFY(tx.committed.isEmpty());
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    const ImportReport &rep = r.value();

    // accepted count
    QCOMPARE(rep.accepted, exp.value(QStringLiteral("accepted")).toInt());

    // rejected [{line, reason}] exactly, each with a detail
    QStringList expRejected;
    const QJsonArray rj = exp.value(QStringLiteral("rejected")).toArray();
    for (const QJsonValue &v : rj) {
        const QJsonObject o = v.toObject();
        expRejected.append(QString::number(o.value(QStringLiteral("line")).toInt()) + QLatin1Char(':')
                           + o.value(QStringLiteral("reason")).toString());
    }
    QCOMPARE(rejectedList(rep.rejected), expRejected);
    for (const RejectedRow &row : rep.rejected)
        QVERIFY2(!row.detail.isEmpty(), qPrintable(QString::number(row.line)));

    // blank lines are skipped silently
    QCOMPARE(rep.skippedBlank, int(exp.value(QStringLiteral("blank_lines_ignored")).toArray().size()));

    // accepted rows: line, phone, name, custom
    const QJsonArray rows = exp.value(QStringLiteral("accepted_rows")).toArray();
    QCOMPARE(tx.committed.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject e = rows[i].toObject();
        const LeadRecord &got = tx.committed[i];
        const QByteArray where = "accepted row " + QByteArray::number(i) + " (expected line "
            + QByteArray::number(e.value(QStringLiteral("line")).toInt()) + ')';
        QVERIFY2(got.line == e.value(QStringLiteral("line")).toInt(), where.constData());
        QVERIFY2(got.phoneE164 == e.value(QStringLiteral("phone")).toString(),
                 qPrintable(QString::fromLatin1(where) + QStringLiteral(": ") + got.phoneE164));
        QVERIFY2(got.name == e.value(QStringLiteral("name")).toString(),
                 qPrintable(QString::fromLatin1(where) + QStringLiteral(": ") + got.name));
        if (e.contains(QStringLiteral("custom"))) {
            QCOMPARE(got.customJson(), e.value(QStringLiteral("custom")).toObject());
            QCOMPARE(got.customKeys.size(), got.customValues.size());
        } else {
            QVERIFY2(got.customKeys.isEmpty(), where.constData());
        }
    }

    // batches of ctx.batchSize, the last one smaller
    for (qsizetype i = 0; i + 1 < tx.batchSizes.size(); ++i)
        QCOMPARE(tx.batchSizes[i], ctx.batchSize);
}

void TstLeadImporter::badUtf8AfterFirstBatchFailsWhole()
{
    qint64 badOffset = -1;
    const int badRow = 2900; // ~75 KB in: past the first 64 KiB chunk, many batches in
    const QByteArray csv = generatedCsv(3000, badRow, &badOffset);
    QVERIFY(badOffset > 64 * 1024);

    ImportContext ctx;
    ctx.batchSize = 100;
    FakeTransaction tx;
    int maxLineSunk = 0;
    int batches = 0;
    LeadImporter::Sink sink = [&](const QList<LeadRecord> &batch) -> Status {
        ++batches;
        for (const LeadRecord &r : batch)
            maxLineSunk = qMax(maxLineSunk, r.line);
        tx.pending.append(batch);
        return okStatus();
    };
    QBuffer buf;
    buf.setData(csv);
    buf.open(QIODevice::ReadOnly);
    LeadImporter importer;
    const Result<ImportReport> r = importer.run(buf, ctx, sink);

    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::BadEncoding);
    QCOMPARE(r.error().detailCode, QStringLiteral("bad_encoding"));
    QCOMPARE(r.error().codeName(), QStringLiteral("bad_encoding"));
    QCOMPARE(r.error().message,
             QStringLiteral("not valid UTF-8, byte 0xE9 at offset %1; save the file as CSV UTF-8")
                 .arg(badOffset));
    // Batches were sunk before the bad byte was seen: the caller must be able to roll back.
    QVERIFY(batches > 0);
    QVERIFY(!tx.pending.isEmpty());
    QVERIFY(maxLineSunk < badRow + 2); // nothing at or after the bad row
    tx.finish(r.ok());
    QVERIFY(tx.committed.isEmpty());
    QVERIFY(tx.pending.isEmpty());

    // Same with tiny chunks.
    FakeTransaction tx2;
    const Result<ImportReport> r2 = importBytes(csv, ctx, tx2, 13);
    QVERIFY(!r2.ok());
    QCOMPARE(r2.error().message, r.error().message);
    QVERIFY(tx2.committed.isEmpty());
}

void TstLeadImporter::wholeFileErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("maxColumns");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detail");

    const int nac = int(Error::Code::NotACsv);
    QTest::newRow("no phone column") << QByteArray("name,email,city\nA,a@x.in,Pune\n") << 256 << nac
                                     << QStringLiteral("no_phone_column");
    QTest::newRow("phone only in a data row") << QByteArray("name,city\nphone,9876543210\n") << 256
                                              << nac << QStringLiteral("no_phone_column");
    QTest::newRow("blank header line then data")
        << QByteArray("\nname,phone\nA,9876543210\n") << 256 << nac << QStringLiteral("no_phone_column");
    QTest::newRow("zero bytes") << QByteArray() << 256 << nac << QStringLiteral("empty_file");
    QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << 256 << nac << QStringLiteral("empty_file");
    QTest::newRow("blank lines only") << QByteArray("\n \r\n,,,\n") << 256 << nac
                                      << QStringLiteral("empty_file");
    QTest::newRow("header wider than maxColumns")
        << QByteArray("name,phone,a,b,c\n") << 4 << int(Error::Code::PayloadTooLarge)
        << QStringLiteral("too_many_columns");
    QTest::newRow("unterminated quote") << QByteArray("name,phone\n\"A,9876543210\nB,9876543211\n")
                                        << 256 << nac << QStringLiteral("unterminated_quote");
    QTest::newRow("bad utf8 in header") << QByteArray("n\xE9me,phone\nA,9876543210\n") << 256
                                        << int(Error::Code::BadEncoding) << QStringLiteral("bad_encoding");
}

void TstLeadImporter::wholeFileErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, maxColumns);
    QFETCH(int, code);
    QFETCH(QString, detail);

    ImportContext ctx;
    ctx.maxColumns = maxColumns;
    FakeTransaction tx;
    const Result<ImportReport> r = importBytes(csv, ctx, tx);
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().code), code);
    QCOMPARE(r.error().detailCode, detail);
    QVERIFY(!r.error().message.isEmpty());
    QVERIFY(tx.batchSizes.isEmpty());
}

void TstLeadImporter::rowChecks_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("dnc");
    QTest::addColumn<QStringList>("existing");
    QTest::addColumn<QStringList>("rejected"); // "line:reason"
    QTest::addColumn<int>("accepted");

    const QStringList none;
    QTest::newRow("extra non-empty cell beats missing phone")
        << QByteArray("name,phone\nA,,extra\n") << none << none
        << QStringList{QStringLiteral("2:too_many_columns")} << 0;
    QTest::newRow("extra empty cells ignored")
        << QByteArray("name,phone\nA,9876543210,, \n") << none << none << QStringList() << 1;
    QTest::newRow("short row gets empty values")
        << QByteArray("phone,name,city\n9876543210\n") << none << none << QStringList() << 1;
    QTest::newRow("short row without phone cell is missing_phone")
        << QByteArray("name,city,phone\nA,Pune\n") << none << none
        << QStringList{QStringLiteral("2:missing_phone")} << 0;
    QTest::newRow("dnc beats existing")
        << QByteArray("phone\n9876543210\n") << QStringList{QStringLiteral("+919876543210")}
        << QStringList{QStringLiteral("+919876543210")} << QStringList{QStringLiteral("2:on_dnc")} << 0;
    QTest::newRow("existing beats in-file duplicate")
        << QByteArray("phone\n9876543210\n09876543210\n") << none
        << QStringList{QStringLiteral("+919876543210")}
        << QStringList{QStringLiteral("2:duplicate_existing"), QStringLiteral("3:duplicate_existing")} << 0;
    QTest::newRow("rejected row does not block a later one")
        << QByteArray("phone,name\n9876543210,A,x\n+91 98765 43210,B\n098765 43210,C\n") << none << none
        << QStringList{QStringLiteral("2:too_many_columns"), QStringLiteral("4:duplicate_in_file")} << 1;
    QTest::newRow("quoted phone with a letter is invalid")
        << QByteArray("name,phone\nA,\"98765 1234x\"\nB,\"+91 (98765) 12345\"\n") << none << none
        << QStringList{QStringLiteral("2:invalid_phone")} << 1;
    QTest::newRow("first mapped column wins, second is custom")
        << QByteArray("Mobile,Phone\n9876543210,abc\n") << none << none << QStringList() << 1;
    QTest::newRow("tab delimited")
        << QByteArray("Name\tMobile No.\nA\t9876543210\nB\t12345\n") << none << none
        << QStringList{QStringLiteral("3:invalid_phone")} << 1;
}

void TstLeadImporter::rowChecks()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, dnc);
    QFETCH(QStringList, existing);
    QFETCH(QStringList, rejected);
    QFETCH(int, accepted);

    ImportContext ctx;
    ctx.dnc = QSet<QString>(dnc.begin(), dnc.end());
    ctx.existing = QSet<QString>(existing.begin(), existing.end());
    FakeTransaction tx;
    const Result<ImportReport> r = importBytes(csv, ctx, tx);
    QVERIFY(r.ok());
    QCOMPARE(rejectedList(r->rejected), rejected);
    QCOMPARE(r->accepted, accepted);
    QCOMPARE(tx.committed.size(), qsizetype(accepted));
}

void TstLeadImporter::batchesFlushEveryBatchSize()
{
    const QByteArray csv = generatedCsv(23, -1, nullptr);
    ImportContext ctx;
    ctx.batchSize = 5;
    FakeTransaction tx;
    const Result<ImportReport> r = importBytes(csv, ctx, tx);
    QVERIFY(r.ok());
    QCOMPARE(r->accepted, 23);
    QCOMPARE(tx.batchSizes, (QList<int>{5, 5, 5, 5, 3}));
    QCOMPARE(tx.committed.first().line, 2);
    QCOMPARE(tx.committed.last().line, 24);
    QCOMPARE(tx.committed.last().city, QStringLiteral("Pune"));
}

void TstLeadImporter::sinkErrorPassesThrough()
{
    const QByteArray csv = generatedCsv(30, -1, nullptr);
    ImportContext ctx;
    ctx.batchSize = 10;
    int calls = 0;
    LeadImporter::Sink sink = [&](const QList<LeadRecord> &) -> Status {
        if (++calls == 2)
            return Error::make(Error::Code::Unavailable, QStringLiteral("database went away"),
                               QStringLiteral("db_down"));
        return okStatus();
    };
    QBuffer buf;
    buf.setData(csv);
    buf.open(QIODevice::ReadOnly);
    const Result<ImportReport> r = LeadImporter().run(buf, ctx, sink);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::Unavailable);
    QCOMPARE(r.error().detailCode, QStringLiteral("db_down"));
    QCOMPARE(r.error().message, QStringLiteral("database went away"));
    QVERIFY(r.error().retryable);
    QCOMPARE(calls, 2);
}

void TstLeadImporter::cancelViaProgress()
{
    const QByteArray csv = generatedCsv(3000, -1, nullptr);
    ImportContext ctx;
    FakeTransaction tx;
    QList<qint64> seen;
    const Result<ImportReport> r = importBytes(csv, ctx, tx, 4096, [&](qint64 bytes) {
        seen.append(bytes);
        return bytes < 20000;
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::BadRequest);
    QCOMPARE(r.error().detailCode, QStringLiteral("cancelled"));
    QVERIFY(seen.size() >= 2);
    QVERIFY(seen.last() >= 20000);
    QVERIFY(seen.last() < csv.size());
    QVERIFY(tx.committed.isEmpty());

    // Progress that never cancels sees the whole file.
    FakeTransaction tx2;
    qint64 last = 0;
    const Result<ImportReport> ok = importBytes(csv, ctx, tx2, 4096, [&](qint64 b) {
        last = b;
        return true;
    });
    QVERIFY(ok.ok());
    QCOMPARE(last, qint64(csv.size()));
}

void TstLeadImporter::tooManyRowsCountsDataRows()
{
    const QByteArray csv = generatedCsv(10, -1, nullptr) + "\n,,\n";
    ImportContext ctx;
    ctx.maxRows = 10; // exactly at the limit, trailing blank rows do not count
    FakeTransaction tx;
    QVERIFY(importBytes(csv, ctx, tx).ok());

    ctx.maxRows = 9;
    FakeTransaction tx2;
    const Result<ImportReport> r = importBytes(csv, ctx, tx2);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::PayloadTooLarge);
    QCOMPARE(r.error().detailCode, QStringLiteral("too_many_rows"));
}

void TstLeadImporter::reportJson()
{
    FakeTransaction tx;
    const Result<ImportReport> r = importBytes(
        QByteArray("name,phone,Lead Source\nA,9876543210,Web\nB,12345,\n\n"), ImportContext(), tx);
    QVERIFY(r.ok());
    const QJsonObject j = r->toJson();
    QCOMPARE(j.value(QStringLiteral("accepted")).toInt(), 1);
    QCOMPARE(j.value(QStringLiteral("skipped_blank")).toInt(), 1);
    const QJsonArray rej = j.value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rej.size(), 1);
    QCOMPARE(rej[0].toObject().value(QStringLiteral("line")).toInt(), 3);
    QCOMPARE(rej[0].toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("invalid_phone"));
    QVERIFY(!rej[0].toObject().value(QStringLiteral("detail")).toString().isEmpty());
    QCOMPARE(tx.committed.size(), 1);
    QCOMPARE(tx.committed[0].customJson(),
             (QJsonObject{{QStringLiteral("Lead Source"), QStringLiteral("Web")}}));
}

void TstLeadImporter::everyRejectedRowReported()
{
    // 10,005 bad rows: all listed with line, reason and a non-empty detail (past the first
    // 10,000 the detail is a shared generic text to keep memory small).
    QByteArray csv = "name,phone\n";
    const int n = 10005;
    for (int i = 0; i < n; ++i)
        csv += "X,12345\n";
    FakeTransaction tx;
    const Result<ImportReport> r = importBytes(csv, ImportContext(), tx);
    QVERIFY(r.ok());
    QCOMPARE(r->rejected.size(), qsizetype(n));
    QCOMPARE(r->rejected.first().line, 2);
    QCOMPARE(r->rejected.last().line, n + 1);
    for (const RejectedRow &row : r->rejected) {
        QCOMPARE(row.reason, QStringLiteral("invalid_phone"));
        QVERIFY(!row.detail.isEmpty());
    }
    QVERIFY(r->rejected.first().detail.contains(QStringLiteral("12345")));
}

QTEST_GUILESS_MAIN(TstLeadImporter)
#include "tst_leadimporter.moc"
