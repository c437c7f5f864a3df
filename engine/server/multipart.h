// Minimal multipart/form-data reader (Qt has none server-side): finds one named part in a body
// held in memory. Thread: pure function.
#pragma once

#include "core/result.h"

#include <QByteArray>

namespace Leadline::Server {

struct MultipartPart
{
    QByteArray name;
    QByteArray filename;
    QByteArray contentType;
    QByteArray data;
};

// contentType: the request's Content-Type header (carries the boundary).
Result<MultipartPart> findMultipartPart(const QByteArray &contentType, const QByteArray &body,
                                        const QByteArray &fieldName);

} // namespace Leadline::Server
