// ExotelSimulator: Exotel on loopback, so that the whole product runs with no account and no
// network. Serves the v1 REST surface Leadline uses (Calls/connect, call details) with Exotel's
// auth, validation, response shapes and 429 rate limiting, so the real Exotel client is what
// gets exercised; then, per call, behaves as a callee persona: rings, answers or not, opens a
// real WebSocket to the StreamUrl, speaks with espeak-ng at real 20 ms pacing, listens, barges
// in, sends DTMF, hangs up, and posts status callbacks (answered, terminal; some duplicated and
// some out of order, as Exotel may). Thread: lives on the thread that creates it (the demo gives
// it its own); everything is asynchronous on that thread's event loop.
#pragma once

#include "core/clock.h"
#include "persona.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QNetworkAccessManager>
#include <memory>

namespace Leadline::Providers { class OfflineSpeechEngine; }

namespace Leadline::Sim {

struct SimulatorConfig
{
    QString accountSid = QStringLiteral("leadlinesim");
    QByteArray apiKey = "simkey";
    QByteArray apiToken = "simtoken";
    int requestsPerMinute = 200;
    bool duplicateCallbacks = true;  // every other terminal callback is sent twice
    bool outOfOrderCallbacks = true; // every third call also gets a late "answered" after terminal
    const Clock *clock = nullptr;    // timestamps in callbacks and call details (null: real time)
};

struct SimCallRecord
{
    QString sid;
    QString phone;
    QString persona;
    QString status = QStringLiteral("queued"); // in-progress, completed, busy, no-answer, failed
    qint64 durationS = 0;
    int agentFrames = 0;
    int clearsReceived = 0;
};

class SimCall;

class ExotelSimulator : public QAbstractHttpServer
{
    Q_OBJECT
public:
    ExotelSimulator(SimulatorConfig config, QList<Persona> personas, std::shared_ptr<Providers::OfflineSpeechEngine> speech,
                    QObject *parent = nullptr);
    ~ExotelSimulator() override;

    quint16 listenLoopback(quint16 port = 0); // returns the port
    QString baseUrl() const;
    // Which persona answers this number (last 10 digits); otherwise personas rotate.
    void assignPersona(const QString &phone, const QString &persona);
    QList<SimCallRecord> calls() const;
    int activeCalls() const;

Q_SIGNALS:
    void callFinished(const Leadline::Sim::SimCallRecord &record);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    friend class SimCall;
    void reply(const QHttpServerRequest &request, QTcpSocket *socket, int status, const QByteArray &json);
    bool rateLimited();
    const Persona &personaFor(const QString &phone);
    void postCallback(const QString &url, const QJsonObject &body);

    SimulatorConfig m_cfg;
    QList<Persona> m_personas;
    std::shared_ptr<Providers::OfflineSpeechEngine> m_speech;
    QHash<QString, QString> m_assigned; // last 10 digits -> persona
    int m_rotation = 0;
    QHash<QString, SimCall *> m_active;
    QList<SimCallRecord> m_done;
    QList<qint64> m_requestTimes;
    QNetworkAccessManager m_nam;
    quint16 m_port = 0;
    int m_callCounter = 0;
};

} // namespace Leadline::Sim
