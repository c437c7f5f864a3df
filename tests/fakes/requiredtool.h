// Prerequisites a test cannot run without (a server, a command-line tool). Where CI requires them
// (LEADLINE_REQUIRE_POSTGRES, LEADLINE_REQUIRE_REDIS, LEADLINE_REQUIRE_TOOLS set to 1, as
// scripts/test.sh does), a missing one fails the test instead of skipping it.
// Thread: the test's thread.
#pragma once

#include <QtTest>

namespace Leadline::Testing {

inline bool prerequisiteRequired(const char *envVar) { return qEnvironmentVariableIntValue(envVar) == 1; }

} // namespace Leadline::Testing

// Skips the current test with `reason`, or fails it when `envVar` says CI requires the prerequisite.
#define LEADLINE_SKIP_UNLESS_REQUIRED(envVar, reason)                                   \
    do {                                                                                \
        if (::Leadline::Testing::prerequisiteRequired(envVar))                          \
            QFAIL(qPrintable(QString(reason) + QStringLiteral(" (required: ") + QLatin1String(envVar) + QStringLiteral("=1)"))); \
        QSKIP(qPrintable(reason));                                                      \
    } while (0)
