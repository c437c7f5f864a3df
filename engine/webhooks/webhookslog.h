// The CRM webhooks module's logging category: leadline.webhooks.
#pragma once
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcWebhooks)
