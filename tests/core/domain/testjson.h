#pragma once
// Shared by the domain decoding tests: test JSON that must itself be well-formed, and UTF-8
// literals for the hostile remote texts.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QString>

inline QJsonValue parse(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

inline QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}
