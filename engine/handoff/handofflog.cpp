#include "handofflog.h"

Q_LOGGING_CATEGORY(lcHandoff, "leadline.handoff", QtInfoMsg)
