#include "agentselector.h"

#include <QHash>
#include <QTimeZone>

namespace Leadline::Handoff {

static int dayIndex(const QString &d)
{
    static const QStringList names = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
                                      QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
    return int(names.indexOf(d.trimmed().left(3).toLower())) + 1; // Qt::DayOfWeek, 0 = unknown
}

bool AgentSelector::inWorkingHours(const SalesAgentRow &agent, const QDateTime &now)
{
    QTimeZone tz(agent.timezone.toUtf8());
    if (!tz.isValid())
        tz = QTimeZone("Asia/Kolkata");
    const QDateTime local = now.toTimeZone(tz);
    const QTime start = QTime::fromString(agent.workStart.trimmed(), QStringLiteral("H:mm"));
    const QTime end = QTime::fromString(agent.workEnd.trimmed(), QStringLiteral("H:mm"));
    if (!start.isValid() || !end.isValid())
        return false;
    QList<int> days;
    for (const QString &d : agent.workDays.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const int i = dayIndex(d))
            days << i;
    const QTime t = local.time();
    int day = local.date().dayOfWeek();
    bool inside;
    if (start <= end) {
        inside = t >= start && t < end;
    } else { // past midnight: the shift belongs to the day it started
        inside = t >= start || t < end;
        if (t < end)
            day = day == 1 ? 7 : day - 1;
    }
    return inside && days.contains(day);
}

bool AgentSelector::speaks(const SalesAgentRow &agent, const QString &language)
{
    const QString want = language.left(2).toLower();
    if (want.isEmpty())
        return true;
    for (const QString &l : agent.languages)
        if (l.trimmed().left(2).toLower() == want)
            return true;
    return false;
}

QString AgentSelector::namedAgent(const QJsonObject &custom)
{
    static const QStringList keys = {QStringLiteral("agent"), QStringLiteral("sales agent"), QStringLiteral("assigned agent"),
                                     QStringLiteral("agent name"), QStringLiteral("agent phone"), QStringLiteral("salesperson"),
                                     QStringLiteral("sales person")};
    for (auto it = custom.begin(); it != custom.end(); ++it) {
        QString k = it.key().trimmed().toLower();
        k.replace(QLatin1Char('_'), QLatin1Char(' ')).replace(QLatin1Char('-'), QLatin1Char(' '));
        if (keys.contains(k.simplified())) {
            const QString v = it.value().toString().trimmed();
            if (!v.isEmpty())
                return v;
        }
    }
    return {};
}

static QString digits(const QString &s)
{
    QString d;
    for (const QChar c : s)
        if (c.isDigit())
            d += c;
    return d.right(10);
}

std::optional<AgentChoice> AgentSelector::choose(const QList<SalesAgentRow> &roster, const QList<AgentLoad> &loads,
                                                 const QString &callerLanguage, const QString &named, const QDateTime &now)
{
    QHash<qint64, AgentLoad> load;
    for (const AgentLoad &l : loads)
        load.insert(l.agentId, l);
    auto canTake = [&](const SalesAgentRow &a) {
        return a.active && a.available && a.maxHandoffs > 0 && load.value(a.id).activeHandoffs < a.maxHandoffs
               && inWorkingHours(a, now);
    };
    if (!named.isEmpty()) {
        const QString namedDigits = digits(named);
        for (const SalesAgentRow &a : roster) {
            const bool byName = a.name.trimmed().compare(named, Qt::CaseInsensitive) == 0
                                || a.name.section(QLatin1Char(' '), 0, 0).compare(named, Qt::CaseInsensitive) == 0;
            const bool byPhone = namedDigits.size() == 10 && digits(a.phoneE164) == namedDigits;
            if ((byName || byPhone) && canTake(a))
                return AgentChoice{a, true};
        }
    }
    const SalesAgentRow *best = nullptr;
    for (const SalesAgentRow &a : roster) {
        if (!canTake(a) || !speaks(a, callerLanguage))
            continue;
        if (!best) {
            best = &a;
            continue;
        }
        const AgentLoad la = load.value(a.id), lb = load.value(best->id);
        if (la.activeHandoffs != lb.activeHandoffs) {
            if (la.activeHandoffs < lb.activeHandoffs)
                best = &a;
        } else if (la.lastHandoffAt != lb.lastHandoffAt) {
            if (la.lastHandoffAt < lb.lastHandoffAt) // round-robin: longest since the last handoff
                best = &a;
        } else if (a.id < best->id) {
            best = &a;
        }
    }
    if (!best)
        return std::nullopt;
    return AgentChoice{*best, false};
}

} // namespace Leadline::Handoff
