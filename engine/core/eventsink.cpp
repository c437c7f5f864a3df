#include "eventsink.h"

namespace Leadline {

QString maskPhone(const QString &e164)
{
    QString digits;
    for (QChar c : e164)
        if (c.isDigit())
            digits.append(c);
    if (digits.size() < 6)
        return QStringLiteral("XXXX");
    // +91 98765 43210 -> +91 98XXX XX210: country code, two digits of the operator series, the last three.
    const bool india = e164.startsWith(QLatin1String("+91")) && digits.size() == 12;
    if (india)
        return QStringLiteral("+91 %1XXX XX%2").arg(digits.mid(2, 2), digits.right(3));
    QString out = QString(digits.size() - 5, QLatin1Char('X'));
    return (e164.startsWith(QLatin1Char('+')) ? QStringLiteral("+") : QString()) + digits.left(2) + out + digits.right(3);
}

} // namespace Leadline
