#include "phonenumber.h"

namespace Leadline::Leads::PhoneNumber {

namespace {

constexpr quint64 kTenDigits = Q_UINT64_C(10000000000); // 10^10
constexpr quint64 kNineDigits = Q_UINT64_C(1000000000); // 10^9

enum class Problem {
    None,
    Empty,
    BadChar,        // a character outside digits, '+' and the separators
    PlusMisplaced,  // second '+', or '+' after a digit
    NoDigits,
    ForeignCode,    // '+' followed by a country code other than 91
    PlusLength,     // '+91' not followed by exactly 10 digits
    BadLength,      // not 10, 11 or 12 digits
    NoTrunk,        // 11 digits not starting with 0
    No91,           // 12 digits not starting with 91
    NationalZero,   // the national number starts with 0
    NotMobile,      // bare 10 digits starting 1-5
};

template<typename Ch>
inline bool isBlank(Ch c)
{
    return c == Ch(' ') || c == Ch('\t');
}

// The whole rule set, shared by the fast (bytes) and the detailed (UTF-16) path so that they
// cannot disagree. p/n is trimmed here. On None, *national is the 10-digit national number.
template<typename Ch>
Problem classify(const Ch *p, qsizetype n, quint64 *national, qsizetype *badIndex,
                 int *digitCount)
{
    qsizetype b = 0;
    while (b < n && isBlank(p[b]))
        ++b;
    while (n > b && isBlank(p[n - 1]))
        --n;
    if (b == n)
        return Problem::Empty;

    bool plus = false;
    int nd = 0;
    int lead2 = 0; // value of the first two digits
    quint64 v = 0;
    for (qsizetype i = b; i < n; ++i) {
        const Ch c = p[i];
        if (c >= Ch('0') && c <= Ch('9')) {
            const int d = int(c - Ch('0'));
            if (nd < 19)
                v = v * 10 + quint64(d);
            if (nd < 2)
                lead2 = lead2 * 10 + d;
            ++nd;
        } else if (c == Ch('+')) {
            if (plus || nd > 0) {
                *badIndex = i;
                return Problem::PlusMisplaced;
            }
            plus = true;
        } else if (c == Ch(' ') || c == Ch('-') || c == Ch('.') || c == Ch('(') || c == Ch(')')) {
            continue;
        } else {
            *badIndex = i;
            return Problem::BadChar;
        }
    }
    *digitCount = nd;
    if (nd == 0)
        return Problem::NoDigits;

    quint64 nat = 0;
    if (plus) {
        if (nd < 2 || lead2 != 91)
            return Problem::ForeignCode;
        if (nd != 12)
            return Problem::PlusLength;
        nat = v % kTenDigits;
    } else if (nd == 12) {
        if (lead2 != 91)
            return Problem::No91;
        nat = v % kTenDigits;
    } else if (nd == 11) {
        if (lead2 / 10 != 0)
            return Problem::NoTrunk;
        nat = v; // < 10^10 since the first digit is 0
    } else if (nd == 10) {
        const int first = lead2 / 10;
        if (first == 0)
            return Problem::NationalZero;
        if (first < 6)
            return Problem::NotMobile;
        nat = v;
    } else {
        return Problem::BadLength;
    }
    if (nat < kNineDigits)
        return Problem::NationalZero;
    *national = nat;
    return Problem::None;
}

QString quoted(QStringView s)
{
    constexpr qsizetype kMax = 40;
    if (s.size() <= kMax)
        return QLatin1Char('"') + s.toString() + QLatin1Char('"');
    return QLatin1Char('"') + s.left(kMax).toString() + QStringLiteral("…\"");
}

bool hasDigitBefore(QStringView s, qsizetype i)
{
    for (qsizetype k = 0; k < i; ++k) {
        if (s[k].isDigit())
            return true;
    }
    return false;
}

// Why a cell with a disallowed character was refused, in words a user can act on.
QString badCharDetail(QStringView s, qsizetype badIndex)
{
    const QString q = quoted(s);
    const QString lower = s.toString().toLower();

    // Extensions: "ext. 21", "extn 5", "x 105", "#2" after some digits.
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const QChar c = lower[i];
        bool ext = false;
        if (c == QLatin1Char('#')) {
            ext = hasDigitBefore(s, i);
        } else if (c == QLatin1Char('e') && QStringView(lower).mid(i).startsWith(u"ext")) {
            ext = hasDigitBefore(s, i);
        } else if (c == QLatin1Char('x')) {
            qsizetype k = i + 1;
            while (k < lower.size()
                   && (lower[k] == QLatin1Char(' ') || lower[k] == QLatin1Char('.')))
                ++k;
            ext = k < lower.size() && lower[k].isDigit() && hasDigitBefore(s, i);
        }
        if (ext)
            return q + QStringLiteral(" has an extension; the dialer cannot reach an extension");
    }

    // Excel scientific notation: 9.87654E+09.
    {
        qsizetype i = 0;
        const qsizetype n = s.size();
        qsizetype mantissa = 0;
        while (i < n && (s[i].isDigit() || s[i] == QLatin1Char('.'))) {
            ++i;
            ++mantissa;
        }
        if (mantissa > 0 && i < n && (s[i] == QLatin1Char('E') || s[i] == QLatin1Char('e'))) {
            ++i;
            if (i < n && (s[i] == QLatin1Char('+') || s[i] == QLatin1Char('-')))
                ++i;
            qsizetype exp = 0;
            while (i < n && s[i].isDigit()) {
                ++i;
                ++exp;
            }
            if (exp > 0 && i == n)
                return q + QStringLiteral(" is in spreadsheet scientific notation and its digits "
                                          "are lost; format the column as text and export again");
        }
    }

    for (const QChar c : s) {
        if (c.isLetter())
            return q + QStringLiteral(" contains letters; a phone number may only contain digits, "
                                      "a leading + and the separators space - . ( )");
    }

    const QChar bad = s[badIndex];
    const QString what = bad == QLatin1Char('\t')
        ? QStringLiteral("a tab")
        : QStringLiteral("'") + QString(bad) + QStringLiteral("'");
    return q + QStringLiteral(" contains ") + what
        + QStringLiteral("; a phone number may only contain digits, a leading + and the "
                         "separators space - . ( )");
}

QString detailFor(Problem p, QStringView trimmed, qsizetype badIndex, int digits)
{
    const QString q = quoted(trimmed);
    switch (p) {
    case Problem::None:
        return {};
    case Problem::Empty:
        return QStringLiteral("the phone cell is empty");
    case Problem::BadChar:
        return badCharDetail(trimmed, badIndex);
    case Problem::PlusMisplaced:
        return q + QStringLiteral(": '+' is allowed only once, before the digits");
    case Problem::NoDigits:
        return q + QStringLiteral(" has no digits");
    case Problem::ForeignCode:
        return q + QStringLiteral(" is not an Indian number (+91); only Indian numbers can be "
                                  "dialled");
    case Problem::PlusLength:
        return q + QStringLiteral(": +91 must be followed by exactly 10 digits, found %1")
                       .arg(digits - 2);
    case Problem::BadLength:
        return q + QStringLiteral(" has %1 digits; expected a 10-digit mobile, 0 + 10 digits "
                                  "or 91 + 10 digits")
                       .arg(digits);
    case Problem::NoTrunk:
        return q + QStringLiteral(" has 11 digits but does not start with the trunk prefix 0");
    case Problem::No91:
        return q + QStringLiteral(" has 12 digits but does not start with the country code 91");
    case Problem::NationalZero:
        return q + QStringLiteral(": the 10-digit national number cannot start with 0");
    case Problem::NotMobile:
        return q + QStringLiteral(": a 10-digit number without +91 or a leading 0 must be a "
                                  "mobile starting with 6-9; write a landline with its STD code "
                                  "and trunk 0, e.g. 080-41234567");
    }
    return {};
}

} // namespace

QString e164FromNational(quint64 national)
{
    QString s(13, Qt::Uninitialized);
    QChar *d = s.data();
    d[0] = QLatin1Char('+');
    d[1] = QLatin1Char('9');
    d[2] = QLatin1Char('1');
    for (int i = 12; i >= 3; --i) {
        d[i] = QChar(char16_t(u'0' + national % 10));
        national /= 10;
    }
    return s;
}

Outcome normalizeFast(QByteArrayView utf8, quint64 *national)
{
    quint64 nat = 0;
    qsizetype bad = -1;
    int digits = 0;
    // Bytes >= 0x80 (any non-ASCII character) fall into BadChar: digits and separators are ASCII.
    const Problem p = classify(utf8.data(), utf8.size(), &nat, &bad, &digits);
    if (p == Problem::None) {
        if (national)
            *national = nat;
        return Outcome::Valid;
    }
    return p == Problem::Empty ? Outcome::Missing : Outcome::Invalid;
}

PhoneResult normalize(QStringView text)
{
    // Same trimming as classify(): spaces and tabs only.
    qsizetype b = 0, n = text.size();
    while (b < n && isBlank(text[b].unicode()))
        ++b;
    while (n > b && isBlank(text[n - 1].unicode()))
        --n;
    const QStringView trimmed = text.mid(b, n - b);

    quint64 nat = 0;
    qsizetype bad = -1;
    int digits = 0;
    const Problem p = classify(trimmed.utf16(), trimmed.size(), &nat, &bad, &digits);
    PhoneResult r;
    if (p == Problem::None) {
        r.e164 = e164FromNational(nat);
        return r;
    }
    r.reason = p == Problem::Empty ? QStringLiteral("missing_phone")
                                   : QStringLiteral("invalid_phone");
    r.detail = detailFor(p, trimmed, bad, digits);
    return r;
}

QString reasonCode(Outcome o)
{
    switch (o) {
    case Outcome::Valid:
        return {};
    case Outcome::Missing:
        return QStringLiteral("missing_phone");
    case Outcome::Invalid:
        return QStringLiteral("invalid_phone");
    }
    return {};
}

} // namespace Leadline::Leads::PhoneNumber
