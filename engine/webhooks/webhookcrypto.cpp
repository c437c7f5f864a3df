#include "webhookcrypto.h"

#include "core/securecompare.h"

#include <QList>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QtEndian>

namespace Leadline::Webhooks {

static QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

static constexpr int kNonceBytes = 16;
static constexpr int kTagBytes = 32;

SecretBox::SecretBox(const QByteArray &key)
{
    if (key.isEmpty())
        return;
    m_encKey = hmac(key, QByteArrayLiteral("leadline-webhook-secret-enc-v1"));
    m_macKey = hmac(key, QByteArrayLiteral("leadline-webhook-secret-mac-v1"));
}

QByteArray SecretBox::keystream(const QByteArray &nonce, int length) const
{
    QByteArray out;
    out.reserve(length + 32);
    quint32 counter = 0;
    while (out.size() < length) {
        char be[4];
        qToBigEndian(counter++, be);
        out += hmac(m_encKey, nonce + QByteArray(be, 4));
    }
    out.truncate(length);
    return out;
}

QByteArray SecretBox::tag(const QByteArray &nonce, const QByteArray &cipher, const QByteArray &context) const
{
    return hmac(m_macKey, QByteArrayLiteral("v1") + QByteArray::number(context.size()) + ':' + context + nonce + cipher);
}

QString SecretBox::seal(const QByteArray &plain, const QByteArray &context) const
{
    if (!isUsable())
        return {};
    QByteArray nonce(kNonceBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), kNonceBytes / 4);
    QByteArray cipher = plain;
    const QByteArray ks = keystream(nonce, int(plain.size()));
    for (qsizetype i = 0; i < cipher.size(); ++i)
        cipher[i] = char(cipher.at(i) ^ ks.at(i));
    return QStringLiteral("v1:") + QString::fromLatin1(QByteArray(nonce + cipher + tag(nonce, cipher, context)).toBase64());
}

Result<QByteArray> SecretBox::open(const QString &sealed, const QByteArray &context) const
{
    auto bad = [](const QString &why) {
        return Error::make(Error::Code::Internal, QStringLiteral("webhook secret cannot be decrypted: %1").arg(why),
                           QStringLiteral("secret_undecryptable"));
    };
    if (!isUsable())
        return bad(QStringLiteral("no WEBHOOK_SECRET_KEY (or API_TOKEN) configured"));
    if (!sealed.startsWith(QLatin1String("v1:")))
        return bad(QStringLiteral("unknown format"));
    const QByteArray raw = QByteArray::fromBase64(sealed.mid(3).toLatin1());
    if (raw.size() < kNonceBytes + kTagBytes)
        return bad(QStringLiteral("truncated"));
    const QByteArray nonce = raw.left(kNonceBytes);
    const QByteArray cipher = raw.mid(kNonceBytes, raw.size() - kNonceBytes - kTagBytes);
    const QByteArray given = raw.right(kTagBytes);
    if (!constantTimeEquals(tag(nonce, cipher, context), given))
        return bad(QStringLiteral("wrong key or tampered value"));
    QByteArray plain = cipher;
    const QByteArray ks = keystream(nonce, int(cipher.size()));
    for (qsizetype i = 0; i < plain.size(); ++i)
        plain[i] = char(plain.at(i) ^ ks.at(i));
    return plain;
}

QByteArray signatureHex(const QByteArray &secret, qint64 unixTs, const QByteArray &body)
{
    return hmac(secret, QByteArray::number(unixTs) + '.' + body).toHex();
}

QByteArray signatureHeader(const QByteArray &secret, qint64 unixTs, const QByteArray &body)
{
    return "t=" + QByteArray::number(unixTs) + ",v1=" + signatureHex(secret, unixTs, body);
}

bool verifySignature(const QByteArray &secret, const QByteArray &header, const QByteArray &body, qint64 nowS, qint64 toleranceS)
{
    qint64 ts = -1;
    QList<QByteArray> signatures;
    for (const QByteArray &part : header.split(',')) {
        const QByteArray p = part.trimmed();
        if (p.startsWith("t=")) {
            bool ok = false;
            ts = p.mid(2).toLongLong(&ok);
            if (!ok)
                return false;
        } else if (p.startsWith("v1=")) {
            signatures << p.mid(3);
        }
    }
    if (ts < 0 || signatures.isEmpty() || qAbs(nowS - ts) > toleranceS)
        return false;
    const QByteArray expected = signatureHex(secret, ts, body);
    bool match = false;
    for (const QByteArray &s : std::as_const(signatures))
        match = constantTimeEquals(expected, s.toLower()) || match;
    return match;
}

} // namespace Leadline::Webhooks
