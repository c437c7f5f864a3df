#include "webhookapi.h"

#include "core/clock.h"
#include "core/settings.h"
#include "httperror.h"
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

WebhookApi::WebhookApi(const Storage::Database &db, const Clock &clock, const QByteArray &secretKey,
                       Webhooks::WebhookDispatcher *dispatcher)
    : m_db(db), m_clock(clock), m_box(secretKey), m_dispatcher(dispatcher)
{
}

void WebhookApi::registerRoutes(Router &router)
{
    router.add(Method::Put, QStringLiteral("/campaigns/{id}/webhook"), [this](const RouteContext &c) { return put(c); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}/webhook"), [this](const RouteContext &c) { return get(c); });
    router.add(Method::Delete, QStringLiteral("/campaigns/{id}/webhook"), [this](const RouteContext &c) { return remove(c); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}/webhook/deliveries"), [this](const RouteContext &c) {
        auto id = c.id();
        return id ? deliveries(c, id.value()) : errorResponse(id.error());
    });
    router.add(Method::Get, QStringLiteral("/webhooks/deliveries"), [this](const RouteContext &c) {
        const QString campaign = c.request.query().queryItemValue(QStringLiteral("campaign_id"));
        bool ok = true;
        const qint64 id = campaign.isEmpty() ? 0 : campaign.toLongLong(&ok);
        if (!ok || id < 0)
            return errorResponse(Error::make(Error::Code::BadRequest, QStringLiteral("campaign_id must be a campaign id")));
        return deliveries(c, id);
    });
}

Status WebhookApi::validateUrl(const QString &text)
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

HttpResponse WebhookApi::put(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return errorResponse(id.error());
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(ctx.request.body(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return errorResponse(Error::make(Error::Code::BadRequest,
                                         QStringLiteral("body must be a JSON object like {\"url\": \"https://crm.example.com/hook\", \"secret\": \"...\"}")));
    const QJsonObject body = doc.object();
    auto db = m_db.connection();
    if (!db)
        return errorResponse(db.error());
    if (auto c = Storage::CampaignRepository(db.value()).get(id.value()); !c)
        return errorResponse(c.error());
    WebhookStore store(db.value());
    auto existing = store.config(id.value());
    if (!existing && existing.error().code != Error::Code::NotFound)
        return errorResponse(existing.error());

    WebhookConfig cfg = existing ? existing.value() : WebhookConfig{};
    cfg.campaignId = id.value();
    if (body.contains(QStringLiteral("url")) || !existing) {
        const QString url = body.value(QStringLiteral("url")).toString().trimmed();
        if (Status s = validateUrl(url); !s)
            return errorResponse(s.error());
        cfg.url = url;
    }
    if (body.contains(QStringLiteral("events"))) {
        const QJsonValue v = body.value(QStringLiteral("events"));
        if (!v.isArray())
            return errorResponse(Error::make(Error::Code::Validation, QStringLiteral("events must be an array, e.g. [\"call_ended\", \"handoff\"]")));
        QStringList events;
        for (const QJsonValue &e : v.toArray()) {
            const QString name = e.toString();
            if (!knownEvents().contains(name))
                return errorResponse(Error::make(Error::Code::Validation,
                                                 QStringLiteral("unknown event \"%1\" (known: %2)").arg(name, knownEvents().join(QStringLiteral(", ")))));
            if (!events.contains(name))
                events << name;
        }
        if (events.isEmpty())
            return errorResponse(Error::make(Error::Code::Validation, QStringLiteral("events must name at least one event")));
        cfg.events = events;
    }
    if (body.contains(QStringLiteral("enabled"))) {
        if (!body.value(QStringLiteral("enabled")).isBool())
            return errorResponse(Error::make(Error::Code::Validation, QStringLiteral("enabled must be true or false")));
        cfg.enabled = body.value(QStringLiteral("enabled")).toBool();
    }
    QString generated;
    QByteArray secret;
    if (body.contains(QStringLiteral("secret"))) {
        secret = body.value(QStringLiteral("secret")).toString().toUtf8();
        if (secret.size() < 16)
            return errorResponse(Error::make(Error::Code::Validation, QStringLiteral("secret must be at least 16 characters")));
    } else if (!existing || cfg.secretSealed.isEmpty()) {
        QByteArray raw(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
        secret = raw.toHex();
        generated = QString::fromLatin1(secret);
    }
    if (!secret.isEmpty()) {
        if (!m_box.isUsable())
            return errorResponse(Error::make(Error::Code::Unavailable,
                                             QStringLiteral("cannot store a webhook secret: set WEBHOOK_SECRET_KEY (the same on every node)")));
        cfg.secretSealed = m_box.seal(secret, QByteArray::number(cfg.campaignId));
    }
    auto saved = store.putConfig(cfg, m_clock.nowMs());
    if (!saved)
        return errorResponse(saved.error());
    auto counts = store.outboxCounts(cfg.campaignId);
    QJsonObject out = configJson(saved.value(), counts ? counts.value() : QHash<QString, qint64>{}, m_box);
    if (!generated.isEmpty()) {
        out.insert(QStringLiteral("secret"), generated); // shown once; only its sealed form is stored
        out.insert(QStringLiteral("secret_generated"), true);
    }
    if (m_dispatcher)
        m_dispatcher->wake();
    return HttpResponse::json(out, existing ? 200 : 201);
}

HttpResponse WebhookApi::get(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return errorResponse(id.error());
    auto db = m_db.connection();
    if (!db)
        return errorResponse(db.error());
    if (auto c = Storage::CampaignRepository(db.value()).get(id.value()); !c)
        return errorResponse(c.error());
    WebhookStore store(db.value());
    auto cfg = store.config(id.value());
    if (!cfg)
        return errorResponse(cfg.error());
    auto counts = store.outboxCounts(id.value());
    if (!counts)
        return errorResponse(counts.error());
    return HttpResponse::json(configJson(cfg.value(), counts.value(), m_box));
}

HttpResponse WebhookApi::remove(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return errorResponse(id.error());
    auto db = m_db.connection();
    if (!db)
        return errorResponse(db.error());
    if (Status s = WebhookStore(db.value()).deleteConfig(id.value()); !s)
        return errorResponse(s.error());
    HttpResponse r;
    r.status = 204;
    r.body.clear();
    return r;
}

HttpResponse WebhookApi::deliveries(const RouteContext &ctx, qint64 campaignId) const
{
    const QUrlQuery q = ctx.request.query();
    bool okBefore = true, okLimit = true;
    const QString beforeText = q.queryItemValue(QStringLiteral("before"));
    const QString limitText = q.queryItemValue(QStringLiteral("limit"));
    const qint64 before = beforeText.isEmpty() ? 0 : beforeText.toLongLong(&okBefore);
    const int limit = limitText.isEmpty() ? 50 : limitText.toInt(&okLimit);
    if (!okBefore || !okLimit || before < 0 || limit < 1 || limit > 500)
        return errorResponse(Error::make(Error::Code::BadRequest, QStringLiteral("before must be a delivery id and limit 1..500")));
    auto db = m_db.connection();
    if (!db)
        return errorResponse(db.error());
    if (campaignId > 0) {
        if (auto c = Storage::CampaignRepository(db.value()).get(campaignId); !c)
            return errorResponse(c.error());
    }
    auto page = WebhookStore(db.value()).deliveries(campaignId, before, limit);
    if (!page)
        return errorResponse(page.error());
    QJsonArray arr;
    for (const auto &d : page->deliveries)
        arr.append(d.toJson());
    return HttpResponse::json(QJsonObject{
        {QStringLiteral("deliveries"), arr},
        {QStringLiteral("next_before"), page->nextBefore > 0 ? QJsonValue(page->nextBefore) : QJsonValue()},
    });
}

} // namespace Leadline::Server
