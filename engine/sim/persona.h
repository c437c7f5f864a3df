// Persona: how a simulated callee behaves, loaded from a small declarative JSON file
// (resources/sim_personas.json): whether the call is answered, what the callee says and when,
// barge-in, DTMF, voicemail, silence, hanging up. Value type.
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace Leadline::Sim {

struct PersonaLine
{
    QString text;
    int afterAgentMs = 700;  // speak this long after the agent went quiet (wait for the agent)
    int atMs = -1;           // or at this time from the stream start (barge-in), >= 0 wins
};

struct Persona
{
    QString name;
    QString answer = QStringLiteral("answered"); // answered, busy, no-answer, failed
    QString language = QStringLiteral("en");     // voice for the callee's speech
    QList<PersonaLine> lines;
    QList<QPair<int, QString>> dtmf;              // (ms from start, digit)
    bool voicemail = false;                       // greeting + beep, then silence
    int hangupAfterMs = 60000;                    // the callee hangs up at the latest then
    int patienceMs = 6000;                        // after its last line, hangs up after this much quiet
    int ringMs = 1500;                            // before answer / busy / no-answer
    QString expectedOutcome;                      // for tests and the demo summary

    static Result<QList<Persona>> load(const QByteArray &json);
};

} // namespace Leadline::Sim
