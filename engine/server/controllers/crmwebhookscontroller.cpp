#include "crmwebhookscontroller.h"

#include "core/clock.h"
#include "core/settings.h"
#include "server/routehelpers.h"
#include "storage/campaignrepository.h"
#include "storage/database.h"
#include "webhooks/webhookdispatcher.h"
#include "webhooks/webhookstore.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;
using Webhooks::WebhookConfig;
using Webhooks::WebhookStore;

static const QStringList &knownEvents()
{
    static const QStringList e{QStringLiteral("call_ended"), QStringLiteral("handoff")};
    return e;
}

CrmWebhooksController::CrmWebhooksController(const Storage::Database &db, const Clock &clock, const QByteArray &secretKey,
                       Webhooks::WebhookDispatcher *dispatcher)
    : m_db(db), m_clock(clock), m_box(secretKey), m_dispatcher(dispatcher)
{
}

void CrmWebhooksController::registerRoutes(Router &router)
{
    router.add(Method::Put, QStringLiteral("/campaigns/{id}/webhook"), [this](const RouteContext &c) { return put(c); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}/webhook"), [this](const RouteContext &c) { return get(c); });
    router.add(Method::Delete, QStringLiteral("/campaigns/{id}/webhook"), [this](const RouteContext &c) { return remove(c); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}/webhook/deliveries"), [this](const RouteContext &c) -> Reply {
        auto id = c.id();
        if (!id)
            return id.error();
        return deliveries(c, id.value());
    });
    router.add(Method::Get, QStringLiteral("/webhooks/deliveries"), [this](const RouteContext &c) -> Reply {
        auto id = queryInt(c, QStringLiteral("campaign_id"), 0, QStringLiteral("campaign_id must be a campaign id"));
        if (!id)
            return id.error();
        return deliveries(c, id.value());
    });
}

Status CrmWebhooksController::validateUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return Error::make(Error::Code::Validation, QStringLiteral("url must be an absolute https:// URL"), QStringLiteral("bad_url"));
    if (!url.userInfo().isEmpty())
        return Error::make(Error::Code::Validation, QStringLiteral("url must not carry credentials; the shared secret signs each request"),
                           QStringLiteral("bad_url"));
    const QHostAddress host(url.host());
    const bool loopback = url.host() == QLatin1String("localhost") || (!host.isNull() && host.isLoopback());
    if (scheme == QLatin1String("http") && !loopback)
        return Error::make(Error::Code::Validation,
                           QStringLiteral("url must use https (lead data travels in the body); plain http is only allowed to localhost"),
                           QStringLiteral("bad_url"));
    return okStatus();
}

static QJsonObject configJson(const WebhookConfig &c, const QHash<QString, qint64> &counts, const Webhooks::SecretBox &box)
{
    // Masked like every secret setting (last 4 characters of a long one), so an operator can
    // tell which secret is set; "****" when it cannot be opened with the current key.
    QJsonValue masked;
    if (!c.secretSealed.isEmpty()) {
        auto plain = box.open(c.secretSealed, QByteArray::number(c.campaignId));
        masked = plain ? Settings::mask(QString::fromUtf8(plain.value())) : QStringLiteral("****");
    }
    return QJsonObject{
        {QStringLiteral("campaign_id"), c.campaignId},
        {QStringLiteral("url"), c.url},
        {QStringLiteral("events"), QJsonArray::fromStringList(c.events)},
        {QStringLiteral("enabled"), c.enabled},
        {QStringLiteral("secret"), masked},
        {QStringLiteral("secret_set"), !c.secretSealed.isEmpty()},
        {QStringLiteral("outbox"), QJsonObject{{QStringLiteral("pending"), counts.value(QStringLiteral("pending"))},
                                               {QStringLiteral("delivered"), counts.value(QStringLiteral("delivered"))},
                                               {QStringLiteral("dead"), counts.value(QStringLiteral("dead"))}}},
    };
}

Reply CrmWebhooksController::put(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    auto parsed = ctx.jsonObject(QStringLiteral("body must be a JSON object like {\"url\": \"https://crm.example.com/hook\", \"secret\": \"...\"}"));
    if (!parsed)
        return parsed.error();
    const QJsonObject body = parsed.value();
    auto c = campaignScope(id.value(), m_db);
    if (!c)
        return c.error();
    WebhookStore store(c->db);
    auto existing = store.config(c->id);
    if (!existing && existing.error().code != Error::Code::NotFound)
        return existing.error();

    WebhookConfig cfg = existing ? existing.value() : WebhookConfig{};
    cfg.campaignId = c->id;
    if (body.contains(QStringLiteral("url")) || !existing) {
        const QString url = body.value(QStringLiteral("url")).toString().trimmed();
        if (Status s = validateUrl(url); !s)
            return s.error();
        cfg.url = url;
    }
    if (body.contains(QStringLiteral("events"))) {
        const QJsonValue v = body.value(QStringLiteral("events"));
        if (!v.isArray())
            return Error::make(Error::Code::Validation, QStringLiteral("events must be an array, e.g. [\"call_ended\", \"handoff\"]"));
        QStringList events;
        for (const QJsonValue &e : v.toArray()) {
            const QString name = e.toString();
            if (!knownEvents().contains(name))
                return Error::make(Error::Code::Validation,
                                                 QStringLiteral("unknown event \"%1\" (known: %2)").arg(name, knownEvents().join(QStringLiteral(", "))));
            if (!events.contains(name))
                events << name;
        }
        if (events.isEmpty())
            return Error::make(Error::Code::Validation, QStringLiteral("events must name at least one event"));
        cfg.events = events;
    }
    if (body.contains(QStringLiteral("enabled"))) {
        if (!body.value(QStringLiteral("enabled")).isBool())
            return Error::make(Error::Code::Validation, QStringLiteral("enabled must be true or false"));
        cfg.enabled = body.value(QStringLiteral("enabled")).toBool();
    }
    QString generated;
    QByteArray secret;
    if (body.contains(QStringLiteral("secret"))) {
        secret = body.value(QStringLiteral("secret")).toString().toUtf8();
        if (secret.size() < 16)
            return Error::make(Error::Code::Validation, QStringLiteral("secret must be at least 16 characters"));
    } else if (!existing || cfg.secretSealed.isEmpty()) {
        QByteArray raw(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
        secret = raw.toHex();
        generated = QString::fromLatin1(secret);
    }
    if (!secret.isEmpty()) {
        if (!m_box.isUsable())
            return Error::make(Error::Code::Unavailable,
                                             QStringLiteral("cannot store a webhook secret: set WEBHOOK_SECRET_KEY (the same on every node)"));
        cfg.secretSealed = m_box.seal(secret, QByteArray::number(cfg.campaignId));
    }
    auto saved = store.putConfig(cfg, m_clock.nowMs());
    if (!saved)
        return saved.error();
    auto counts = store.outboxCounts(cfg.campaignId);
    if (!counts)
        return counts.error(); // never a 200 with an empty outbox it did not read
    QJsonObject out = configJson(saved.value(), counts.value(), m_box);
    if (!generated.isEmpty()) {
        out.insert(QStringLiteral("secret"), generated); // shown once; only its sealed form is stored
        out.insert(QStringLiteral("secret_generated"), true);
    }
    if (m_dispatcher)
        m_dispatcher->wake();
    return HttpResponse::json(out, existing ? 200 : 201);
}

Reply CrmWebhooksController::get(const RouteContext &ctx) const
{
    auto c = campaignScope(ctx, m_db);
    if (!c)
        return c.error();
    WebhookStore store(c->db);
    auto cfg = store.config(c->id);
    if (!cfg)
        return cfg.error();
    auto counts = store.outboxCounts(c->id);
    if (!counts)
        return counts.error();
    return HttpResponse::json(configJson(cfg.value(), counts.value(), m_box));
}

Reply CrmWebhooksController::remove(const RouteContext &ctx) const
{
    auto row = rowScope(ctx, m_db);
    if (!row)
        return row.error();
    if (Status s = WebhookStore(row->db).deleteConfig(row->id); !s)
        return s.error();
    HttpResponse r;
    r.status = 204;
    r.body.clear();
    return r;
}

Reply CrmWebhooksController::deliveries(const RouteContext &ctx, qint64 campaignId) const
{
    const QString complaint = QStringLiteral("before must be a delivery id and limit 1..500");
    auto before = queryInt(ctx, QStringLiteral("before"), 0, complaint);
    auto limit = queryInt(ctx, QStringLiteral("limit"), 50, complaint);
    if (!before || !limit || limit.value() < 1 || limit.value() > 500)
        return Error::make(Error::Code::BadRequest, complaint);
    QSqlDatabase db;
    if (campaignId > 0) {
        auto c = campaignScope(campaignId, m_db);
        if (!c)
            return c.error();
        db = c->db;
    } else {
        auto conn = m_db.connection();
        if (!conn)
            return conn.error();
        db = conn.value();
    }
    auto page = WebhookStore(db).deliveries(campaignId, before.value(), int(limit.value()));
    if (!page)
        return page.error();
    QJsonArray arr;
    for (const auto &d : page->deliveries)
        arr.append(d.toJson());
    return HttpResponse::json(QJsonObject{
        {QStringLiteral("deliveries"), arr},
        {QStringLiteral("next_before"), page->nextBefore > 0 ? QJsonValue(page->nextBefore) : QJsonValue()},
    });
}

} // namespace Leadline::Server
