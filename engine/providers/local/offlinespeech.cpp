#include "offlinespeech.h"

#include "audio/pcm.h"
#include "audio/resampler.h"
#include "core/logging.h"
#include "core/workerthread.h"

#include <QFile>
#include <QMetaObject>
#include <QPointer>
#include <QSemaphore>
#include <QTemporaryFile>

#include <espeak-ng/espeak_ng.h>
#include <pocketsphinx.h>

namespace Leadline::Providers {

namespace {

// The call vocabulary PocketSphinx may recognise (JSGF). Whole answers first, so that common
// replies come out as phrases; the scripted dialog and the parsers read intents from them.
const char kGrammarHeader[] = R"(#JSGF V1.0;
grammar call;
public <utt> = <sentence>+;
)";
// English answers (every call) ...
const char kEnglishRules[] = R"(<english> = <yes> | <no> | <later> | <who> | <thanks> | <dnc> | <wrong> | <ask> | <budget> | <visit>;
<yes> = yes | yes i am interested | i am interested | sure | okay | yes please | tell me more;
<no> = no | no i am not interested | i am not interested | not interested | i have already bought a flat | i already bought a house | no thank you;
<later> = please call me tomorrow evening | call me tomorrow | call me tomorrow evening | call me tomorrow morning | call me later | call me in the evening | please call me later | i am busy | i am driving right now | i am in a meeting | call me next week;
<who> = hello | hello who is calling | who is this | yes who is calling;
<thanks> = thank you | thanks | bye;
<dnc> = do not call me again | please do not call me | stop calling me | remove my number;
<wrong> = wrong number | you have the wrong number;
<ask> = what is the price | where is the project | how many bedrooms | is it ready to move | when is the possession | is there a metro nearby | what is the stamp duty;
<visit> = i want to visit the site | i want to visit the site on saturday morning | can i visit the site on saturday | we are two | we are three | send me the brochure | send me the details;
<budget> = my budget is <number> lakh | around <number> lakh | <number> lakh | one crore | two crore;
<number> = twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety;
)";
// ... and romanized Hindi ones, added for calls in Hindi (a separate search, so that English
// calls keep the smaller grammar and its accuracy).
const char kHinglishRules[] = R"(<hi_yes> = haan | haan ji | haan ji bataiye | haan mujhe interest hai | mujhe interest hai | accha;
<hi_no> = nahi | nahi chahiye | mujhe interest nahi hai;
<hi_later> = kal shaam ko call kijiye | kal call kijiye | kal subah call kijiye | baad mein call kijiye;
<hi_dnc> = call mat karo | call mat karna | mujhe call mat karo;
)";

// Romanized Hindi (Hinglish) words of the grammar, which the CMU dictionary lacks, with
// approximate en-us phones. The recogniser has no Hindi model: these few phrases let an
// offline demo caller answer in Hindi; real Hindi recognition needs Deepgram.
const char *const kHinglishWords[][2] = {
    {"haan", "HH AA N"}, {"ji", "JH IY"}, {"mujhe", "M UH JH EY"}, {"hai", "HH EH"}, {"accha", "AH CH AA"},
    {"nahi", "N AH HH IY"}, {"chahiye", "CH AA HH IY EY"}, {"kal", "K AH L"}, {"shaam", "SH AA M"},
    {"ko", "K OW"}, {"kijiye", "K IY JH IY EY"}, {"subah", "S UH B AH"}, {"baad", "B AA D"},
    {"mein", "M EY N"}, {"mat", "M AH T"}, {"karo", "K AH R OW"}, {"karna", "K AH R N AA"}, {"bataiye", "B AH T AA IY EY"},
};

bool isHinglish(const QString &text)
{
    for (const QString &w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        for (const auto &h : kHinglishWords)
            if (w == QLatin1String(h[0]) && w != QLatin1String("mat"))
                return true;
    return false;
}

const char kModelDir[] = "/usr/share/pocketsphinx/model/en-us";

// espeak-ng delivers audio through a C callback; the job being synthesized is reached through
// this pointer (espeak is single-threaded and only ever used from the TTS thread).
thread_local std::function<void(const short *, int)> *t_sink = nullptr;

int espeakCallback(short *wav, int samples, espeak_EVENT *)
{
    if (wav && samples > 0 && t_sink)
        (*t_sink)(wav, samples);
    return 0;
}

} // namespace

struct OfflineSpeechEngine::Private
{
    // Synthesis and recognition on threads of their own: a caller's words are recognised while
    // other calls' replies are being synthesised, not after them.
    WorkerThread ttsThread{QStringLiteral("leadline-offline-tts")};
    WorkerThread sttThread{QStringLiteral("leadline-offline-stt")};
    bool ttsOk = false;
    bool sttOk = false;
    int ttsRate = 22050;
    ps_decoder_t *ps = nullptr;
    cmd_ln_t *config = nullptr;
    QStringList grammarPaths;

    void initTts()
    {
        espeak_ng_InitializePath(nullptr);
        espeak_ng_ERROR_CONTEXT ctx = nullptr;
        if (espeak_ng_Initialize(&ctx) == ENS_OK && espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 200, nullptr) == ENS_OK) {
            espeak_SetSynthCallback(espeakCallback);
            ttsRate = espeak_ng_GetSampleRate();
            ttsOk = true;
        } else {
            qCWarning(lcCore) << "offline TTS unavailable: espeak-ng did not initialise (package espeak-ng-data)";
        }
        if (ctx)
            espeak_ng_ClearErrorContext(&ctx);
    }

    void initStt()
    {
        if (!QFile::exists(QString::fromLatin1(kModelDir) + QStringLiteral("/en-us/mdef"))) {
            qCWarning(lcCore) << "offline STT unavailable: no PocketSphinx model in" << kModelDir << "(package pocketsphinx-en-us)";
            return;
        }
        // Two grammars: English, and English plus romanized Hindi for calls in Hindi.
        const QByteArray english = QByteArray(kGrammarHeader) + "<sentence> = <english>;\n" + kEnglishRules;
        const QByteArray hinglish = QByteArray(kGrammarHeader) + "<sentence> = <english> | <hi_yes> | <hi_no> | <hi_later> | <hi_dnc>;\n"
                                    + kEnglishRules + kHinglishRules;
        for (const QByteArray &text : {english, hinglish}) {
            QTemporaryFile grammar;
            grammar.setAutoRemove(false);
            if (!grammar.open())
                return;
            grammar.write(text);
            grammar.close();
            grammarPaths << grammar.fileName();
        }
        const QByteArray hmm = QByteArray(kModelDir) + "/en-us";
        const QByteArray dict = QByteArray(kModelDir) + "/cmudict-en-us.dict";
        config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.constData(), "-dict", dict.constData(),
                             "-samprate", "16000", "-cmn", "batch", "-logfn", "/dev/null",
                             // Telephone audio leaves the wideband model's filters above 4 kHz
                             // empty: seeded dither gives them a steady floor, so the result no
                             // longer swings with the line's faint noise; and the default beams
                             // pruned the right path of phone-band speech (empty results).
                             // bench/offline_stt_lines measures both on the demo personas' lines.
                             "-dither", "yes", "-seed", "1", "-beam", "1e-80", "-wbeam", "1e-60", "-pbeam", "1e-80", nullptr);
        ps = config ? ps_init(config) : nullptr;
        if (ps) {
            // Indian words the CMU dictionary lacks, then the grammar that uses them.
            ps_add_word(ps, "lakh", "L AA K", FALSE);
            for (const auto &w : kHinglishWords)
                ps_add_word(ps, w[0], w[1], FALSE);
            ps_add_word(ps, "crore", "K R AO R", TRUE);
            // Each search takes the grammar weight in force when it is made. English: a heavy
            // one, so a short answer is not chained into "yes hello yes" or "no i am busy";
            // the romanized Hindi phrases sit far from the en-us phones and need the default.
            const double defaultWeight = cmd_ln_float_r(config, "-lw"); // 6.5
            cmd_ln_set_float_r(config, "-lw", 15.0);
            const bool english = ps_set_jsgf_file(ps, "call", grammarPaths.at(0).toLocal8Bit().constData()) == 0;
            cmd_ln_set_float_r(config, "-lw", defaultWeight);
            if (!english || ps_set_jsgf_file(ps, "call_hi", grammarPaths.at(1).toLocal8Bit().constData()) != 0
                || ps_set_search(ps, "call") != 0) {
                ps_free(ps);
                ps = nullptr;
            }
        }
        sttOk = ps != nullptr;
        if (!sttOk)
            qCWarning(lcCore) << "offline STT unavailable: PocketSphinx did not initialise";
    }

    void shutdownStt()
    {
        if (ps)
            ps_free(ps);
        if (config)
            cmd_ln_free_r(config);
        ps = nullptr;
        config = nullptr;
        for (const QString &path : std::as_const(grammarPaths))
            QFile::remove(path);
    }

    void shutdownTts()
    {
        if (ttsOk)
            espeak_ng_Terminate();
    }

    QString decode(const QByteArray &pcm16k, bool hindi)
    {
        if (!ps || pcm16k.size() < 2)
            return {};
        ps_set_search(ps, hindi ? "call_hi" : "call");
        ps_start_utt(ps);
        ps_process_raw(ps, reinterpret_cast<const int16 *>(pcm16k.constData()), size_t(pcm16k.size() / 2), FALSE, TRUE);
        ps_end_utt(ps);
        int32 score = 0;
        const char *hyp = ps_get_hyp(ps, &score);
        return hyp ? QString::fromUtf8(hyp).trimmed() : QString();
    }
};

OfflineSpeechEngine::OfflineSpeechEngine() : d(std::make_unique<Private>())
{
    Private *p = d.get();
    p->ttsThread.setTeardown([p](QObject *) { p->shutdownTts(); });
    p->sttThread.setTeardown([p](QObject *) { p->shutdownStt(); });
    // A missing engine or model is not an error: that half is reported unavailable (and logged).
    (void)p->ttsThread.start({}, [p](QObject *) {
        p->initTts();
        return okStatus();
    });
    (void)p->sttThread.start({}, [p](QObject *) {
        p->initStt();
        return okStatus();
    });
}

OfflineSpeechEngine::~OfflineSpeechEngine()
{
    d->sttThread.stop();
    d->ttsThread.stop();
}

bool OfflineSpeechEngine::ttsAvailable() const { return d->ttsOk; }
bool OfflineSpeechEngine::sttAvailable() const { return d->sttOk; }
int OfflineSpeechEngine::ttsSampleRate() const { return d->ttsRate; }

void OfflineSpeechEngine::synthesize(const QString &text, const QString &language, QObject *context,
                                     std::function<void(const QByteArray &)> chunk, std::function<void(bool)> done,
                                     std::function<bool()> cancelled)
{
    QPointer<QObject> ctx(context);
    d->ttsThread.post([this, text, language, ctx, chunk, done, cancelled] {
        if (!ctx || cancelled())
            return;
        if (!d->ttsOk) {
            QMetaObject::invokeMethod(ctx, [done] { done(false); }, Qt::QueuedConnection);
            return;
        }
        espeak_ng_SetVoiceByName(language == QLatin1String("hi") ? "hi" : "en-us");
        espeak_ng_SetParameter(espeakRATE, 160, 0);
        QByteArray pending;
        std::function<void(const short *, int)> sink = [&](const short *wav, int samples) {
            pending.append(reinterpret_cast<const char *>(wav), samples * 2);
            if (pending.size() >= 4410 * 2) { // ~200 ms pieces, streamed like a vendor
                const QByteArray piece = pending;
                pending.clear();
                QMetaObject::invokeMethod(ctx, [chunk, piece] { chunk(piece); }, Qt::QueuedConnection);
            }
        };
        t_sink = &sink;
        const QByteArray utf8 = text.toUtf8();
        const espeak_ERROR err = espeak_Synth(utf8.constData(), size_t(utf8.size() + 1), 0, POS_CHARACTER, 0,
                                              espeakCHARS_UTF8, nullptr, nullptr);
        t_sink = nullptr;
        if (!pending.isEmpty())
            QMetaObject::invokeMethod(ctx, [chunk, pending] { chunk(pending); }, Qt::QueuedConnection);
        const bool ok = err == EE_OK;
        QMetaObject::invokeMethod(ctx, [done, ok] { done(ok); }, Qt::QueuedConnection);
    });
}

void OfflineSpeechEngine::recognize(const QByteArray &pcm16k, const QString &language, QObject *context,
                                    std::function<void(const QString &)> result)
{
    QPointer<QObject> ctx(context);
    const bool hindi = language.startsWith(QLatin1String("hi")) || language == QLatin1String("multi");
    d->sttThread.post([this, pcm16k, hindi, ctx, result] {
        if (!ctx)
            return;
        const QString text = d->decode(pcm16k, hindi);
        QMetaObject::invokeMethod(ctx, [result, text] { result(text); }, Qt::QueuedConnection);
    });
}

QString OfflineSpeechEngine::recognizeBlocking(const QByteArray &pcm16k, const QString &language)
{
    QString text;
    const bool hindi = language.startsWith(QLatin1String("hi")) || language == QLatin1String("multi");
    d->sttThread.call([&] { text = d->decode(pcm16k, hindi); });
    return text;
}

// ------------------------------------------------------------------ per-call objects

EspeakTts::EspeakTts(std::shared_ptr<OfflineSpeechEngine> engine, QObject *parent)
    : TextToSpeech(parent), m_engine(std::move(engine)), m_epoch(std::make_shared<QAtomicInt>(0))
{
}

EspeakTts::~EspeakTts() { cancel(); }

int EspeakTts::sampleRate() const { return m_engine->ttsSampleRate(); }

void EspeakTts::synthesize(int requestId, const QString &text, const TtsOptions &options)
{
    const int epoch = m_epoch->loadRelaxed();
    auto epochs = m_epoch;
    m_engine->synthesize(
        text, options.language, this,
        [this, requestId, epoch, epochs](const QByteArray &pcm) {
            if (epochs->loadRelaxed() == epoch)
                emit audio(requestId, pcm);
        },
        [this, requestId, epoch, epochs](bool ok) {
            if (epochs->loadRelaxed() != epoch)
                return;
            if (ok)
                emit done(requestId);
            else
                emit failed(requestId, Error::make(Error::Code::Unavailable, QStringLiteral("espeak-ng could not synthesize")));
        },
        [epoch, epochs] { return epochs->loadRelaxed() != epoch; });
}

void EspeakTts::cancel() { m_epoch->ref(); }

PocketsphinxStt::PocketsphinxStt(std::shared_ptr<OfflineSpeechEngine> engine, QObject *parent)
    : SpeechToText(parent), m_engine(std::move(engine))
{
}

void PocketsphinxStt::start(const SttOptions &options) { m_options = options; }

void PocketsphinxStt::pushAudio(const QByteArray &pcm)
{
    if (m_stopped)
        return;
    const auto ev = m_vad.feed(pcm, m_options.sampleRate);
    if (m_vad.inSpeech() || ev == Audio::EnergyVad::Event::SpeechEnded) {
        if (ev == Audio::EnergyVad::Event::SpeechStarted) {
            m_utterance = m_leadIn; // keep the onset the VAD needed to confirm speech
            emit speechStarted();
        }
        m_utterance.append(pcm);
    } else {
        m_leadIn.append(pcm);
        const qsizetype keep = 300 * m_options.sampleRate / 500; // 300 ms
        if (m_leadIn.size() > keep)
            m_leadIn.remove(0, m_leadIn.size() - keep);
    }
    if (ev != Audio::EnergyVad::Event::SpeechEnded)
        return;
    Audio::Resampler up(m_options.sampleRate, OfflineSpeechEngine::kSttRate);
    QByteArray pcm16k = up.process(m_utterance);
    pcm16k += up.flush();
    const qint64 utteranceMs = m_utterance.size() / Audio::bytesPerMs(m_options.sampleRate);
    m_utterance.clear();
    m_engine->recognize(pcm16k, m_options.language, this, [this, utteranceMs](const QString &text) {
        qCDebug(lcCore) << "offline STT:" << utteranceMs << "ms utterance ->" << text;
        if (m_stopped)
            return;
        if (!text.isEmpty())
            emit transcript(text, true, isHinglish(text) ? QStringLiteral("hi-Latn") : QStringLiteral("en"));
        emit endOfSpeech();
    });
}

} // namespace Leadline::Providers
