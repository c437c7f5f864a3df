// The providers module's logging category (leadline.providers).
#pragma once
#include <QLoggingCategory>
Q_DECLARE_LOGGING_CATEGORY(lcProviders)
