// Constant-time comparison for secrets (tokens, webhook keys, Basic credentials).
#pragma once

#include <QByteArray>

namespace Leadline {

inline bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Length is not secret (tokens have a fixed length); the content comparison never stops early.
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace Leadline
