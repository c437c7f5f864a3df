// MediaEndpoint: accepts Exotel media WebSockets on /media. Authenticates each socket before any
// processing (Basic credentials Exotel derives from the stream URL, or the per-call "lc" token
// in the upgrade URL; optional IP allow-list), then runs a CallSession for it on the network
// worker that accepted it, with that worker's QNetworkAccessManager.
// Thread: handle() runs on each worker thread; the endpoint itself is immutable and shared.
#pragma once

#include "callsession.h"
#include "phrasecache.h"
#include "core/settings.h"
#include "providers/providerfactory.h"

#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QPointer>
#include <QWebSocket>
#include <memory>

namespace Leadline::Conversation {

struct MediaAuthConfig
{
    QByteArray basicUser;  // accepted Basic credentials (empty = Basic not accepted)
    QByteArray basicPassword;
    QList<QPair<QHostAddress, int>> allowList; // empty = any address
    qint64 maxMessageBytes = 256 * 1024;

    // MEDIA_BASIC_AUTH (else the Exotel API key:token, as Exotel's docs configure it) and
    // MEDIA_IP_ALLOWLIST.
    static MediaAuthConfig fromSettings(const Settings &settings);
};

class MediaEndpoint : public QObject
{
    Q_OBJECT
public:
    MediaEndpoint(const Providers::ProviderFactory &providers, CallRecorder &recorder, const Clock &clock,
                  MediaAuthConfig auth, SessionConfig sessionConfig);

    // Called on the accepting worker thread with the accepted socket.
    void handle(std::unique_ptr<QWebSocket> socket, QObject *worker);

    // Decision on an upgrade, exposed for tests: empty string = accepted, else the reason.
    static QString authorize(const MediaAuthConfig &auth, const QHostAddress &peer, const QByteArray &authorization,
                             const QUrlQuery &query);

    int activeCalls() const { return m_active.loadRelaxed(); }
    const PhraseCache &phraseCache() const { return m_phrases; }
    PhraseCache &phraseCache() { return m_phrases; }
    bool phraseCacheEnabled() const { return m_sessionConfig.phraseCache; }
    // Supervisor hang-up (console, REST): the call's session says goodbye and ends on its own
    // worker. Any thread. False when no live session of this node has that call.
    bool hangUp(qint64 callId, const QString &reason = QStringLiteral("supervisor"));
    // Vendor failures of every session are counted here (optional; set before serving).
    void setVendorErrors(VendorErrors *errors) { m_vendorErrors = errors; }
    // Hot-lead handoff for every session (optional; set before serving).
    void setHandoffDesk(HandoffDesk *desk) { m_handoffDesk = desk; }
    // Texts to leads (site-visit confirmation, brochure) for every session (optional).
    void setLeadMessenger(LeadMessenger *messenger) { m_leadMessenger = messenger; }
    // Greetings synthesised while the phone rings (the dialer's CallPreparer), played at
    // "start" by every session (optional; set before serving).
    void setGreetingPrimer(GreetingPrimer *primer) { m_greetings = primer; }

Q_SIGNALS:
    // Queued to whoever listens (console, /events); emitted from worker threads.
    void callActivity(qint64 callId, const QString &state, const QString &speaker, const QString &text);
    void sessionFinished(qint64 callId, const Leadline::Conversation::SessionStats &stats);

private:
    const Providers::ProviderFactory &m_providers;
    CallRecorder &m_recorder;
    const Clock &m_clock;
    SystemTimerSource m_timers; // stateless: shared by every session, on every worker
    MediaAuthConfig m_auth;
    SessionConfig m_sessionConfig;
    QAtomicInt m_active;
    QMutex m_sessionsMutex;
    QHash<qint64, QPointer<CallSession>> m_sessions; // live sessions by call id
    VendorErrors *m_vendorErrors = nullptr;
    HandoffDesk *m_handoffDesk = nullptr;
    LeadMessenger *m_leadMessenger = nullptr;
    GreetingPrimer *m_greetings = nullptr;
    PhraseCache m_phrases; // opening clauses of every session's replies (SessionConfig::phraseCache)
};

} // namespace Leadline::Conversation
