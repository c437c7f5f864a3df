// The benchmarks' lead CSV: N rows shaped like a CRM export (name, phone, email, city, a quoted
// Indian-format budget, property type, language, a custom column), every phone distinct.
// Thread: any.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace Leadline::Bench {

// mobileDigit: the first digit of every phone (benches that also hold other leads use another).
inline bool writeLeadCsv(const QString &path, int rows, char mobileDigit = '9')
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray buf;
    buf.reserve(1 << 22);
    buf += "name,phone,email,city,budget,property type,preferred language,lead source\n";
    static const char *cities[] = {"Bengaluru", "Mumbai", "Pune", "Delhi", "Hyderabad", "Chennai"};
    for (int i = 0; i < rows; ++i) {
        const QByteArray n = QByteArray::number(i);
        buf += "Lead " + n + ",+91 " + mobileDigit + QByteArray::number(100000000 + i).right(9) + ",lead" + n + "@example.com,"
               + cities[i % 6] + ",\"45,00,000\",2BHK,English,99acres\n";
        if (buf.size() > (1 << 22) - 512) {
            if (f.write(buf) < 0)
                return false;
            buf.clear();
        }
    }
    return f.write(buf) >= 0;
}

} // namespace Leadline::Bench
