// ProviderFactory: makes the per-call STT/LLM/TTS objects. The composition root picks the
// implementation per provider from settings (a key present -> the vendor client, none -> the
// offline one). Thread: shared, const; create() runs on the calling worker thread and the
// returned objects belong to that thread.
#pragma once

#include "languagemodel.h"
#include "speechtotext.h"
#include "texttospeech.h"

#include <memory>

class QNetworkAccessManager;

namespace Leadline::Providers {

class ProviderFactory
{
public:
    virtual ~ProviderFactory() = default;
    virtual std::unique_ptr<SpeechToText> createStt(QNetworkAccessManager *nam) const = 0;
    virtual std::unique_ptr<LanguageModel> createLlm(QNetworkAccessManager *nam) const = 0;
    virtual std::unique_ptr<TextToSpeech> createTts(QNetworkAccessManager *nam) const = 0;
    // "live" or "offline" per provider, for the status bar and /health.
    virtual QString describe() const = 0;
};

} // namespace Leadline::Providers
