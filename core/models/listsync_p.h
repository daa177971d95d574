#pragma once
// Brings a model's list of rows to a target list with the fewest signals a view cares about:
// removals, then per position a dataChanged, a move or an insertion. Never a reset, so the
// selection and scroll position survive a refresh. `rows` sits at `offset` in the model (a
// model may hold more than one section). The model declares `template <typename> friend struct
// ListSync;` so that this can call its protected begin/end functions.
#include <QList>
#include <QSet>

namespace ld {

template <typename Model>
struct ListSync
{
    template <typename T, typename IdOf, typename Same>
    static void apply(Model *model, QList<T> &rows, const QList<T> &target, int offset, IdOf idOf,
                      Same same)
    {
        using Id = decltype(idOf(target.value(0)));
        QSet<Id> wanted;
        for (const T &t : target)
            wanted.insert(idOf(t));

        for (int i = int(rows.size()) - 1; i >= 0; --i) {
            if (wanted.contains(idOf(rows.at(i))))
                continue;
            int first = i;
            while (first > 0 && !wanted.contains(idOf(rows.at(first - 1))))
                --first;
            model->beginRemoveRows({}, offset + first, offset + i);
            rows.erase(rows.begin() + first, rows.begin() + i + 1);
            model->endRemoveRows();
            i = first;
        }

        for (int i = 0; i < target.size(); ++i) {
            const T &want = target.at(i);
            const Id id = idOf(want);
            if (i < rows.size() && idOf(rows.at(i)) == id) {
                if (!same(rows.at(i), want)) {
                    rows[i] = want;
                    Q_EMIT model->dataChanged(model->index(offset + i), model->index(offset + i));
                }
                continue;
            }
            int from = -1;
            for (int j = i + 1; j < rows.size(); ++j) {
                if (idOf(rows.at(j)) == id) {
                    from = j;
                    break;
                }
            }
            if (from >= 0) {
                model->beginMoveRows({}, offset + from, offset + from, {}, offset + i);
                rows.move(from, i);
                model->endMoveRows();
                if (!same(rows.at(i), want)) {
                    rows[i] = want;
                    Q_EMIT model->dataChanged(model->index(offset + i), model->index(offset + i));
                }
            } else {
                model->beginInsertRows({}, offset + i, offset + i);
                rows.insert(i, want);
                model->endInsertRows();
            }
        }
    }
};

} // namespace ld
