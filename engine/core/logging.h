// Logging categories, one per engine module (leadline.<module>). Switch verbose ones on with
// QT_LOGGING_RULES, e.g. QT_LOGGING_RULES="leadline.storage.debug=true".
#pragma once
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcLeads)
Q_DECLARE_LOGGING_CATEGORY(lcCampaigns)
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcTelephony)

namespace Leadline {
// Applies --log-level (debug|info|warning|critical) to every leadline.* category.
bool applyLogLevel(const QString &level);
}
