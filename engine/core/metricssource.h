// MetricsSource: something that counts what this node did and writes it as Prometheus text
// families (HELP, TYPE, samples) for GET /metrics. The composition root hands each source to the
// operations controller, which appends them in the order given.
// Thread: prometheus() is called from the REST threads; implementations are thread-safe.
#pragma once

#include <QByteArray>

namespace Leadline {

class MetricsSource
{
public:
    virtual ~MetricsSource() = default;
    virtual QByteArray prometheus() const = 0;
};

} // namespace Leadline
