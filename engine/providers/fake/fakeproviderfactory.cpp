#include "fakeproviderfactory.h"

#include "providers/local/scripteddialog.h"

namespace Leadline::Providers {

std::unique_ptr<SpeechToText> FakeProviderFactory::createStt(QNetworkAccessManager *) const
{
    return std::make_unique<FakeStt>(m_script, m_lat.sttMs);
}

std::unique_ptr<LanguageModel> FakeProviderFactory::createLlm(QNetworkAccessManager *) const
{
    if (m_responder)
        return std::make_unique<FakeLlm>(m_responder, m_lat.llmFirstMs, m_lat.llmTokenMs);
    // Scripted dialog with the fake's latency in front of it.
    const FakeLatencies lat = m_lat;
    return std::make_unique<FakeLlm>([](const LlmRequest &r) {
        const DialogStep s = ScriptedDialog::next(r);
        return FakeReply{s.text, s.tool, s.arguments};
    }, lat.llmFirstMs, lat.llmTokenMs);
}

std::unique_ptr<TextToSpeech> FakeProviderFactory::createTts(QNetworkAccessManager *) const
{
    return std::make_unique<FakeTts>(m_lat.ttsFirstMs, m_lat.ttsChunkMs);
}

} // namespace Leadline::Providers
