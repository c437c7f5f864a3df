// The conversation module's logging category (leadline.conversation).
#pragma once
#include <QLoggingCategory>
Q_DECLARE_LOGGING_CATEGORY(lcConversation)
