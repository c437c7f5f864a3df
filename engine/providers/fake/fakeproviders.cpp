#include "fakeproviders.h"

#include <QHash>

#include "audio/pcm.h"

namespace Leadline::Providers {

FakeStt::FakeStt(QStringList script, int latencyMs, QObject *parent)
    : SpeechToText(parent), m_script(std::move(script)), m_latencyMs(latencyMs)
{
}

void FakeStt::start(const SttOptions &options) { m_options = options; }

void FakeStt::later(int ms, std::function<void()> fn)
{
    // A fired timer is reused: a call has a few dozen segments, not a timer per audio frame.
    for (auto &t : m_pending)
        if (!t->isActive()) {
            t = m_timers->createTimer(this, std::move(fn));
            t->start(ms);
            return;
        }
    m_pending.push_back(m_timers->createTimer(this, std::move(fn)));
    m_pending.back()->start(ms);
}

void FakeStt::pushAudio(const QByteArray &pcm)
{
    if (m_stopped)
        return;
    const auto ev = m_vad.feed(pcm, m_options.sampleRate);
    if (ev == Audio::EnergyVad::Event::SpeechStarted) {
        emit speechStarted();
        // Interim text early in the segment, like a real streaming recogniser.
        const QString text = m_script.value(m_segment);
        later(qMax(0, m_latencyMs), [this, text] {
            if (!m_stopped && !text.isEmpty())
                emit transcript(text.section(QLatin1Char(' '), 0, 0), false, m_options.language);
        });
    } else if (ev == Audio::EnergyVad::Event::SpeechEnded) {
        const int index = m_segment++;
        if (m_failAfter >= 0 && index >= m_failAfter) {
            emit failed(Error::make(Error::Code::Unavailable, QStringLiteral("fake STT: connection reset")));
            m_stopped = true;
            return;
        }
        const QString text = m_script.value(index);
        later(qMax(0, m_latencyMs), [this, text] {
            if (m_stopped)
                return;
            if (!text.isEmpty())
                emit transcript(text, true, m_options.language);
            emit endOfSpeech();
        });
    }
}

FakeLlm::FakeLlm(Responder responder, int firstTokenMs, int tokenIntervalMs, QObject *parent)
    : LanguageModel(parent), m_timer(m_timers->createTimer(this, [this] { step(); })), m_responder(std::move(responder)),
      m_firstTokenMs(firstTokenMs), m_intervalMs(tokenIntervalMs)
{
}

void FakeLlm::useTimers(TimerSource &timers)
{
    m_timers = &timers;
    m_timer = m_timers->createTimer(this, [this] { step(); });
}

void FakeLlm::request(const LlmRequest &request)
{
    ++m_requests;
    ++m_generation;
    m_streaming = true;
    if (m_failSet) {
        m_failSet = false;
        m_pendingFail = m_fail;
        m_next = -1;
        m_timer->start(m_firstTokenMs);
        return;
    }
    m_reply = m_responder(request);
    m_words = m_reply.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_next = 0;
    m_timer->start(m_firstTokenMs);
}

void FakeLlm::step()
{
    if (!m_streaming)
        return;
    if (m_next < 0) {
        m_streaming = false;
        emit failed(m_pendingFail);
        return;
    }
    // Words, then (with the last word, as a vendor's last chunk) the tool call and the end.
    const quint64 gen = m_generation;
    while (m_next < m_words.size()) {
        const int i = m_next++;
        emit token((i ? QStringLiteral(" ") : QString()) + m_words.at(i));
        if (gen != m_generation || !m_streaming)
            return; // cancelled or asked again from a slot
        if (m_next < m_words.size() && m_intervalMs > 0) {
            m_timer->start(m_intervalMs);
            return;
        }
    }
    m_streaming = false;
    if (!m_reply.tool.isEmpty())
        emit toolCall(m_reply.tool, m_reply.arguments);
    emit finished(LlmUsage{});
}

void FakeLlm::cancel()
{
    ++m_generation;
    m_streaming = false;
    m_timer->stop();
}

FakeTts::FakeTts(int firstAudioMs, int chunkIntervalMs, int sampleRate, QObject *parent)
    : TextToSpeech(parent), m_firstMs(firstAudioMs), m_intervalMs(chunkIntervalMs), m_rate(sampleRate),
      m_timer(m_timers->createTimer(this, [this] { pump(); }))
{
}

void FakeTts::useTimers(TimerSource &timers)
{
    m_timers = &timers;
    m_timer = m_timers->createTimer(this, [this] { pump(); });
}

void FakeTts::synthesize(int requestId, const QString &text, const TtsOptions &)
{
    m_spoken.append(text);
    const int ms = qMax(300, int(text.size()) * 55);
    // A 440 Hz second holds whole cycles at any integer rate: tile it instead of computing sines
    // per sentence (the fakes stand for vendors that cost the engine nothing).
    // One second per rate and thread, shared by every call on a worker.
    if (m_second.isEmpty()) {
        thread_local QHash<int, QByteArray> seconds;
        auto it = seconds.find(m_rate);
        if (it == seconds.end())
            it = seconds.insert(m_rate, Audio::tone(1000, m_rate, 440.0, 0.3));
        m_second = it.value();
    }
    const qsizetype bytes = qsizetype(ms) * Audio::bytesPerMs(m_rate);
    QByteArray pcm;
    pcm.reserve(bytes);
    while (pcm.size() < bytes)
        pcm.append(m_second.constData(), qMin(m_second.size(), bytes - pcm.size()));
    m_jobs.append(Job{requestId, pcm});
    if (!m_timer->isActive())
        m_timer->start(m_jobs.size() == 1 && !m_jobs.first().started ? m_firstMs : m_intervalMs);
}

void FakeTts::pump()
{
    if (m_jobs.isEmpty())
        return;
    Job &job = m_jobs.first();
    job.started = true;
    const int chunk = 100 * Audio::bytesPerMs(m_rate);
    const QByteArray piece = job.pcm.left(chunk);
    job.pcm.remove(0, piece.size());
    const int id = job.id;
    const bool finished = job.pcm.isEmpty();
    if (finished)
        m_jobs.removeFirst();
    emit audio(id, piece);
    if (finished)
        emit done(id);
    if (!m_jobs.isEmpty())
        m_timer->start(m_jobs.first().started ? m_intervalMs : m_firstMs);
}

void FakeTts::cancel()
{
    m_jobs.clear();
    m_timer->stop();
}

} // namespace Leadline::Providers
