// AnsweredCall: one CallSession on fake vendors (FakeStt with no words, the ScriptedDialog, a
// FakeTts at ElevenLabs-like timing) that Exotel's "connected" and "start" have just reached,
// for tests of how a call opens. Thread: the test's.
#pragma once

#include "conversation/callsession.h"
#include "fakes/fakecallrecorder.h"
#include "fakes/fakeclock.h"
#include "fakes/recordingtransport.h"
#include "providers/fake/fakeproviders.h"
#include "providers/local/scripteddialog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <functional>

namespace Leadline::Testing {

struct AnsweredCall
{
    FakeCallRecorder recorder;
    RecordingTransport transport;
    FakeClock clock;
    Providers::FakeTts *tts = nullptr; // the session's own TTS
    std::unique_ptr<Conversation::CallSession> session;

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
        Conversation::SessionConfig cfg;
        cfg.screening.enabled = false;
        session = std::make_unique<Conversation::CallSession>(transport, recorder, clock,
                                                              std::make_unique<Providers::FakeStt>(QStringList{}),
                                                              std::make_unique<Providers::ScriptedDialog>(), std::move(t), cfg);
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
