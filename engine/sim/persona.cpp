#include "persona.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Leadline::Sim {

Result<QList<Persona>> Persona::load(const QByteArray &json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(Error::Code::BadRequest, QStringLiteral("personas file: %1").arg(err.errorString()));
    QList<Persona> out;
    const QJsonObject all = doc.object().value(QStringLiteral("personas")).toObject();
    for (auto it = all.begin(); it != all.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        Persona p;
        p.name = it.key();
        p.answer = o.value(QStringLiteral("answer")).toString(p.answer);
        p.language = o.value(QStringLiteral("language")).toString(p.language);
        p.voicemail = o.value(QStringLiteral("voicemail")).toBool();
        p.hangupAfterMs = o.value(QStringLiteral("hangup_after_ms")).toInt(p.hangupAfterMs);
        p.patienceMs = o.value(QStringLiteral("patience_ms")).toInt(p.patienceMs);
        p.ringMs = o.value(QStringLiteral("ring_ms")).toInt(p.ringMs);
        p.expectedOutcome = o.value(QStringLiteral("expected_outcome")).toString();
        for (const QJsonValue &l : o.value(QStringLiteral("says")).toArray()) {
            PersonaLine line;
            if (l.isString()) {
                line.text = l.toString();
            } else {
                line.text = l[QStringLiteral("text")].toString();
                line.afterAgentMs = l[QStringLiteral("after_agent_ms")].toInt(line.afterAgentMs);
                line.atMs = l[QStringLiteral("at_ms")].toInt(-1);
            }
            p.lines.append(line);
        }
        for (const QJsonValue &d : o.value(QStringLiteral("dtmf")).toArray())
            p.dtmf.append({d[QStringLiteral("at_ms")].toInt(), d[QStringLiteral("digit")].toString()});
        out.append(p);
    }
    if (out.isEmpty())
        return Error::make(Error::Code::BadRequest, QStringLiteral("personas file has no personas"));
    return out;
}

} // namespace Leadline::Sim
