// CallSession: one live call on Exotel's media stream — the call brain. Parses inbound frames,
// feeds caller audio to STT and the local VAD, decides the end of the caller's turn, streams the
// LLM reply sentence by sentence into TTS, has SpeechOut (speechout.h) pace the audio back to
// Exotel in 320-byte multiples a little ahead of real time with marks, handles barge-in, DTMF,
// silence and duration limits, and records every turn and the outcome through the CallRecorder
// without blocking.
// Thread: the network worker that accepted the socket; created there, never moved.
#pragma once

#include "audio/resampler.h"
#include "audio/vad.h"
#include "briefagent.h"
#include "language/sentencesplitter.h"
#include "callrecorder.h"
#include "handoff/handoffdesk.h"
#include "core/clock.h"
#include "mediatransport.h"
#include "providers/languagemodel.h"
#include "providers/speechtotext.h"
#include "providers/texttospeech.h"
#include "telephony/mediaprotocol.h"
#include "callhandoff.h"
#include "callscreening.h"
#include "outcomedraft.h"
#include "speechout.h"
#include "turntaking.h"
#include "workerpacer.h"
#include "core/timersource.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>
#include <optional>

namespace Leadline::Conversation {

class GreetingPrimer;
class PhraseCache;
class VendorErrors;

struct SessionConfig
{
    int bargeInSpeechMs = 400;     // caller speech this long over the agent = barge-in (longer than "haan")
    int silenceTimeoutMs = 8000;   // no caller speech after the agent finished -> nudge, then end
    int maxDurationMs = 10 * 60 * 1000;
    int aheadOfRealTimeMs = 600;   // outbound audio queued ahead of playback
    int goodbyeGraceMs = 1500;     // after the last mark, or if Exotel never echoes it
    int maxFrameBytes = 256 * 1024;
    // > 0: after this much local silence with the caller's words so far (finals + the latest
    // interim), start the LLM before the recogniser confirms the end of the turn; its reply is
    // held (nothing said, no tool run) until the turn ends with the same words, else dropped.
    int speculateAfterSilenceMs = 0;
    // Replies whose opening clause ("Wonderful,") this node's voice said before start from that
    // audio (MediaEndpoint's PhraseCache) instead of a TTS round trip.
    bool phraseCache = true;
    // The caller's turn is confirmed and no word of the reply has come after this long (an LLM
    // retry, a slow model): say a short filler ("One moment, please."). 0 = never.
    int thinkingFillerMs = 1000;
    int sttDrainMs = 2000;         // abrupt end: how long the recogniser may take to return the last words
    int badFrameLogIntervalMs = 10000; // malformed frames: at most one warning per call in this interval
    // Call screening (human / voicemail / announcement / IVR in the first seconds) and what to
    // do for each class; see engine/screening/screeningpolicy.h.
    Screening::ScreeningPolicy screening;
};

// PacingStats: pacingJitterUs, pacingAtMs, clearsSent, framesSent; SpeculationStats:
// speculativeRequests, speculativeDropped, speculativeWastedTokens.
struct SessionStats : PacingStats, SpeculationStats
{
    // Microseconds. The caller's last word (local VAD) -> first outbound media frame of the
    // reply, per turn: the reply latency a person hears.
    QList<qint64> responseLatencyUs;
    // Its stages, per reply: last word -> the recogniser's end of turn; LLM request -> first
    // token; first sentence to TTS -> its first audio.
    QList<qint64> endOfSpeechWaitUs;
    QList<qint64> llmFirstTokenUs;
    QList<qint64> ttsFirstAudioUs;
    // Of that, what the vendors spent: LLM until the first sentence + TTS until a frame of audio.
    QList<qint64> vendorLatencyUs;
    int malformedFrames = 0;
};

class CallSession : public QObject
{
    Q_OBJECT
public:
    // timers: every timer and figure of the call (SystemTimerSource in production; a virtual
    // clock in tests); shared, stateless or owned by the caller's thread, outlives the session.
    CallSession(MediaTransport &transport, CallRecorder &recorder, const Clock &clock, TimerSource &timers,
                std::unique_ptr<Providers::SpeechToText> stt, std::unique_ptr<Providers::LanguageModel> llm,
                std::unique_ptr<Providers::TextToSpeech> tts, SessionConfig config, QObject *parent = nullptr);
    ~CallSession() override;

    // The token from the upgrade URL (lc=...), if any.
    void setUrlToken(const QString &token) { m_key.token = token; }
    void setRequestedSampleRate(int rate) { m_sampleRate = rate; }
    // Hot-lead handoff to a sales agent (Exotel flow mode); optional, shared, thread-safe.
    void setHandoffDesk(HandoffDesk *desk) { m_handoffDesk = desk; }
    // The worker's shared pacing clock for outbound audio (else a precise timer of its own).
    void setPacer(WorkerPacer *pacer) { m_speech.setPacer(pacer); }
    // Where vendor failures are counted for /metrics (optional; shared, thread-safe).
    void setVendorErrors(VendorErrors *errors) { m_vendorErrors = errors; }
    // Texts to the lead (site-visit confirmation, brochure link); optional, shared, thread-safe.
    void setLeadMessenger(LeadMessenger *messenger) { m_brief.setMessenger(messenger); }
    // Greetings synthesised while the phone rang (optional, shared, thread-safe): played at once.
    void setGreetingPrimer(GreetingPrimer *primer) { m_greetings = primer; }
    // Opening clauses already said by this voice (optional, shared, thread-safe).
    void setPhraseCache(PhraseCache *phrases) { m_phrases = phrases; }

    void onTextFrame(const QByteArray &frame);
    void onTransportClosed();
    // Supervisor hang-up (from the console or REST), posted into this thread.
    void hangUp(const QString &reason);

    qint64 callId() const { return m_ctx.callId; }
    QString state() const;
    const SessionStats &stats() const { return m_stats; }
    bool finished() const { return m_finished; }

Q_SIGNALS:
    void ended(qint64 callId);
    // For consoles and /events: "listening", "thinking", "speaking", turn texts.
    void activity(qint64 callId, const QString &state, const QString &speaker, const QString &text);

private:
    enum class Phase { AwaitingStart, Correlating, Active, Ending, Closed };

    void handleStart(const Telephony::MediaEvent &e);
    void handleMedia(const Telephony::MediaEvent &e);
    void handleMark(const QString &name);
    void handleDtmf(const Telephony::MediaEvent &e);
    void beginConversation(const CallContext &ctx);

    void onTranscript(const QString &text, bool isFinal, const QString &language);
    void onEndOfSpeech();
    void respond();
    Providers::LlmRequest buildRequest(const QList<Providers::ChatMessage> &history) const;
    void beginReply(); // the agent turn's state, as its LLM request starts (or is confirmed)
    void maybeSpeculate();
    void refreshSpeculation(); // the caller's words changed: restart a speculation on the new ones
    bool holdForSpeculation(std::function<void()> event); // true: held until confirmed
    void dropSpeculation();
    bool confirmSpeculation(const QString &callerText); // true: the held reply goes on
    void onLlmTextDone();
    void onLlmToken(const QString &text);
    void onLlmToolCall(const QString &name, const QJsonObject &args);
    void onLlmFinished();
    void onLlmFailed(const Error &e);
    void speak(const QString &sentence);
    void onTtsAudio(int requestId, const QByteArray &pcm);
    void onTtsDone(int requestId);
    void onTtsFailed(int requestId, const Error &e);
    bool replyComplete() const; // every sentence synthesized and the LLM done: a short last chunk may go
    void onChunkLeaving(qint64 nowUs, qint64 readyUs); // SpeechOut: reply latency at its first chunk
    void onSpeechDrained(qint64 remainingMs);           // SpeechOut: all said; plays out in remainingMs
    static constexpr qint64 kCacheableFirstAudioUs = 900 * 1000; // FallbackTts says a filler after 1 s
    qint64 wallUs() const { return m_timers.elapsedUs(); } // the clock of SpeechOut's figures
    bool agentSpeaking() const;
    void bargeIn();
    void endCall(const QString &outcome, const QJsonObject &fields, const QString &closingLine);
    void finishNow(const QString &status);
    void recordTurn(const QString &speaker, const QString &text, qint64 startMs, qint64 endMs, bool interrupted,
                    int sttMs, int llmMs, int ttsMs);
    void onSilenceTimeout();
    // Call screening (CallScreening): feeds the classifier; true while the caller's audio must
    // not be handled as conversation (a machine was detected).
    bool screenAudio(const QByteArray &pcm);
    void actOnScreening(CallScreening::Step step); // what the verdict means for the call
    void leaveVoicemailMessage();
    void pressDigits(const QJsonObject &args); // the press_digits tool (IVR navigation)
    qint64 callMs() const; // ms since media started
    void startHandoff();
    void onHandoffDecision(const Result<HandoffDecision> &decision);
    QString replyLanguage() const;

    void countVendorError(const QString &stage, const QString &provider, const Error &e);
    // Abrupt end (socket dropped without "stop"): ask the recogniser for the caller's last words
    // and close the call once they came or after sttDrainMs (finishDrain()). false: the caller
    // was silent since their last turn, nothing to wait for.
    bool finalizeRecogniser();
    bool drainTranscript(const QString &text, bool isFinal); // true while draining (the text is kept)
    void stopTalking(); // the session's timers, the LLM and TTS stop (the recogniser is not touched)
    void finishDrain();
    // A frame that cannot be used: counted (stored on the call), logged rate-limited with the call.
    void noteBadFrame(const QString &why);

    bool speakPrepared(const QString &line); // the primer's audio for this line, if ready
    void speakAudio(const QString &line, const QByteArray &pcm); // as if the TTS answered at once
    GreetingPrimer *m_greetings = nullptr;
    PhraseCache *m_phrases = nullptr;
    VendorErrors *m_vendorErrors = nullptr;
    QSet<QString> m_vendorErrorStages; // stages already counted for this call
    MediaTransport &m_transport;
    CallRecorder &m_recorder;
    const Clock &m_clock;
    std::unique_ptr<Providers::SpeechToText> m_stt;
    std::unique_ptr<Providers::LanguageModel> m_llm;
    std::unique_ptr<Providers::TextToSpeech> m_tts;
    std::unique_ptr<Audio::Resampler> m_ttsResampler;
    std::unique_ptr<Language::SentenceSplitter> m_sentences;
    SessionConfig m_cfg;
    SessionStats m_stats;

    Phase m_phase = Phase::AwaitingStart;
    CallKey m_key;
    CallContext m_ctx;
    QString m_streamSid;
    int m_sampleRate = 8000;
    Audio::EnergyVad m_vad;
    TimerSource &m_timers;      // every timer of the call, and the time of its figures
    SpeechOut m_speech;         // outbound audio: chunks, marks, pacing (after m_stats, m_cfg)
    Speculation m_spec;         // SessionConfig::speculateAfterSilenceMs
    qint64 m_mediaStartUs = -1;  // on m_timers, at "start"
    bool m_finished = false;
    bool m_loggedUnknown = false;
    bool m_loggedEarlyMedia = false;
    QByteArray m_earlyAudio;             // caller audio while the call is matched to its row
    static constexpr int kMaxEarlyAudioMs = 5000;
    bool m_draining = false;      // finalizeRecogniser() runs: only the caller's last words count
    QString m_drainInterim;       // the latest interim text while draining
    std::unique_ptr<OneShotTimer> m_drainTimer;
    qint64 m_drainStartUs = -1;
    qint64 m_badFrameLogUs = -1;  // last bad-frame warning, on m_timers
    int m_badFramesUnlogged = 0;
    qint64 m_badFrameLogFor = -1; // the call id (0: not yet known) of the last warning

    // Hot-lead handoff
    HandoffDesk *m_handoffDesk = nullptr;
    CallHandoff m_handoff;            // transfer_to_agent, the request, the desk's decision

    // Conversation
    QList<Providers::ChatMessage> m_history;
    CallerTurn m_callerTurn;       // what the caller said in this turn so far
    QString m_callerLanguage;
    QString m_leadLanguage;        // from the lead/campaign at the start of the call
    qint64 m_callerStartMs = -1;
    qint64 m_callerEndMs = -1;      // local VAD end of speech
    qint64 m_speechEndWallMs = -1;  // wall clock (ms) when the caller stopped, for latency
    bool m_callerSpoke = false;
    bool m_llmActive = false;
    qint64 m_llmStartedMs = -1;
    int m_llmFirstTokenMs = -1;
    int m_sttWaitMs = -1;
    int m_replyMs = -1;            // reply latency of the agent turn being spoken (its turn row)
    bool m_voiceLost = false;      // TTS and its spare failed: end once the LLM turn is in
    static constexpr int kVoiceLostLlmWaitMs = 20000;
    OutcomeDraft m_outcome;        // outcome and fields (end_call, screening, failures)
    bool m_closingAfterSpeech = false;
    int m_nudges = 0;
    std::unique_ptr<OneShotTimer> m_silenceTimer;
    std::unique_ptr<OneShotTimer> m_maxDurationTimer;
    std::unique_ptr<OneShotTimer> m_closeTimer;
    std::unique_ptr<OneShotTimer> m_thinkingTimer; // SessionConfig::thinkingFillerMs
    std::unique_ptr<OneShotTimer> m_handoffTimer;  // CallHandoff::kDecisionTimeoutMs
    void onThinkingTooLong();


    // Agent speech
    struct Sentence
    {
        int id;
        QString text;
        qint64 firstAudioWallMs = -1;
        qint64 requestedWallMs = 0;
        bool ttsDone = false;
        bool queued = false;
        QString cacheKey;   // a short clause the PhraseCache keeps once said by the vendor voice
        QByteArray ttsPcm;  // its audio as the TTS sent it
        bool degraded = false; // retried or said by a spare voice: not kept
    };
    QList<Sentence> m_agentSentences; // of the current agent turn
    QStringList m_playedSentences;    // sentences whose mark came back
    QString m_agentTurnText;
    qint64 m_agentTurnStartMs = -1;
    int m_nextSentenceId = 1;
    int m_turnNumber = 0;
    int m_turnIndex = 0;
    bool m_firstFrameOfReply = true;

    CallScreening m_screening; // the first seconds classified; voicemail message, IVR navigation (after m_cfg)

    BriefAgent m_brief; // the project brief: facts, advisor questions, site-visit booking
};

} // namespace Leadline::Conversation
