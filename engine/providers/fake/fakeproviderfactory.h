// FakeProviderFactory: makes fake vendors with fixed, configurable latency (tests, benchmarks,
// load runs). The STT transcribes the Nth caller utterance as sttScript[N]; the LLM is the
// ScriptedDialog (or a FakeLlm with the given responder). Thread: const, shared by workers.
#pragma once

#include "fakeproviders.h"
#include "providers/providerfactory.h"

namespace Leadline::Providers {

struct FakeLatencies
{
    int sttMs = 0;        // end of utterance -> final transcript
    int llmFirstMs = 0;   // request -> first token
    int llmTokenMs = 0;   // between tokens
    int ttsFirstMs = 0;   // text -> first audio
    int ttsChunkMs = 0;   // between 100 ms audio chunks
};

class FakeProviderFactory final : public ProviderFactory
{
public:
    FakeProviderFactory(QStringList sttScript, FakeLatencies latencies, FakeLlm::Responder responder = {})
        : m_script(std::move(sttScript)), m_lat(latencies), m_responder(std::move(responder)) {}
    std::unique_ptr<SpeechToText> createStt(QNetworkAccessManager *) const override;
    std::unique_ptr<LanguageModel> createLlm(QNetworkAccessManager *) const override;
    std::unique_ptr<TextToSpeech> createTts(QNetworkAccessManager *) const override;
    QString describe() const override { return QStringLiteral("stt=fake llm=fake tts=fake"); }

private:
    QStringList m_script;
    FakeLatencies m_lat;
    FakeLlm::Responder m_responder;
};

} // namespace Leadline::Providers
