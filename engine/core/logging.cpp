#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "leadline.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "leadline.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLeads, "leadline.leads", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCampaigns, "leadline.campaigns", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "leadline.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTelephony, "leadline.telephony", QtInfoMsg)

namespace Leadline {

bool applyLogLevel(const QString &level)
{
    const QString l = level.trimmed().toLower();
    QString rules;
    if (l == QLatin1String("debug"))
        rules = QStringLiteral("leadline.*.debug=true");
    else if (l == QLatin1String("info"))
        rules = QStringLiteral("leadline.*.debug=false\nleadline.*.info=true");
    else if (l == QLatin1String("warning"))
        rules = QStringLiteral("leadline.*.debug=false\nleadline.*.info=false");
    else if (l == QLatin1String("critical"))
        rules = QStringLiteral("leadline.*.debug=false\nleadline.*.info=false\nleadline.*.warning=false");
    else
        return false;
    QLoggingCategory::setFilterRules(rules);
    return true;
}

} // namespace Leadline
