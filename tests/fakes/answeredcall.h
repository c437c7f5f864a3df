// AnsweredCall: one CallSession on fake vendors (FakeStt with no words, the ScriptedDialog, a
// FakeTts at ElevenLabs-like timing) that Exotel's "connected" and "start" have just reached,
// for tests of how a call opens. On the system's clock, or on a test's virtual one (set
// virtualTime before answer()). Thread: the test's.
#pragma once

#include "conversation/callsession.h"
#include "fakes/fakecallrecorder.h"
#include "fakes/fakeclock.h"
#include "fakes/recordingtransport.h"
#include "fakes/virtualtimers.h"
#include "providers/fake/fakeproviders.h"
#include "providers/local/scripteddialog.h"

#include "audio/pcm.h"
#include "telephony/mediaprotocol.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>
#include <QJsonObject>
#include <functional>

namespace Leadline::Testing {

struct AnsweredCall
{
    FakeCallRecorder recorder;
    RecordingTransport transport;
    FakeClock clock;
    SystemTimerSource systemTimers;
    VirtualTimerSource *virtualTime = nullptr; // else the system's clock
    Providers::FakeTts *tts = nullptr; // the session's own TTS
    std::unique_ptr<Conversation::CallSession> session;
    QStringList sttScript;                          // what the caller's utterances are heard as
    std::unique_ptr<Providers::LanguageModel> llm;  // else the ScriptedDialog

    explicit AnsweredCall(qint64 callId = 42)
    {
        recorder.context_.callId = callId;
        recorder.context_.leadName = QStringLiteral("Aarav Sharma");
        recorder.context_.city = QStringLiteral("Pune");
        recorder.context_.propertyType = QStringLiteral("2BHK");
        recorder.context_.leadLanguage = QStringLiteral("Hindi");
    }
    // Builds the session (configure(session) sets its optional parts) and sends connected + start.
    void answer(const std::function<void(Conversation::CallSession &)> &configure = {})
    {
        auto t = std::make_unique<Providers::FakeTts>(/*firstAudioMs=*/150, /*chunkIntervalMs=*/25);
        tts = t.get();
        auto stt = std::make_unique<Providers::FakeStt>(sttScript);
        if (virtualTime) {
            transport.useTimers(*virtualTime);
            t->useTimers(*virtualTime);
            stt->useTimers(*virtualTime);
            if (auto *fake = qobject_cast<Providers::FakeLlm *>(llm.get()))
                fake->useTimers(*virtualTime);
        }
        Conversation::SessionConfig cfg;
        cfg.screening.enabled = false;
        TimerSource &timers = virtualTime ? static_cast<TimerSource &>(*virtualTime) : systemTimers;
        session = std::make_unique<Conversation::CallSession>(transport, recorder, clock, timers, std::move(stt),
                                                              llm ? std::move(llm) : std::make_unique<Providers::ScriptedDialog>(), std::move(t), cfg);
        if (configure)
            configure(*session);
        session->onTextFrame(R"({"event":"connected"})");
        transport.clock.restart();
        session->onTextFrame(startFrame());
    }
    static QByteArray startFrame()
    {
        const QJsonObject format{{QStringLiteral("encoding"), QStringLiteral("raw/slin")}, {QStringLiteral("sample_rate"), QStringLiteral("8000")}};
        const QJsonObject start{{QStringLiteral("event"), QStringLiteral("start")},
                                {QStringLiteral("sequence_number"), 1},
                                {QStringLiteral("stream_sid"), QStringLiteral("stream-1")},
                                {QStringLiteral("start"), QJsonObject{{QStringLiteral("stream_sid"), QStringLiteral("stream-1")},
                                                                      {QStringLiteral("call_sid"), QStringLiteral("call-sid-1")},
                                                                      {QStringLiteral("account_sid"), QStringLiteral("acct")},
                                                                      {QStringLiteral("media_format"), format}}}};
        return QJsonDocument(start).toJson(QJsonDocument::Compact);
    }
    // The caller's audio, 20 ms frames sent at real pace (on the call's clock): speechMs of
    // voice, then silenceMs.
    void say(int speechMs, int silenceMs)
    {
        int chunk = 0;
        QElapsedTimer clock;
        clock.start();
        for (int at = 0; at < speechMs + silenceMs; at += 20) {
            const QByteArray pcm = at < speechMs ? Audio::tone(20, 8000, 200.0, 0.3) : Audio::silence(20, 8000);
            session->onTextFrame(Telephony::mediaFrame(QStringLiteral("stream-1"), pcm, ++chunk, at));
            if (virtualTime) {
                runFor(*virtualTime, 20);
                continue;
            }
            while (clock.elapsed() < at + 20)
                QTest::qWait(5);
        }
    }
    // Bytes of agent audio sent within the first `ms` of the call.
    qint64 audioSentWithin(qint64 ms) const
    {
        qint64 bytes = 0;
        for (const auto &m : transport.ofType(QStringLiteral("media")))
            if (m.atMs < ms)
                bytes += QByteArray::fromBase64(m.json[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1()).size();
        return bytes;
    }
};

} // namespace Leadline::Testing
