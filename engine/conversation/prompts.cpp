#include "prompts.h"

#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

namespace Leadline::Conversation {

QString normalizeLanguage(const QString &value, const QString &fallback)
{
    const QString v = value.trimmed().toLower();
    if (v.startsWith(QLatin1String("hi")) || v.contains(QStringLiteral("हिन्दी")) || v.contains(QStringLiteral("हिंदी"))
        || v == QLatin1String("hinglish"))
        return QStringLiteral("hi");
    if (v.startsWith(QLatin1String("en")))
        return QStringLiteral("en");
    return fallback;
}

QString fillTemplate(QString text, const CallContext &ctx)
{
    const QString name = ctx.leadName.isEmpty() ? QString() : ctx.leadName.section(QLatin1Char(' '), 0, 0);
    text.replace(QLatin1String("{name}"), name);
    text.replace(QLatin1String("{full_name}"), ctx.leadName);
    text.replace(QLatin1String("{property_type}"), ctx.propertyType.isEmpty() ? QStringLiteral("home") : ctx.propertyType);
    text.replace(QLatin1String("{city}"), ctx.city.isEmpty() ? QStringLiteral("your city") : ctx.city);
    text.replace(QLatin1String("{budget}"), ctx.budget);
    return text.simplified();
}

QString systemPrompt(const CallContext &ctx, const QString &language)
{
    QString p = QStringLiteral(
        "You are a polite, warm real-estate sales assistant calling a lead on the phone in India on behalf of %1. "
        "Keep every reply to one or two short spoken sentences; no lists, no emojis, no markdown. "
        "Goal: find out whether the lead is interested, their budget (in lakh or crore), the property type "
        "(e.g. 2 BHK, villa, plot), location, timeline to buy, and a good time for a sales person to call back. "
        "Ask one question at a time. "
        "Open each reply with a brief acknowledgement followed by a comma (%2), varying it. ")
                    .arg(ctx.campaignName.isEmpty() ? QStringLiteral("our real-estate team") : ctx.campaignName,
                         openingAcknowledgements(language).join(QLatin1Char(' ')));
    p += language == QLatin1String("hi")
             ? QStringLiteral("The caller is speaking Hindi: answer in natural Hindi written in Devanagari, mixing English "
                              "words the way people in India do (Hinglish) when the caller does. ")
             : QStringLiteral("Answer in Indian English. If the caller switches to Hindi, switch with them. ");
    p += QStringLiteral("Say amounts the Indian way (lakh, crore). "
                        "When the outcome is clear (interested with details, not interested, wants a call back at a time, "
                        "wrong number, or asks not to be called), say a short goodbye and call the end_call tool. "
                        "If the caller asks not to be called again, use outcome do_not_call. ");
    p += QStringLiteral("Lead: name %1; interested in %2 in %3; budget on file %4.")
             .arg(ctx.leadName.isEmpty() ? QStringLiteral("unknown") : ctx.leadName,
                  ctx.propertyType.isEmpty() ? QStringLiteral("a property") : ctx.propertyType,
                  ctx.city.isEmpty() ? QStringLiteral("their city") : ctx.city,
                  ctx.budget.isEmpty() ? QStringLiteral("unknown") : ctx.budget);
    if (!ctx.campaignScript.isEmpty())
        p += QStringLiteral(" Campaign script: ") + fillTemplate(ctx.campaignScript, ctx);
    return p;
}

QJsonArray callTools()
{
    const QJsonObject props{
        {QStringLiteral("outcome"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                {QStringLiteral("enum"), QJsonArray{QStringLiteral("interested"), QStringLiteral("not_interested"),
                                                                                    QStringLiteral("callback"), QStringLiteral("wrong_number"),
                                                                                    QStringLiteral("do_not_call"), QStringLiteral("voicemail"),
                                                                                    QStringLiteral("no_response")}}}},
        {QStringLiteral("budget"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                               {QStringLiteral("description"), QStringLiteral("budget exactly as the caller said it")}}},
        {QStringLiteral("property"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
        {QStringLiteral("location"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
        {QStringLiteral("timeline"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
        {QStringLiteral("callback_time"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                      {QStringLiteral("description"), QStringLiteral("when to call back, as the caller said it")}}},
        {QStringLiteral("summary"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
    };
    return QJsonArray{QJsonObject{
        {QStringLiteral("type"), QStringLiteral("function")},
        {QStringLiteral("function"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("end_call")},
                     {QStringLiteral("description"), QStringLiteral("Finish the call and record the outcome and what the caller said.")},
                     {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                                {QStringLiteral("properties"), props},
                                                                {QStringLiteral("required"), QJsonArray{QStringLiteral("outcome")}}}}}},
    }};
}

QJsonArray callTools(bool handoffAvailable)
{
    QJsonArray tools = callTools();
    if (!handoffAvailable)
        return tools;
    const QJsonObject props{
        {QStringLiteral("reason"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                               {QStringLiteral("description"), QStringLiteral("why now: qualified_wants_to_talk or asked_for_person")}}},
        {QStringLiteral("summary"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                {QStringLiteral("description"), QStringLiteral("one or two sentences for the sales person: budget, "
                                                                                               "property, location, timeline and what the caller wants")}}},
        {QStringLiteral("budget"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
        {QStringLiteral("property"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
        {QStringLiteral("timeline"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
    };
    tools.append(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("function")},
        {QStringLiteral("function"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("transfer_to_agent")},
                     {QStringLiteral("description"), QStringLiteral("Connect the caller to a human sales person now. The system says "
                                                                    "who is connecting; do not say goodbye yourself.")},
                     {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                                {QStringLiteral("properties"), props},
                                                                {QStringLiteral("required"), QJsonArray{QStringLiteral("reason"), QStringLiteral("summary")}}}}}},
    });
    return tools;
}

QString handoffInstructions()
{
    return QStringLiteral(" A human sales person can take this call right now: call the transfer_to_agent tool (with a short "
                          "summary for them) when the caller is qualified (interested, with a budget or property in mind) and "
                          "wants to talk now, or when the caller asks to speak to a person. Do not call end_call in that case.");
}

QString connectingLine(const QString &agentName, const QString &language)
{
    const QString first = agentName.section(QLatin1Char(' '), 0, 0);
    if (language == QLatin1String("hi"))
        return first.isEmpty() ? QStringLiteral("मैं आपको अभी हमारी सेल्स टीम से जोड़ रही हूँ, कृपया लाइन पर बने रहें।")
                               : QStringLiteral("मैं आपको अभी हमारी सेल्स टीम की %1 से जोड़ रही हूँ, कृपया लाइन पर बने रहें।").arg(first);
    return first.isEmpty() ? QStringLiteral("Connecting you to our sales team now, please stay on the line.")
                           : QStringLiteral("Connecting you to %1 from our sales team now, please stay on the line.").arg(first);
}

QString noAgentLine(const QString &when, const QString &language)
{
    if (language == QLatin1String("hi"))
        return QStringLiteral("माफ़ कीजिए, अभी हमारी सेल्स टीम में कोई खाली नहीं है। हमारे एक्सपर्ट आपको %1 कॉल करेंगे। धन्यवाद!").arg(when);
    return QStringLiteral("I'm sorry, nobody from our sales team is free right now. Our expert will call you back %1. Thank you!").arg(when);
}

QString callbackWhenPhrase(const QDateTime &at, const QDateTime &now, const QString &language)
{
    const bool hi = language == QLatin1String("hi");
    if (!at.isValid())
        return hi ? QStringLiteral("जल्द ही") : QStringLiteral("soon");
    const QDate today = now.toTimeZone(at.timeZone()).date();
    const qint64 days = today.daysTo(at.date());
    const QTime t = at.time();
    if (hi) {
        static const QStringList dayNames = {QStringLiteral("सोमवार"), QStringLiteral("मंगलवार"), QStringLiteral("बुधवार"),
                                             QStringLiteral("गुरुवार"), QStringLiteral("शुक्रवार"), QStringLiteral("शनिवार"),
                                             QStringLiteral("रविवार")};
        const QString day = days == 0 ? QStringLiteral("आज") : days == 1 ? QStringLiteral("कल") : dayNames.value(at.date().dayOfWeek() - 1);
        const int h = t.hour();
        const QString part = h < 12 ? QStringLiteral("सुबह") : h < 16 ? QStringLiteral("दोपहर") : QStringLiteral("शाम");
        const int h12 = h % 12 == 0 ? 12 : h % 12;
        return QStringLiteral("%1 %2 %3:%4 बजे").arg(day, part).arg(h12).arg(t.minute(), 2, 10, QLatin1Char('0'));
    }
    const QString clock = QLocale(QLocale::English).toString(t, QStringLiteral("h:mm AP"));
    if (days == 0)
        return QStringLiteral("today at ") + clock;
    if (days == 1)
        return QStringLiteral("tomorrow at ") + clock;
    return QStringLiteral("on %1 at %2").arg(QLocale(QLocale::English).dayName(at.date().dayOfWeek()), clock);
}

QString greeting(const CallContext &ctx, const QString &language)
{
    if (language == QLatin1String("hi"))
        return fillTemplate(QStringLiteral("नमस्ते {name} जी, मैं Leadline से बोल रही हूँ। आपने {city} में {property_type} के बारे में पूछा था। क्या अभी दो मिनट बात कर सकते हैं?"), ctx);
    return fillTemplate(QStringLiteral("Namaste {name}, this is Leadline calling about the {property_type} in {city} you enquired about. Is this a good time to talk?"), ctx);
}

QString nudgeLine(const QString &language)
{
    return language == QLatin1String("hi") ? QStringLiteral("हैलो, क्या आप मुझे सुन पा रहे हैं?")
                                            : QStringLiteral("Hello, can you hear me?");
}

QString apologyLine(const QString &language)
{
    return language == QLatin1String("hi") ? QStringLiteral("माफ़ कीजिए, अभी तकनीकी दिक्कत है। हम आपको थोड़ी देर में फिर से कॉल करेंगे।")
                                            : QStringLiteral("Sorry, we are having a technical problem. We will call you back shortly.");
}

QString thinkingFillerLine(const QString &language)
{
    return language == QLatin1String("hi") ? QStringLiteral("एक पल रुकिए।") : QStringLiteral("One moment, please.");
}

QStringList openingAcknowledgements(const QString &language)
{
    if (language == QLatin1String("hi"))
        return {QStringLiteral("जी,"), QStringLiteral("ठीक है,"), QStringLiteral("अच्छा,"), QStringLiteral("बहुत बढ़िया,"), QStringLiteral("समझ गई,")};
    return {QStringLiteral("Sure,"), QStringLiteral("Great,"), QStringLiteral("Okay,"), QStringLiteral("I see,"), QStringLiteral("Wonderful,"),
            QStringLiteral("Perfect,"), QStringLiteral("Got it,"), QStringLiteral("Thank you,")};
}

QString goodbyeLine(const QString &outcome, const QString &language)
{
    const bool hi = language == QLatin1String("hi");
    if (outcome == QLatin1String("do_not_call"))
        return hi ? QStringLiteral("ठीक है, हम आपको दोबारा कॉल नहीं करेंगे। धन्यवाद।")
                  : QStringLiteral("Understood, we will not call you again. Thank you.");
    if (outcome == QLatin1String("no_response"))
        return hi ? QStringLiteral("लगता है लाइन पर दिक्कत है, हम बाद में कॉल करेंगे। धन्यवाद।")
                  : QStringLiteral("It seems the line is not clear, we will call you later. Thank you.");
    return hi ? QStringLiteral("धन्यवाद, आपका दिन शुभ हो।") : QStringLiteral("Thank you, have a nice day.");
}

// ---------------------------------------------------------------- project brief

static QString slotList(const QList<QDateTime> &offered, const QDateTime &now, const QString &language)
{
    QStringList out;
    for (const QDateTime &s : offered)
        out << callbackWhenPhrase(s, now, language);
    return out.join(language == QLatin1String("hi") ? QStringLiteral(" या ") : QStringLiteral(" or "));
}

QString briefInstructions(const QString &facts, int briefVersion, const QList<QDateTime> &offered, const QDateTime &now,
                          bool brochure, const QString &language)
{
    QString p = QStringLiteral(
                    "\n\nPROJECT BRIEF (version %1). Answer questions about the project only from these facts:\n%2\n"
                    "Never guess or invent a number, date, distance, charge, loan or approval that is not written above. "
                    "If the caller asks for anything the brief does not state, say \"%3\" and call the "
                    "note_question_for_advisor tool with their question. "
                    "Say prices as written, in lakh and crore. "
                    "Your goal is a site visit.")
                    .arg(briefVersion)
                    .arg(facts, advisorLine(language));
    if (!offered.isEmpty()) {
        QStringList iso;
        for (const QDateTime &s : offered)
            iso << QStringLiteral("%1 = date %2 time %3").arg(callbackWhenPhrase(s, now, QStringLiteral("en")),
                                                           s.date().toString(Qt::ISODate), s.time().toString(QStringLiteral("HH:mm")));
        p += QStringLiteral(" Today is %1. Offer these site-visit offered (the caller's local time): %2. "
                            "When the caller agrees to a slot, ask how many people will come, then call book_site_visit with "
                            "the date, time and visitors. The system confirms the booking aloud: do not confirm it yourself. "
                            "If they want another time, pass it to book_site_visit and the system checks it.")
                 .arg(now.toTimeZone(offered.first().timeZone()).date().toString(Qt::ISODate), iso.join(QStringLiteral("; ")));
    }
    if (brochure)
        p += QStringLiteral(" If the caller wants details on WhatsApp or SMS, call send_brochure.");
    return p;
}

static QJsonObject toolFunction(const QString &name, const QString &description, const QJsonObject &props, const QJsonArray &required)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                       {QStringLiteral("function"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("description"), description},
                                    {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                                               {QStringLiteral("properties"), props},
                                                                               {QStringLiteral("required"), required}}}}}};
}

QJsonArray briefTools(bool brochure)
{
    auto str = [](const QString &description) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("description"), description}};
    };
    QJsonArray tools{
        toolFunction(QStringLiteral("note_question_for_advisor"),
                 QStringLiteral("Record a question the project brief does not answer, for a human advisor to answer later."),
                 QJsonObject{{QStringLiteral("question"), str(QStringLiteral("the caller's question, in their words"))}},
                 QJsonArray{QStringLiteral("question")}),
        toolFunction(QStringLiteral("book_site_visit"),
                 QStringLiteral("Book a site visit the caller agreed to. The system checks the slot and confirms it aloud."),
                 QJsonObject{{QStringLiteral("date"), str(QStringLiteral("YYYY-MM-DD, the caller's local date"))},
                             {QStringLiteral("time"), str(QStringLiteral("HH:MM, 24-hour, the caller's local time"))},
                             {QStringLiteral("when"), str(QStringLiteral("the slot as the caller said it, if no date/time"))},
                             {QStringLiteral("visitors"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                                                                      {QStringLiteral("description"), QStringLiteral("how many people will come")}}}},
                 QJsonArray{QStringLiteral("visitors")}),
    };
    if (brochure)
        tools.append(toolFunction(QStringLiteral("send_brochure"), QStringLiteral("Send the project brochure link to the caller by SMS."),
                              QJsonObject{{QStringLiteral("channel"), str(QStringLiteral("whatsapp or sms, as the caller asked"))}},
                              QJsonArray{}));
    return tools;
}

QString advisorLine(const QString &language)
{
    return language == QLatin1String("hi") ? QStringLiteral("यह मैं हमारे एडवाइज़र से कन्फ़र्म करवा दूँगी।")
                                            : QStringLiteral("I will have our advisor confirm that.");
}

QString siteVisitBookedLine(const QDateTime &at, const QDateTime &now, int visitors, const QString &address, const QString &language)
{
    const QString when = callbackWhenPhrase(at, now, language);
    if (language == QLatin1String("hi"))
        return QStringLiteral("बढ़िया! आपकी साइट विज़िट %1, %2 लोगों के लिए बुक हो गई है%3। पूरी जानकारी SMS पर भेज रहे हैं।")
            .arg(when)
            .arg(visitors)
            .arg(address.isEmpty() ? QString() : QStringLiteral(", पता: ") + address);
    return QStringLiteral("Done! Your site visit is booked %1 for %2 %3%4. You will get the details by SMS.")
        .arg(when)
        .arg(visitors)
        .arg(visitors == 1 ? QStringLiteral("person") : QStringLiteral("people"),
             address.isEmpty() ? QString() : QStringLiteral(", at ") + address);
}

QString siteVisitRefusedLine(const QString &reason, const QList<QDateTime> &offered, const QDateTime &now, const QString &language)
{
    const bool hi = language == QLatin1String("hi");
    QString why;
    if (reason == QLatin1String("closed_day"))
        why = hi ? QStringLiteral("उस दिन साइट बंद रहती है") : QStringLiteral("the site is closed that day");
    else if (reason == QLatin1String("outside_hours"))
        why = hi ? QStringLiteral("वह समय विज़िट के घंटों से बाहर है") : QStringLiteral("that time is outside visiting hours");
    else if (reason == QLatin1String("in_past"))
        why = hi ? QStringLiteral("वह समय निकल चुका है") : QStringLiteral("that time has already passed");
    else
        why = hi ? QStringLiteral("वह स्लॉट उपलब्ध नहीं है") : QStringLiteral("that slot is not available");
    if (offered.isEmpty())
        return hi ? QStringLiteral("माफ़ कीजिए, %1। हमारे एडवाइज़र आपको विज़िट का समय तय करने के लिए कॉल करेंगे।").arg(why)
                  : QStringLiteral("Sorry, %1. Our advisor will call you to fix a visit time.").arg(why);
    return hi ? QStringLiteral("माफ़ कीजिए, %1। क्या %2 ठीक रहेगा?").arg(why, slotList(offered, now, language))
              : QStringLiteral("Sorry, %1. Would %2 suit you?").arg(why, slotList(offered, now, language));
}

QString askVisitorsLine(const QString &language)
{
    return language == QLatin1String("hi") ? QStringLiteral("विज़िट पर कितने लोग आएँगे?")
                                            : QStringLiteral("How many people will come for the visit?");
}

QString brochureSentLine(const QString &language)
{
    return language == QLatin1String("hi") ? QStringLiteral("मैंने ब्रोशर का लिंक आपको SMS पर भेज दिया है।")
                                            : QStringLiteral("I have sent you the brochure link by SMS.");
}

} // namespace Leadline::Conversation
