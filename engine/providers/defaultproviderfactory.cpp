#include "defaultproviderfactory.h"

#include "core/logging.h"
#include "fallbacktts.h"
#include "local/scripteddialog.h"

namespace Leadline::Providers {

DefaultProviderFactory::DefaultProviderFactory(const Settings &s)
{
    m_deepgram.apiKey = s.value(QStringLiteral("DEEPGRAM_API_KEY")).toUtf8();
    m_deepgram.baseUrl = QUrl(s.value(QStringLiteral("DEEPGRAM_BASE_URL")));
    m_openai.apiKey = s.value(QStringLiteral("OPENAI_API_KEY")).toUtf8();
    m_openai.baseUrl = QUrl(s.value(QStringLiteral("OPENAI_BASE_URL")));
    m_openai.model = s.value(QStringLiteral("OPENAI_MODEL"));
    // A self-hosted server (Ollama, llama.cpp) needs no key: a non-default base URL counts as live.
    m_llmLive = !m_openai.apiKey.isEmpty() || s.source(QStringLiteral("OPENAI_BASE_URL")) != Settings::Source::Default;
    m_openai.useMaxCompletionTokens = m_openai.baseUrl.host() == QLatin1String("api.openai.com");
    m_eleven.apiKey = s.value(QStringLiteral("ELEVENLABS_API_KEY")).toUtf8();
    m_eleven.baseUrl = QUrl(s.value(QStringLiteral("ELEVENLABS_BASE_URL")));
    m_eleven.voiceId = s.value(QStringLiteral("ELEVENLABS_VOICE_ID"));
    // The offline voice also stands in for ElevenLabs when a sentence cannot be had from it.
    m_offline = std::make_shared<OfflineSpeechEngine>();
    if (!liveStt())
        qCWarning(lcCore) << "DEEPGRAM_API_KEY is not set: speech recognition is OFFLINE (PocketSphinx, English only, demo quality)";
    if (!m_llmLive)
        qCWarning(lcCore) << "OPENAI_API_KEY is not set: the agent uses the OFFLINE scripted dialog";
    if (!liveTts())
        qCWarning(lcCore) << "ELEVENLABS_API_KEY is not set: speech synthesis is OFFLINE (espeak-ng, demo quality)";
}

std::unique_ptr<SpeechToText> DefaultProviderFactory::createStt(QNetworkAccessManager *) const
{
    if (liveStt())
        return std::make_unique<DeepgramStt>(m_deepgram);
    return std::make_unique<PocketsphinxStt>(m_offline);
}

std::unique_ptr<LanguageModel> DefaultProviderFactory::createLlm(QNetworkAccessManager *nam) const
{
    if (m_llmLive)
        return std::make_unique<OpenAiChat>(nam, m_openai);
    return std::make_unique<ScriptedDialog>();
}

std::unique_ptr<TextToSpeech> DefaultProviderFactory::createTts(QNetworkAccessManager *nam) const
{
    if (liveTts()) {
        auto live = std::make_unique<ElevenLabsTts>(nam, m_eleven);
        if (!m_offline->ttsAvailable())
            return live;
        return std::make_unique<FallbackTts>(std::move(live), std::make_unique<EspeakTts>(m_offline));
    }
    return std::make_unique<EspeakTts>(m_offline);
}

std::shared_ptr<OfflineSpeechEngine> DefaultProviderFactory::offlineSpeech()
{
    if (!m_offline)
        m_offline = std::make_shared<OfflineSpeechEngine>();
    return m_offline;
}

QString DefaultProviderFactory::describe() const
{
    return QStringLiteral("stt=%1 llm=%2 tts=%3")
        .arg(liveStt() ? QStringLiteral("deepgram") : QStringLiteral("offline"),
             m_llmLive ? QStringLiteral("openai-compatible") : QStringLiteral("offline"),
             liveTts() ? QStringLiteral("elevenlabs") : QStringLiteral("offline"));
}

} // namespace Leadline::Providers
