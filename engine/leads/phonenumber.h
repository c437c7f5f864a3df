// PhoneNumber: normalizes a phone cell to E.164 India ("+91" + 10 digits) by the rules of
// tests/data/leads/README.md ("Phone normalization").
//
// Why hand-written rules and not libphonenumber (see shared/notes/phone-numbers.md): the
// library is deliberately lenient where we must be strict. It accepts numbers with extensions
// (our dialer cannot reach an extension), maps letters to keypad digits ("98765abcde"), and
// accepts a bare 10-digit non-mobile such as 5876543210 (we read a bare 10-digit number as a
// mobile and require a landline to carry its trunk 0 or +91). Wrapping it would mean
// pre-checks for each of these anyway, plus a dependency and ~1 µs per call; the importer calls
// this up to millions of times per upload. The trade-off: we do not know allocated ranges or
// the mobile/fixed-line type beyond the first digit.
//
// Thread: stateless functions, callable from any thread.
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace Leadline::Leads {

struct PhoneResult
{
    QString e164;   // "+91XXXXXXXXXX" when valid, else empty
    QString reason; // "" when valid, else "missing_phone" or "invalid_phone"
    QString detail; // human explanation when invalid
    bool ok() const { return reason.isEmpty(); }
};

namespace PhoneNumber {

enum class Outcome : quint8 { Valid, Missing, Invalid };

// Full normalization with a human detail for rejections.
PhoneResult normalize(QStringView text);

// Fast path for the importer: no allocation. `utf8` is the raw cell (it is trimmed of spaces
// and tabs here). On Valid, *national receives the 10-digit national number (e.g. 9876543210).
Outcome normalizeFast(QByteArrayView utf8, quint64 *national);

// "+91" + the 10 digits of a national number from normalizeFast.
QString e164FromNational(quint64 national);

// The reason code of an outcome ("", "missing_phone", "invalid_phone").
QString reasonCode(Outcome o);

} // namespace PhoneNumber

} // namespace Leadline::Leads
