// The OpenAI-compatible streaming client: the SSE parser on the reference's stream shapes
// (split anywhere), and the client against a loopback server: streamed tokens, tool calls,
// retry on 429 with retry-after, no retry on 401 or insufficient_quota, truncated streams.
#include "fakes/streamingserver.h"
#include "providers/openai/openaichat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Providers;

class tst_OpenAiChat : public QObject
{
    Q_OBJECT
private slots:
    void parser_data();
    void parser();
    void requestBody();
    void streamsTokensAndToolCall();
    void retriesOn429ThenSucceeds();
    void doesNotRetry_data();
    void doesNotRetry();
    void truncatedStreamIsAnError();
};

static const QByteArray kStream =
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}\n\n"
    ": keep-alive comment\n\n"
    "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Ji, main\"},\"finish_reason\":null}],\"usage\":null}\n\n"
    "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" Priya hoon.\"},\"finish_reason\":null}],\"usage\":null}\r\n\r\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a1\",\"type\":\"function\",\"function\":{\"name\":\"end_call\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"outcome\\\":\\\"call\"}}]},\"finish_reason\":null}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"back\\\"}\"}}]},\"finish_reason\":null}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}],\"usage\":null}\n\n"
    "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":412,\"completion_tokens\":23,\"total_tokens\":435}}\n\n"
    "data: [DONE]\n\n";

void tst_OpenAiChat::parser_data()
{
    QTest::addColumn<int>("pieceSize");
    QTest::newRow("whole stream") << 100000;
    QTest::newRow("1-byte pieces") << 1;
    QTest::newRow("7-byte pieces") << 7;
    QTest::newRow("64-byte pieces") << 64;
}

void tst_OpenAiChat::parser()
{
    QFETCH(int, pieceSize);
    ChatStreamParser p;
    QString text;
    for (int i = 0; i < kStream.size(); i += pieceSize)
        text += p.feed(kStream.mid(i, pieceSize));
    QVERIFY(!p.failed());
    QVERIFY(p.done());
    QCOMPARE(text, QStringLiteral("Ji, main Priya hoon."));
    QCOMPARE(p.finishReason(), QStringLiteral("tool_calls"));
    QCOMPARE(p.toolCalls().size(), 1);
    QCOMPARE(p.toolCalls().first().name, QStringLiteral("end_call"));
    QCOMPARE(QJsonDocument::fromJson(p.toolCalls().first().arguments.toUtf8()).object().value(QStringLiteral("outcome")).toString(),
             QStringLiteral("callback"));
    QCOMPARE(p.promptTokens(), 412);
    QCOMPARE(p.completionTokens(), 23);

    ChatStreamParser midError;
    midError.feed("data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"error\":{\"message\":\"overloaded\",\"code\":503}}\n\n");
    QVERIFY(midError.failed());
    QVERIFY(midError.error().message.contains(QStringLiteral("overloaded")));
    ChatStreamParser llamaError;
    llamaError.feed("error: {\"code\":500,\"message\":\"out of memory\",\"type\":\"server_error\"}\n\n");
    QVERIFY(llamaError.failed());
    QVERIFY(llamaError.error().message.contains(QStringLiteral("out of memory")));
    ChatStreamParser malformed;
    malformed.feed("data: {not json\n\n");
    QVERIFY(malformed.failed());
}

void tst_OpenAiChat::requestBody()
{
    LlmRequest r;
    r.messages = {{QStringLiteral("system"), QStringLiteral("s")}, {QStringLiteral("user"), QStringLiteral("haan")}};
    r.tools = QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("function")}}};
    OpenAiConfig openai;
    const QJsonObject a = QJsonDocument::fromJson(OpenAiChat::requestBody(r, openai)).object();
    QCOMPARE(a.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-4o-mini"));
    QVERIFY(a.value(QStringLiteral("stream")).toBool());
    QVERIFY(a.contains(QStringLiteral("max_completion_tokens")));
    QCOMPARE(a.value(QStringLiteral("tool_choice")).toString(), QStringLiteral("auto"));
    QCOMPARE(a.value(QStringLiteral("messages")).toArray().size(), 2);
    openai.useMaxCompletionTokens = false; // Ollama ignores max_completion_tokens
    const QJsonObject b = QJsonDocument::fromJson(OpenAiChat::requestBody(r, openai)).object();
    QVERIFY(b.contains(QStringLiteral("max_tokens")));
    QVERIFY(!b.contains(QStringLiteral("max_completion_tokens")));
}

struct Run
{
    QStringList tokens;
    QList<QPair<QString, QJsonObject>> tools;
    bool finished = false;
    int tokensAtTextDone = -1; // textDone() before finished(): tokens seen by then
    std::optional<Error> error;
};

static Run runChat(Testing::StreamingServer &server, QNetworkAccessManager &nam)
{
    OpenAiConfig cfg;
    cfg.baseUrl = QUrl(server.baseUrl() + QStringLiteral("/v1"));
    cfg.apiKey = "sk-test-key";
    OpenAiChat chat(&nam, cfg);
    Run run;
    QObject::connect(&chat, &LanguageModel::token, [&](const QString &t) { run.tokens << t; });
    QObject::connect(&chat, &LanguageModel::toolCall, [&](const QString &n, const QJsonObject &a) { run.tools.append({n, a}); });
    QObject::connect(&chat, &LanguageModel::finished, [&] { run.finished = true; });
    QObject::connect(&chat, &LanguageModel::textDone, [&] {
        if (!run.finished)
            run.tokensAtTextDone = int(run.tokens.size());
    });
    QObject::connect(&chat, &LanguageModel::failed, [&](const Error &e) { run.error = e; });
    LlmRequest r;
    r.messages = {{QStringLiteral("user"), QStringLiteral("hello")}};
    chat.request(r);
    [[maybe_unused]] const bool settled = QTest::qWaitFor([&] { return run.finished || run.error.has_value(); }, 10000);
    return run;
}

void tst_OpenAiChat::streamsTokensAndToolCall()
{
    Testing::StreamingServer server;
    QList<QByteArray> pieces;
    for (int i = 0; i < kStream.size(); i += 40)
        pieces << kStream.mid(i, 40);
    server.push({200, {{"Content-Type", "text/event-stream"}}, pieces, 2});
    QNetworkAccessManager nam;
    const Run run = runChat(server, nam);
    QVERIFY(!run.error);
    QVERIFY2(run.tokens.size() >= 2, "tokens must stream, not arrive at the end");
    QCOMPARE(run.tokens.join(QString()), QStringLiteral("Ji, main Priya hoon."));
    QCOMPARE(run.tools.size(), 1);
    QCOMPARE(run.tools.first().second.value(QStringLiteral("outcome")).toString(), QStringLiteral("callback"));
    // The words were complete once the tool call began streaming: said before it finishes.
    QCOMPARE(run.tokensAtTextDone, int(run.tokens.size()));
    QCOMPARE(server.requests.size(), 1);
    QVERIFY(server.requests.first().head.startsWith("POST /v1/chat/completions"));
    QVERIFY(server.requests.first().head.contains("Authorization: Bearer sk-test-key"));
}

void tst_OpenAiChat::retriesOn429ThenSucceeds()
{
    Testing::StreamingServer server;
    server.push({429, {{"Content-Type", "application/json"}, {"retry-after-ms", "50"}},
                 {R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})"}});
    server.push({503, {{"Content-Type", "application/json"}}, {R"({"error":{"message":"overloaded"}})"}});
    server.push({200, {{"Content-Type", "text/event-stream"}}, {kStream}});
    QNetworkAccessManager nam;
    const Run run = runChat(server, nam);
    QVERIFY2(!run.error, run.error ? qPrintable(run.error->message) : "");
    QCOMPARE(server.requests.size(), 3);
    QCOMPARE(run.tokens.join(QString()), QStringLiteral("Ji, main Priya hoon."));
}

void tst_OpenAiChat::doesNotRetry_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("extraHeader");
    QTest::newRow("401 bad key") << 401 << QByteArray(R"({"error":{"message":"Incorrect API key","code":"invalid_api_key"}})") << QByteArray();
    QTest::newRow("429 insufficient_quota") << 429 << QByteArray(R"({"error":{"message":"quota","code":"insufficient_quota"}})") << QByteArray();
    QTest::newRow("400 bad request") << 400 << QByteArray(R"({"error":{"message":"bad schema"}})") << QByteArray();
    QTest::newRow("500 with x-should-retry false") << 500 << QByteArray(R"({"error":{"message":"boom"}})") << QByteArray("false");
    QTest::newRow("429 retry-after too long for a live call") << 429 << QByteArray(R"({"error":{"message":"slow down"}})") << QByteArray("retry-after:30");
}

void tst_OpenAiChat::doesNotRetry()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, extraHeader);
    Testing::StreamingServer server;
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
    if (extraHeader == "false")
        headers.append(qMakePair(QByteArray("x-should-retry"), QByteArray("false")));
    else if (extraHeader.startsWith("retry-after:"))
        headers.append(qMakePair(QByteArray("retry-after"), extraHeader.mid(12)));
    server.push({status, headers, {body}});
    server.push({200, {{"Content-Type", "text/event-stream"}}, {kStream}});
    QNetworkAccessManager nam;
    const Run run = runChat(server, nam);
    QVERIFY(run.error);
    QVERIFY2(run.error->message.contains(QString::number(status)), qPrintable(run.error->message));
    QVERIFY(!run.error->message.contains(QStringLiteral("sk-test-key")));
    QCOMPARE(server.requests.size(), 1);
}

void tst_OpenAiChat::truncatedStreamIsAnError()
{
    Testing::StreamingServer server;
    // Whole events, but the connection drops before finish_reason and [DONE].
    server.push({200, {{"Content-Type", "text/event-stream"}}, {kStream.left(kStream.indexOf("data: {\"choices\""))}});
    QNetworkAccessManager nam;
    const Run run = runChat(server, nam);
    QVERIFY(run.error);
    QVERIFY(run.error->message.contains(QStringLiteral("ended early")));
}

QTEST_GUILESS_MAIN(tst_OpenAiChat)
#include "tst_openaichat.moc"
