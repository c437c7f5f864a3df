#include "handoffapi.h"
#include "storage/handoffstatus.h"

#include "core/clock.h"
#include "core/logging.h"
#include "core/securecompare.h"
#include "core/settings.h"
#include "routehelpers.h"
#include "leads/phonenumber.h"
#include "storage/database.h"
#include "handoff/agentservice.h"
#include "handoff/handoffservice.h"
#include "telephony/exotelwebhook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

Result<HandoffApiOptions> HandoffApiOptions::fromSettings(const Settings &s)
{
    HandoffApiOptions o;
    o.flowMode = Handoff::flowModeFrom(s);
    o.exotelSecret = s.value(QStringLiteral("EXOTEL_WEBHOOK_SECRET")).toUtf8();
    const QString fallback = s.value(QStringLiteral("HANDOFF_FALLBACK_NUMBER")).trimmed();
    if (!fallback.isEmpty()) {
        const auto p = Leads::PhoneNumber::normalize(fallback);
        if (!p.ok())
            return Error::make(Error::Code::Validation,
                               QStringLiteral("HANDOFF_FALLBACK_NUMBER \"%1\" is not a usable phone number: %2 (e.g. +919800000099 or "
                                              "09800000099; leave it empty for none)")
                                   .arg(fallback, p.detail),
                               QStringLiteral("invalid_setting"));
        o.fallbackNumber = p.e164;
    }
    return o;
}

HandoffApi::HandoffApi(const Storage::Database &db, const Clock &clock, HandoffApiOptions options)
    : m_options(std::move(options)), m_service(db, clock, m_options.flowMode, m_options.fallbackNumber),
      m_agents(db, clock)
{
}

void HandoffApi::registerRoutes(Router &router)
{
    router.add(Method::Get, QStringLiteral("/agents"), [this](const RouteContext &c) { return listAgents(c); });
    router.add(Method::Post, QStringLiteral("/agents"), [this](const RouteContext &c) { return createAgent(c); });
    router.add(Method::Patch, QStringLiteral("/agents/{id}"), [this](const RouteContext &c) { return updateAgent(c); });
    router.add(Method::Delete, QStringLiteral("/agents/{id}"), [this](const RouteContext &c) { return deleteAgent(c); });
    router.add(Method::Get, QStringLiteral("/handoffs"), [this](const RouteContext &c) { return listHandoffs(c); });
    router.add(Method::Put, QStringLiteral("/campaigns/{id}/handoff"), [this](const RouteContext &c) { return setCampaignHandoff(c); });
    // Exotel cannot send a bearer token: the shared secret is checked in the handlers.
    // Exotel's applets send GET or POST, whichever the flow's applet is set to.
    for (const Method m : {Method::Get, Method::Post}) {
        router.add(m, QStringLiteral("/exotel/passthru"), [this](const RouteContext &c) { return passthru(c); }, Access::Public);
        router.add(m, QStringLiteral("/exotel/connect/dial-whom"), [this](const RouteContext &c) { return dialWhom(c); },
                   Access::Public);
    }
}

Error HandoffApi::handoffNeedsFlowMode()
{
    return Handoff::HandoffService::needsFlowMode();
}

// ---------------------------------------------------------------- campaigns

Status HandoffApi::validateCampaignBody(const QJsonObject &body) const
{
    return m_service.validateCampaignFlag(body.value(QStringLiteral("handoff_enabled")));
}

Status HandoffApi::applyCampaignBody(qint64 campaignId, const QJsonObject &body, QJsonObject &out) const
{
    const QJsonValue v = body.value(QStringLiteral("handoff_enabled"));
    if (v.isBool()) {
        if (Status s = m_service.setCampaignHandoff(campaignId, v.toBool()); !s)
            qCWarning(lcServer) << "campaign" << campaignId << "handoff flag not stored:" << s.error().message;
    }
    return decorateCampaign(campaignId, out);
}

Status HandoffApi::decorateCampaign(qint64 campaignId, QJsonObject &out) const
{
    auto on = m_service.campaignHandoffEnabled(campaignId);
    if (!on)
        return on.error();
    out.insert(QStringLiteral("handoff_enabled"), on.value());
    out.insert(QStringLiteral("handoff_available"), m_options.flowMode);
    return okStatus();
}

Reply HandoffApi::setCampaignHandoff(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    const auto parsed = ctx.jsonObject(QString());
    const QJsonObject body = parsed ? parsed.value() : QJsonObject();
    if (!body.value(QStringLiteral("enabled")).isBool())
        return Error::make(Error::Code::BadRequest, QStringLiteral("body must be {\"enabled\": true|false}"));
    const bool enabled = body.value(QStringLiteral("enabled")).toBool();
    if (Status s = m_service.setCampaignHandoff(id.value(), enabled); !s)
        return s.error();
    return HttpResponse::json(QJsonObject{{QStringLiteral("campaign_id"), id.value()},
                                          {QStringLiteral("handoff_enabled"), enabled},
                                          {QStringLiteral("handoff_available"), m_options.flowMode}});
}

// ---------------------------------------------------------------- roster

static Result<QJsonObject> jsonBody(const RouteContext &ctx)
{
    return ctx.jsonObject(QStringLiteral("body must be a JSON object"));
}

Reply HandoffApi::listAgents(const RouteContext &ctx) const
{
    const bool all = QUrlQuery(ctx.request.url()).queryItemValue(QStringLiteral("include_inactive")) == QLatin1String("1");
    auto agents = m_agents.list(all);
    if (!agents)
        return agents.error();
    QJsonArray arr;
    for (const auto &a : agents.value())
        arr.append(a.toJson());
    return HttpResponse::json(QJsonObject{{QStringLiteral("agents"), arr}});
}

Reply HandoffApi::createAgent(const RouteContext &ctx) const
{
    auto body = jsonBody(ctx);
    if (!body)
        return body.error();
    auto created = m_agents.add(body.value());
    if (!created)
        return created.error();
    HttpResponse r = HttpResponse::json(created->toJson(), 201);
    r.headers.append({QByteArrayLiteral("Location"), "/agents/" + QByteArray::number(created->id)});
    return r;
}

Reply HandoffApi::updateAgent(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    auto body = jsonBody(ctx);
    if (!body)
        return body.error();
    auto saved = m_agents.update(id.value(), body.value());
    if (!saved)
        return saved.error();
    return HttpResponse::json(saved->toJson());
}

Reply HandoffApi::deleteAgent(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    if (Status s = m_agents.remove(id.value()); !s)
        return s.error();
    return HttpResponse::json(QJsonObject{{QStringLiteral("id"), id.value()}, {QStringLiteral("active"), false}});
}

Reply HandoffApi::listHandoffs(const RouteContext &ctx) const
{
    const QUrlQuery q(ctx.request.url());
    qint64 campaignId = 0;
    if (q.hasQueryItem(QStringLiteral("campaign_id"))) {
        auto given = queryInt(ctx, QStringLiteral("campaign_id"), 0, QStringLiteral("campaign_id must be a positive integer"));
        if (!given || given.value() == 0)
            return Error::make(Error::Code::BadRequest, QStringLiteral("campaign_id must be a positive integer"));
        campaignId = given.value();
    }
    const int limit = q.hasQueryItem(QStringLiteral("limit")) ? q.queryItemValue(QStringLiteral("limit")).toInt() : 200;
    auto rows = m_service.handoffs(campaignId, limit);
    if (!rows)
        return rows.error();
    QJsonArray arr;
    for (const auto &h : rows.value())
        arr.append(h.toJson());
    return HttpResponse::json(QJsonObject{{QStringLiteral("handoffs"), arr}});
}

// ---------------------------------------------------------------- Exotel flow

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

std::optional<Error> HandoffApi::refuseExotel(const RouteContext &ctx, const QHash<QString, QString> &params,
                                              const char *what) const
{
    QByteArray given = params.value(QStringLiteral("k")).toUtf8();
    const QByteArray auth = ctx.request.value("authorization");
    if (given.isEmpty() && auth.startsWith("Basic ")) {
        const QByteArray pair = QByteArray::fromBase64(auth.mid(6).trimmed());
        given = pair.mid(pair.indexOf(':') + 1);
    }
    if (!m_options.exotelSecret.isEmpty() && !given.isEmpty() && Leadline::constantTimeEquals(m_options.exotelSecret, given))
        return std::nullopt;
    ++m_rejected;
    qCWarning(lcTelephony) << what << "request refused (missing or wrong key) from" << ctx.request.remoteAddress().toString()
                           << (m_options.exotelSecret.isEmpty() ? "(EXOTEL_WEBHOOK_SECRET is not set)" : "");
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

Reply HandoffApi::passthru(const RouteContext &ctx) const
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

Reply HandoffApi::dialWhom(const RouteContext &ctx) const
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
