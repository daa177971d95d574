#pragma once
// Shared by the sandbox tests: a server per test and a blocking-free request helper that
// waits on the reply's finished signal (with a generous safety timeout, never a sleep).
#include "sandbox/sandboxserver.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

#include <memory>

struct Response
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray contentType;
    QByteArray body;
    QJsonObject json;
    QByteArray retryAfter;

    QJsonObject data() const { return json.value(QStringLiteral("data")).toObject(); }
    int credits() const
    {
        return json.value(QStringLiteral("metadata"))
            .toObject()
            .value(QStringLiteral("credits_consumed"))
            .toInt(-1);
    }
};

inline const QByteArray NoKey = QByteArrayLiteral("\x01no-key");

class SandboxTestBase : public QObject
{
protected:
    std::unique_ptr<ld::sandbox::SandboxServer> server;
    std::unique_ptr<QNetworkAccessManager> nam;

    void startServer()
    {
        server = std::make_unique<ld::sandbox::SandboxServer>();
        QVERIFY(server->listen());
        QVERIFY(server->port() != 0);
        nam = std::make_unique<QNetworkAccessManager>();
    }
    void stopServer()
    {
        nam.reset();
        server.reset();
    }

    QNetworkRequest request(const QString &pathAndQuery, const QByteArray &key = {}) const
    {
        QNetworkRequest req(server->baseUrl().resolved(QUrl(pathAndQuery)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (key != NoKey)
            req.setRawHeader("x-api-key", key.isEmpty() ? server->apiKey().toLatin1() : key);
        return req;
    }

    static Response collect(QNetworkReply *reply, int timeoutMs = 20000)
    {
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit); // safety net only
            loop.exec();
        }
        Response r;
        r.finished = reply->isFinished();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        r.retryAfter = reply->rawHeader("Retry-After");
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        if (!r.finished)
            reply->abort();
        reply->deleteLater();
        return r;
    }

    Response call(const QByteArray &method, const QString &pathAndQuery,
        const QByteArray &body = {}, const QByteArray &key = {})
    {
        return collect(nam->sendCustomRequest(request(pathAndQuery, key), method, body));
    }
    Response callJson(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        return call(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    Response act(const QString &category, const QString &action, const QJsonObject &params,
        const QString &accountId = ld::sandbox::Seeds::primaryAccountId())
    {
        const QJsonObject body { { QStringLiteral("account_id"), accountId },
            { QStringLiteral("action"), action }, { QStringLiteral("params"), params } };
        return callJson("POST", QStringLiteral("/v2/") + category, body);
    }

    static QString errorMessage(const Response &r)
    {
        return r.json.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("message"))
            .toString();
    }
    static QString errorCode(const Response &r)
    {
        return r.json.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }

    static void verifyError(const Response &r, const QByteArray &code)
    {
        QCOMPARE(r.json.value(QStringLiteral("success")).toBool(true), false);
        QCOMPARE(errorCode(r), QString::fromLatin1(code));
        QVERIFY(!errorMessage(r).isEmpty());
        QVERIFY(!r.json.contains(QStringLiteral("data")));
        const QJsonObject meta = r.json.value(QStringLiteral("metadata")).toObject();
        QCOMPARE(meta.value(QStringLiteral("credits_consumed")).toInt(-1), 0);
        QVERIFY(meta.contains(QStringLiteral("action")));
        QVERIFY(meta.contains(QStringLiteral("timestamp")));
    }

    static const QRegularExpression &zuluTime()
    {
        static const QRegularExpression re(
            QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$)"));
        return re;
    }
    static const QRegularExpression &microTime()
    {
        static const QRegularExpression re(
            QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$)"));
        return re;
    }
};
