#include "providerslog.h"

Q_LOGGING_CATEGORY(lcProviders, "leadline.providers", QtInfoMsg)
