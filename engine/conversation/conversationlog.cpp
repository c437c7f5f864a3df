#include "conversationlog.h"

Q_LOGGING_CATEGORY(lcConversation, "leadline.conversation", QtInfoMsg)
