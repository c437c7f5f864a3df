#include "ivrnavigation.h"

#include <QJsonObject>
#include <cmath>

namespace Leadline::Screening {

namespace {

// Row (low) and column (high) frequencies of the DTMF keypad.
bool keyFrequencies(QChar key, double *low, double *high)
{
    static const char keys[4][4] = {{'1', '2', '3', 'A'}, {'4', '5', '6', 'B'}, {'7', '8', '9', 'C'}, {'*', '0', '#', 'D'}};
    static const double rows[4] = {697.0, 770.0, 852.0, 941.0};
    static const double cols[4] = {1209.0, 1336.0, 1477.0, 1633.0};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 3; ++c)
            if (key == QLatin1Char(keys[r][c])) {
                *low = rows[r];
                *high = cols[c];
                return true;
            }
    return false;
}

} // namespace

QString dtmfKeys(const QString &digits, int maxDigits)
{
    QString out;
    for (QChar c : digits) {
        double lo = 0, hi = 0;
        if (keyFrequencies(c, &lo, &hi) && out.size() < maxDigits)
            out += c;
    }
    return out;
}

QByteArray dtmfAudio(const QString &keys, int sampleRate, int toneMs, int gapMs)
{
    QByteArray out;
    if (sampleRate <= 0)
        return out;
    for (QChar key : keys) {
        double lo = 0, hi = 0;
        if (!keyFrequencies(key, &lo, &hi))
            continue;
        const int n = toneMs * sampleRate / 1000;
        QByteArray tone(n * 2, Qt::Uninitialized);
        for (int i = 0; i < n; ++i) {
            const double t = double(i) / sampleRate;
            const auto v = qint16(std::lround(0.35 * 32767.0 * (std::sin(2 * M_PI * lo * t) + std::sin(2 * M_PI * hi * t)) / 2.0));
            tone[2 * i] = char(quint16(v) & 0xff);
            tone[2 * i + 1] = char(quint16(v) >> 8);
        }
        out += tone + QByteArray(gapMs * sampleRate / 1000 * 2, '\0');
    }
    return out;
}

QJsonArray ivrTools(QJsonArray tools)
{
    for (qsizetype i = 0; i < tools.size(); ++i) {
        QJsonObject tool = tools.at(i).toObject();
        QJsonObject fn = tool.value(QStringLiteral("function")).toObject();
        if (fn.value(QStringLiteral("name")).toString() != QLatin1String("end_call"))
            continue;
        QJsonObject params = fn.value(QStringLiteral("parameters")).toObject();
        QJsonObject props = params.value(QStringLiteral("properties")).toObject();
        QJsonObject outcome = props.value(QStringLiteral("outcome")).toObject();
        QJsonArray choices = outcome.value(QStringLiteral("enum")).toArray();
        if (!choices.isEmpty() && !choices.contains(QStringLiteral("ivr"))) {
            choices.append(QStringLiteral("ivr"));
            outcome.insert(QStringLiteral("enum"), choices);
            props.insert(QStringLiteral("outcome"), outcome);
            params.insert(QStringLiteral("properties"), props);
            fn.insert(QStringLiteral("parameters"), params);
            tool.insert(QStringLiteral("function"), fn);
            tools.replace(i, tool);
        }
    }
    const QJsonObject props{
        {QStringLiteral("digits"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                               {QStringLiteral("description"), QStringLiteral("keys to press: 0-9, * or #")}}},
        {QStringLiteral("reason"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                               {QStringLiteral("description"), QStringLiteral("which menu option this chooses")}}},
    };
    tools.append(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("function")},
        {QStringLiteral("function"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("press_digits")},
                     {QStringLiteral("description"), QStringLiteral("Press keys on the phone keypad to choose an option of the automated menu.")},
                     {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                                {QStringLiteral("properties"), props},
                                                                {QStringLiteral("required"), QJsonArray{QStringLiteral("digits")}}}}}}});
    return tools;
}

QString ivrInstructions()
{
    return QStringLiteral(
        "\n\nAn automated phone menu (IVR) answered this call, not the lead. Do not talk to the menu. "
        "Listen to its options and use press_digits to choose the one that reaches a person (the lead by name, "
        "an operator, or sales). When a person answers, greet them and continue the call as usual. If the menu "
        "cannot reach a person, call end_call with outcome \"ivr\".");
}

} // namespace Leadline::Screening
