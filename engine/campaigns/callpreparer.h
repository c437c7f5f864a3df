// CallPreparer: told by the dialer which call it is about to ring and which calls will not be
// answered, so work for the call can start while the phone rings (the greeting's audio, see
// conversation/greetingprimer.h). Optional (DialerOptions::preparer).
// Thread: called on the dialer thread; implementations are thread-safe and return at once.
#pragma once

#include <QString>

namespace Leadline::Campaigns {

class CallPreparer
{
public:
    virtual ~CallPreparer() = default;
    // The call's row is "dialing" and Exotel is being asked to connect it.
    virtual void dialing(qint64 callId, const QString &correlationToken) = 0;
    // Not placed, or ended without being answered: drop whatever was prepared.
    virtual void notAnswered(qint64 callId) = 0;
};

} // namespace Leadline::Campaigns
