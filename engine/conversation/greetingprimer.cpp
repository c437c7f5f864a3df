#include "greetingprimer.h"

#include "conversationlog.h"
#include "language/indiannumberspeller.h"
#include "prompts.h"

#include <QNetworkAccessManager>
#include <QPointer>

namespace Leadline::Conversation {

QString openingLanguage(const CallContext &ctx)
{
    // As CallSession::beginConversation(): the lead's language, else the campaign's.
    const QString lang = normalizeLanguage(ctx.leadLanguage, normalizeLanguage(ctx.campaignLanguage));
    return lang.startsWith(QLatin1String("hi")) ? QStringLiteral("hi") : QStringLiteral("en");
}

GreetingPrimer::GreetingPrimer(const Providers::ProviderFactory &providers, CallRecorder &recorder, const Clock &clock,
                               Options options)
    : m_providers(providers), m_recorder(recorder), m_clock(clock), m_options(options)
{
    (void)m_thread.start({}, [](QObject *host) {
        new QNetworkAccessManager(host);
        return okStatus();
    });
    m_host = m_thread.worker();
}

bool GreetingPrimer::enabledBy(const Settings &settings)
{
    static const QStringList off = {QStringLiteral("off"), QStringLiteral("no"), QStringLiteral("0"), QStringLiteral("false")};
    return !off.contains(settings.value(QStringLiteral("GREETING_PRIME")).trimmed().toLower());
}

GreetingPrimer::~GreetingPrimer()
{
    // The TTS clients and the network manager are children of the host: freed on their thread.
    m_thread.stop();
}

void GreetingPrimer::dialing(qint64 callId, const QString &correlationToken)
{
    {
        QMutexLocker lock(&m_mutex);
        sweep(m_clock.nowMs());
        Entry e;
        e.sinceMs = m_clock.nowMs();
        m_entries.insert(callId, e);
    }
    CallKey key;
    key.token = correlationToken;
    // The same lookup a session makes at "start": the same context, so the same greeting.
    m_recorder.lookup(key, m_host, [this, callId](Result<CallContext> ctx) {
        if (!ctx) {
            qCInfo(lcConversation) << "call" << callId << "greeting not prepared:" << ctx.error().message;
            notAnswered(callId);
            return;
        }
        start(callId, ctx.value());
    });
}

void GreetingPrimer::start(qint64 callId, const CallContext &ctx)
{
    const QString lang = openingLanguage(ctx);
    const QString text = greeting(ctx, lang);
    auto *nam = m_host->findChild<QNetworkAccessManager *>(QString(), Qt::FindDirectChildrenOnly);
    Providers::TextToSpeech *tts = m_providers.createTts(nam).release();
    tts->setParent(m_host);
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_entries.find(callId);
        if (it == m_entries.end()) { // answered (and taken) or dropped meanwhile
            delete tts;
            return;
        }
        it->greeting.text = text;
        it->greeting.sampleRate = tts->sampleRate();
        // The lead's earlier attempt rang unanswered with this very line: play its audio.
        const auto spare = m_spares.find(spareKey(text, tts->sampleRate()));
        if (spare != m_spares.end()) {
            it->greeting.pcm = spare->greeting.pcm;
            it->done = true;
            m_spareBytes -= spare->greeting.pcm.size();
            m_spares.erase(spare);
            ++m_counts.reused;
            delete tts;
            return;
        }
        ++m_counts.synthesised;
    }
    // Each signal finds the entry by id: once taken or dropped, the client stops and goes.
    auto finish = [this, tts, callId](bool ok) {
        QMutexLocker lock(&m_mutex);
        auto it = m_entries.find(callId);
        if (it != m_entries.end()) {
            if (ok)
                it->done = true;
            else
                m_entries.erase(it);
        }
        tts->deleteLater();
    };
    QObject::connect(tts, &Providers::TextToSpeech::audio, m_host, [this, tts, callId](int, const QByteArray &pcm) {
        QMutexLocker lock(&m_mutex);
        auto it = m_entries.find(callId);
        if (it != m_entries.end()) {
            it->greeting.pcm.append(pcm);
            return;
        }
        tts->cancel();
        tts->deleteLater();
    });
    QObject::connect(tts, &Providers::TextToSpeech::done, m_host, [finish](int) { finish(true); });
    QObject::connect(tts, &Providers::TextToSpeech::failed, m_host, [finish, callId](int, const Error &e) {
        qCInfo(lcConversation) << "call" << callId << "greeting not prepared (the session will say it live):" << e.message;
        finish(false);
    });
    Providers::TtsOptions opts;
    opts.language = lang;
    const auto speller = lang == QLatin1String("hi") ? Language::IndianNumberSpeller::Lang::Hindi : Language::IndianNumberSpeller::Lang::English;
    tts->synthesize(1, Language::IndianNumberSpeller::spellAmountsInText(text, speller), opts);
}

void GreetingPrimer::warmPhrases(PhraseCache &cache)
{
    QList<Phrase> phrases;
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("hi")}) {
        for (const QString &text : openingAcknowledgements(lang))
            phrases.append({lang, text});
        phrases.append({lang, thinkingFillerLine(lang)});
    }
    QMetaObject::invokeMethod(m_host, [this, &cache, phrases] { warmNext(cache, phrases); }, Qt::QueuedConnection);
}

void GreetingPrimer::warmNext(PhraseCache &cache, QList<Phrase> rest)
{
    while (!rest.isEmpty() && !cache.cacheable(rest.first().text))
        rest.removeFirst();
    if (rest.isEmpty())
        return;
    const Phrase phrase = rest.takeFirst();
    auto *nam = m_host->findChild<QNetworkAccessManager *>(QString(), Qt::FindDirectChildrenOnly);
    Providers::TextToSpeech *tts = m_providers.createTts(nam).release();
    tts->setParent(m_host);
    // The key a session computes for the same line (CallSession::speak).
    const QString key = PhraseCache::key(tts->name(), tts->sampleRate(), phrase.language, phrase.text);
    auto pcm = std::make_shared<QByteArray>();
    auto spare = std::make_shared<bool>(false);
    QObject::connect(tts, &Providers::TextToSpeech::audio, m_host, [pcm](int, const QByteArray &b) { pcm->append(b); });
    QObject::connect(tts, &Providers::TextToSpeech::degraded, m_host, [spare](int, const Error &) { *spare = true; });
    QObject::connect(tts, &Providers::TextToSpeech::done, m_host, [this, tts, &cache, key, pcm, spare, rest] {
        tts->deleteLater();
        if (*spare || pcm->isEmpty()) {
            qCInfo(lcConversation) << "opening phrases not prepared: the voice answered with its spare";
            return;
        }
        cache.store(key, *pcm);
        warmNext(cache, rest);
    });
    QObject::connect(tts, &Providers::TextToSpeech::failed, m_host, [tts](int, const Error &e) {
        qCInfo(lcConversation) << "opening phrases not prepared:" << e.message;
        tts->deleteLater();
    });
    Providers::TtsOptions opts;
    opts.language = phrase.language;
    tts->synthesize(1, phrase.text, opts);
}

void GreetingPrimer::notAnswered(qint64 callId)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.find(callId);
    if (it == m_entries.end())
        return;
    Entry e = *it;
    m_entries.erase(it);
    if (!e.done || e.greeting.pcm.isEmpty() || e.greeting.pcm.size() > m_options.spareBytes)
        return;
    // Kept for the lead's next attempt; the oldest spares make room.
    e.sinceMs = m_clock.nowMs();
    const QString key = spareKey(e.greeting.text, e.greeting.sampleRate);
    if (const auto old = m_spares.find(key); old != m_spares.end()) {
        m_spareBytes -= old->greeting.pcm.size();
        m_spares.erase(old);
        ++m_counts.wasted;
    }
    while (m_spareBytes + e.greeting.pcm.size() > m_options.spareBytes && !m_spares.isEmpty()) {
        auto oldest = m_spares.begin();
        for (auto s = m_spares.begin(); s != m_spares.end(); ++s)
            if (s->sinceMs < oldest->sinceMs)
                oldest = s;
        m_spareBytes -= oldest->greeting.pcm.size();
        m_spares.erase(oldest);
        ++m_counts.wasted;
    }
    m_spareBytes += e.greeting.pcm.size();
    m_spares.insert(key, e);
}

std::optional<PreparedGreeting> GreetingPrimer::take(qint64 callId)
{
    QMutexLocker lock(&m_mutex);
    sweep(m_clock.nowMs());
    const auto it = m_entries.find(callId);
    if (it == m_entries.end())
        return std::nullopt;
    const Entry e = *it;
    m_entries.erase(it);
    if (!e.done || e.greeting.pcm.isEmpty())
        return std::nullopt; // still synthesising: the session says it live (this one is dropped)
    ++m_counts.played;
    return e.greeting;
}

GreetingPrimer::Counts GreetingPrimer::counts() const
{
    QMutexLocker lock(&m_mutex);
    Counts c = m_counts;
    return c;
}

QByteArray GreetingPrimer::prometheus() const
{
    const Counts c = counts();
    QByteArray out = "# HELP leadline_greetings_total Greetings prepared while the phone rang: synthesised (TTS requests), played, reused "
                     "(a retry rang with an unanswered attempt's audio), wasted (spares never used).\n"
                     "# TYPE leadline_greetings_total counter\n";
    const QList<QPair<const char *, qint64>> rows = {{"synthesised", c.synthesised}, {"played", c.played}, {"reused", c.reused}, {"wasted", c.wasted}};
    for (const auto &r : rows)
        out += QByteArray("leadline_greetings_total{result=\"") + r.first + "\"} " + QByteArray::number(r.second) + '\n';
    return out;
}

int GreetingPrimer::pending() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

int GreetingPrimer::ready() const
{
    QMutexLocker lock(&m_mutex);
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [](const Entry &e) { return e.done; }));
}

void GreetingPrimer::sweep(qint64 nowMs)
{
    for (auto it = m_entries.begin(); it != m_entries.end();)
        it = nowMs - it->sinceMs > m_options.keepMs ? m_entries.erase(it) : std::next(it);
    for (auto it = m_spares.begin(); it != m_spares.end();) {
        if (nowMs - it->sinceMs <= m_options.spareMs) {
            ++it;
            continue;
        }
        m_spareBytes -= it->greeting.pcm.size();
        ++m_counts.wasted;
        it = m_spares.erase(it);
    }
}

} // namespace Leadline::Conversation
