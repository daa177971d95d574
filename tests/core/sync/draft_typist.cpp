// The second process of tst_draftautosaver's kill test: a composer without a window. It opens
// the profile database and "types" the text of TEXT_FILE one character (code point) every
// INTERVAL_MS through a DraftAutosaver, as the composer reports each keystroke, and prints
// "draft <id>" once the draft exists and "typed <n>" after the n-th character. It is killed
// long before it ends; if not, it prints "done" and exits.
// Usage: draft_typist DATABASE ACCOUNT_ID TEXT_FILE INTERVAL_MS
#include "store/database.h"
#include "store/draftrepository.h"
#include "sync/draftautosaver.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <cstdio>

static void say(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        say(QStringLiteral("usage: draft_typist DATABASE ACCOUNT_ID TEXT_FILE INTERVAL_MS"));
        return 2;
    }
    ld::Database db;
    if (!db.open(args.at(1))) {
        say(db.errorString());
        return 1;
    }
    QFile file(args.at(3));
    if (!file.open(QIODevice::ReadOnly)) {
        say(file.errorString());
        return 1;
    }
    // By code point, so that no prefix ends inside a surrogate pair.
    const QList<uint> characters = QString::fromUtf8(file.readAll()).toUcs4();
    ld::DraftRepository drafts(&db);
    ld::DraftAutosaver autosaver(&drafts);
    QObject::connect(&autosaver, &ld::DraftAutosaver::draftCreated, &app,
        [](qint64 id) { say(QStringLiteral("draft %1").arg(id)); });
    QObject::connect(&autosaver, &ld::DraftAutosaver::saveFailed, &app,
        [](const QString &reason) { say(QStringLiteral("failed ") + reason); });

    ld::Draft content;
    content.accountId = args.at(2);
    qsizetype typed = 0;
    QTimer keys;
    keys.setInterval(args.at(4).toInt());
    QObject::connect(&keys, &QTimer::timeout, &app, [&] {
        if (typed == characters.size()) {
            keys.stop();
            autosaver.flush();
            say(QStringLiteral("done"));
            app.quit();
            return;
        }
        const char32_t c = characters.at(typed);
        content.text += QString::fromUcs4(&c, 1);
        ++typed;
        autosaver.contentChanged(content);
        say(QStringLiteral("typed %1").arg(typed));
    });
    keys.start();
    return app.exec();
}
