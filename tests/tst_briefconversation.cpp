// The agent answers from the project brief: a CallSession on the real OpenAI-compatible client
// against a loopback LLM emulator (scripted SSE replies), questions inside and outside the brief
// in English and Hindi, a refused and an accepted site-visit booking and a brochure request.
// Checks what the model was told (facts block, deferral rule, offered, tools) and what the call
// stored (brief version, question_for_advisor, site_visit_at with its turn, SMS to the lead).
#include "conversation/callsession.h"
#include "fakes/fakecallrecorder.h"
#include "fakes/fakeclock.h"
#include "fakes/recordingtransport.h"
#include "fakes/streamingserver.h"
#include "projects/projectbrief.h"
#include "providers/openai/openaichat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Conversation;
using namespace Leadline::Testing;

namespace {

// Speech-to-text the test drives: each say() is one final caller utterance.
class DrivenStt final : public Providers::SpeechToText
{
public:
    QString name() const override { return QStringLiteral("driven-stt"); }
    void start(const Providers::SttOptions &) override {}
    void pushAudio(const QByteArray &) override {}
    void finalize() override {}
    void stop() override {}
    void say(const QString &text, const QString &language)
    {
        emit transcript(text, true, language);
        emit endOfSpeech();
    }
};

// 20 ms of silence per sentence, at once: the turn ends as soon as the LLM's does.
class QuickTts final : public Providers::TextToSpeech
{
public:
    QString name() const override { return QStringLiteral("quick-tts"); }
    int sampleRate() const override { return 8000; }
    void synthesize(int id, const QString &text, const Providers::TtsOptions &) override
    {
        spoken << text;
        QTimer::singleShot(0, this, [this, id] {
            emit audio(id, QByteArray(320, '\0'));
            emit done(id);
        });
    }
    void cancel() override {}
    QStringList spoken;
};

class RecordingMessenger final : public LeadMessenger
{
public:
    void sendToLead(const LeadSms &sms) override { sent.append(sms); }
    QList<LeadSms> sent;
};

struct Tool
{
    QString name;
    QJsonObject args;
};

// One streamed chat completion: the text in two pieces, then each tool call.
QByteArray sse(const QString &text, const QList<Tool> &tools = {})
{
    QByteArray out;
    auto chunk = [&out](const QJsonObject &delta, const QJsonValue &finish = QJsonValue()) {
        const QJsonObject c{{QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                                               {QStringLiteral("delta"), delta},
                                                                               {QStringLiteral("finish_reason"), finish}}}}};
        out += "data: " + QJsonDocument(c).toJson(QJsonDocument::Compact) + "\n\n";
    };
    const qsizetype half = text.size() / 2;
    if (!text.isEmpty()) {
        chunk(QJsonObject{{QStringLiteral("content"), text.left(half)}});
        chunk(QJsonObject{{QStringLiteral("content"), text.mid(half)}});
    }
    for (int i = 0; i < tools.size(); ++i) {
        const QString args = QString::fromUtf8(QJsonDocument(tools.at(i).args).toJson(QJsonDocument::Compact));
        chunk(QJsonObject{{QStringLiteral("tool_calls"),
                           QJsonArray{QJsonObject{{QStringLiteral("index"), i},
                                                  {QStringLiteral("id"), QStringLiteral("call_%1").arg(i)},
                                                  {QStringLiteral("type"), QStringLiteral("function")},
                                                  {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), tools.at(i).name},
                                                                                           {QStringLiteral("arguments"), args}}}}}}});
    }
    chunk(QJsonObject{}, tools.isEmpty() ? QStringLiteral("stop") : QStringLiteral("tool_calls"));
    out += "data: [DONE]\n\n";
    return out;
}

QJsonObject sampleBrief()
{
    QFile f(QFINDTESTDATA("../resources/demo_brief.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto b = Projects::ProjectBrief::fromJsonText(f.readAll());
    return b ? b->toJson() : QJsonObject{};
}

QByteArray frame(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

} // namespace

class tst_BriefConversation : public QObject
{
    Q_OBJECT
private slots:
    void answersFromTheBriefAndBooksAVisit();
    void callWithoutBriefIsUnchanged();
};

struct Call
{
    RecordingTransport transport;
    FakeCallRecorder recorder;
    FakeClock clock; // Sunday 2025-11-23 13:30 in India
    SystemTimerSource timers;
    StreamingServer llmServer;
    QNetworkAccessManager nam;
    RecordingMessenger messenger;
    DrivenStt *stt = nullptr;
    QuickTts *tts = nullptr;
    std::unique_ptr<CallSession> session;

    void start(const QJsonObject &brief, int briefVersion)
    {
        CallContext &c = recorder.context_;
        c.callId = 42;
        c.leadId = 7;
        c.campaignId = 3;
        c.leadName = QStringLiteral("Aarav Sharma");
        c.phoneE164 = QStringLiteral("+919876543210");
        c.city = QStringLiteral("Pune");
        c.propertyType = QStringLiteral("2BHK");
        c.leadLanguage = QStringLiteral("English");
        c.campaignName = QStringLiteral("Leadline Greens launch");
        c.brief = brief;
        c.briefVersion = briefVersion;
        auto s = std::make_unique<DrivenStt>();
        stt = s.get();
        auto t = std::make_unique<QuickTts>();
        tts = t.get();
        Providers::OpenAiConfig cfg;
        cfg.baseUrl = QUrl(llmServer.baseUrl() + QStringLiteral("/v1"));
        cfg.apiKey = "sk-test";
        cfg.maxRetries = 0;
        SessionConfig sc;
        sc.screening.enabled = false;
        sc.goodbyeGraceMs = 100;
        session = std::make_unique<CallSession>(transport, recorder, clock, timers, std::move(s), std::make_unique<Providers::OpenAiChat>(&nam, cfg),
                                                std::move(t), sc);
        session->setLeadMessenger(&messenger);
        session->onTextFrame(frame(QJsonObject{{QStringLiteral("event"), QStringLiteral("connected")}}));
        session->onTextFrame(frame(QJsonObject{
            {QStringLiteral("event"), QStringLiteral("start")},
            {QStringLiteral("stream_sid"), QStringLiteral("s1")},
            {QStringLiteral("start"), QJsonObject{{QStringLiteral("stream_sid"), QStringLiteral("s1")},
                                                  {QStringLiteral("call_sid"), QStringLiteral("c1")},
                                                  {QStringLiteral("custom_parameters"), QJsonObject{{QStringLiteral("lc"), QStringLiteral("tok")}}},
                                                  {QStringLiteral("media_format"), QJsonObject{{QStringLiteral("sample_rate"), QStringLiteral("8000")}}}}}}));
    }
    // One caller turn answered by the emulator; returns the request the model got.
    QJsonObject turn(const QString &caller, const QString &language, const QByteArray &reply)
    {
        const int before = int(llmServer.requests.size());
        const int spokenBefore = int(tts->spoken.size());
        llmServer.push({200, {{"Content-Type", "text/event-stream"}}, {reply}, 1});
        stt->say(caller, language);
        if (!QTest::qWaitFor([&] { return llmServer.requests.size() > before && tts->spoken.size() > spokenBefore
                                          && session->state() != QLatin1String("thinking") && session->state() != QLatin1String("speaking"); }, 10000))
            qWarning() << "turn did not settle:" << caller << session->state();
        return QJsonDocument::fromJson(llmServer.requests.value(before).body).object();
    }
};

static QString systemOf(const QJsonObject &request)
{
    return request.value(QStringLiteral("messages")).toArray().at(0).toObject().value(QStringLiteral("content")).toString();
}

static QStringList toolNames(const QJsonObject &request)
{
    QStringList out;
    for (const QJsonValue &t : request.value(QStringLiteral("tools")).toArray())
        out << t.toObject().value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString();
    return out;
}

void tst_BriefConversation::answersFromTheBriefAndBooksAVisit()
{
    Call call;
    const QJsonObject brief = sampleBrief();
    QVERIFY(!brief.isEmpty());
    call.start(brief, 2);
    QTRY_COMPARE_WITH_TIMEOUT(call.recorder.answered, QList<qint64>{42}, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(call.session->state(), QStringLiteral("listening"), 5000);

    // In the brief: the model is given the facts and says the price; TTS speaks it the Indian way.
    const QJsonObject r1 = call.turn(QStringLiteral("What is the price of the 2 BHK?"), QStringLiteral("en"),
                                     sse(QStringLiteral("The 2 BHK is priced from 78 lakh to 92 lakh rupees.")));
    const QString sys1 = systemOf(r1);
    QVERIFY2(sys1.contains(QStringLiteral("PROJECT BRIEF (version 2)")), qPrintable(sys1));
    QVERIFY(sys1.contains(QStringLiteral("2 BHK: carpet area 680 to 740 sq ft, price 78 lakh to 92 lakh rupees.")));
    QVERIFY(sys1.contains(QStringLiteral("RERA registration: P52100054321.")));
    QVERIFY(sys1.contains(QStringLiteral("Never guess or invent a number")));
    QVERIFY(sys1.contains(QStringLiteral("say \"I will have our advisor confirm that.\"")));
    // Slots offered: Monday (the site is closed on Sunday, today), in the caller's time.
    QVERIFY2(sys1.contains(QStringLiteral("tomorrow at 10:00 AM = date 2025-11-24 time 10:00")), qPrintable(sys1));
    QCOMPARE(toolNames(r1), (QStringList{QStringLiteral("end_call"), QStringLiteral("note_question_for_advisor"),
                                         QStringLiteral("book_site_visit"), QStringLiteral("send_brochure")}));
    const QString priceSpoken = call.tts->spoken.filter(QStringLiteral("2 BHK")).value(0);
    QVERIFY2(priceSpoken.contains(QStringLiteral("seventy-eight lakh")) || priceSpoken.contains(QStringLiteral("seventy eight lakh")),
             qPrintable(priceSpoken));

    // Outside the brief: deferred to an advisor, the question noted, no number invented.
    const QJsonObject r2 = call.turn(QStringLiteral("What will the stamp duty and registration cost?"), QStringLiteral("en"),
                                     sse(QStringLiteral("I will have our advisor confirm that."),
                                         {{QStringLiteral("note_question_for_advisor"),
                                           QJsonObject{{QStringLiteral("question"), QStringLiteral("stamp duty and registration cost")}}}}));
    // The model saw its own earlier answer.
    const QJsonArray history = r2.value(QStringLiteral("messages")).toArray();
    bool sawAnswer = false;
    for (const QJsonValue &m : history)
        sawAnswer = sawAnswer || (m.toObject().value(QStringLiteral("role")).toString() == QLatin1String("assistant")
                                  && m.toObject().value(QStringLiteral("content")).toString().contains(QStringLiteral("78 lakh")));
    QVERIFY(sawAnswer);

    // Hindi, in the brief (an FAQ): the Hindi deferral line is in the prompt.
    const QJsonObject r3 = call.turn(QStringLiteral("क्या होम लोन मिलेगा?"), QStringLiteral("hi"),
                                     sse(QStringLiteral("जी हाँ, HDFC, SBI और ICICI बैंक से लोन प्री-अप्रूव्ड है।")));
    const QString sys3 = systemOf(r3);
    QVERIFY(sys3.contains(QStringLiteral("Devanagari")));
    QVERIFY(sys3.contains(QStringLiteral("Q: Is a home loan available? A: Yes, loans are pre-approved")));
    QVERIFY(sys3.contains(QStringLiteral("यह मैं हमारे एडवाइज़र से कन्फ़र्म करवा दूँगी।")));
    // Hindi, outside the brief: the deferral spoken without the tool still records the question.
    call.turn(QStringLiteral("मेट्रो लाइन कब तक चालू होगी?"), QStringLiteral("hi"),
              sse(QStringLiteral("यह मैं हमारे एडवाइज़र से कन्फ़र्म करवा दूँगी।")));

    // A Sunday visit is refused by the system (closed day), with other offered offered.
    call.turn(QStringLiteral("Can we come on Sunday at 11?"), QStringLiteral("en"),
              sse(QStringLiteral("Let me check."), {{QStringLiteral("book_site_visit"),
                                                     QJsonObject{{QStringLiteral("date"), QStringLiteral("2025-11-30")},
                                                                 {QStringLiteral("time"), QStringLiteral("11:00")},
                                                                 {QStringLiteral("visitors"), 2}}}}));
    const QString refusal = call.tts->spoken.last();
    QVERIFY2(refusal.contains(QStringLiteral("closed that day")) && refusal.contains(QStringLiteral("tomorrow at 10:00 AM")),
             qPrintable(refusal));
    QVERIFY(call.recorder.outcome.outcome.isEmpty());

    // Saturday 11:00 for two: booked and confirmed by the system.
    const QString bookingWords = QStringLiteral("Then Saturday at 11, we will be two.");
    call.turn(bookingWords, QStringLiteral("en"),
              sse(QString(), {{QStringLiteral("book_site_visit"), QJsonObject{{QStringLiteral("date"), QStringLiteral("2025-11-29")},
                                                                              {QStringLiteral("time"), QStringLiteral("11:00")},
                                                                              {QStringLiteral("visitors"), 2}}}}));
    const QString confirmation = call.tts->spoken.last();
    QVERIFY2(confirmation.contains(QStringLiteral("booked on Saturday at 11:00 AM for two people")) ||
                 confirmation.contains(QStringLiteral("booked on Saturday at 11:00 AM for 2 people")),
             qPrintable(confirmation));

    // Details on WhatsApp: the brochure link goes by SMS.
    const QJsonObject r7 = call.turn(QStringLiteral("Send me the details on WhatsApp please."), QStringLiteral("en"),
                                     sse(QStringLiteral("Sure, sending it by SMS now."),
                                         {{QStringLiteral("send_brochure"), QJsonObject{{QStringLiteral("channel"), QStringLiteral("whatsapp")}}}}));
    QVERIFY(systemOf(r7).contains(QStringLiteral("A site visit is already booked in this call.")));
    QCOMPARE(call.messenger.sent.size(), 1);
    QCOMPARE(call.messenger.sent.first().kind, QStringLiteral("brochure"));
    QVERIFY(call.messenger.sent.first().body.contains(QStringLiteral("https://example.com/leadline-greens/brochure.pdf")));

    call.turn(QStringLiteral("Thank you, bye."), QStringLiteral("en"),
              sse(QStringLiteral("Thank you, see you on Saturday!"),
                  {{QStringLiteral("end_call"), QJsonObject{{QStringLiteral("outcome"), QStringLiteral("interested")}}}}));
    call.session->onTextFrame(frame(QJsonObject{{QStringLiteral("event"), QStringLiteral("stop")}}));
    QTRY_COMPARE_WITH_TIMEOUT(call.recorder.finished, QList<qint64>{42}, 5000);

    const Storage::CallOutcome &o = call.recorder.outcome;
    QCOMPARE(o.outcome, QStringLiteral("site_visit"));
    QCOMPARE(o.briefVersion, 2);
    QCOMPARE(o.siteVisitAt, QDateTime(QDate(2025, 11, 29), QTime(11, 0), QTimeZone("Asia/Kolkata")).toMSecsSinceEpoch());
    QCOMPARE(o.siteVisitVisitors, 2);
    // The booking's turn is the caller's words that agreed to it.
    QString turnText;
    for (const auto &t : call.recorder.turns)
        if (t.index == o.siteVisitTurn)
            turnText = t.text;
    QCOMPARE(turnText, bookingWords);
    QVERIFY2(o.questionForAdvisor.contains(QStringLiteral("stamp duty and registration cost")), qPrintable(o.questionForAdvisor));
    QVERIFY2(o.questionForAdvisor.contains(QStringLiteral("मेट्रो लाइन कब तक चालू होगी?")), qPrintable(o.questionForAdvisor));
    QCOMPARE(o.fields.value(QStringLiteral("site_visit")).toObject().value(QStringLiteral("visitors")).toInt(), 2);
    // Confirmation SMS with date, time and visitors.
    QCOMPARE(call.messenger.sent.size(), 2);
    QCOMPARE(call.messenger.sent.last().kind, QStringLiteral("site_visit_confirmation"));
    QCOMPARE(call.messenger.sent.last().toE164, QStringLiteral("+919876543210"));
    QVERIFY2(call.messenger.sent.last().body.contains(QStringLiteral("Sat 29 Nov 2025, 11:00 AM, 2 visitors")),
             qPrintable(call.messenger.sent.last().body));
}

void tst_BriefConversation::callWithoutBriefIsUnchanged()
{
    Call call;
    call.start({}, 0);
    QTRY_COMPARE_WITH_TIMEOUT(call.session->state(), QStringLiteral("listening"), 5000);
    const QJsonObject r = call.turn(QStringLiteral("What is the price?"), QStringLiteral("en"), sse(QStringLiteral("Let me check.")));
    QVERIFY(!systemOf(r).contains(QStringLiteral("PROJECT BRIEF")));
    QCOMPARE(toolNames(r), QStringList{QStringLiteral("end_call")});
    call.session->onTextFrame(frame(QJsonObject{{QStringLiteral("event"), QStringLiteral("stop")}}));
    QTRY_COMPARE_WITH_TIMEOUT(call.recorder.finished, QList<qint64>{42}, 5000);
    QCOMPARE(call.recorder.outcome.briefVersion, 0);
    QCOMPARE(call.recorder.outcome.siteVisitAt, 0);
    QVERIFY(call.messenger.sent.isEmpty());
}

QTEST_GUILESS_MAIN(tst_BriefConversation)
#include "tst_briefconversation.moc"
