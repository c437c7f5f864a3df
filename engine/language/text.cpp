#include "language/text.h"

namespace Leadline::Language {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetter() || c.isMark() || c.unicode() == 0x200C || c.unicode() == 0x200D;
}

bool isApostrophe(QChar c)
{
    return c == QLatin1Char('\'') || c.unicode() == 0x2019;
}

} // namespace

bool isDevanagari(QChar c)
{
    return c.unicode() >= 0x0900 && c.unicode() <= 0x097F;
}

QString fold(const QString &text)
{
    const QString nfc = text.normalized(QString::NormalizationForm_C).toLower();
    QString out;
    out.reserve(nfc.size());
    for (QChar c : nfc) {
        const char16_t u = c.unicode();
        if (u == 0x093C || u == 0x200C || u == 0x200D || u == 0x0027 || u == 0x2019)
            continue; // nukta, ZWNJ, ZWJ, apostrophes
        if (u == 0x0901) {
            out += QChar(0x0902); // chandrabindu -> anusvara
            continue;
        }
        if (u >= 0x0966 && u <= 0x096F) {
            out += QChar(u'0' + (u - 0x0966)); // Devanagari digits
            continue;
        }
        out += c;
    }
    return out;
}

QStringList foldedWords(const QString &phrase)
{
    QStringList out;
    for (const Token &t : tokenize(phrase))
        out << t.text;
    return out;
}

QStringList utteranceWords(const QString &text)
{
    QStringList out;
    for (const Token &t : tokenize(text)) {
        if (t.kind != Token::Symbol)
            out << t.text;
    }
    return out;
}

QList<Token> tokenize(const QString &text)
{
    QList<Token> tokens;
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token t;
        t.start = i;
        const bool leadingPoint = c == QLatin1Char('.') && i + 1 < n && text.at(i + 1).isDigit()
            && (i == 0 || !text.at(i - 1).isLetterOrNumber());
        if (c.isDigit() || leadingPoint) {
            t.kind = Token::Number; // ".5" too
            int j = i + 1;
            while (j < n) {
                const QChar d = text.at(j);
                if (d.isDigit()) {
                    ++j;
                } else if ((d == QLatin1Char(',') || d == QLatin1Char('.') || d == QLatin1Char(':')) && j + 1 < n
                           && text.at(j + 1).isDigit()) {
                    j += 2;
                } else {
                    break;
                }
            }
            t.end = j;
        } else if (isWordChar(c)) {
            t.kind = Token::Word;
            int j = i + 1;
            while (j < n) {
                const QChar d = text.at(j);
                if (isWordChar(d))
                    ++j;
                else if (isApostrophe(d) && j + 1 < n && text.at(j + 1).isLetter())
                    j += 2;
                else
                    break;
            }
            t.end = j;
        } else {
            t.kind = Token::Symbol;
            t.end = i + 1;
        }
        t.text = fold(text.mid(t.start, t.end - t.start));
        if (!t.text.isEmpty()) // a lone joiner or nukta folds to nothing
            tokens << t;
        i = t.end;
    }
    return tokens;
}

QString originalSpan(const QString &text, const QList<Token> &tokens, int first, int last)
{
    if (first < 0 || last >= tokens.size() || first > last)
        return {};
    return text.mid(tokens.at(first).start, tokens.at(last).end - tokens.at(first).start);
}

int matchWords(const QList<Token> &tokens, int pos, const QStringList &words)
{
    if (words.isEmpty() || pos < 0 || pos + words.size() > tokens.size())
        return 0;
    for (int k = 0; k < words.size(); ++k) {
        if (tokens.at(pos + k).text != words.at(k))
            return 0;
    }
    return int(words.size());
}

int matchAnyPhrase(const QList<Token> &tokens, int pos, const QList<QStringList> &phrases, int *index)
{
    int best = 0;
    for (int k = 0; k < phrases.size(); ++k) {
        const int m = matchWords(tokens, pos, phrases.at(k));
        if (m > best) {
            best = m;
            if (index)
                *index = k;
        }
    }
    return best;
}

QList<QStringList> phraseTable(std::initializer_list<const char *> utf8Phrases)
{
    QList<QStringList> out;
    for (const char *p : utf8Phrases)
        out << foldedWords(QString::fromUtf8(p));
    return out;
}

} // namespace Leadline::Language
