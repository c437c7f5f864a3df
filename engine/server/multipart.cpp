#include "multipart.h"

#include <QList>

namespace Leadline::Server {

static QByteArray headerParam(const QByteArray &header, const QByteArray &key)
{
    // e.g. form-data; name="file"; filename="leads.csv"
    const QList<QByteArray> parts = header.split(';');
    for (QByteArray p : parts) {
        p = p.trimmed();
        const int eq = p.indexOf('=');
        if (eq < 0 || p.left(eq).trimmed().toLower() != key)
            continue;
        QByteArray v = p.mid(eq + 1).trimmed();
        if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
            v = v.mid(1, v.size() - 2);
        return v;
    }
    return {};
}

Result<MultipartPart> findMultipartPart(const QByteArray &contentType, const QByteArray &body,
                                        const QByteArray &fieldName)
{
    const QByteArray boundary = headerParam(contentType, "boundary");
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data") || boundary.isEmpty())
        return Error::make(Error::Code::BadRequest, QStringLiteral("expected multipart/form-data with a boundary"));
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return Error::make(Error::Code::BadRequest, QStringLiteral("multipart body has no boundary line"));
    while (pos >= 0) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            break; // closing delimiter
        // Skip the line break after the delimiter.
        if (body.mid(pos, 2) == "\r\n")
            pos += 2;
        else if (body.mid(pos, 1) == "\n")
            pos += 1;
        qsizetype headersEnd = body.indexOf("\r\n\r\n", pos);
        qsizetype sep = 4;
        const qsizetype lfEnd = body.indexOf("\n\n", pos);
        if (headersEnd < 0 || (lfEnd >= 0 && lfEnd < headersEnd)) {
            headersEnd = lfEnd;
            sep = 2;
        }
        if (headersEnd < 0)
            return Error::make(Error::Code::BadRequest, QStringLiteral("multipart part without headers"));
        MultipartPart part;
        const QList<QByteArray> headerLines = body.mid(pos, headersEnd - pos).split('\n');
        for (QByteArray line : headerLines) {
            line = line.trimmed();
            const int colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray key = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (key == "content-disposition") {
                part.name = headerParam(value, "name");
                part.filename = headerParam(value, "filename");
            } else if (key == "content-type") {
                part.contentType = value;
            }
        }
        const qsizetype dataStart = headersEnd + sep;
        const qsizetype next = body.indexOf(delimiter, dataStart);
        if (next < 0)
            return Error::make(Error::Code::BadRequest, QStringLiteral("multipart body is truncated (no closing boundary)"));
        qsizetype dataEnd = next;
        if (dataEnd >= 2 && body.at(dataEnd - 2) == '\r' && body.at(dataEnd - 1) == '\n')
            dataEnd -= 2;
        else if (dataEnd >= 1 && body.at(dataEnd - 1) == '\n')
            dataEnd -= 1;
        if (part.name == fieldName) {
            part.data = body.mid(dataStart, dataEnd - dataStart);
            return part;
        }
        pos = next;
    }
    return Error::make(Error::Code::BadRequest,
                       QStringLiteral("multipart body has no field named \"%1\"").arg(QString::fromUtf8(fieldName)));
}

} // namespace Leadline::Server
