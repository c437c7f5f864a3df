#include "language/sentencesplitter.h"

#include <QSet>

namespace Leadline::Language {

namespace {

constexpr char16_t kDanda = 0x0964;
constexpr char16_t kDoubleDanda = 0x0965;

bool isHardEnd(QChar c)
{
    return c == QLatin1Char('?') || c == QLatin1Char('!') || c.unicode() == kDanda || c.unicode() == kDoubleDanda;
}

bool isEnd(QChar c)
{
    return c == QLatin1Char('.') || c.unicode() == 0x2026 || isHardEnd(c);
}

bool isClauseEnd(QChar c)
{
    return c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char(':') || c.unicode() == 0x2014;
}

bool isCloser(QChar c)
{
    return c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char(')') || c == QLatin1Char(']')
        || c.unicode() == 0x201D || c.unicode() == 0x2019 || c.unicode() == 0x00BB;
}

const QSet<QString> &abbreviations()
{
    static const QSet<QString> s = {
        QStringLiteral("mr"),   QStringLiteral("mrs"),  QStringLiteral("ms"),    QStringLiteral("dr"),
        QStringLiteral("rs"),   QStringLiteral("st"),   QStringLiteral("approx"), QStringLiteral("appx"),
        QStringLiteral("vs"),   QStringLiteral("etc"),  QStringLiteral("eg"),    QStringLiteral("ie"),
        QStringLiteral("jr"),   QStringLiteral("sr"),   QStringLiteral("prof"),  QStringLiteral("smt"),
        QStringLiteral("shri"), QStringLiteral("sq"),   QStringLiteral("ft"),    QStringLiteral("sqft"),
        QStringLiteral("govt"), QStringLiteral("pvt"),  QStringLiteral("no"),    QStringLiteral("nos"),
        QStringLiteral("lt"),   QStringLiteral("col"),  QStringLiteral("capt"),  QStringLiteral("sec"),
        QStringLiteral("ph"),   QStringLiteral("max"),  QStringLiteral("min"),   QStringLiteral("est"),
        QStringLiteral("inr"),  QStringLiteral("avg"),  QStringLiteral("dept"),  QStringLiteral("apt"),
        QStringLiteral("amt"),  QStringLiteral("ltd"),
    };
    return s;
}

// Whether the '.' at pos ends a sentence, given the character after the run is whitespace.
bool dotEnds(const QString &buf, int pos)
{
    int b = pos;
    while (b > 0 && buf.at(b - 1).isLetter())
        --b;
    const QString word = buf.mid(b, pos - b);
    if (word.isEmpty())
        return true;
    if (word.size() == 1 && word.at(0).isUpper() && word.at(0).unicode() < 0x80)
        return false; // an initial: "A. P. J. Abdul Kalam"
    QString key = word.toLower();
    // "e.g." / "i.e.": the letter before the previous dot belongs to it
    if (b >= 2 && buf.at(b - 1) == QLatin1Char('.') && buf.at(b - 2).isLetter() && word.size() == 1)
        key = QString(buf.at(b - 2)).toLower() + key;
    if (!abbreviations().contains(key))
        return true;
    // "no." only before a number ("No. 5"); "I said no. Then" ends.
    if (key == QLatin1String("no") || key == QLatin1String("min") || key == QLatin1String("max")) {
        int k = pos + 1;
        while (k < buf.size() && buf.at(k).isSpace())
            ++k;
        return !(k < buf.size() && buf.at(k).isDigit());
    }
    return false;
}

} // namespace

QStringList SentenceSplitter::feed(const QString &chunk)
{
    m_buffer += chunk;
    QStringList out;
    int sentenceStart = 0;
    int i = m_scanFrom;
    const int n = int(m_buffer.size());
    while (i < n) {
        const QChar c = m_buffer.at(i);
        if (c == QLatin1Char('\n')) {
            const QString s = m_buffer.mid(sentenceStart, i - sentenceStart).trimmed();
            if (!s.isEmpty()) {
                out << s;
                m_emitted = true;
            }
            sentenceStart = i + 1;
            ++i;
            continue;
        }
        if (m_firstClauseWords > 0 && !m_emitted && isClauseEnd(c)) {
            // The first piece of a stream may end at a clause ("Ji bilkul," "Wonderful,") so the
            // voice starts sooner; never inside a number ("45,00,000": no space after the comma).
            // A clause mark after a letter ends the clause at once; after a digit the next
            // character decides (a number's comma has none after it).
            const bool afterWord = i > sentenceStart && (m_buffer.at(i - 1).isLetter() || m_buffer.at(i - 1).isMark());
            if (i + 1 >= n && !afterWord)
                break; // wait for the next character to decide
            const QString clause = m_buffer.mid(sentenceStart, i + 1 - sentenceStart).trimmed();
            const bool ended = i + 1 >= n || m_buffer.at(i + 1).isSpace();
            if ((ended || afterWord) && clause.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() >= m_firstClauseWords) {
                out << clause;
                m_emitted = true;
                sentenceStart = i + 1;
            }
            ++i;
            continue;
        }
        if (!isEnd(c)) {
            ++i;
            continue;
        }
        // A run of enders and closing quotes: "?!", "।।", "...", "?\"".
        int j = i;
        bool hard = false;
        while (j < n && (isEnd(m_buffer.at(j)) || isCloser(m_buffer.at(j)))) {
            hard = hard || isHardEnd(m_buffer.at(j)) || m_buffer.at(j).unicode() == 0x2026;
            ++j;
        }
        if (j >= n)
            break; // wait for the next character to decide
        const QChar next = m_buffer.at(j);
        bool ends = false;
        if (hard) {
            ends = next.isSpace() || !next.isLetterOrNumber() || next.unicode() >= 0x0900
                || m_buffer.at(i).unicode() == kDanda || m_buffer.at(i).unicode() == kDoubleDanda;
        } else if (next.isSpace()) {
            ends = j - i > 1 || dotEnds(m_buffer, i); // "..." or a plain full stop
        }
        if (ends) {
            const QString s = m_buffer.mid(sentenceStart, j - sentenceStart).trimmed();
            if (!s.isEmpty()) {
                out << s;
                m_emitted = true;
            }
            sentenceStart = j;
        }
        i = j;
    }
    m_buffer.remove(0, sentenceStart);
    m_scanFrom = qMax(0, i - sentenceStart);
    return out;
}

QString SentenceSplitter::flush()
{
    const QString rest = m_buffer.trimmed();
    m_buffer.clear();
    m_scanFrom = 0;
    return rest;
}

QStringList SentenceSplitter::split(const QString &text)
{
    SentenceSplitter s;
    QStringList out = s.feed(text);
    const QString rest = s.flush();
    if (!rest.isEmpty())
        out << rest;
    return out;
}

} // namespace Leadline::Language
