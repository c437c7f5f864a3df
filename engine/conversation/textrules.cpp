#include "textrules.h"

#include "conversationlog.h"

#include <QJsonObject>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcConversation, "leadline.conversation", QtInfoMsg)

namespace Leadline::Conversation {

static QString normalized(const QString &text)
{
    QString t = text.toLower();
    t.remove(QRegularExpression(QStringLiteral("[\\p{P}]")));
    return t.simplified();
}

bool isBackchannel(const QString &text)
{
    static const QStringList phrases = {
        QStringLiteral("haan"), QStringLiteral("han"), QStringLiteral("haa"), QStringLiteral("haan ji"), QStringLiteral("ji"),
        QStringLiteral("ji haan"), QStringLiteral("accha"), QStringLiteral("acha"), QStringLiteral("achha"), QStringLiteral("hmm"),
        QStringLiteral("hm"), QStringLiteral("mm"), QStringLiteral("ok"), QStringLiteral("okay"), QStringLiteral("theek hai"),
        QStringLiteral("thik hai"), QStringLiteral("yes"), QStringLiteral("yeah"), QStringLiteral("right"), QStringLiteral("uh huh"),
        QStringLiteral("हाँ"), QStringLiteral("हां"), QStringLiteral("जी"), QStringLiteral("जी हाँ"), QStringLiteral("अच्छा"),
        QStringLiteral("ठीक है"), QStringLiteral("हम्म"),
    };
    const QString t = normalized(text);
    if (t.isEmpty())
        return false;
    if (phrases.contains(t))
        return true;
    // Repeats like "haan haan" or "ok ok".
    const QStringList words = t.split(QLatin1Char(' '));
    return words.size() <= 3 && std::all_of(words.cbegin(), words.cend(), [](const QString &w) { return phrases.contains(w); });
}

bool isOptOut(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "(don'?t|do not|never) (call|phone|contact)|stop calling|remove my number|\\bdnd\\b|"
        "call mat|mat karo call|mat karna call|call na kare|phone mat|"
        "कॉल मत|फोन मत|फ़ोन मत|call मत"), QRegularExpression::CaseInsensitiveOption);
    return re.match(text).hasMatch();
}

QString detectLanguage(const QString &text, const QString &sttLanguage)
{
    int devanagari = 0;
    int latin = 0;
    for (const QChar c : text) {
        if (c.unicode() >= 0x0900 && c.unicode() <= 0x097F)
            ++devanagari;
        else if (c.isLetter() && c.unicode() < 0x250)
            ++latin;
    }
    if (devanagari > latin)
        return QStringLiteral("hi");
    static const QRegularExpression hinglish(QStringLiteral(
        "\\b(hai|nahi|nahin|haan|kya|mujhe|chahiye|kal|abhi|theek|aap|main|hoon|kar|karo|baad|bolo|lakh|accha)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    int hits = 0;
    for (auto it = hinglish.globalMatch(text); it.hasNext(); it.next())
        ++hits;
    if (latin > 0 && hits >= 2)
        return QStringLiteral("hi");
    if (sttLanguage.startsWith(QLatin1String("hi")))
        return QStringLiteral("hi");
    return latin > 0 ? QStringLiteral("en") : QString();
}

void applyExtraction(Storage::CallOutcome &outcome, const CallContext &)
{
    auto raw = [&](const char *key) {
        const QJsonValue v = outcome.fields.value(QLatin1String(key));
        return (v.isObject() ? v.toObject().value(QStringLiteral("value")) : v).toString();
    };
    outcome.budgetText = raw("budget");
    outcome.property = raw("property");
    outcome.timeline = raw("timeline");
}

} // namespace Leadline::Conversation
