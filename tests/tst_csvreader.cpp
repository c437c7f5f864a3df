// CsvReader and Utf8Validator: RFC 4180 quoting, physical line numbers of multi-line records,
// CRLF, BOM, trimming, every input re-read with tiny chunk sizes so that quotes, CRLF pairs and
// multi-byte characters fall across chunk boundaries; delimiter sniffing; UTF-8 validation.
#include "leads/csvreader.h"
#include "leads/utf8.h"

#include <QBuffer>
#include <QtTest>

using namespace Leadline::Leads;

namespace {

struct Parsed
{
    QList<int> lines;
    QList<QStringList> records;
    CsvReader::Status status = CsvReader::Status::Ok;
    char delimiter = 0;
};

Parsed parseAll(const QByteArray &bytes, char delimiter, qint64 chunkSize)
{
    QBuffer buf;
    buf.setData(bytes);
    buf.open(QIODevice::ReadOnly);
    CsvReader reader(&buf, delimiter, chunkSize);
    Parsed p;
    QStringList cells;
    int line = 0;
    while (reader.next(&cells, &line)) {
        p.lines.append(line);
        p.records.append(cells);
    }
    p.status = reader.status();
    p.delimiter = reader.delimiter();
    return p;
}

const QList<qint64> kChunkSizes = {1, 2, 3, 5, 7, 64 * 1024};

} // namespace

class TstCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void records_data();
    void records();
    void errors_data();
    void errors();
    void sniffDelimiter_data();
    void sniffDelimiter();
    void autoDelimiterUsesHeaderOnly();
    void lowLevelCellsAreBytes();
    void utf8Validator_data();
    void utf8Validator();
    void utf8ValidatorSplitAnywhere();
    void badEncodingStopsBeforeParsingTheChunk();
};

void TstCsvReader::records_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<qint64>("chunk");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QList<QStringList>>("records");

    struct Case
    {
        const char *name;
        QByteArray input;
        char delimiter;
        QList<int> lines;
        QList<QStringList> records;
    };
    const auto L = [](std::initializer_list<const char *> cells) {
        QStringList l;
        for (const char *c : cells)
            l.append(QString::fromUtf8(c));
        return l;
    };
    const QList<Case> cases = {
        {"plain LF", "a,b,c\n1,2,3\n", ',', {1, 2}, {L({"a", "b", "c"}), L({"1", "2", "3"})}},
        {"CRLF", "a,b\r\n1,2\r\n", ',', {1, 2}, {L({"a", "b"}), L({"1", "2"})}},
        {"last line without newline", "a,b\n1,2", ',', {1, 2}, {L({"a", "b"}), L({"1", "2"})}},
        {"last line CRLF-less with CR", "a,b\r\n1,2\r", ',', {1, 2}, {L({"a", "b"}), L({"1", "2"})}},
        {"empty trailing line", "a\n\n", ',', {1, 2}, {L({"a"}), L({""})}},
        {"BOM stripped", "\xEF\xBB\xBFName,Phone\r\nx,1\r\n", ',', {1, 2},
         {L({"Name", "Phone"}), L({"x", "1"})}},
        {"BOM only", "\xEF\xBB\xBF", ',', {}, {}},
        {"empty input", "", ',', {}, {}},
        {"quoted comma", "\"Sharma, Rahul\",1\n", ',', {1}, {L({"Sharma, Rahul", "1"})}},
        {"doubled quotes", "\"Ravi \"\"Bunty\"\" Kumar\",x\n", ',', {1},
         {L({"Ravi \"Bunty\" Kumar", "x"})}},
        {"quoted empty", "\"\",\"\"\n", ',', {1}, {L({"", ""})}},
        {"only doubled quotes", "\"\"\"\"\n", ',', {1}, {L({"\""})}},
        {"quote inside unquoted field is data", "ab\"c,d\n", ',', {1}, {L({"ab\"c", "d"})}},
        {"multiline quoted keeps physical lines", "h1,h2\n1,\"a\nb\nc\"\n2,x\n", ',', {1, 2, 5},
         {L({"h1", "h2"}), L({"1", "a\nb\nc"}), L({"2", "x"})}},
        {"multiline quoted with CRLF", "h\r\n\"a\r\nb\"\r\nz\r\n", ',', {1, 2, 4},
         {L({"h"}), L({"a\r\nb"}), L({"z"})}},
        {"fake row inside quotes", "n,notes\nx,\"one\n9,Fake,Row\nthree\"\ny,z", ',', {1, 2, 5},
         {L({"n", "notes"}), L({"x", "one\n9,Fake,Row\nthree"}), L({"y", "z"})}},
        {"quote ending exactly at EOF", "a,\"b\"", ',', {1}, {L({"a", "b"})}},
        {"trim spaces and tabs", " a \t,\t b ,\" c \"\n", ',', {1}, {L({"a", "b", "c"})}},
        {"blank before opening quote", "a, \"x,y\" ,b\n", ',', {1}, {L({"a", "x,y", "b"})}},
        {"text after closing quote kept", "\"ab\"cd,e\n", ',', {1}, {L({"abcd", "e"})}},
        {"empty cells", ",,,\n", ',', {1}, {L({"", "", "", ""})}},
        {"whitespace line", "   \n", ',', {1}, {L({""})}},
        {"semicolon delimiter", "a;b\n\"x;y\";85,50,000\n", ';', {1, 2},
         {L({"a", "b"}), L({"x;y", "85,50,000"})}},
        {"tab delimiter keeps empty cells", "a\tb\tc\n1\t\t3\n", '\t', {1, 2},
         {L({"a", "b", "c"}), L({"1", "", "3"})}},
        {"utf8 cells", "नाम,ஊர்\nराहुल,சென்னை\n", ',', {1, 2},
         {L({"नाम", "ஊர்"}), L({"राहुल", "சென்னை"})}},
        {"auto delimiter semicolon", "Name;Phone Number\r\nA;1,5\r\n", CsvReader::AutoDelimiter,
         {1, 2}, {L({"Name", "Phone Number"}), L({"A", "1,5"})}},
    };

    for (const Case &c : cases) {
        for (const qint64 chunk : kChunkSizes) {
            QTest::addRow("%s / chunk %lld", c.name, static_cast<long long>(chunk))
                << c.input << c.delimiter << chunk << c.lines << c.records;
        }
    }
}

void TstCsvReader::records()
{
    QFETCH(QByteArray, input);
    QFETCH(char, delimiter);
    QFETCH(qint64, chunk);
    QFETCH(QList<int>, lines);
    QFETCH(QList<QStringList>, records);

    const Parsed p = parseAll(input, delimiter, chunk);
    QCOMPARE(p.status, CsvReader::Status::AtEnd);
    QCOMPARE(p.records, records);
    QCOMPARE(p.lines, lines);
}

void TstCsvReader::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("recordsBefore"); // records returned before the error (64 KiB chunks)

    // The header record ends before the stray quote: it is returned, then the error.
    QTest::newRow("unterminated quote at EOF")
        << QByteArray("a,b\n1,\"never closed\n2,3\n") << int(CsvReader::Status::UnterminatedQuote) << 1;
    // The bad byte is in the first (only) chunk: nothing of that chunk is parsed.
    QTest::newRow("latin-1 byte")
        << QByteArray("a,b\ncaf\xE9,1\n") << int(CsvReader::Status::BadEncoding) << 0;
    // A cut-off sequence is only known to be bad at EOF: the complete header came out first.
    QTest::newRow("truncated sequence at EOF")
        << QByteArray("a,b\nx,\xE0\xA4") << int(CsvReader::Status::BadEncoding) << 1;
}

void TstCsvReader::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    QFETCH(int, recordsBefore);
    for (const qint64 chunk : kChunkSizes) {
        const Parsed p = parseAll(input, ',', chunk);
        QCOMPARE(int(p.status), status);
        if (chunk == 64 * 1024)
            QCOMPARE(p.records.size(), qsizetype(recordsBefore));
        else // small chunks may return the header before reaching the bad chunk, never more
            QVERIFY(p.records.size() <= 1);
    }
}

void TstCsvReader::sniffDelimiter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<char>("expected");

    QTest::newRow("comma") << QByteArray("name,phone,email") << ',';
    QTest::newRow("semicolon") << QByteArray("Name;Phone Number;Email") << ';';
    QTest::newRow("tab") << QByteArray("name\tphone\temail") << '\t';
    QTest::newRow("no delimiter at all") << QByteArray("phone") << ',';
    QTest::newRow("tie comma semicolon goes to comma") << QByteArray("a,b;c") << ',';
    QTest::newRow("tie comma tab goes to comma") << QByteArray("a,b\tc") << ',';
    QTest::newRow("semicolons beat commas inside names") << QByteArray("a;b,c;d") << ';';
    QTest::newRow("quoted commas ignored") << QByteArray("\"a,b,c\";x;y") << ';';
    QTest::newRow("quoted semicolons ignored") << QByteArray("\"a;b;c\",x,y") << ',';
    QTest::newRow("only first line counts")
        << QByteArray("name;phone\nx,\"85,50,000\",1,2,3,4") << ';';
    QTest::newRow("CRLF header") << QByteArray("a;b;c\r\n1,2,3,4,5,6,7") << ';';
}

void TstCsvReader::sniffDelimiter()
{
    QFETCH(QByteArray, header);
    QFETCH(char, expected);
    QCOMPARE(CsvReader::sniffDelimiter(header), expected);
}

void TstCsvReader::autoDelimiterUsesHeaderOnly()
{
    // Data rows are full of commas; the header decides.
    const QByteArray input = "Name;Phone\r\nA;85,50,000,1,2\r\nB;1,2,3\r\n";
    for (const qint64 chunk : kChunkSizes) {
        const Parsed p = parseAll(input, CsvReader::AutoDelimiter, chunk);
        QCOMPARE(p.delimiter, ';');
        QCOMPARE(p.records.size(), 3);
        QCOMPARE(p.records[1], (QStringList{QStringLiteral("A"), QStringLiteral("85,50,000,1,2")}));
    }
}

void TstCsvReader::lowLevelCellsAreBytes()
{
    QBuffer buf;
    buf.setData(QByteArray(" a ,\"b\"\"c\" ,\n"));
    buf.open(QIODevice::ReadOnly);
    CsvReader reader(&buf);
    QVERIFY(reader.readRecord());
    QCOMPARE(reader.cellCount(), 3);
    QCOMPARE(reader.cell(0), QByteArrayView("a"));
    QCOMPARE(reader.cell(1), QByteArrayView("b\"c"));
    QVERIFY(reader.cell(2).isEmpty());
    QVERIFY(reader.cell(7).isEmpty()); // out of range is empty, not a crash
    QVERIFY(!reader.isBlank());
    QCOMPARE(reader.line(), 1);
    QVERIFY(!reader.readRecord());
    QCOMPARE(reader.status(), CsvReader::Status::AtEnd);
}

void TstCsvReader::utf8Validator_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("errorOffset"); // -1 = valid
    QTest::addColumn<int>("errorByte");

    QTest::newRow("ascii") << QByteArray("hello, world") << qint64(-1) << 0;
    QTest::newRow("devanagari") << QByteArray("राहुल") << qint64(-1) << 0;
    QTest::newRow("tamil") << QByteArray("சென்னை") << qint64(-1) << 0;
    QTest::newRow("4-byte emoji") << QByteArray("ok \xF0\x9F\x98\x80!") << qint64(-1) << 0;
    QTest::newRow("max code point U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF") << qint64(-1) << 0;
    QTest::newRow("BOM is valid") << QByteArray("\xEF\xBB\xBF" "a") << qint64(-1) << 0;
    QTest::newRow("latin-1 e acute") << QByteArray("caf\xE9 au lait") << qint64(3) << 0xE9;
    QTest::newRow("stray continuation") << QByteArray("ab\x80") << qint64(2) << 0x80;
    QTest::newRow("overlong 2-byte C0 80") << QByteArray("x\xC0\x80") << qint64(1) << 0xC0;
    QTest::newRow("overlong 2-byte C1 BF") << QByteArray("\xC1\xBF") << qint64(0) << 0xC1;
    QTest::newRow("overlong 3-byte E0 80 80") << QByteArray("xy\xE0\x80\x80") << qint64(2) << 0xE0;
    QTest::newRow("overlong 4-byte F0 80 80 80") << QByteArray("\xF0\x80\x80\x80") << qint64(0) << 0xF0;
    QTest::newRow("surrogate ED A0 80") << QByteArray("a\xED\xA0\x80") << qint64(1) << 0xED;
    QTest::newRow("surrogate ED BF BF") << QByteArray("\xED\xBF\xBF") << qint64(0) << 0xED;
    QTest::newRow("above U+10FFFF F4 90") << QByteArray("\xF4\x90\x80\x80") << qint64(0) << 0xF4;
    QTest::newRow("F5 never valid") << QByteArray("abc\xF5\x80\x80\x80") << qint64(3) << 0xF5;
    QTest::newRow("FF never valid") << QByteArray("\xFF") << qint64(0) << 0xFF;
    QTest::newRow("truncated at end") << QByteArray("abcdefgh\xE0\xA4") << qint64(8) << 0xE0;
    QTest::newRow("lead byte then ascii") << QByteArray("0123456789\xC3(") << qint64(10) << 0xC3;
    QTest::newRow("error after long ascii run")
        << (QByteArray(811, 'a') + "\xE9" + QByteArray(100, 'b')) << qint64(811) << 0xE9;
}

void TstCsvReader::utf8Validator()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, errorOffset);
    QFETCH(int, errorByte);

    // Whole buffer, then byte by byte: the same answer.
    qint64 off = 0;
    uchar b = 0;
    QCOMPARE(Utf8Validator::validate(bytes, &off, &b), errorOffset < 0);
    QCOMPARE(off, errorOffset);
    if (errorOffset >= 0)
        QCOMPARE(int(b), errorByte);

    Utf8Validator v;
    for (const char c : bytes)
        v.feed(&c, 1);
    v.finish();
    QCOMPARE(v.isValid(), errorOffset < 0);
    QCOMPARE(v.errorOffset(), errorOffset);
    if (errorOffset >= 0) {
        QCOMPARE(int(v.errorByte()), errorByte);
        QVERIFY(v.errorString().contains(QString::number(errorOffset)));
    }
}

void TstCsvReader::utf8ValidatorSplitAnywhere()
{
    const QByteArray text = "नमस्ते, வணக்கம் \xF0\x9F\x98\x80 end";
    for (qsizetype cut = 0; cut <= text.size(); ++cut) {
        Utf8Validator v;
        QVERIFY(v.feed(text.left(cut)));
        QVERIFY(v.feed(text.mid(cut)));
        QVERIFY2(v.finish(), qPrintable(QStringLiteral("cut at %1").arg(cut)));
    }
    // An invalid continuation in the next chunk still reports the lead byte's offset.
    Utf8Validator v;
    QVERIFY(v.feed(QByteArray("ab\xE0")));
    QVERIFY(!v.feed(QByteArray("\x80\x80")));
    QCOMPARE(v.errorOffset(), qint64(2));
    QCOMPARE(int(v.errorByte()), 0xE0);
}

void TstCsvReader::badEncodingStopsBeforeParsingTheChunk()
{
    // 3 good rows, then a Latin-1 byte: with chunk 64 KiB nothing is returned at all; with
    // 8-byte chunks the rows wholly before the bad chunk come out, never the bad one.
    const QByteArray good = "h\n1\n2\n3\n";
    const QByteArray input = good + "Jos\xE9\n4\n";
    QBuffer buf;
    buf.setData(input);
    buf.open(QIODevice::ReadOnly);
    CsvReader reader(&buf, ',', 8);
    int n = 0;
    while (reader.readRecord()) {
        QVERIFY(!reader.cellString(0).startsWith(QStringLiteral("Jos")));
        ++n;
    }
    QCOMPARE(reader.status(), CsvReader::Status::BadEncoding);
    QCOMPARE(reader.encodingErrorOffset(), qint64(good.size() + 3));
    QCOMPARE(int(reader.encodingErrorByte()), 0xE9);
    QVERIFY(n <= 4);
    QVERIFY(reader.errorString().contains(QStringLiteral("0xE9")));
}

QTEST_GUILESS_MAIN(TstCsvReader)
#include "tst_csvreader.moc"
