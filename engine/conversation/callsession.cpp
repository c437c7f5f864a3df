#include "callsession.h"

#include <QDateTime>

#include "audio/pcm.h"
#include "conversationlog.h"
#include "greetingprimer.h"
#include "phrasecache.h"
#include "prompts.h"
#include "screening/ivrnavigation.h"
#include "language/callbacktimeparser.h"
#include "language/indiannumberspeller.h"
#include "language/sentencesplitter.h"
#include "textrules.h"
#include "vendorerrors.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>
#include <algorithm>
#include <functional>
#include <utility>

namespace Leadline::Conversation {

using Telephony::MediaEvent;


CallSession::CallSession(MediaTransport &transport, CallRecorder &recorder, const Clock &clock, TimerSource &timers,
                         std::unique_ptr<Providers::SpeechToText> stt, std::unique_ptr<Providers::LanguageModel> llm,
                         std::unique_ptr<Providers::TextToSpeech> tts, SessionConfig config, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_recorder(recorder)
    , m_clock(clock)
    , m_stt(std::move(stt))
    , m_llm(std::move(llm))
    , m_tts(std::move(tts))
    , m_sentences(std::make_unique<Language::SentenceSplitter>())
    , m_cfg(config)
    , m_vad(Audio::EnergyVad::Config{300.0, 4.0, 60, 320})
    , m_timers(timers)
    , m_speech(transport, m_timers, this, m_stats, m_cfg.aheadOfRealTimeMs,
               SpeechOut::Callbacks{[this] { return !replyComplete(); },
                                    [this](qint64 nowUs, qint64 readyUs) { onChunkLeaving(nowUs, readyUs); },
                                    [this](qint64 remainingMs) { onSpeechDrained(remainingMs); }})
    , m_spec(m_timers, m_stats, m_cfg.speculateAfterSilenceMs, [this] { m_llm->cancel(); })
    , m_screening(m_cfg.screening)
{
    connect(m_stt.get(), &Providers::SpeechToText::transcript, this, &CallSession::onTranscript);
    connect(m_stt.get(), &Providers::SpeechToText::endOfSpeech, this, &CallSession::onEndOfSpeech);
    connect(m_stt.get(), &Providers::SpeechToText::failed, this, [this](const Error &e) {
        qCWarning(lcConversation) << "call" << m_ctx.callId << "STT failed:" << e.message;
        countVendorError(QStringLiteral("stt"), m_stt->name(), e);
        m_outcome.noteFailure(QStringLiteral("stt"), e.message, true); // the first report says most
        // "We will call you back": technical_failure is retried like no_response.
        endCall(m_outcome.failureOutcome(), {}, apologyLine(replyLanguage()));
    });
    connect(m_stt.get(), &Providers::SpeechToText::reconnected, this, [this](qint64 gapMs) {
        if (m_vendorErrors)
            m_vendorErrors->recordReconnect(QStringLiteral("stt"), m_stt->name(), gapMs);
    });
    connect(m_llm.get(), &Providers::LanguageModel::token, this, &CallSession::onLlmToken);
    connect(m_llm.get(), &Providers::LanguageModel::toolCall, this, &CallSession::onLlmToolCall);
    connect(m_llm.get(), &Providers::LanguageModel::textDone, this, &CallSession::onLlmTextDone);
    connect(m_llm.get(), &Providers::LanguageModel::finished, this, &CallSession::onLlmFinished);
    connect(m_llm.get(), &Providers::LanguageModel::failed, this, &CallSession::onLlmFailed);
    connect(m_tts.get(), &Providers::TextToSpeech::audio, this, &CallSession::onTtsAudio);
    connect(m_tts.get(), &Providers::TextToSpeech::done, this, &CallSession::onTtsDone);
    connect(m_tts.get(), &Providers::TextToSpeech::failed, this, &CallSession::onTtsFailed);
    connect(m_tts.get(), &Providers::TextToSpeech::degraded, this, [this](int requestId, const Error &e) {
        countVendorError(QStringLiteral("tts"), m_tts->name(), e);
        for (Sentence &s : m_agentSentences)
            s.degraded = s.degraded || s.id == requestId;
    });

    m_silenceTimer = m_timers.createTimer(this, [this] { onSilenceTimeout(); });
    m_maxDurationTimer = m_timers.createTimer(this, [this] {
        qCInfo(lcConversation) << "call" << m_ctx.callId << "reached the duration cap";
        endCall(m_outcome.decided() ? m_outcome.outcome() : QStringLiteral("callback"), m_outcome.fields(),
                goodbyeLine(QString(), replyLanguage()));
    });
    m_closeTimer = m_timers.createTimer(this, [this] { finishNow(QStringLiteral("completed")); });
    m_drainTimer = m_timers.createTimer(this, [this] { finishDrain(); });
    m_thinkingTimer = m_timers.createTimer(this, [this] { onThinkingTooLong(); });
    // The desk answers in milliseconds; a database that hangs must not leave the caller in silence.
    m_handoffTimer = m_timers.createTimer(this, [this] {
        onHandoffDecision(Error::make(Error::Code::Unavailable, QStringLiteral("handoff desk did not answer in time")));
    });
}

CallSession::~CallSession()
{
    if (!m_finished && m_ctx.callId)
        finishNow(QStringLiteral("completed"));
}

void CallSession::countVendorError(const QString &stage, const QString &provider, const Error &e)
{
    // Once per stage and call: a dying stream often reports itself twice (error, then close).
    if (m_vendorErrors && !m_finished && !m_vendorErrorStages.contains(stage)) {
        m_vendorErrorStages.insert(stage);
        m_vendorErrors->record(stage, provider, e);
    }
}

QString CallSession::state() const
{
    switch (m_phase) {
    case Phase::AwaitingStart: return QStringLiteral("connecting");
    case Phase::Correlating: return QStringLiteral("connecting");
    case Phase::Active:
        if (agentSpeaking())
            return QStringLiteral("speaking");
        return m_llmActive ? QStringLiteral("thinking") : QStringLiteral("listening");
    case Phase::Ending: return QStringLiteral("ending");
    case Phase::Closed: return QStringLiteral("ended");
    }
    return {};
}

qint64 CallSession::callMs() const { return m_mediaStartUs >= 0 ? (m_timers.elapsedUs() - m_mediaStartUs) / 1000 : 0; }

// ---------------------------------------------------------------- inbound

void CallSession::onTextFrame(const QByteArray &frame)
{
    if (m_phase == Phase::Closed)
        return;
    if (frame.size() > m_cfg.maxFrameBytes) {
        noteBadFrame(QStringLiteral("oversized frame of %1 bytes").arg(frame.size()));
        return;
    }
    auto parsed = Telephony::parseMediaEvent(frame);
    if (!parsed) {
        noteBadFrame(parsed.error().message);
        return;
    }
    const MediaEvent &e = parsed.value();
    switch (e.type) {
    case MediaEvent::Type::Connected:
        break;
    case MediaEvent::Type::Start:
        handleStart(e);
        break;
    case MediaEvent::Type::Media:
        handleMedia(e);
        break;
    case MediaEvent::Type::Dtmf:
        handleDtmf(e);
        break;
    case MediaEvent::Type::Mark:
        handleMark(e.markName);
        break;
    case MediaEvent::Type::Stop:
        qCInfo(lcConversation) << "call" << m_ctx.callId << "stream stopped:" << (e.reason.isEmpty() ? QStringLiteral("(no reason)") : e.reason);
        finishNow(QStringLiteral("completed"));
        break;
    case MediaEvent::Type::Unknown:
        if (!m_loggedUnknown) {
            m_loggedUnknown = true;
            qCInfo(lcConversation) << "call" << m_ctx.callId << "ignoring unknown event" << e.rawType;
        }
        break;
    }
}

void CallSession::handleStart(const MediaEvent &e)
{
    if (m_phase != Phase::AwaitingStart) {
        qCWarning(lcConversation) << "call" << m_ctx.callId << "ignoring a second start";
        return;
    }
    m_streamSid = e.streamSid;
    if (e.sampleRate > 0 && e.sampleRate != m_sampleRate) {
        if (m_sampleRate == 8000 && (e.sampleRate == 16000 || e.sampleRate == 24000))
            m_sampleRate = e.sampleRate; // nothing requested in the URL: trust start
        else
            qCWarning(lcConversation) << "stream" << m_streamSid << "start says" << e.sampleRate << "Hz; using the requested" << m_sampleRate;
    }
    m_key.customToken = e.customParameters.value(QStringLiteral("lc")).toString();
    m_key.callSid = e.callSid;
    m_mediaStartUs = m_timers.elapsedUs();
    m_phase = Phase::Correlating;
    // TCP/TLS to the vendors now, while the call is matched: the greeting's and the first
    // reply's requests find their connections open.
    m_llm->warmUp();
    m_tts->warmUp();
    m_recorder.lookup(m_key, this, [this, callSid = e.callSid](Result<CallContext> ctx) {
        if (m_phase != Phase::Correlating)
            return;
        if (!ctx) {
            qCWarning(lcConversation) << "stream" << m_streamSid << "call_sid" << callSid
                                      << "matches no open call:" << ctx.error().message << "- closing";
            m_phase = Phase::Closed;
            m_finished = true;
            m_transport.close(1008, QStringLiteral("unknown call"));
            emit ended(0);
            return;
        }
        m_recorder.callAnswered(ctx->callId, m_streamSid, callSid, m_clock.nowMs());
        beginConversation(ctx.value());
    });
}

void CallSession::beginConversation(const CallContext &ctx)
{
    m_ctx = ctx;
    m_brief.begin(ctx);
    m_phase = Phase::Active;
    m_callerLanguage = normalizeLanguage(ctx.leadLanguage, normalizeLanguage(ctx.campaignLanguage));
    m_leadLanguage = m_callerLanguage;
    Providers::SttOptions opts;
    opts.sampleRate = m_sampleRate;
    opts.language = m_callerLanguage == QLatin1String("hi") ? QStringLiteral("multi") : QStringLiteral("en-IN");
    m_stt->start(opts);
    m_speech.setStream(m_streamSid, m_sampleRate);
    if (m_tts->sampleRate() != m_sampleRate)
        m_ttsResampler = std::make_unique<Audio::Resampler>(m_tts->sampleRate(), m_sampleRate);
    m_maxDurationTimer->start(m_cfg.maxDurationMs);
    qCInfo(lcConversation) << "call" << m_ctx.callId << "live on stream" << m_streamSid << "language" << m_callerLanguage;

    if (m_handoffDesk)
        m_handoffDesk->checkEnabled(m_ctx.campaignId, this, [this](bool on) { m_handoff.setAvailable(on); });
    const QString lang = replyLanguage();
    m_history.append({QStringLiteral("system"), systemPrompt(m_ctx, lang)});
    const QString hello = greeting(m_ctx, lang);
    m_history.append({QStringLiteral("assistant"), hello});
    m_firstFrameOfReply = false; // the greeting is not a reply: no latency sample
    m_screening.start(m_ctx.callId, m_stt->grammarConstrained()); // classify while the greeting plays: no added latency for people
    if (!speakPrepared(hello)) // synthesised while the phone rang, else now
        speak(hello);
    // What the caller said while the call was being matched, in 20 ms frames as it came.
    const QByteArray early = std::exchange(m_earlyAudio, {});
    const qsizetype frame = 20 * Audio::bytesPerMs(m_sampleRate);
    for (qsizetype at = 0; at < early.size() && m_phase == Phase::Active; at += frame) {
        MediaEvent media;
        media.type = MediaEvent::Type::Media;
        media.pcm = early.mid(at, frame);
        handleMedia(media);
    }
}

void CallSession::handleMedia(const MediaEvent &e)
{
    if (m_phase == Phase::AwaitingStart) {
        if (!m_loggedEarlyMedia) {
            m_loggedEarlyMedia = true;
            qCWarning(lcConversation) << "media before start: ignored until the stream starts";
        }
        return;
    }
    if (e.pcm.isEmpty())
        return;
    if (m_phase == Phase::Correlating) {
        // The call is being matched to its row: keep what the caller says meanwhile (bounded);
        // beginConversation() plays it into the recogniser and the VAD.
        if (m_earlyAudio.size() < kMaxEarlyAudioMs * Audio::bytesPerMs(m_sampleRate))
            m_earlyAudio.append(e.pcm);
        return;
    }
    if (m_phase == Phase::Active || m_phase == Phase::Ending)
        m_stt->pushAudio(e.pcm);
    const auto ev = m_vad.feed(e.pcm, m_sampleRate);
    if (m_phase != Phase::Active)
        return;
    if (m_screening.enabled() && screenAudio(e.pcm))
        return;
    if (ev == Audio::EnergyVad::Event::SpeechStarted) {
        m_silenceTimer->stop();
        if (m_callerStartMs < 0)
            m_callerStartMs = m_vad.segmentStartMs();
        emit activity(m_ctx.callId, QStringLiteral("listening"), QString(), QString());
    } else if (ev == Audio::EnergyVad::Event::SpeechEnded) {
        m_callerEndMs = m_vad.positionMs();
        m_stt->finalize();
    }
    // Barge-in: the caller has talked over the agent for longer than a backchannel, and is still
    // talking (not the VAD's hangover after a turn the recogniser already ended).
    if (m_vad.inSpeech() && m_vad.speechMs() >= m_cfg.bargeInSpeechMs && m_vad.positionMs() - m_vad.lastSpeechEndMs() <= 40
        && (agentSpeaking() || m_llmActive))
        bargeIn();
    if (m_spec.running() && m_vad.lastSpeechEndMs() != m_spec.lastWordMs())
        dropSpeculation(); // the caller went on: that was a pause, not the end of the turn
    maybeSpeculate();
}

void CallSession::handleDtmf(const MediaEvent &e)
{
    static const QString keypad = QStringLiteral("0123456789*#ABCD");
    if (e.digit.size() != 1 || !keypad.contains(e.digit)) { // never a turn, never to the LLM
        noteBadFrame(QStringLiteral("invalid DTMF digit \"%1\"").arg(e.digit.left(8)));
        return;
    }
    if (m_phase != Phase::Active)
        return;
    qCInfo(lcConversation) << "call" << m_ctx.callId << "DTMF" << e.digit;
    recordTurn(QStringLiteral("dtmf"), e.digit, callMs(), callMs() + e.durationMs, false, -1, -1, -1);
    m_history.append({QStringLiteral("user"), QStringLiteral("(the caller pressed %1 on the keypad)").arg(e.digit)});
}

void CallSession::handleMark(const QString &name)
{
    m_speech.markEchoed(name);
    for (const Sentence &s : std::as_const(m_agentSentences)) {
        if (name == QStringLiteral("s%1").arg(s.id) && !m_playedSentences.contains(s.text))
            m_playedSentences.append(s.text);
    }
    if (m_closingAfterSpeech && !m_speech.marksPending() && !m_speech.hasQueued() && !agentSpeaking())
        finishNow(QStringLiteral("completed"));
}

// ---------------------------------------------------------------- caller turn

void CallSession::onTranscript(const QString &text, bool isFinal, const QString &language)
{
    if (drainTranscript(text, isFinal))
        return;
    if (m_phase != Phase::Active || text.trimmed().isEmpty())
        return;
    actOnScreening(m_screening.feedTranscript(text, isFinal, m_outcome));
    if (m_phase != Phase::Active || m_screening.awaitingBeep())
        return;
    m_callerTurn.noteTranscriptAt(m_vad.positionMs());
    if (!isFinal) {
        m_callerTurn.setInterim(text);
        refreshSpeculation();
        // A clear, non-backchannel interim over the agent is barge-in even before 400 ms.
        if (agentSpeaking() && m_vad.inSpeech() && !isBackchannel(text) && text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() >= 3)
            bargeIn();
        emit activity(m_ctx.callId, QStringLiteral("listening"), QStringLiteral("caller"), text);
        return;
    }
    m_callerSpoke = true;
    m_callerTurn.addFinal(text); // the final replaces the interims of its span
    // Follow the caller's language, unless the recogniser cannot hear the lead's language at all:
    // then its text (an English-only model on Hindi speech) says nothing about what was spoken.
    const QStringList heard = m_stt->languages();
    const bool sttHearsLead = heard.isEmpty() || heard.contains(m_leadLanguage.left(2));
    const QString detected = detectLanguage(text, language);
    if (!detected.isEmpty() && sttHearsLead)
        m_callerLanguage = detected; // "en", "hi" or "hi-Latn" (Hinglish)
    refreshSpeculation();
}

void CallSession::onEndOfSpeech()
{
    if (m_draining) {
        finishDrain();
        return;
    }
    if (m_phase != Phase::Active)
        return;
    m_callerTurn.clearInterim();
    if (m_callerTurn.isEmpty()) {
        dropSpeculation();
        // Nothing made out: the next turn starts with the next speech, not with this noise.
        m_callerStartMs = m_vad.inSpeech() ? m_vad.segmentStartMs() : -1;
        m_callerEndMs = -1;
        // Speech nobody could make out: keep waiting, but not forever.
        if (!agentSpeaking() && !m_llmActive)
            m_silenceTimer->start(m_cfg.silenceTimeoutMs);
        return;
    }
    const qint64 now = wallUs();
    const QString text = m_callerTurn.take();
    const qint64 start = m_callerStartMs >= 0 ? m_callerStartMs : callMs();
    const qint64 end = m_callerEndMs >= start ? m_callerEndMs : callMs();
    // The end-of-speech wait: from when the caller stopped (the VAD's last loud frame, whether
    // the recogniser or the VAD noticed first) to this event.
    const qint64 spokeUntil = m_vad.lastSpeechEndMs();
    const int sttMs = spokeUntil >= 0 ? int(qMax<qint64>(0, callMs() - spokeUntil)) : -1;
    m_callerStartMs = -1;
    m_callerEndMs = -1;

    if (agentSpeaking() && isBackchannel(text)) {
        // "haan", "hmm", "ji": the caller is listening; keep talking.
        dropSpeculation();
        recordTurn(QStringLiteral("caller"), text, start, end, false, sttMs, -1, -1);
        return;
    }
    recordTurn(QStringLiteral("caller"), text, start, end, false, sttMs, -1, -1);
    emit activity(m_ctx.callId, QStringLiteral("thinking"), QStringLiteral("caller"), text);
    m_history.append({QStringLiteral("user"), text});

    if (isOptOut(text)) {
        dropSpeculation();
        endCall(QStringLiteral("do_not_call"), QJsonObject{{QStringLiteral("opt_out_phrase"), text}},
                goodbyeLine(QStringLiteral("do_not_call"), replyLanguage()));
        return;
    }
    m_speechEndWallMs = now - qint64(qMax(0, sttMs)) * 1000; // latency counts from the caller's last word
    m_sttWaitMs = sttMs;
    if (!confirmSpeculation(text))
        respond();
}

Providers::LlmRequest CallSession::buildRequest(const QList<Providers::ChatMessage> &history) const
{
    Providers::LlmRequest req;
    req.messages = history;
    // Keep the system prompt's language instruction current with the caller's language.
    if (!req.messages.isEmpty() && req.messages.first().role == QLatin1String("system"))
        req.messages.first().content = systemPrompt(m_ctx, replyLanguage()) + (m_handoff.available() ? handoffInstructions() : QString());
    req.tools = callTools(m_handoff.available());
    if (m_screening.navigating()) { // a phone menu answered (SCREENING_IVR=navigate): keys instead of words
        req.tools = Screening::ivrTools(req.tools);
        if (!req.messages.isEmpty() && req.messages.first().role == QLatin1String("system"))
            req.messages.first().content += Screening::ivrInstructions();
    }
    req.context = QJsonObject{{QStringLiteral("name"), m_ctx.leadName}, {QStringLiteral("language"), replyLanguage()},
                              {QStringLiteral("city"), m_ctx.city}, {QStringLiteral("property_type"), m_ctx.propertyType},
                              {QStringLiteral("timezone"), m_ctx.timezone}};
    m_brief.prepare(req, replyLanguage(), m_clock.now()); // the project brief, its tools and slots
    return req;
}

void CallSession::beginReply()
{
    m_screening.newLlmTurn();
    m_sentences = std::make_unique<Language::SentenceSplitter>();
    m_sentences->setFirstClauseWords(1); // "Ji," / "Wonderful," goes to TTS at once
    m_agentSentences.clear();
    m_playedSentences.clear();
    m_agentTurnText.clear();
    m_agentTurnStartMs = -1;
    m_llmActive = true;
    m_llmStartedMs = wallUs();
    m_llmFirstTokenMs = -1;
    m_firstFrameOfReply = true;
}

void CallSession::respond()
{
    if (m_outcome.decided() || m_closingAfterSpeech || m_handoff.requested())
        return;
    beginReply();
    m_llm->request(buildRequest(m_history));
    if (m_cfg.thinkingFillerMs > 0)
        m_thinkingTimer->start(m_cfg.thinkingFillerMs);
}

void CallSession::onThinkingTooLong()
{
    // Nothing of the reply yet (the model is retrying, or slow): a short filler, once a turn.
    if (m_phase != Phase::Active || !m_llmActive || !m_agentSentences.isEmpty() || m_closingAfterSpeech || m_voiceLost)
        return;
    qCInfo(lcConversation) << "call" << m_ctx.callId << "reply slow to come: saying a filler";
    speak(thinkingFillerLine(replyLanguage()));
}

// ---------------------------------------------------------------- speculative reply

void CallSession::refreshSpeculation()
{
    // New words while a speculative reply runs: it answers the wrong words; start over on these.
    if (m_spec.answersOtherWords(m_callerTurn.wordsSoFar()))
        dropSpeculation();
    maybeSpeculate();
}

void CallSession::maybeSpeculate()
{
    if (!m_spec.enabled() || m_spec.running() || m_llmActive || m_phase != Phase::Active)
        return;
    if (m_outcome.decided() || m_closingAfterSpeech || m_handoff.requested() || m_screening.navigating() || m_screening.awaitingBeep()
        || m_voiceLost || m_callerStartMs < 0 || agentSpeaking())
        return;
    const qint64 lastWord = m_vad.lastSpeechEndMs();
    if (!m_spec.due(lastWord, m_vad.positionMs(), m_callerTurn.lastTranscriptAtMs()))
        return;
    const QString said = m_callerTurn.wordsSoFar();
    if (!m_spec.worthTrying(said))
        return;
    // The caller has likely finished: think while the recogniser confirms. What comes back is
    // held (no word spoken, no tool run) until the turn is confirmed with the same words.
    QList<Providers::ChatMessage> history = m_history;
    history.append({QStringLiteral("user"), said});
    m_spec.start(said, lastWord);
    m_llm->request(buildRequest(history));
}

bool CallSession::holdForSpeculation(std::function<void()> event) { return m_spec.hold(std::move(event)); }

void CallSession::dropSpeculation() { m_spec.drop(); }

bool CallSession::confirmSpeculation(const QString &callerText)
{
    const bool mayReply = !m_outcome.decided() && !m_closingAfterSpeech && !m_handoff.requested();
    std::optional<Speculation::Confirmed> spec = m_spec.confirm(callerText, mayReply);
    if (!spec)
        return false;
    beginReply();
    m_llmStartedMs = spec->startedUs;
    for (const auto &event : std::as_const(spec->held)) {
        if (m_phase == Phase::Closed)
            break;
        event();
    }
    if (spec->firstTokenUs >= 0)
        m_llmFirstTokenMs = int((spec->firstTokenUs - spec->startedUs) / 1000);
    if (m_cfg.thinkingFillerMs > 0 && m_llmActive && m_agentSentences.isEmpty())
        m_thinkingTimer->start(m_cfg.thinkingFillerMs);
    return true;
}

void CallSession::onLlmToken(const QString &text)
{
    m_spec.noteToken(text);
    if (holdForSpeculation([this, text] { onLlmToken(text); }))
        return;
    if (!m_llmActive)
        return;
    if (m_llmFirstTokenMs < 0)
        m_llmFirstTokenMs = int((wallUs() - m_llmStartedMs) / 1000);
    m_agentTurnText += text;
    for (const QString &s : m_sentences->feed(text))
        speak(s);
}

void CallSession::onLlmTextDone()
{
    if (holdForSpeculation([this] { onLlmTextDone(); }))
        return;
    if (!m_llmActive)
        return;
    // The words are all here while a tool call still streams: say them now.
    const QString rest = m_sentences->flush();
    if (!rest.isEmpty())
        speak(rest);
}

void CallSession::onLlmToolCall(const QString &name, const QJsonObject &args)
{
    if (holdForSpeculation([this, name, args] { onLlmToolCall(name, args); }))
        return; // never run a tool for a turn that is not confirmed
    if (m_brief.handleTool(name, args, m_turnIndex - 1, m_clock.now()))
        return;
    if (name == QLatin1String("press_digits")) {
        pressDigits(args);
        return;
    }
    if (name == QLatin1String("transfer_to_agent")) {
        if (!m_handoff.askTransfer(args))
            qCWarning(lcConversation) << "call" << m_ctx.callId << "LLM asked for a transfer, but handoff is not available here";
        return;
    }
    if (name != QLatin1String("end_call")) {
        qCWarning(lcConversation) << "call" << m_ctx.callId << "LLM called unknown tool" << name;
        return;
    }
    m_outcome.applyEndCall(args, m_turnIndex - 1);
}

void CallSession::onLlmFinished()
{
    if (holdForSpeculation([this] { onLlmFinished(); }))
        return;
    if (!m_llmActive)
        return;
    m_llmActive = false;
    if (m_voiceLost) { // nothing can be said any more; the turn's outcome and fields are in
        finishNow(QStringLiteral("completed"));
        return;
    }
    const QString rest = m_sentences->flush();
    if (!rest.isEmpty())
        speak(rest);
    // The model sees its own replies next turn (barge-in trims this to what was heard).
    QString said = m_agentTurnText.trimmed();
    if (const QString line = m_brief.afterTurn(said, m_history, m_turnIndex - 1, replyLanguage(), m_clock.now()); !line.isEmpty()) {
        speak(line); // the system's word on a booking or a brochure
        said += (said.isEmpty() ? QString() : QStringLiteral(" ")) + line;
        m_agentTurnText += QLatin1Char(' ') + line;
    }
    if (!said.isEmpty())
        m_history.append({QStringLiteral("assistant"), said});
    m_speech.pump(); // the reply is complete: its last chunk may go out short
    if (m_handoff.transferAsked() && !m_handoff.requested()) {
        m_agentTurnText.clear();
        startHandoff();
        return;
    }
    if (m_outcome.decided()) {
        const bool saidSomething = !m_agentTurnText.trimmed().isEmpty();
        m_agentTurnText.clear();
        endCall(m_outcome.outcome(), m_outcome.fields(), m_outcome.closingLineAfterTurn(saidSomething, replyLanguage()));
    } else if (m_agentTurnText.trimmed().isEmpty() && !m_screening.pressedThisTurn()) {
        qCWarning(lcConversation) << "call" << m_ctx.callId << "LLM returned nothing; nudging";
        speak(nudgeLine(replyLanguage()));
    }
}

void CallSession::onLlmFailed(const Error &e)
{
    if (m_spec.running()) { // the confirmed turn asks again
        dropSpeculation();
        return;
    }
    m_llmActive = false;
    qCWarning(lcConversation) << "call" << m_ctx.callId << "LLM failed:" << e.message;
    countVendorError(QStringLiteral("llm"), m_llm->name(), e);
    m_outcome.noteFailure(QStringLiteral("llm"), e.message);
    if (m_voiceLost) {
        finishNow(QStringLiteral("completed"));
        return;
    }
    endCall(m_outcome.failureOutcome(), {}, apologyLine(replyLanguage()));
}

// ---------------------------------------------------------------- agent speech

void CallSession::speak(const QString &sentence)
{
    if (sentence.trimmed().isEmpty() || m_phase == Phase::Closed || m_voiceLost)
        return;
    Providers::TtsOptions opts;
    opts.language = replyLanguage();
    // Amounts are spoken the Indian way ("पचास लाख", "one crore fifty lakh"); the transcript keeps
    // the sentence as written.
    const auto lang = opts.language == QLatin1String("hi") ? Language::IndianNumberSpeller::Lang::Hindi
                                                           : Language::IndianNumberSpeller::Lang::English;
    const QString spoken = Language::IndianNumberSpeller::spellAmountsInText(sentence, lang);
    QString cacheKey;
    if (m_phrases && m_phrases->cacheable(spoken)) {
        cacheKey = PhraseCache::key(m_tts->name(), m_tts->sampleRate(), opts.language, spoken);
        // Its audio may go out now only if nothing said before it is still arriving.
        const bool inOrder = std::all_of(m_agentSentences.cbegin(), m_agentSentences.cend(), [](const Sentence &x) { return x.ttsDone; });
        if (inOrder) {
            if (const auto pcm = m_phrases->find(cacheKey)) {
                speakAudio(sentence, *pcm);
                return;
            }
        }
    }
    Sentence s;
    s.id = m_nextSentenceId++;
    s.text = sentence;
    s.requestedWallMs = wallUs();
    s.cacheKey = cacheKey;
    m_agentSentences.append(s);
    m_tts->synthesize(s.id, spoken, opts);
    emit activity(m_ctx.callId, QStringLiteral("speaking"), QStringLiteral("agent"), sentence);
}

bool CallSession::speakPrepared(const QString &line)
{
    if (!m_greetings)
        return false;
    const std::optional<PreparedGreeting> g = m_greetings->take(m_ctx.callId);
    if (!g || g->text != line || g->sampleRate != m_tts->sampleRate())
        return false;
    qCDebug(lcConversation) << "call" << m_ctx.callId << "greets with audio prepared while the phone rang";
    speakAudio(line, g->pcm);
    return true;
}

void CallSession::speakAudio(const QString &line, const QByteArray &pcm)
{
    // As if this session's TTS had answered at once: the same sentence, resampling and marks.
    Sentence s;
    s.id = m_nextSentenceId++;
    s.text = line;
    s.requestedWallMs = wallUs();
    m_agentSentences.append(s);
    emit activity(m_ctx.callId, QStringLiteral("speaking"), QStringLiteral("agent"), line);
    onTtsAudio(s.id, pcm);
    onTtsDone(s.id);
}

void CallSession::onTtsAudio(int requestId, const QByteArray &pcm)
{
    Sentence *s = nullptr;
    for (Sentence &x : m_agentSentences)
        if (x.id == requestId)
            s = &x;
    if (!s)
        return; // cancelled by barge-in
    if (s->firstAudioWallMs < 0)
        s->firstAudioWallMs = wallUs();
    if (!s->cacheKey.isEmpty())
        s->ttsPcm.append(pcm);
    m_speech.append(m_ttsResampler ? m_ttsResampler->process(pcm) : pcm);
    m_speech.pump();
}

void CallSession::onTtsDone(int requestId)
{
    for (Sentence &s : m_agentSentences) {
        if (s.id != requestId)
            continue;
        s.ttsDone = true;
        // Kept for the next reply that opens with it: the vendor's own voice, answered well
        // before any filler could have been mixed in.
        if (m_phrases && !s.cacheKey.isEmpty() && !s.degraded && s.firstAudioWallMs >= 0
            && s.firstAudioWallMs - s.requestedWallMs < kCacheableFirstAudioUs)
            m_phrases->store(s.cacheKey, std::exchange(s.ttsPcm, {}));
        if (m_ttsResampler)
            m_speech.append(m_ttsResampler->flush());
        // The mark goes out after the last byte of this sentence.
        m_speech.markHere(QStringLiteral("s%1").arg(s.id));
    }
    m_speech.pump();
}

void CallSession::onTtsFailed(int requestId, const Error &e)
{
    qCWarning(lcConversation) << "call" << m_ctx.callId << "TTS failed for sentence" << requestId << ":" << e.message;
    countVendorError(QStringLiteral("tts"), m_tts->name(), e);
    m_outcome.noteFailure(QStringLiteral("tts"), e.message);
    // The provider retried and its spare voice (if any) failed too: nothing more can be said.
    // The sentence is dropped (it was never heard); the call ends, but a reply still streaming
    // may carry end_call, so its outcome and fields are waited for (bounded) and kept.
    for (qsizetype i = 0; i < m_agentSentences.size(); ++i)
        if (m_agentSentences.at(i).id == requestId)
            m_agentSentences.removeAt(i--);
    m_voiceLost = true;
    if (m_llmActive && m_phase == Phase::Active) {
        m_silenceTimer->stop();
        m_closeTimer->start(kVoiceLostLlmWaitMs);
        return;
    }
    finishNow(QStringLiteral("completed"));
}

bool CallSession::agentSpeaking() const
{
    if (m_speech.audible())
        return true;
    for (const Sentence &s : m_agentSentences)
        if (!s.ttsDone)
            return true;
    return false;
}

bool CallSession::replyComplete() const
{
    if (m_llmActive)
        return false;
    for (const Sentence &s : std::as_const(m_agentSentences))
        if (!s.ttsDone)
            return false;
    return true;
}

void CallSession::onChunkLeaving(qint64 nowUs, qint64 readyUs)
{
    if (m_firstFrameOfReply && m_speechEndWallMs >= 0) {
        m_firstFrameOfReply = false;
        // Vendor time: LLM until the first sentence, then TTS until a frame's worth of audio.
        m_stats.responseLatencyUs.append(nowUs - m_speechEndWallMs);
        m_replyMs = int((nowUs - m_speechEndWallMs) / 1000); // stored with the agent turn
        m_stats.vendorLatencyUs.append(qMax<qint64>(0, readyUs - m_llmStartedMs));
        m_stats.endOfSpeechWaitUs.append(qint64(qMax(0, m_sttWaitMs)) * 1000);
        if (m_llmFirstTokenMs >= 0)
            m_stats.llmFirstTokenUs.append(qint64(m_llmFirstTokenMs) * 1000);
        if (!m_agentSentences.isEmpty() && m_agentSentences.first().firstAudioWallMs >= 0)
            m_stats.ttsFirstAudioUs.append(m_agentSentences.first().firstAudioWallMs - m_agentSentences.first().requestedWallMs);
        m_agentTurnStartMs = callMs();
    }
    if (m_agentTurnStartMs < 0)
        m_agentTurnStartMs = callMs();
}

void CallSession::onSpeechDrained(qint64 remaining)
{
    // Everything said: close the agent turn when it has played out.
    if (!m_agentSentences.isEmpty() && m_agentTurnStartMs >= 0) {
        QStringList texts;
        for (const Sentence &s : std::as_const(m_agentSentences))
            texts << s.text;
        const Sentence &first = m_agentSentences.first();
        const int ttsMs = first.firstAudioWallMs >= 0 ? int((first.firstAudioWallMs - first.requestedWallMs) / 1000) : -1;
        recordTurn(QStringLiteral("agent"), texts.join(QLatin1Char(' ')), m_agentTurnStartMs, callMs() + remaining, false,
                   -1, m_llmFirstTokenMs, ttsMs);
        m_agentSentences.clear();
        m_agentTurnStartMs = -1;
    }
    if (m_closingAfterSpeech) {
        // Wait for the last mark; Exotel may never echo it, so bound the wait.
        m_closeTimer->start(int(remaining) + m_cfg.goodbyeGraceMs);
    } else if (m_phase == Phase::Active) {
        m_silenceTimer->start(int(remaining) + m_cfg.silenceTimeoutMs);
    }
}

void CallSession::bargeIn()
{
    qCInfo(lcConversation) << "call" << m_ctx.callId << "barge-in at" << callMs() << "ms";
    const bool audioOut = m_speech.clearPlayback();
    dropSpeculation();
    m_llm->cancel();
    m_tts->cancel();
    m_llmActive = false;
    // The model's history keeps only what the caller heard in full; the transcript also shows
    // the sentence the caller cut off, ending in "…" (the turn is stored as interrupted).
    QString heard = m_playedSentences.join(QLatin1Char(' '));
    if (!m_agentSentences.isEmpty() && m_agentTurnStartMs >= 0) {
        QString transcript = heard;
        if (audioOut) {
            for (const Sentence &sentence : std::as_const(m_agentSentences)) {
                if (m_playedSentences.contains(sentence.text))
                    continue;
                QString cut = sentence.text.trimmed();
                while (!cut.isEmpty() && QStringLiteral(".!?,;:\u0964\u0965").contains(cut.back()))
                    cut.chop(1);
                if (!cut.isEmpty())
                    transcript += (transcript.isEmpty() ? QString() : QStringLiteral(" ")) + cut + QStringLiteral("\u2026");
                break;
            }
        }
        recordTurn(QStringLiteral("agent"), transcript, m_agentTurnStartMs, callMs(), true, -1, m_llmFirstTokenMs, -1);
    }
    if (!m_history.isEmpty() && m_history.last().role == QLatin1String("assistant"))
        m_history.last().content = heard;
    else if (!heard.isEmpty())
        m_history.append({QStringLiteral("assistant"), heard});
    m_agentSentences.clear();
    m_playedSentences.clear();
    m_agentTurnText.clear();
    m_agentTurnStartMs = -1;
    m_speech.reset(); // the queued audio, marks and playback run; the pump is cancelled
    m_sentences = std::make_unique<Language::SentenceSplitter>();
    if (m_ttsResampler)
        m_ttsResampler = std::make_unique<Audio::Resampler>(m_tts->sampleRate(), m_sampleRate);
    emit activity(m_ctx.callId, QStringLiteral("listening"), QString(), QString());
}

// ---------------------------------------------------------------- call screening

bool CallSession::screenAudio(const QByteArray &pcm)
{
    actOnScreening(m_screening.feedAudio(pcm, m_sampleRate, m_outcome));
    return m_phase != Phase::Active || m_screening.holdsAudio();
}

void CallSession::actOnScreening(CallScreening::Step step)
{
    using Step = CallScreening::Step;
    if (step == Step::None || step == Step::Converse)
        return;
    if (CallScreening::machineVerdict(step)) {
        // Nobody is listening: stop talking (the unit decided the outcome, or navigates the menu).
        if (agentSpeaking() || m_llmActive)
            bargeIn();
        m_silenceTimer->stop();
    }
    switch (step) {
    case Step::LeaveMessage:
    case Step::VoicemailNow:
        leaveVoicemailMessage();
        break;
    case Step::HangUp:
        finishNow(QStringLiteral("completed"));
        break;
    default: // Navigate, AwaitBeep: the audio and the LLM go on as the unit says
        break;
    }
}

void CallSession::leaveVoicemailMessage()
{
    const QString message = m_screening.takeVoicemailMessage(replyLanguage(), m_ctx, m_outcome);
    endCall(QStringLiteral("voicemail"), {}, message);
}

void CallSession::pressDigits(const QJsonObject &args)
{
    const QString keys = m_screening.pressDigits(args, m_outcome);
    if (keys.isEmpty())
        return; // not navigating, no key, or the press budget is spent (outcome "ivr")
    const QByteArray tones = Screening::dtmfAudio(keys, m_sampleRate);
    const QString text = QStringLiteral("(pressed %1)").arg(keys);
    recordTurn(QStringLiteral("agent"), text, callMs(), callMs() + Audio::durationMs(tones.size(), m_sampleRate), false, -1, -1, -1);
    m_history.append({QStringLiteral("assistant"), text});
    m_speech.append(tones);
    m_speech.padToFrame();
    m_speech.pump();
}

// ---------------------------------------------------------------- ending

void CallSession::onSilenceTimeout()
{
    if (m_phase != Phase::Active || agentSpeaking() || m_llmActive || m_screening.awaitingBeep())
        return;
    if (m_nudges++ == 0) {
        m_history.append({QStringLiteral("assistant"), nudgeLine(replyLanguage())});
        speak(nudgeLine(replyLanguage()));
        return;
    }
    endCall(m_callerSpoke ? QStringLiteral("incomplete") : QStringLiteral("no_response"), m_outcome.fields(),
            goodbyeLine(QStringLiteral("no_response"), replyLanguage()));
}

void CallSession::endCall(const QString &outcome, const QJsonObject &fields, const QString &closingLine)
{
    if (m_phase != Phase::Active)
        return;
    m_phase = Phase::Ending;
    m_silenceTimer->stop();
    if (!outcome.isEmpty())
        m_outcome.decide(outcome);
    m_outcome.mergeFields(fields);
    m_closingAfterSpeech = true;
    if (!closingLine.isEmpty()) {
        m_history.append({QStringLiteral("assistant"), closingLine});
        speak(closingLine);
    } else if (!agentSpeaking()) {
        m_closeTimer->start(m_cfg.goodbyeGraceMs);
    }
    if (!agentSpeaking() && closingLine.isEmpty())
        m_speech.pump();
}

void CallSession::hangUp(const QString &reason)
{
    qCInfo(lcConversation) << "call" << m_ctx.callId << "hung up by supervisor:" << reason;
    m_outcome.setField(QStringLiteral("hung_up_by"), reason);
    m_outcome.decideIfOpen(QStringLiteral("incomplete"));
    finishNow(QStringLiteral("completed"));
}

void CallSession::onTransportClosed()
{
    if (m_phase == Phase::Closed || m_draining)
        return;
    if (m_phase == Phase::Active || m_phase == Phase::Ending) {
        qCInfo(lcConversation) << "call" << m_ctx.callId << "socket closed";
        if (finalizeRecogniser())
            return; // finishDrain() closes the call
    }
    finishNow(QStringLiteral("completed"));
}

bool CallSession::finalizeRecogniser()
{
    // Nothing more can be played; the recogniser may still hold what the caller said last
    // (Deepgram answers a Finalize after the audio stopped). Bounded: sttDrainMs at most.
    if (m_callerStartMs < 0 && !m_vad.inSpeech() && m_callerTurn.isEmpty())
        return false; // the caller said nothing since their last turn: nothing to wait for
    m_draining = true;
    m_phase = Phase::Ending;
    stopTalking();
    m_stt->finalize();
    m_drainStartUs = m_timers.elapsedUs();
    m_drainTimer->start(m_cfg.sttDrainMs);
    return true;
}

void CallSession::stopTalking()
{
    m_speech.cancelPump();
    m_silenceTimer->stop();
    m_maxDurationTimer->stop();
    m_closeTimer->stop();
    m_thinkingTimer->stop();
    m_llm->cancel();
    m_tts->cancel();
}

bool CallSession::drainTranscript(const QString &text, bool isFinal)
{
    if (!m_draining)
        return false;
    const QString t = text.trimmed();
    if (t.isEmpty())
        return true;
    if (!isFinal) {
        m_drainInterim = t;
        return true;
    }
    m_drainInterim.clear();
    m_callerSpoke = true;
    m_callerTurn.appendFinal(t);
    // A final result: give a split utterance's next piece a moment, within the bound.
    const qint64 left = qMax(qint64(0), qint64(m_cfg.sttDrainMs) - (m_timers.elapsedUs() - m_drainStartUs) / 1000);
    m_drainTimer->start(int(qMin(left, qint64(250))));
    return true;
}

void CallSession::finishDrain()
{
    if (!m_draining || m_finished)
        return;
    if (m_callerTurn.isEmpty() && !m_drainInterim.isEmpty()) {
        m_callerTurn.setFinals(m_drainInterim); // what the recogniser had heard so far beats nothing
        m_callerSpoke = true;
    }
    qCInfo(lcConversation) << "call" << m_ctx.callId << "recogniser finalized after" << (m_timers.elapsedUs() - m_drainStartUs) / 1000 << "ms";
    finishNow(QStringLiteral("completed"));
}

void CallSession::noteBadFrame(const QString &why)
{
    ++m_stats.malformedFrames;
    // Rate-limited per subject: the call's first bad frame is logged even right after one of
    // the same socket before the call was known.
    if (m_badFrameLogFor == m_ctx.callId && m_badFrameLogUs >= 0
        && m_timers.elapsedUs() - m_badFrameLogUs < qint64(m_cfg.badFrameLogIntervalMs) * 1000) {
        ++m_badFramesUnlogged;
        return;
    }
    const QString who = m_ctx.callId > 0 ? QStringLiteral("call %1 stream %2").arg(m_ctx.callId).arg(m_streamSid)
                        : m_streamSid.isEmpty() ? QStringLiteral("media socket (before start)")
                                                : QStringLiteral("stream %1 (call not yet known)").arg(m_streamSid);
    qCWarning(lcConversation).noquote() << who << "dropped a bad frame:" << why
                                        << QStringLiteral("(%1 so far; %2 more since the last warning)")
                                               .arg(m_stats.malformedFrames).arg(m_badFramesUnlogged);
    m_badFramesUnlogged = 0;
    m_badFrameLogFor = m_ctx.callId;
    m_badFrameLogUs = m_timers.elapsedUs();
}

void CallSession::finishNow(const QString &status)
{
    if (m_finished)
        return;
    m_finished = true;
    const Phase was = m_phase;
    m_phase = Phase::Closed;
    m_speech.close();
    const QString finalStatus = OutcomeDraft::finalStatus(status, m_handoff.transferring()); // Exotel moves on to Passthru
    stopTalking();
    m_stt->stop();
    if (was == Phase::AwaitingStart || was == Phase::Correlating || m_ctx.callId == 0) {
        m_transport.close(1000, QStringLiteral("ended"));
        emit ended(0);
        return;
    }
    // The caller's last words, if the socket closed before their turn ended.
    if (!m_callerTurn.isEmpty()) {
        const qint64 start = m_callerStartMs >= 0 ? m_callerStartMs : callMs();
        recordTurn(QStringLiteral("caller"), m_callerTurn.take(), start, callMs(), false, -1, -1, -1);
    }
    if (!m_agentSentences.isEmpty() && m_agentTurnStartMs >= 0) {
        QStringList texts;
        for (const Sentence &s : std::as_const(m_agentSentences))
            texts << s.text;
        recordTurn(QStringLiteral("agent"), texts.join(QLatin1Char(' ')), m_agentTurnStartMs, callMs(), false, -1, m_llmFirstTokenMs, -1);
    }
    m_screening.finishCall(m_outcome); // a verdict from what was heard; a machine's or a menu's outcome
    if (m_voiceLost)
        m_outcome.decideIfOpen(QStringLiteral("technical_failure")); // no voice and no result: call again
    Storage::CallOutcome out = m_outcome.toStored(m_callerSpoke, m_callerLanguage, m_stats.malformedFrames);
    applyExtraction(out, m_ctx, m_clock.now());
    m_brief.finish(out, m_clock.now());
    if (out.callbackAt == 0 && m_handoff.callbackAtMs() > 0)
        out.callbackAt = m_handoff.callbackAtMs();
    if (out.outcome == QLatin1String("do_not_call") && !m_ctx.phoneE164.isEmpty()) {
        // The DNC list is permanent: only a person's opt-out, heard on evidence, goes on it.
        const bool person = m_screening.enabled() ? m_screening.mayAddToDnc() : !m_stt->grammarConstrained();
        if (person) {
            m_recorder.addDnc(m_ctx.phoneE164, QStringLiteral("call %1").arg(m_ctx.callId));
        } else {
            out.fields.insert(QStringLiteral("dnc_skipped"), m_stt->grammarConstrained() ? QStringLiteral("offline recogniser: the words are not proof")
                                                                                     : QStringLiteral("screened as %1").arg(m_screening.label()));
            qCInfo(lcConversation) << "call" << m_ctx.callId << "opt-out not added to the DNC list:" << out.fields.value(QStringLiteral("dnc_skipped")).toString();
        }
    }
    m_recorder.finishCall(m_ctx.callId, out, finalStatus, m_clock.nowMs());
    qCInfo(lcConversation) << "call" << m_ctx.callId << "ended with outcome" << out.outcome;
    m_transport.close(1000, QStringLiteral("call ended"));
    emit activity(m_ctx.callId, QStringLiteral("ended"), QString(), out.outcome);
    emit ended(m_ctx.callId);
}

void CallSession::recordTurn(const QString &speaker, const QString &text, qint64 startMs, qint64 endMs, bool interrupted,
                             int sttMs, int llmMs, int ttsMs)
{
    Storage::TurnRow t;
    t.callId = m_ctx.callId;
    t.index = m_turnIndex++;
    t.speaker = speaker;
    t.text = text;
    t.language = speaker == QLatin1String("agent") ? replyLanguage() : m_callerLanguage;
    t.startedMs = startMs;
    t.endedMs = qMax(startMs, endMs);
    t.sttMs = sttMs;
    t.llmMs = llmMs;
    t.ttsMs = ttsMs;
    if (speaker == QLatin1String("agent"))
        t.replyMs = std::exchange(m_replyMs, -1);
    t.interrupted = interrupted;
    m_recorder.appendTurn(t);
}

// ---------------------------------------------------------------- hot-lead handoff

void CallSession::startHandoff()
{
    m_silenceTimer->stop();
    const HandoffRequest req = m_handoff.request(m_ctx, m_history, m_outcome, replyLanguage());
    qCInfo(lcConversation) << "call" << m_ctx.callId << "asks for a sales agent:" << req.reason;
    m_handoffDesk->requestHandoff(req, this, [this](Result<HandoffDecision> d) { onHandoffDecision(d); });
    m_handoffTimer->start(CallHandoff::kDecisionTimeoutMs);
}

void CallSession::onHandoffDecision(const Result<HandoffDecision> &d)
{
    if (m_handoff.decided() || m_phase != Phase::Active)
        return;
    if (const auto ending = m_handoff.decide(d, m_ctx, m_history, m_clock.now(), replyLanguage()))
        endCall(ending->outcome, ending->fields, ending->closingLine);
}

// Hindi and Hinglish callers get Hindi replies (Devanagari for TTS, Hinglish per the prompt).
QString CallSession::replyLanguage() const { return m_callerLanguage.startsWith(QLatin1String("hi")) ? QStringLiteral("hi") : QStringLiteral("en"); }

} // namespace Leadline::Conversation
