#include "screeningpolicy.h"

#include "core/settings.h"

#include <QHostAddress>
#include <QUrl>

namespace Leadline::Screening {

QString className(CallClass c)
{
    switch (c) {
    case CallClass::Human: return QStringLiteral("human");
    case CallClass::Voicemail: return QStringLiteral("voicemail");
    case CallClass::Announcement: return QStringLiteral("announcement");
    case CallClass::Ivr: return QStringLiteral("ivr");
    }
    return {};
}

ScreeningPolicy ScreeningPolicy::fromSettings(const Settings &s)
{
    ScreeningPolicy p;
    const QString on = s.value(QStringLiteral("SCREENING")).toLower();
    p.enabled = !(on == QLatin1String("off") || on == QLatin1String("0") || on == QLatin1String("false") || on == QLatin1String("no"));
    p.voicemail = s.value(QStringLiteral("SCREENING_VOICEMAIL")).toLower() == QLatin1String("message")
                      ? VoicemailAction::LeaveMessage
                      : VoicemailAction::HangUp;
    p.voicemailMessage = s.value(QStringLiteral("SCREENING_VOICEMAIL_MESSAGE"));
    p.ivr = s.value(QStringLiteral("SCREENING_IVR")).toLower() == QLatin1String("navigate") ? IvrAction::Navigate : IvrAction::HangUp;
    bool ok = false;
    const int deadline = s.value(QStringLiteral("SCREENING_DEADLINE_MS")).toInt(&ok);
    if (ok && deadline >= 2000 && deadline <= 15000)
        p.config.deadlineMs = deadline;
    return p;
}

QString ScreeningPolicy::outcomeFor(CallClass c, const QString &announcement)
{
    switch (c) {
    case CallClass::Human: return {};
    case CallClass::Voicemail: return QStringLiteral("voicemail");
    case CallClass::Ivr: return QStringLiteral("ivr");
    case CallClass::Announcement:
        return announcement == QLatin1String("invalid") ? QStringLiteral("invalid_number") : QStringLiteral("unreachable");
    }
    return {};
}

QString ScreeningPolicy::defaultVoicemailMessage(const QString &language)
{
    if (language == QLatin1String("hi"))
        return QStringLiteral("नमस्ते {name} जी, हम आपकी प्रॉपर्टी की पूछताछ के बारे में कॉल कर रहे थे। हम जल्द ही आपको दोबारा कॉल करेंगे। धन्यवाद।");
    return QStringLiteral("Hello {name}, we called about the property you enquired about. We will call you again soon. Thank you.");
}

OfflineSpeechPolicy OfflineSpeechPolicy::fromSettings(const Settings &s)
{
    OfflineSpeechPolicy p;
    p.offlineSpeech = !s.isSet(QStringLiteral("DEEPGRAM_API_KEY"));
    const QString host = QUrl(s.value(QStringLiteral("EXOTEL_API_BASE_URL"))).host();
    const bool loopback = host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
    p.realCarrier = s.isSet(QStringLiteral("EXOTEL_API_KEY")) && !loopback;
    const QString allow = s.value(QStringLiteral("ALLOW_OFFLINE_SPEECH_FOR_LIVE_CALLS")).trimmed().toLower();
    p.allowed = allow == QLatin1String("yes") || allow == QLatin1String("1") || allow == QLatin1String("true") || allow == QLatin1String("on");
    return p;
}

Status OfflineSpeechPolicy::mayStartCampaign() const
{
    if (!offlineSpeech || !realCarrier || allowed)
        return okStatus();
    return Error::make(Error::Code::Unprocessable,
                       QStringLiteral("speech recognition is offline (no DEEPGRAM_API_KEY): the offline recogniser understands only a few "
                                      "English replies and cannot tell machines from people by their words. Set DEEPGRAM_API_KEY, or set "
                                      "ALLOW_OFFLINE_SPEECH_FOR_LIVE_CALLS=yes to call real numbers anyway"),
                       QStringLiteral("offline_speech_not_allowed"));
}

QJsonObject OfflineSpeechPolicy::health(int campaignsRunning) const
{
    QJsonObject o{{QStringLiteral("recognition"), offlineSpeech ? QStringLiteral("offline") : QStringLiteral("live")},
                  {QStringLiteral("real_carrier"), realCarrier},
                  {QStringLiteral("offline_allowed_for_live_calls"), allowed},
                  {QStringLiteral("campaigns_running"), campaignsRunning}};
    if (offlineSpeech && campaignsRunning > 0)
        o.insert(QStringLiteral("warning"), QStringLiteral("%1 campaign(s) running on offline speech recognition").arg(campaignsRunning));
    return o;
}

} // namespace Leadline::Screening
