#pragma once
// Saved reply templates ("snippets") with {variables}, shared by every account.
#include <QList>
#include <QObject>
#include <QString>

namespace ld {

class Database;

struct Snippet
{
    qint64 id = 0;
    QString name;     // shown in the picker, e.g. "Thanks for connecting"
    QString body;     // "Hi {first_name}, thanks for connecting! ..."
};

class SnippetRepository : public QObject
{
    Q_OBJECT
public:
    explicit SnippetRepository(Database *db, QObject *parent = nullptr);

    QList<Snippet> all() const;           // by name
    qint64 save(const Snippet &snippet);  // insert (id 0) or update; returns the id
    bool remove(qint64 id);

Q_SIGNALS:
    void changed();

private:
    Database *m_db;
};

} // namespace ld
