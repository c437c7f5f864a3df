#include "webhookslog.h"

Q_LOGGING_CATEGORY(lcWebhooks, "leadline.webhooks", QtInfoMsg)
