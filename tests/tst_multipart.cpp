#include "server/multipart.h"

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Server;

class tst_Multipart : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
};

void tst_Multipart::parse_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("data");
    const QByteArray ct = "multipart/form-data; boundary=------------------------abc123";
    QTest::newRow("curl -F file=@leads.csv")
        << ct
        << QByteArray("--------------------------abc123\r\n"
                      "Content-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
                      "Content-Type: text/csv\r\n\r\n"
                      "name,phone\r\nA,9876543210\r\n"
                      "\r\n--------------------------abc123--\r\n")
        << true << QByteArray("name,phone\r\nA,9876543210\r\n");
    QTest::newRow("file after another field")
        << QByteArray("multipart/form-data; boundary=\"XyZ\"")
        << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nphone\n1\n\r\n--XyZ--")
        << true << QByteArray("phone\n1\n");
    QTest::newRow("boundary text inside data is not a delimiter")
        << QByteArray("multipart/form-data; boundary=B")
        << QByteArray("--B\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx-B-y\r\n--B--")
        << true << QByteArray("x-B-y");
    QTest::newRow("no file field")
        << QByteArray("multipart/form-data; boundary=B")
        << QByteArray("--B\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--B--") << false << QByteArray();
    QTest::newRow("truncated") << QByteArray("multipart/form-data; boundary=B")
                               << QByteArray("--B\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc")
                               << false << QByteArray();
    QTest::newRow("no boundary") << QByteArray("multipart/form-data") << QByteArray("x") << false << QByteArray();
    QTest::newRow("not multipart") << QByteArray("application/json") << QByteArray("{}") << false << QByteArray();
}

void tst_Multipart::parse()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QByteArray, data);
    auto part = findMultipartPart(contentType, body, "file");
    QCOMPARE(part.ok(), ok);
    if (ok)
        QCOMPARE(part->data, data);
    else
        QCOMPARE(part.error().code, Error::Code::BadRequest);
}

QTEST_GUILESS_MAIN(tst_Multipart)
#include "tst_multipart.moc"
