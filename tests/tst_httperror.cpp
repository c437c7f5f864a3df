#include "server/httperror.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
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
    void retryAfter();
    void handlerErrorsBecomeResponses();
    void problemsListed();
    void onlyTheTableBuildsErrors();
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
    QTest::newRow("wrong method") << int(C::MethodNotAllowed) << QString() << 405 << "method_not_allowed";
    QTest::newRow("body too large") << int(C::PayloadTooLarge) << QString() << 413 << "payload_too_large";
    QTest::newRow("headers too large") << int(C::HeadersTooLarge) << QString() << 431 << "headers_too_large";
    QTest::newRow("too many headers") << int(C::HeadersTooLarge) << "too_many_headers" << 431 << "too_many_headers";
    QTest::newRow("slow down") << int(C::TooManyRequests) << QString() << 429 << "too_many_requests";
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
    const bool hasRetryAfter = std::any_of(r.headers.cbegin(), r.headers.cend(), [](const auto &h) { return h.first == "Retry-After"; });
    QCOMPARE(hasRetryAfter, status == 429 || status == 503);
}

void tst_HttpError::retryAfter()
{
    Error e = Error::make(Error::Code::TooManyRequests, QStringLiteral("slow down"));
    QVERIFY(e.retryable);
    e.retryAfterS = 30;
    const HttpResponse r = errorResponse(e);
    QCOMPARE(r.status, 429);
    QVERIFY(r.headers.contains(qMakePair(QByteArray("Retry-After"), QByteArray("30"))));
    const HttpResponse down = errorResponse(Error::make(Error::Code::Unavailable, QStringLiteral("database down")));
    QVERIFY(down.headers.contains(qMakePair(QByteArray("Retry-After"), QByteArray("5")))); // the default
}

void tst_HttpError::handlerErrorsBecomeResponses()
{
    // What a route handler returns: its response as it is, or its error through the table.
    const HttpResponse ok = toResponse(Result<HttpResponse>(HttpResponse::json(QJsonObject{{QStringLiteral("id"), 7}}, 201)));
    QCOMPARE(ok.status, 201);
    const HttpResponse err = toResponse(Result<HttpResponse>(Error::make(Error::Code::Conflict, QStringLiteral("taken"), QStringLiteral("duplicate_name"))));
    QCOMPARE(err.status, 409);
    QCOMPARE(QJsonDocument::fromJson(err.body).object()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("duplicate_name"));
}

void tst_HttpError::problemsListed()
{
    const HttpResponse r = rejectedInput(Error::make(Error::Code::Validation, QStringLiteral("brief is invalid"), QStringLiteral("invalid_brief")),
                                         {QStringLiteral("project.name is required"), QStringLiteral("price is negative")});
    QCOMPARE(r.status, 400);
    const QJsonObject err = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(err.value(QStringLiteral("code")).toString(), QStringLiteral("invalid_brief"));
    QCOMPARE(err.value(QStringLiteral("problems")).toArray().size(), 2);
    QVERIFY(!QJsonDocument::fromJson(errorResponse(Error::make(Error::Code::Validation, QStringLiteral("x"))).body)
                 .object()[QStringLiteral("error")].toObject().contains(QStringLiteral("problems")));
}

// Handlers return their errors (Result<HttpResponse>); the server's refusals are Errors too. Only
// httperror.cpp turns an Error into a response: no other source of the server calls
// errorResponse(), nor writes an {"error": ...} body or a status of 4xx/5xx itself.
void tst_HttpError::onlyTheTableBuildsErrors()
{
    const QString dir = QStringLiteral(LEADLINE_SOURCE_DIR "/engine/server");
    QDirIterator it(dir, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
    const QRegularExpression handBuilt(QStringLiteral(R"(errorResponse\s*\(|QStringLiteral\("error"\)|HttpResponse::(json|text)\([^;]*,\s*[45]\d\d\s*\)|\.status\s*=\s*[45]\d\d)"));
    int files = 0;
    QStringList offenders;
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = QFileInfo(path).fileName();
        if (name.startsWith(QLatin1String("httperror.")))
            continue;
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        ++files;
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            const QString line = lines.at(i).trimmed();
            if (line.startsWith(QLatin1String("//")))
                continue;
            if (handBuilt.match(line).hasMatch())
                offenders << QStringLiteral("%1:%2: %3").arg(QDir(dir).relativeFilePath(path)).arg(i + 1).arg(line);
        }
    }
    QVERIFY(files > 20); // the sources were found
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(tst_HttpError)
#include "tst_httperror.moc"
