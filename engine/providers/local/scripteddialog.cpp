#include "scripteddialog.h"

#include "language/budgetparser.h"
#include "language/phrases.h"
#include "scriptedbrief.h"


namespace Leadline::Providers {

namespace {

using ScriptText::assistantAsked;
using ScriptText::capture;
using ScriptText::matches;

const char kWrongNumber[] = R"(wrong number|galat number|गलत नंबर|no one (by|of) that name|not (him|her|me)\b|who\?? is that)";
const char kNotInterested[] = R"(not interested|no thanks|no,? thank|already bought|don'?t need|nahi chahiye|nahin chahiye|interest nahi|नहीं चाहिए|दिलचस्पी नहीं|रुचि नहीं)";
const char kBareNo[] = R"(^\s*(no|nope|nahi|nahin|नहीं|ना)\b)";
const char kInterested[] = R"(\binterested\b|\byes\b|\bsure\b|tell me|go ahead|\bhaan\b|\bhan ji\b|\bji haan\b|bataiye|batao|हाँ|हां|ज़रूर|जरूर|बताइए|बताइये)";
const char kBusy[] = R"(\bbusy\b|driving|in a meeting|call (me )?later|baad mein|abhi nahi|बाद में|व्यस्त)";
const char kCallback[] = R"((tomorrow|today|tonight|day after tomorrow|next week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|kal|parso|कल|परसों)( (morning|afternoon|evening|night|subah|shaam|dopahar|सुबह|शाम|दोपहर))?|(after|at|around) \d{1,2}( ?(am|pm|baje))?|in \d+ (hours?|minutes?)|\d{1,2} baje|(this|in the) (evening|morning|afternoon))";
const char kBudget[] = R"((₹|rs\.?|inr)? ?\d+(\.\d+)? ?(lakh|lakhs|lac|l\b|crore|crores|cr\b)|(\d[\d,]{5,})|(लाख|करोड़)|(ek|do|teen|char|paanch|pachas|saath|sattar|assi|dedh|dhai) (lakh|crore))";
// A reply that only takes leave ("thank you", "ok bye", "dhanyavaad"): the caller is closing the
// call, not asking to hear the question again.
const char kLeaveTaking[] = R"(^\s*((ok|okay|accha|theek hai) )?(thank you|thanks|bye|goodbye|dhanyavaad|dhanyavad|shukriya|धन्यवाद|शुक्रिया)( (very much|so much|bye|ji))*[.!\s]*$)";
const char kTimeline[] = R"(immediately|right away|\babhi\b|turant|\d+(-\d+)? (months?|years?)|next (month|year)|this year|agle saal|after diwali|just (looking|browsing))";

// Hot-lead handoff (offered only when the request carries the transfer_to_agent tool).
const char kWantsPerson[] = R"((talk|speak|connect me|put me through)( to| with)? (a |an |some |your |the )?(real |human |actual )?(person|human|agent|someone|somebody|sales ?(person|team|executive|agent|manager)|executive|manager|representative)|(insaan|aadmi|agent|kisi|sales team|sales wale?) se baat|इंसान से बात|किसी से बात|एजेंट से बात|सेल्स टीम से बात)";
const char kTalkNow[] = R"((talk|speak|discuss)( to you| to them| with (you|them|someone))? (right )?now|\b(call|connect) me now|abhi (baat|call|connect)|अभी बात)";

bool offersTool(const LlmRequest &request, const QString &name)
{
    for (const QJsonValue &t : request.tools)
        if (t.toObject().value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString() == name)
            return true;
    return false;
}

bool anyUser(const QList<ChatMessage> &messages, const char *pattern)
{
    for (const ChatMessage &m : messages)
        if (m.role == QLatin1String("user") && matches(m.content, pattern))
            return true;
    return false;
}

QString firstCapture(const QList<ChatMessage> &messages, const char *pattern)
{
    for (const ChatMessage &m : messages)
        if (m.role == QLatin1String("user"))
            if (const QString c = capture(m.content, pattern); !c.isEmpty())
                return c;
    return {};
}

struct Lines
{
    QString askBudget, askTimeline, askCallback, askAgain, closeInterested, closeCallback, closeNotInterested,
        closeWrong, closeDnc, askWhenFree;
};

Lines lines(bool hindi)
{
    if (hindi)
        return {QStringLiteral("बहुत अच्छा! आपका बजट लगभग कितना है?"),
                QStringLiteral("आप कब तक घर लेना चाहते हैं?"),
                QStringLiteral("हमारे सेल्स एक्सपर्ट आपको किस समय कॉल करें?"),
                QStringLiteral("माफ़ कीजिए, क्या आप फिर से बता सकते हैं?"),
                QStringLiteral("धन्यवाद! हमारे एक्सपर्ट आपको जल्द ही कॉल करेंगे।"),
                QStringLiteral("ठीक है, हम आपको तभी कॉल करेंगे। धन्यवाद!"),
                QStringLiteral("कोई बात नहीं, आपके समय के लिए धन्यवाद।"),
                QStringLiteral("माफ़ कीजिए, गलत नंबर लग गया। धन्यवाद।"),
                QStringLiteral("ठीक है, हम आपको दोबारा कॉल नहीं करेंगे। धन्यवाद।"),
                QStringLiteral("कोई बात नहीं। मैं आपको किस समय कॉल करूँ?")};
    return {QStringLiteral("Great! What budget do you have in mind?"),
            QStringLiteral("And when are you planning to buy?"),
            QStringLiteral("What is a good time for our sales expert to call you?"),
            QStringLiteral("Sorry, could you say that again?"),
            QStringLiteral("Thank you! Our expert will call you soon."),
            QStringLiteral("Sure, we will call you then. Thank you!"),
            QStringLiteral("No problem, thank you for your time."),
            QStringLiteral("Sorry for the trouble, we must have the wrong number. Thank you."),
            QStringLiteral("Understood, we will not call you again. Thank you."),
            QStringLiteral("No problem. When should I call you back?")};
}

} // namespace

DialogStep ScriptedDialog::next(const LlmRequest &request)
{
    const bool hindi = request.context.value(QStringLiteral("language")).toString() == QLatin1String("hi");
    const Lines l = lines(hindi);
    const QList<ChatMessage> &msgs = request.messages;
    QString last;
    for (const ChatMessage &m : msgs)
        if (m.role == QLatin1String("user"))
            last = m.content;
    auto end = [&](const QString &text, const QString &outcome, QJsonObject args = {}) {
        args.insert(QStringLiteral("outcome"), outcome);
        return DialogStep{text, QStringLiteral("end_call"), args};
    };
    QJsonObject facts;
    for (const ChatMessage &m : msgs) {
        if (m.role != QLatin1String("user") || facts.contains(QStringLiteral("budget")))
            continue;
        if (const auto b = Language::BudgetParser::parse(m.content))
            facts.insert(QStringLiteral("budget"), b->phrase);
        else if (const QString b = capture(m.content, kBudget); !b.isEmpty())
            facts.insert(QStringLiteral("budget"), b);
    }
    if (const QString t = firstCapture(msgs, kTimeline); !t.isEmpty())
        facts.insert(QStringLiteral("timeline"), t);
    const QString callback = capture(last, kCallback);
    if (!callback.isEmpty())
        facts.insert(QStringLiteral("callback_time"), callback);

    if (Language::Phrases::isOptOut(last)) // the same rule the call session applies
        return end(l.closeDnc, QStringLiteral("do_not_call"));
    if (matches(last, kWrongNumber))
        return end(l.closeWrong, QStringLiteral("wrong_number"));
    if (matches(last, kNotInterested) || (matches(last, kBareNo) && !matches(last, kBusy) && capture(last, kCallback).isEmpty()))
        return end(l.closeNotInterested, QStringLiteral("not_interested"), facts);

    // A campaign with a project brief: its questions, the site visit and the brochure first.
    if (request.context.contains(QStringLiteral("brief")))
        if (auto step = briefDialogStep(request, hindi))
            return *step;
    const bool interested = anyUser(msgs, kNotInterested) ? false : anyUser(msgs, kInterested);
    if (offersTool(request, QStringLiteral("transfer_to_agent"))) {
        const bool asksPerson = matches(last, kWantsPerson);
        const bool hotNow = interested && facts.contains(QStringLiteral("budget")) && matches(last, kTalkNow) && !matches(last, kBusy);
        if (asksPerson || hotNow) {
            QJsonObject args = facts;
            args.remove(QStringLiteral("callback_time"));
            args.insert(QStringLiteral("reason"), asksPerson ? QStringLiteral("asked_for_person") : QStringLiteral("qualified_wants_to_talk"));
            QStringList summary;
            if (interested)
                summary << QStringLiteral("Interested");
            if (facts.contains(QStringLiteral("budget")))
                summary << QStringLiteral("budget ") + facts.value(QStringLiteral("budget")).toString();
            if (facts.contains(QStringLiteral("timeline")))
                summary << QStringLiteral("timeline ") + facts.value(QStringLiteral("timeline")).toString();
            summary << QStringLiteral("wants to talk to a sales person now");
            args.insert(QStringLiteral("summary"), summary.join(QStringLiteral(", ")));
            return DialogStep{hindi ? QStringLiteral("ज़रूर, एक पल।") : QStringLiteral("Sure, one moment."),
                              QStringLiteral("transfer_to_agent"), args};
        }
    }
    if (!callback.isEmpty())
        return end(interested ? l.closeInterested : l.closeCallback,
                   interested ? QStringLiteral("interested") : QStringLiteral("callback"), facts);
    if (matches(last, kBusy))
        return DialogStep{l.askWhenFree, {}, {}};
    if (matches(last, kLeaveTaking)) // after "no, I am busy" or a question left unanswered: close politely
        return interested ? end(l.closeInterested, QStringLiteral("interested"), facts)
                          : end(l.closeNotInterested, QStringLiteral("not_interested"), facts);
    if (interested) {
        if (!facts.contains(QStringLiteral("budget")) && assistantAsked(msgs, l.askBudget) == 0)
            return DialogStep{l.askBudget, {}, {}};
        if (!facts.contains(QStringLiteral("timeline")) && assistantAsked(msgs, l.askTimeline) == 0)
            return DialogStep{l.askTimeline, {}, {}};
        if (assistantAsked(msgs, l.askCallback) == 0)
            return DialogStep{l.askCallback, {}, {}};
        return end(l.closeInterested, QStringLiteral("interested"), facts);
    }
    if (assistantAsked(msgs, l.askAgain) >= 1)
        return end(l.closeNotInterested, QStringLiteral("no_response"), facts);
    return DialogStep{l.askAgain, {}, {}};
}

ScriptedDialog::ScriptedDialog(int tokenIntervalMs, QObject *parent) : LanguageModel(parent), m_intervalMs(tokenIntervalMs) {}

void ScriptedDialog::request(const LlmRequest &request)
{
    const quint64 gen = ++m_generation;
    const DialogStep step = next(request);
    const QStringList words = step.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int i = 0; i < words.size(); ++i) {
        const QString piece = (i ? QStringLiteral(" ") : QString()) + words.at(i);
        QTimer::singleShot(i * m_intervalMs, this, [this, gen, piece] {
            if (gen == m_generation)
                emit token(piece);
        });
    }
    QTimer::singleShot(qMax(0, int(words.size()) - 1) * m_intervalMs, this, [this, gen, step] {
        if (gen != m_generation)
            return;
        if (!step.tool.isEmpty())
            emit toolCall(step.tool, step.arguments);
        emit finished(LlmUsage{});
    });
}

void ScriptedDialog::cancel() { ++m_generation; }

} // namespace Leadline::Providers
