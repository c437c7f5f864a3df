// Phone normalization to E.164 India: every shape named in tests/data/leads/README.md and
// every phone cell of phone_variants.csv, through both the detailed and the fast path.
#include "leads/phonenumber.h"

#include <QtTest>

using namespace Leadline::Leads;

class TstPhoneNumber : public QObject
{
    Q_OBJECT

private slots:
    void normalize_data();
    void normalize();
    void fastPathAgrees_data() { normalize_data(); }
    void fastPathAgrees();
    void e164FromNational();
    void detailExplains_data();
    void detailExplains();
};

void TstPhoneNumber::normalize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("e164");   // expected when valid
    QTest::addColumn<QString>("reason"); // expected when invalid

    const QString missing = QStringLiteral("missing_phone");
    const QString invalid = QStringLiteral("invalid_phone");
    auto ok = [](const char *name, const char *in, const char *out) {
        QTest::newRow(name) << QString::fromUtf8(in) << QString::fromLatin1(out) << QString();
    };
    auto bad = [](const char *name, const char *in, const QString &reason) {
        QTest::newRow(name) << QString::fromUtf8(in) << QString() << reason;
    };

    // README rule 1: empty after trimming
    bad("empty", "", missing);
    bad("spaces only", "   ", missing);
    bad("tabs and spaces only", " \t \t", missing);

    // README rule 3 table: +91 + 10
    ok("plus91 spaced mobile", "+91 98765 43210", "+919876543210");
    ok("plus91 in parentheses", "(+91) 98765-43210", "+919876543210");
    ok("plus91 landline spaced", "+91 80 4123 4567", "+918041234567");
    ok("plus91 compact", "+919876543210", "+919876543210");
    ok("plus91 dashed", "+91-98900-12345", "+919890012345");
    ok("plus91 dash mobile", "+91-9447012345", "+919447012345");
    ok("plus91 grouped 4-3-3", "+91 7045 123 456", "+917045123456");
    ok("plus91 dashed landline", "+91-80-4123-4599", "+918041234599");
    ok("plus91 with parenthesised group", "+91 (98765) 12345", "+919876512345");
    ok("plus space 91", "+ 91 98765 43210", "+919876543210");
    // +other code
    bad("plus1 US", "+1 415 555 0132", invalid);
    bad("plus971 UAE", "+971 50 123 4567", invalid);
    bad("plus44 UK", "+44 20 7946 0958", invalid);
    bad("plus9 alone", "+9", invalid);
    // 12 digits starting 91
    ok("91 dashed", "91-98765-43210", "+919876543210");
    ok("91 compact", "919845098450", "+919845098450");
    ok("91 spaced", "91 99860 12345", "+919986012345");
    bad("12 digits not 91", "929876543210", invalid);
    bad("91 then national starting 0", "910987654321", invalid);
    // 11 digits starting 0 (trunk prefix)
    ok("trunk0 mobile", "09876543210", "+919876543210");
    ok("trunk0 mobile spaced", "098765 43210", "+919876543210");
    ok("trunk0 Bengaluru landline", "080-41234567", "+918041234567");
    ok("trunk0 Kochi landline", "0484-2345678", "+914842345678");
    ok("trunk0 Patna landline", "0612 2345678", "+916122345678");
    ok("trunk0 Gurugram landline", "0124-4012345", "+911244012345");
    ok("trunk0 Mumbai landline spaced", "022 2654 3210", "+912226543210");
    bad("11 digits without trunk 0", "98765432101", invalid);
    bad("double zero then 9 digits", "00987654321", invalid);
    // bare 10 digits: mobile 6-9
    ok("bare mobile 9", "9876543210", "+919876543210");
    ok("bare mobile 8", "8800123456", "+918800123456");
    ok("bare mobile 7", "7012345678", "+917012345678");
    ok("bare mobile 6", "6290123456", "+916290123456");
    ok("bare mobile with dots", "98450.67890", "+919845067890");
    ok("bare mobile padded", " 9900112233 ", "+919900112233");
    ok("bare mobile padded with tabs", "\t9900112233\t", "+919900112233");
    bad("bare 10 starting 5", "5876543210", invalid);
    bad("bare 10 starting 1", "1234567890", invalid);
    bad("bare 10 starting 0", "0987654321", invalid);
    bad("zeros", "0000000000", invalid);
    // anything else
    bad("5 digits", "12345", invalid);
    bad("landline without STD code", "41234567", invalid);
    bad("landline too short", "080-4123", invalid);
    bad("9 digits", "98220-1234", invalid);
    bad("plus91 then 9 digits", "+91 98765 4321", invalid);
    bad("plus91 then 11 digits", "+91 98765 432100", invalid);
    bad("plus91 then trunk 0", "+91 0 98765 43210", invalid);
    bad("plus91 national starting 0", "+910987654321", invalid);
    bad("20 digits", "98765432109876543210", invalid);

    // README rule 2: characters
    bad("letters", "98765abcde", invalid);
    bad("N/A", "N/A", invalid);
    bad("not available", "not available", invalid);
    bad("text abc", "abc", invalid);
    bad("scientific notation", "9.87654E+09", invalid);
    bad("extension ext.", "9876543210 ext. 21", invalid);
    bad("extension x", "080-41234567 x 105", invalid);
    bad("extension hash", "9876543210#2", invalid);
    bad("trailing x", "98765 1234x", invalid);
    bad("slash", "98765/43210", invalid);
    bad("tab inside", "98765\t43210", invalid);
    bad("second plus", "+91+9876543210", invalid);
    bad("plus after digits", "91+9876543210", invalid);
    bad("separators only", "(-)", invalid);
    bad("plus only", "+", invalid);
    bad("devanagari digits", "९८७६५४३२१०", invalid);
    bad("no-break space separator", "98765\u00a043210", invalid);

    // phone_variants.csv, every Contact No. cell (line: value)
    ok("variants L2", "9876543210", "+919876543210");
    ok("variants L3", "09812345670", "+919812345670");
    ok("variants L4", "+91 98765 43211", "+919876543211");
    ok("variants L5", "91-98765-43212", "+919876543212");
    ok("variants L6", "(+91) 98765-43213", "+919876543213");
    ok("variants L7", "098765 43214", "+919876543214");
    ok("variants L8", "080-41234567", "+918041234567");
    ok("variants L9", "022 2654 3210", "+912226543210");
    ok("variants L10", "011-23456789", "+911123456789");
    ok("variants L11", "0484-2345678", "+914842345678");
    ok("variants L12", "044 2834 5678", "+914428345678");
    ok("variants L13", "+91 80 4123 4568", "+918041234568");
    ok("variants L14", "919845098450", "+919845098450");
    ok("variants L15", "7012345678", "+917012345678");
    ok("variants L16", "6290123456", "+916290123456");
    ok("variants L17", "98450.67890", "+919845067890");
    ok("variants L18", " 9900112233 ", "+919900112233");
    ok("variants L19", "+91-9447012345", "+919447012345");
    ok("variants L20", "+91 94150 12345", "+919415012345");
    ok("variants L21", "094440 12345", "+919444012345");
    bad("variants L22", "12345", invalid);
    bad("variants L23", "5876543210", invalid);
    bad("variants L24", "98765abcde", invalid);
    bad("variants L25", "0987654321", invalid);
    bad("variants L26", "98765432101", invalid);
    bad("variants L27", "+1 415 555 0132", invalid);
    bad("variants L28", "+91 98765 4321", invalid);
    bad("variants L29", "0000000000", invalid);
    bad("variants L30", "", missing);
    bad("variants L31", "   ", missing);
    bad("variants L32", "080-4123", invalid);
    ok("variants L33", "+91 98765 43210", "+919876543210");
    ok("variants L34", "09876543210", "+919876543210");
    ok("variants L35", "91-98765-43210", "+919876543210");
    ok("variants L36", "(+91) 98765-43210", "+919876543210");
    ok("variants L37", "098765 43210", "+919876543210");
    ok("variants L38", "+919876543210", "+919876543210");
    ok("variants L39", "+91 80 4123 4567", "+918041234567");
    ok("variants L40", "080 41234568", "+918041234568");
    bad("variants L41", "not available", invalid);
}

void TstPhoneNumber::normalize()
{
    QFETCH(QString, input);
    QFETCH(QString, e164);
    QFETCH(QString, reason);

    const PhoneResult r = PhoneNumber::normalize(input);
    QCOMPARE(r.e164, e164);
    QCOMPARE(r.reason, reason);
    QCOMPARE(r.ok(), reason.isEmpty());
    if (r.ok())
        QVERIFY2(r.detail.isEmpty(), qPrintable(r.detail));
    else
        QVERIFY2(!r.detail.isEmpty(), "a rejection must carry a human detail");
}

void TstPhoneNumber::fastPathAgrees()
{
    QFETCH(QString, input);
    QFETCH(QString, e164);
    QFETCH(QString, reason);

    quint64 national = 0;
    const PhoneNumber::Outcome o = PhoneNumber::normalizeFast(input.toUtf8(), &national);
    QCOMPARE(PhoneNumber::reasonCode(o), reason);
    if (o == PhoneNumber::Outcome::Valid)
        QCOMPARE(PhoneNumber::e164FromNational(national), e164);
}

void TstPhoneNumber::e164FromNational()
{
    QCOMPARE(PhoneNumber::e164FromNational(Q_UINT64_C(9876543210)), QStringLiteral("+919876543210"));
    QCOMPARE(PhoneNumber::e164FromNational(Q_UINT64_C(1123456789)), QStringLiteral("+911123456789"));
}

void TstPhoneNumber::detailExplains_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("mentions"); // substring the detail must contain

    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("letters") << QStringLiteral("98765abcde") << QStringLiteral("letters");
    QTest::newRow("extension") << QStringLiteral("9876543210 ext. 21") << QStringLiteral("extension");
    QTest::newRow("extension x") << QStringLiteral("9876543210 x105") << QStringLiteral("extension");
    QTest::newRow("extension hash") << QStringLiteral("9876543210 #2") << QStringLiteral("extension");
    QTest::newRow("scientific") << QStringLiteral("9.87654E+09") << QStringLiteral("scientific");
    QTest::newRow("slash") << QStringLiteral("98765/43210") << QStringLiteral("'/'");
    QTest::newRow("tab") << QStringLiteral("98765\t43210") << QStringLiteral("a tab");
    QTest::newRow("foreign") << QStringLiteral("+1 415 555 0132") << QStringLiteral("+91");
    QTest::newRow("bare not mobile") << QStringLiteral("5876543210") << QStringLiteral("mobile");
    QTest::newRow("short") << QStringLiteral("12345") << QStringLiteral("5 digits");
    QTest::newRow("plus91 short") << QStringLiteral("+91 98765 4321") << QStringLiteral("found 9");
}

void TstPhoneNumber::detailExplains()
{
    QFETCH(QString, input);
    QFETCH(QString, mentions);
    const PhoneResult r = PhoneNumber::normalize(input);
    QVERIFY(!r.ok());
    QVERIFY2(r.detail.contains(mentions), qPrintable(r.detail));
}

QTEST_GUILESS_MAIN(TstPhoneNumber)
#include "tst_phonenumber.moc"
