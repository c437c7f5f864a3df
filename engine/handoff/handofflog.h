// The handoff module's logging category (leadline.handoff).
#pragma once
#include <QLoggingCategory>
Q_DECLARE_LOGGING_CATEGORY(lcHandoff)
