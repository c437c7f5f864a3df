// StorageHandoffDesk: the HandoffDesk backed by the database. Owns a thread ("leadline-handoff")
// with its own connection, QNetworkAccessManager and Exotel client (for the agent SMS); sessions
// on any worker post requests to it and never wait. Agent choice and the handoff row are one
// short transaction on that thread (AgentSelector over the roster and the agents' load).
// Also the LeadMessenger: texts to leads go out through the same thread and SMS client.
// Emits handoffRequested() (on its own thread) for every recorded handoff, e.g. for the CRM
// webhook of the handoff event.
// Thread: public methods from any thread; the work runs on the desk's thread.
#pragma once

#include "core/workerthread.h"
#include "handoffdesk.h"
#include "leadmessenger.h"
#include "telephony/exotelclient.h"

#include <QObject>
#include <memory>

class QNetworkAccessManager;

namespace Leadline { class Clock; class Settings; }
namespace Leadline::Storage { class Database; }

namespace Leadline::Handoff {

struct HandoffDeskOptions
{
    bool flowMode = false;        // EXOTEL_CALL_MODE=flow: the only mode with a Connect applet after the bot
    QString smsSender;            // EXOTEL_SMS_SENDER; empty = no SMS
    Telephony::ExotelConfig exotel;
    qint64 activeWindowMs = 30 * 60 * 1000; // a pending/connecting handoff older than this no longer counts as load
    static HandoffDeskOptions fromSettings(const Settings &settings);
};

class StorageHandoffDesk final : public QObject, public HandoffDesk, public LeadMessenger
{
    Q_OBJECT
public:
    StorageHandoffDesk(const Storage::Database &db, const Clock &clock, HandoffDeskOptions options);
    ~StorageHandoffDesk() override;

    void checkEnabled(qint64 campaignId, QObject *context, std::function<void(bool)> done) override;
    void requestHandoff(const HandoffRequest &request, QObject *context,
                        std::function<void(Result<HandoffDecision>)> done) override;
    // Texts to leads (site-visit confirmation, brochure) through the same Exotel SMS client,
    // recorded in lead_messages (one per call and kind) with their delivery state.
    void sendToLead(const LeadSms &sms) override;

    bool flowMode() const { return m_options.flowMode; }
    // The SMS text an agent gets (pure, for tests).
    static QString smsText(const QJsonObject &summary);

Q_SIGNALS:
    // A handoff was recorded (connected or not); handoff is HandoffRow::toJson().
    void handoffRequested(qint64 callId, const QJsonObject &handoff);

private:
    void post(std::function<void()> job);
    Result<HandoffDecision> decide(const HandoffRequest &request);

    const Storage::Database &m_db;
    const Clock &m_clock;
    HandoffDeskOptions m_options;
    WorkerThread m_thread{QStringLiteral("leadline-handoff")}; // its worker: the context for queued jobs
    QNetworkAccessManager *m_nam = nullptr;        // desk thread
    Telephony::ExotelClient *m_exotel = nullptr;   // desk thread
};

} // namespace Leadline::Handoff
