#include "fallbacktts.h"

#include "providerslog.h"

#include <utility>

namespace Leadline::Providers {

FallbackTts::FallbackTts(std::unique_ptr<TextToSpeech> primary, std::unique_ptr<TextToSpeech> fallback,
                         FallbackTtsConfig config, QObject *parent)
    : TextToSpeech(parent), m_primary(std::move(primary)), m_fallback(std::move(fallback)), m_cfg(std::move(config))
{
    connect(m_primary.get(), &TextToSpeech::audio, this, &FallbackTts::onPrimaryAudio);
    connect(m_primary.get(), &TextToSpeech::done, this, &FallbackTts::onPrimaryDone);
    connect(m_primary.get(), &TextToSpeech::failed, this, &FallbackTts::onPrimaryFailed);
    connect(m_primary.get(), &TextToSpeech::degraded, this, &TextToSpeech::degraded);
    if (m_fallback) {
        connect(m_fallback.get(), &TextToSpeech::audio, this, &FallbackTts::onFallbackAudio);
        connect(m_fallback.get(), &TextToSpeech::done, this, &FallbackTts::onFallbackDone);
        connect(m_fallback.get(), &TextToSpeech::failed, this, &FallbackTts::onFallbackFailed);
    }
    m_fillerTimer.setSingleShot(true);
    connect(&m_fillerTimer, &QTimer::timeout, this, &FallbackTts::onFillerDue);
    m_stallTimer.setSingleShot(true);
    connect(&m_stallTimer, &QTimer::timeout, this, &FallbackTts::onStall);
}

FallbackTts::~FallbackTts() { cancel(); }

void FallbackTts::synthesize(int requestId, const QString &text, const TtsOptions &options)
{
    Request r;
    r.id = requestId;
    r.text = text;
    r.options = options;
    m_requests.append(r);
    m_primary->synthesize(requestId, text, options);
    armHeadTimers();
}

void FallbackTts::cancel()
{
    m_requests.clear();
    m_resamplers.clear();
    m_fillerTimer.stop();
    m_stallTimer.stop();
    m_headId = 0;
    m_primary->cancel();
    if (m_fallback)
        m_fallback->cancel();
}

FallbackTts::Request *FallbackTts::find(int id)
{
    for (Request &r : m_requests)
        if (r.id == id)
            return &r;
    return nullptr;
}

void FallbackTts::onPrimaryAudio(int id, const QByteArray &pcm)
{
    Request *r = find(id);
    if (!r || r->onFallback)
        return;
    r->hasAudio = true;
    r->held += pcm;
    drain();
}

void FallbackTts::onPrimaryDone(int id)
{
    Request *r = find(id);
    if (!r || r->onFallback)
        return;
    r->complete = true;
    drain();
}

void FallbackTts::onPrimaryFailed(int id, const Error &e)
{
    Request *r = find(id);
    if (!r || r->onFallback)
        return;
    if (r->hasAudio) {
        // Part of it was said: repeating it in another voice would confuse more than the cut.
        qCWarning(lcProviders) << "TTS" << m_primary->name() << "failed mid-sentence:" << e.message;
        emit degraded(id, e);
        r->complete = true;
        drain();
        return;
    }
    toFallback(*r, e);
}

void FallbackTts::toFallback(Request &r, const Error &why)
{
    r.error = why; // what is reported if the fallback fails too
    if (!m_fallback) {
        r.failed = true;
        r.complete = true;
        drain();
        return;
    }
    qCWarning(lcProviders) << "TTS" << m_primary->name() << "failed (" << why.message << "): sentence" << r.id
                           << "goes to the fallback voice" << m_fallback->name();
    emit degraded(r.id, why);
    ++m_fallbacks;
    r.onFallback = true;
    r.held.clear();
    r.hasAudio = false;
    r.complete = false;
    m_fallback->synthesize(r.id, r.text, r.options);
}

void FallbackTts::onFallbackAudio(int id, const QByteArray &pcm)
{
    const bool filler = id < 0;
    Request *r = find(filler ? -id : id);
    if (!r)
        return;
    const QByteArray out = resampled(id, pcm, false);
    if (filler) {
        r->fillerPcm += out;
    } else {
        r->hasAudio = true;
        r->held += out;
    }
    drain();
}

void FallbackTts::onFallbackDone(int id)
{
    const bool filler = id < 0;
    Request *r = find(filler ? -id : id);
    if (!r)
        return;
    const QByteArray tail = resampled(id, {}, true);
    if (filler) {
        r->fillerPcm += tail;
        r->filler = Filler::Done;
    } else {
        r->held += tail;
        r->complete = true;
    }
    drain();
}

void FallbackTts::onFallbackFailed(int id, const Error &e)
{
    const bool filler = id < 0;
    Request *r = find(filler ? -id : id);
    m_resamplers.remove(id);
    if (!r)
        return;
    qCWarning(lcProviders) << "fallback voice failed too:" << e.message;
    if (filler) {
        r->filler = Filler::Done;
    } else {
        r->failed = true;
        r->complete = true;
    }
    drain();
}

QByteArray FallbackTts::resampled(int fallbackId, const QByteArray &pcm, bool flush)
{
    if (m_fallback->sampleRate() == sampleRate())
        return pcm;
    auto &rs = m_resamplers[fallbackId];
    if (!rs)
        rs = std::make_shared<Audio::Resampler>(m_fallback->sampleRate(), sampleRate());
    QByteArray out = rs->process(pcm);
    if (flush) {
        out += rs->flush();
        m_resamplers.remove(fallbackId);
    }
    return out;
}

void FallbackTts::drain()
{
    while (!m_requests.isEmpty()) {
        Request &head = m_requests.first();
        const int id = head.id;
        if (!head.fillerPcm.isEmpty()) {
            const QByteArray pcm = std::exchange(head.fillerPcm, {});
            emit audio(id, pcm);
            if (m_requests.isEmpty() || m_requests.first().id != id)
                return; // cancelled from a slot
        }
        if (head.filler == Filler::Running)
            break; // the sentence follows its filler
        if (!head.held.isEmpty()) {
            const QByteArray pcm = std::exchange(head.held, {});
            emit audio(id, pcm);
            if (m_requests.isEmpty() || m_requests.first().id != id)
                return;
        }
        if (!head.complete)
            break;
        const Request done = m_requests.takeFirst();
        if (done.failed)
            emit failed(done.id, done.error);
        else
            Q_EMIT TextToSpeech::done(done.id);
    }
    armHeadTimers();
}

void FallbackTts::armHeadTimers()
{
    if (m_requests.isEmpty()) {
        m_fillerTimer.stop();
        m_stallTimer.stop();
        m_headId = 0;
        return;
    }
    const Request &head = m_requests.first();
    if (head.id == m_headId)
        return; // armed when it became the head
    m_headId = head.id;
    m_fillerTimer.stop();
    m_stallTimer.stop();
    if (!m_fallback || head.hasAudio || head.complete)
        return;
    if (m_fillers < m_cfg.maxFillers)
        m_fillerTimer.start(m_cfg.fillerAfterMs);
    if (!head.onFallback)
        m_stallTimer.start(m_cfg.stallMs);
}

void FallbackTts::onFillerDue()
{
    if (m_requests.isEmpty())
        return;
    Request &head = m_requests.first();
    if (head.hasAudio || head.complete || head.filler != Filler::None || m_fillers >= m_cfg.maxFillers)
        return;
    ++m_fillers;
    head.filler = Filler::Running;
    const QString text = head.options.language.startsWith(QLatin1String("hi")) ? m_cfg.fillerHindi : m_cfg.fillerEnglish;
    m_fallback->synthesize(-head.id, text, head.options);
}

void FallbackTts::onStall()
{
    if (m_requests.isEmpty())
        return;
    const Request &head = m_requests.first();
    if (head.hasAudio || head.complete || head.onFallback)
        return;
    // The primary serves in order: the head is its only request in flight. Drop it there, let
    // the fallback say the head, and queue the rest on the primary again (not sent yet, so no
    // double bill).
    m_primary->cancel();
    const Error stall = Error::make(Error::Code::Unavailable,
                                    QStringLiteral("TTS %1 said nothing for %2 ms").arg(m_primary->name()).arg(m_cfg.stallMs),
                                    QStringLiteral("timeout"));
    toFallback(m_requests.first(), stall);
    for (int i = 1; i < m_requests.size(); ++i) {
        Request &r = m_requests[i];
        if (!r.onFallback && !r.complete) {
            r.held.clear();
            r.hasAudio = false;
            m_primary->synthesize(r.id, r.text, r.options);
        }
    }
}

} // namespace Leadline::Providers
