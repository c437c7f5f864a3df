#include "exotelflowcontroller.h"

#include "core/logging.h"
#include "core/securecompare.h"
#include "handoff/handoffservice.h"
#include "telephony/exotelwebhook.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

void ExotelFlowController::registerRoutes(Router &router)
{
    // Exotel cannot send a bearer token: the shared secret is checked in the handlers.
    // Exotel's applets send GET or POST, whichever the flow's applet is set to.
    for (const Method m : {Method::Get, Method::Post}) {
        router.add(m, QStringLiteral("/exotel/passthru"), [this](const RouteContext &c) { return passthru(c); }, Access::Public);
        router.add(m, QStringLiteral("/exotel/connect/dial-whom"), [this](const RouteContext &c) { return dialWhom(c); },
                   Access::Public);
    }
}

// Exotel's parameters: a POST's form body, then the URL's query (which wins: k= and format=
// live in the URL configured in the applet). Keys lower-cased. A body that cannot be read
// leaves the query alone (no CallSid then means hang up / nobody, never a wrong agent).
static QHash<QString, QString> exotelParams(const RouteContext &ctx)
{
    QHash<QString, QString> p;
    if (ctx.request.method() == Method::Post && !ctx.request.body().trimmed().isEmpty()) {
        auto body = Telephony::parseExotelFormFields(ctx.request.value("content-type"), ctx.request.body());
        if (body)
            p = std::move(body).value();
        else
            qCWarning(lcTelephony) << ctx.request.url().path() << "POST body not readable:" << body.error().message;
    }
    for (const auto &item : QUrlQuery(ctx.request.url()).queryItems(QUrl::FullyDecoded)) {
        const QString key = item.first.toLower();
        if (!item.second.isEmpty() || !p.contains(key))
            p.insert(key, item.second);
    }
    return p;
}

std::optional<Error> ExotelFlowController::refuseExotel(const RouteContext &ctx, const QHash<QString, QString> &params,
                                                        const char *what) const
{
    QByteArray given = params.value(QStringLiteral("k")).toUtf8();
    const QByteArray auth = ctx.request.value("authorization");
    if (given.isEmpty() && auth.startsWith("Basic ")) {
        const QByteArray pair = QByteArray::fromBase64(auth.mid(6).trimmed());
        given = pair.mid(pair.indexOf(':') + 1);
    }
    if (!m_exotelSecret.isEmpty() && !given.isEmpty() && Leadline::constantTimeEquals(m_exotelSecret, given))
        return std::nullopt;
    ++m_rejected;
    qCWarning(lcTelephony) << what << "request refused (missing or wrong key) from" << ctx.request.remoteAddress().toString()
                           << (m_exotelSecret.isEmpty() ? "(EXOTEL_WEBHOOK_SECRET is not set)" : "");
    return given.isEmpty() ? Error::make(Error::Code::Unauthorized, QStringLiteral("missing key (k=)"))
                           : Error::make(Error::Code::Forbidden, QStringLiteral("wrong key"));
}

// The CallSid Exotel sends (any case), bounded and printable; empty when unusable.
static QString callSidOf(const QHash<QString, QString> &params)
{
    const QString sid = params.value(QStringLiteral("callsid")).trimmed();
    static const QRegularExpression ok(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return ok.match(sid).hasMatch() ? sid : QString();
}

Reply ExotelFlowController::passthru(const RouteContext &ctx) const
{
    const QHash<QString, QString> params = exotelParams(ctx);
    if (auto refused = refuseExotel(ctx, params, "Passthru"))
        return *refused;
    const QString sid = callSidOf(params);
    // No Location: Passthru branches on the status code alone.
    const HttpResponse hangUp = HttpResponse::text("no handoff: hang up\n", "text/plain", 302);
    if (sid.isEmpty()) {
        ++m_unknownSids;
        qCWarning(lcTelephony) << "Passthru without a usable CallSid: hang-up branch";
        return hangUp;
    }
    auto h = m_service.connect(sid);
    if (!h) {
        if (h.error().code == Error::Code::NotFound)
            ++m_unknownSids;
        return hangUp;
    }
    return HttpResponse::text("connect\n", "text/plain", 200);
}

Reply ExotelFlowController::dialWhom(const RouteContext &ctx) const
{
    const QHash<QString, QString> params = exotelParams(ctx);
    if (auto refused = refuseExotel(ctx, params, "Connect dial-whom"))
        return *refused;
    const bool json = params.value(QStringLiteral("format")).compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
    const QString sid = callSidOf(params);
    auto agent = m_service.agentNumber(sid);
    QString number;
    if (agent) {
        number = agent.value();
    } else {
        ++m_unknownSids;
        number = m_service.fallbackNumber();
        qCWarning(lcTelephony) << "dial-whom for" << (sid.isEmpty() ? QStringLiteral("(no usable CallSid)") : sid)
                               << "without a handoff:" << (number.isEmpty() ? "nobody to dial" : "fallback number");
    }
    if (json) {
        return HttpResponse::json(QJsonObject{
            {QStringLiteral("destination"), QJsonObject{{QStringLiteral("numbers"),
                                                         number.isEmpty() ? QJsonArray() : QJsonArray{number}}}}});
    }
    return HttpResponse::text(number.toUtf8(), "text/plain", 200);
}

} // namespace Leadline::Server
