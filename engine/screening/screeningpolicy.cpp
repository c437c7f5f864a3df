#include "screeningpolicy.h"

#include "core/settings.h"

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

} // namespace Leadline::Screening
