// Crypto for CRM webhooks, built on Qt's HMAC-SHA256 only (no new dependency):
//  - the request signature X-Leadline-Signature: t=<unix ts>,v1=<hex HMAC-SHA256(secret, "<ts>.<body>")>
//    (signatureHeader / verifySignature, the receiver's side, used by tests and documented in README);
//  - SecretBox: how a campaign's shared secret is stored in the database. Encrypt-then-MAC with
//    keys derived from WEBHOOK_SECRET_KEY: keystream = HMAC(encKey, nonce || counter) (HMAC as a
//    PRF in counter mode), tag = HMAC(macKey, "v1" || context || nonce || ciphertext), random
//    16-byte nonce. The context (the campaign id) binds a sealed secret to its row. Stored form:
//    "v1:" + base64(nonce || ciphertext || tag). Without the key the database holds nothing usable.
// Thread: value types and pure functions; safe from any thread.
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace Leadline::Webhooks {

class SecretBox
{
public:
    explicit SecretBox(const QByteArray &key = {});
    bool isUsable() const { return !m_encKey.isEmpty(); }
    QString seal(const QByteArray &plain, const QByteArray &context) const;
    // Fails (Internal, "secret_undecryptable") when the key changed or the value was tampered with.
    Result<QByteArray> open(const QString &sealed, const QByteArray &context) const;

private:
    QByteArray keystream(const QByteArray &nonce, int length) const;
    QByteArray tag(const QByteArray &nonce, const QByteArray &cipher, const QByteArray &context) const;
    QByteArray m_encKey;
    QByteArray m_macKey;
};

QByteArray signatureHex(const QByteArray &secret, qint64 unixTs, const QByteArray &body);
QByteArray signatureHeader(const QByteArray &secret, qint64 unixTs, const QByteArray &body);
// The receiver's check: parses t= and v1=, recomputes, compares in constant time, and refuses a
// timestamp further than toleranceS from nowS (replays).
bool verifySignature(const QByteArray &secret, const QByteArray &header, const QByteArray &body, qint64 nowS,
                     qint64 toleranceS = 300);

} // namespace Leadline::Webhooks
