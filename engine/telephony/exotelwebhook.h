// Exotel status callback (reference section 3): parses the body Exotel POSTs to
// /webhooks/exotel/status into a value. JSON (what we ask for) and form bodies
// (application/x-www-form-urlencoded or multipart/form-data) are both accepted; keys are
// matched case-insensitively and numbers may arrive as strings.
// Thread: pure functions, value types.
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Leadline::Telephony {

struct ExotelLeg
{
    QString status;          // completed, busy, failed, no-answer, canceled, or empty (never attempted)
    int onCallDurationS = -1;
    QString answeredBy;      // human, machine, notsure, na (lower-cased), or empty
};

struct ExotelStatusEvent
{
    QString callSid;
    QString eventType;       // terminal, answered, ringing; empty for the "default four" -> terminal
    QString status;          // lower-case: completed, failed, busy, no-answer, in-progress, ...
    QString recordingUrl;
    QDateTime dateCreated;   // UTC
    QDateTime dateUpdated;
    QDateTime startTime;
    QDateTime endTime;
    int conversationDurationS = -1;
    QString from;
    QString to;
    QString direction;
    QString customField;
    qint64 customCallId = 0; // "call=<id>" in CustomField
    QList<ExotelLeg> legs;

    bool isTerminal() const { return eventType.isEmpty() || eventType == QLatin1String("terminal"); }
    // The leg status when the overall status is vague, else the overall one.
    QString effectiveStatus() const;
    // "Human"/"Machine" from the first leg that says, lower-cased; empty if none.
    QString answeredBy() const;
};

Result<ExotelStatusEvent> parseExotelStatusCallback(const QByteArray &contentType, const QByteArray &body);
// The fields of a body Exotel POSTs from a flow applet (Passthru, Connect's URLs set to POST):
// form-urlencoded, multipart/form-data or a JSON object, by lower-cased key (scalars only).
Result<QHash<QString, QString>> parseExotelFormFields(const QByteArray &contentType, const QByteArray &body);

} // namespace Leadline::Telephony
