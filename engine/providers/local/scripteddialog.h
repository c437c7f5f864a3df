// ScriptedDialog: the offline "LLM". A deterministic qualification script over keyword intents
// (English, Hindi, Hinglish) that reads the conversation so far and answers with the next line
// or the end_call tool, streamed token by token like a vendor. Used when no LLM key is set, in
// the demo and in tests. Quality is for demos and tests, not for production calls.
// Thread: the call's worker thread.
#pragma once

#include "providers/languagemodel.h"

#include <QTimer>

namespace Leadline::Providers {

struct DialogStep
{
    QString text;
    QString tool;           // "end_call", "transfer_to_agent" or empty
    QJsonObject arguments;
};

class ScriptedDialog final : public LanguageModel
{
    Q_OBJECT
public:
    explicit ScriptedDialog(int tokenIntervalMs = 0, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("scripted-dialog"); }
    void request(const LlmRequest &request) override;
    void cancel() override;

    // The decision itself, exposed for tests.
    static DialogStep next(const LlmRequest &request);

private:
    int m_intervalMs;
    quint64 m_generation = 0;
};

} // namespace Leadline::Providers
