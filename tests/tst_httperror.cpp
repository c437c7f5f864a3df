#include "server/httperror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Server;

class tst_HttpError : public QObject
{
    Q_OBJECT
private slots:
    void mapping_data();
    void mapping();
};

void tst_HttpError::mapping_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("jsonCode");
    using C = Error::Code;
    QTest::newRow("bad request") << int(C::BadRequest) << QString() << 400 << "bad_request";
    QTest::newRow("validation") << int(C::Validation) << QString() << 400 << "validation_failed";
    QTest::newRow("csv not utf-8") << int(C::BadEncoding) << "bad_encoding" << 422 << "bad_encoding";
    QTest::newRow("csv without phone column") << int(C::NotACsv) << "no_phone_column" << 422 << "no_phone_column";
    QTest::newRow("unknown campaign") << int(C::NotFound) << QString() << 404 << "not_found";
    QTest::newRow("duplicate name") << int(C::Conflict) << "duplicate_name" << 409 << "duplicate_name";
    QTest::newRow("no token") << int(C::Unauthorized) << QString() << 401 << "unauthorized";
    QTest::newRow("forbidden") << int(C::Forbidden) << QString() << 403 << "forbidden";
    QTest::newRow("body too large") << int(C::PayloadTooLarge) << QString() << 413 << "payload_too_large";
    QTest::newRow("database down") << int(C::Unavailable) << QString() << 503 << "unavailable";
    QTest::newRow("bug") << int(C::Internal) << QString() << 500 << "internal";
}

void tst_HttpError::mapping()
{
    QFETCH(int, code);
    QFETCH(QString, detail);
    QFETCH(int, status);
    QFETCH(QString, jsonCode);
    const Error e = Error::make(Error::Code(code), QStringLiteral("something specific"), detail);
    const HttpResponse r = errorResponse(e);
    QCOMPARE(r.status, status);
    QCOMPARE(r.contentType, QByteArray("application/json"));
    const QJsonObject err = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(err.value(QStringLiteral("code")).toString(), jsonCode);
    QCOMPARE(err.value(QStringLiteral("message")).toString(), QStringLiteral("something specific"));
    const bool hasAuthHeader = std::any_of(r.headers.cbegin(), r.headers.cend(),
                                           [](const auto &h) { return h.first == "WWW-Authenticate"; });
    QCOMPARE(hasAuthHeader, status == 401);
}

QTEST_GUILESS_MAIN(tst_HttpError)
#include "tst_httperror.moc"
