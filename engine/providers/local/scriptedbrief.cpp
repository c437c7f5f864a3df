#include "scriptedbrief.h"

#include "projects/projectbrief.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace Leadline::Providers {

// The patterns are the string literals below: each is compiled (and JIT-compiled by PCRE2) once
// per thread and kept, keyed by its address. Compiling one per reply was a fifth of a media
// worker's time at 1000 calls (the scripted LLM runs on the call's worker).
static const QRegularExpression &rx(const char *pattern)
{
    thread_local QHash<const char *, QRegularExpression> compiled;
    auto it = compiled.constFind(pattern);
    if (it == compiled.constEnd())
        it = compiled.insert(pattern, QRegularExpression(QString::fromUtf8(pattern),
                                                         QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption));
    return it.value();
}

bool ScriptText::matches(const QString &text, const char *pattern) { return rx(pattern).match(text).hasMatch(); }

QString ScriptText::capture(const QString &text, const char *pattern)
{
    const auto m = rx(pattern).match(text);
    return m.hasMatch() ? m.captured(0).trimmed() : QString();
}

int ScriptText::assistantAsked(const QList<ChatMessage> &messages, const QString &marker)
{
    int n = 0;
    for (const ChatMessage &m : messages)
        if (m.role == QLatin1String("assistant") && m.content.contains(marker))
            ++n;
    return n;
}

namespace {

using ScriptText::assistantAsked;
bool has(const QString &text, const char *pattern) { return ScriptText::matches(text, pattern); }
QString grab(const QString &text, const char *pattern) { return ScriptText::capture(text, pattern); }

const char kPrice[] = R"(\bprice\b|\bcost of the (flat|home)|\brate\b|kitne ka|kitna hai|कीमत|दाम|कितने का)";
const char kPossession[] = R"(possession|ready to move|handover|कब तक मिलेगा|पज़ेशन)";
const char kRera[] = R"(\brera\b|रेरा)";
const char kWhere[] = R"(where is|location|\bmetro\b|nearby|kahan hai|कहाँ|मेट्रो)";
const char kAmenities[] = R"(amenit|facilit|swimming|\bgym\b|club ?house|सुविधा)";
const char kBrochure[] = R"(brochure|send (me )?(the )?details|whatsapp|\bsms\b|bhej|ब्रोशर|भेज)";
const char kVisit[] = R"(\bvisit\b|see the (site|flat|project)|come and see|site dekh|dekhne|साइट|विज़िट)";
const char kWhen[] = R"((tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|kal|parso|कल|परसों|शनिवार|रविवार|सोमवार)( (morning|afternoon|evening|subah|shaam|सुबह|शाम))?( at \d{1,2}| at (ten|eleven|twelve|one|two|three|four|five))?|\b(at|around) \d{1,2}( ?(am|pm))?)";
const char kVisitors[] = R"(\b(we are|we will be|(\d+|one|two|three|four|five|six) (people|persons|of us))\b ?(\d+|one|two|three|four|five|six)?|\bjust me\b|\balone\b)";
const char kQuestion[] = R"(\?|^\s*(what|when|where|how|is|are|can|does|do|which)\b|\bkya\b|\bkitna\b|क्या|कितना|कब)";
const char kThanks[] = R"(thank|thanks|\bbye\b|dhanyavad|shukriya|धन्यवाद|शुक्रिया)";

int visitorsIn(const QString &text)
{
    if (has(text, R"(\bjust me\b|\balone\b|\bonly me\b)"))
        return 1;
    static const QStringList words{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three"), QStringLiteral("four"),
                                   QStringLiteral("five"), QStringLiteral("six")};
    const QString v = grab(text, kVisitors);
    if (v.isEmpty())
        return 0;
    for (const QString &w : v.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = w.toInt(&ok);
        if (ok && n > 0)
            return n;
        if (const int i = int(words.indexOf(w.toLower())); i >= 0)
            return i + 1;
    }
    return 0;
}

QString priceLine(const Projects::ProjectBrief &b, bool hindi)
{
    QStringList parts;
    for (const Projects::Configuration &c : b.configurations) {
        if (!c.priceMinInr)
            continue;
        const QString range = c.priceMaxInr > c.priceMinInr
                                  ? (hindi ? QStringLiteral("%1 से %2") : QStringLiteral("%1 to %2"))
                                        .arg(Projects::formatInr(c.priceMinInr), Projects::formatInr(c.priceMaxInr))
                                  : Projects::formatInr(c.priceMinInr);
        parts << (hindi ? QStringLiteral("%1 %2 रुपये").arg(c.type, range) : QStringLiteral("the %1 is %2 rupees").arg(c.type, range));
    }
    if (parts.isEmpty())
        return {};
    return hindi ? parts.join(QStringLiteral(", ")) + QStringLiteral(" का है।")
                 : QStringLiteral("At %1, %2.").arg(b.projectName, parts.join(QStringLiteral(" and ")));
}

} // namespace

std::optional<DialogStep> briefDialogStep(const LlmRequest &request, bool hindi)
{
    const auto parsed = Projects::ProjectBrief::fromJson(request.context.value(QStringLiteral("brief")).toObject());
    if (!parsed)
        return std::nullopt;
    const Projects::ProjectBrief &b = parsed.value();
    const QList<ChatMessage> &msgs = request.messages;
    QString last;
    for (const ChatMessage &m : msgs)
        if (m.role == QLatin1String("user"))
            last = m.content;
    const bool booked = request.context.value(QStringLiteral("site_visit_booked")).toBool();
    const QJsonArray offered = request.context.value(QStringLiteral("site_visit_slots")).toArray();
    const QString advisor = hindi ? QStringLiteral("यह मैं हमारे एडवाइज़र से कन्फ़र्म करवा दूँगी।")
                                  : QStringLiteral("I will have our advisor confirm that.");
    const QString offerMarker = hindi ? QStringLiteral("साइट देखने") : QStringLiteral("visit the site");

    if (has(last, kBrochure) && !b.brochureUrl.isEmpty())
        return DialogStep{hindi ? QStringLiteral("ज़रूर।") : QStringLiteral("Sure."), QStringLiteral("send_brochure"),
                          QJsonObject{{QStringLiteral("channel"), has(last, "whatsapp") ? QStringLiteral("whatsapp") : QStringLiteral("sms")}}};

    // A visit: named slot (and head count, now or said earlier), or the offer.
    QString lastAgent;
    for (const ChatMessage &m : msgs)
        if (m.role == QLatin1String("assistant"))
            lastAgent = m.content;
    const bool acceptedOffer = (lastAgent.contains(QStringLiteral("Would you like to visit the site?"))
                                || lastAgent.contains(QStringLiteral("साइट देखने आना चाहेंगे")))
                               && has(last, R"(\byes\b|\bsure\b|\bokay\b|\bhaan\b|हाँ|हां|ज़रूर)");
    const bool visitTalk = acceptedOffer || has(last, kVisit) || (assistantAsked(msgs, offerMarker) > 0 && !grab(last, kWhen).isEmpty())
                           || (assistantAsked(msgs, QStringLiteral("How many people")) + assistantAsked(msgs, QStringLiteral("कितने लोग")) > 0
                               && visitorsIn(last) > 0);
    if (visitTalk && !booked) {
        QString when;
        int visitors = 0;
        for (auto it = msgs.crbegin(); it != msgs.crend(); ++it) {
            if (it->role != QLatin1String("user"))
                continue;
            if (when.isEmpty())
                when = grab(it->content, kWhen);
            if (!visitors)
                visitors = visitorsIn(it->content);
            if (!when.isEmpty() && visitors)
                break;
        }
        if (!when.isEmpty())
            return DialogStep{QString(), QStringLiteral("book_site_visit"),
                              QJsonObject{{QStringLiteral("when"), when}, {QStringLiteral("visitors"), visitors}}};
        if (!offered.isEmpty()) {
            const QString a = offered.at(0).toObject().value(QStringLiteral("phrase")).toString();
            const QString c = offered.at(qMin(qsizetype(1), offered.size() - 1)).toObject().value(QStringLiteral("phrase")).toString();
            return DialogStep{hindi ? QStringLiteral("आप साइट देखने %1 या %2 आ सकते हैं। कौन सा समय ठीक रहेगा?").arg(a, c)
                                    : QStringLiteral("You can visit the site %1 or %2. Which suits you?").arg(a, c),
                              {}, {}};
        }
    }

    // Questions: answered from the brief only.
    QString answer;
    if (has(last, kPrice))
        answer = priceLine(b, hindi);
    else if (has(last, kPossession) && !b.possession.isEmpty())
        answer = hindi ? QStringLiteral("पज़ेशन %1 में है।").arg(b.possession) : QStringLiteral("Possession is in %1.").arg(b.possession);
    else if (has(last, kRera) && !b.reraId.isEmpty())
        answer = hindi ? QStringLiteral("रेरा नंबर %1 है।").arg(b.reraId) : QStringLiteral("The RERA number is %1.").arg(b.reraId);
    else if (has(last, kWhere) && (!b.location.isEmpty() || !b.landmarks.isEmpty()))
        answer = QStringLiteral("%1%2.").arg(b.location.isEmpty() ? b.projectName : b.location,
                                             b.landmarks.isEmpty() ? QString() : QStringLiteral(", ") + b.landmarks.first());
    else if (has(last, kAmenities) && !b.amenities.isEmpty())
        answer = (hindi ? QStringLiteral("सुविधाएँ: %1।") : QStringLiteral("It has %1.")).arg(b.amenities.join(QStringLiteral(", ")));
    if (answer.isEmpty()) {
        // An FAQ whose question shares a meaningful word with the caller's.
        for (const Projects::Faq &f : b.faqs) {
            for (const QString &w : f.question.toLower().split(rx(R"(\W+)"), Qt::SkipEmptyParts))
                if (w.size() >= 4 && w != QLatin1String("what") && w != QLatin1String("there") && w != QLatin1String("available")
                    && last.contains(w, Qt::CaseInsensitive))
                    answer = f.answer;
            if (!answer.isEmpty())
                break;
        }
    }
    if (answer.isEmpty() && has(last, kQuestion) && !has(last, kThanks))
        return DialogStep{advisor, QStringLiteral("note_question_for_advisor"), QJsonObject{{QStringLiteral("question"), last}}};
    if (!answer.isEmpty()) {
        if (!booked && !offered.isEmpty() && assistantAsked(msgs, offerMarker) == 0)
            answer += hindi ? QStringLiteral(" क्या आप साइट देखने आना चाहेंगे?") : QStringLiteral(" Would you like to visit the site?");
        return DialogStep{answer, {}, {}};
    }
    if (booked && has(last, kThanks))
        return DialogStep{hindi ? QStringLiteral("धन्यवाद, साइट पर मिलते हैं!") : QStringLiteral("Thank you, see you at the site!"),
                          QStringLiteral("end_call"), QJsonObject{{QStringLiteral("outcome"), QStringLiteral("interested")}}};
    return std::nullopt;
}

} // namespace Leadline::Providers
