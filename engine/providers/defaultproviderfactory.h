// DefaultProviderFactory: per provider, the vendor client when its key is configured, else the
// offline stand-in (loudly logged once at start): PocketSphinx for STT, the scripted dialog for
// the LLM, espeak-ng for TTS (see local/offlinespeech.h; demo quality). A live ElevenLabs voice
// gets espeak-ng as its spare (FallbackTts: a vendor blip costs a pause, never the call).
// Base URLs come from settings so self-hosted or protocol-compatible servers can stand in.
// Thread: const after construction; create*() run on worker threads.
#pragma once

#include "core/settings.h"
#include "deepgram/deepgramstt.h"
#include "elevenlabs/elevenlabstts.h"
#include "openai/openaichat.h"
#include "local/offlinespeech.h"
#include "providerfactory.h"

#include <memory>

namespace Leadline::Providers {

class DefaultProviderFactory final : public ProviderFactory
{
public:
    explicit DefaultProviderFactory(const Settings &settings);
    std::unique_ptr<SpeechToText> createStt(QNetworkAccessManager *nam) const override;
    std::unique_ptr<LanguageModel> createLlm(QNetworkAccessManager *nam) const override;
    std::unique_ptr<TextToSpeech> createTts(QNetworkAccessManager *nam) const override;
    QString describe() const override;

    bool liveStt() const { return !m_deepgram.apiKey.isEmpty(); }
    bool liveLlm() const { return m_llmLive; }
    bool liveTts() const { return !m_eleven.apiKey.isEmpty(); }
    // The process's one offline speech engine (espeak-ng is process-global), for the simulator.
    std::shared_ptr<OfflineSpeechEngine> offlineSpeech();

private:
    DeepgramConfig m_deepgram;
    OpenAiConfig m_openai;
    ElevenLabsConfig m_eleven;
    bool m_llmLive = false;
    std::shared_ptr<OfflineSpeechEngine> m_offline; // offline speech, and the live voice's spare
};

} // namespace Leadline::Providers
