#include "postdraftmodel.h"

#include "store/accountrepository.h"

#include <algorithm>

namespace ld {

namespace {

// A line in a list; a 3,000-character post need not be folded in full to show its start.
constexpr int OneLineChars = 300;

bool scheduledOnly(const QList<Draft::State> &states)
{
    return states.size() == 1 && states.first() == Draft::State::Scheduled;
}

} // namespace

PostDraftModel::PostDraftModel(DraftRepository *drafts, AccountRepository *accounts,
    const QList<Draft::State> &states, QObject *parent)
    : QAbstractListModel(parent)
    , m_drafts(drafts)
    , m_accounts(accounts)
    , m_states(states)
{
    connect(m_drafts, &DraftRepository::draftChanged, this, &PostDraftModel::onDraftChanged);
    if (m_accounts) {
        connect(m_accounts, &AccountRepository::accountsChanged, this,
            &PostDraftModel::refreshAccountNames);
        connect(m_accounts, &AccountRepository::accountsRemoved, this,
            &PostDraftModel::refreshAccountNames);
        for (const Account &a : m_accounts->all())
            m_accountNames.insert(a.id, a.name);
    }
    m_rows = m_drafts->list(m_states);
}

int PostDraftModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PostDraftModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Draft &d = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return title(d);
    case IdRole:
        return d.id;
    case StateRole:
        return int(d.state);
    case AccountIdRole:
        return d.accountId;
    case AccountNameRole:
        return accountName(d.accountId);
    case CompanyUrlRole:
        return d.companyUrl;
    case MediaCountRole:
        return int(d.media.size());
    case HasVideoRole:
        return std::any_of(
            d.media.cbegin(), d.media.cend(), [](const PostMediaRef &m) { return m.isVideo; });
    case ScheduledAtRole:
        return d.scheduledAt;
    case UpdatedAtRole:
        return d.updatedAt;
    case ErrorRole:
        return d.errorMessage;
    default:
        return {};
    }
}

QHash<int, QByteArray> PostDraftModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "draftId");
    names.insert(StateRole, "state");
    names.insert(TextRole, "text");
    names.insert(AccountIdRole, "accountId");
    names.insert(AccountNameRole, "accountName");
    names.insert(CompanyUrlRole, "companyUrl");
    names.insert(MediaCountRole, "mediaCount");
    names.insert(HasVideoRole, "hasVideo");
    names.insert(ScheduledAtRole, "scheduledAt");
    names.insert(UpdatedAtRole, "updatedAt");
    names.insert(ErrorRole, "error");
    return names;
}

void PostDraftModel::setStates(const QList<Draft::State> &states)
{
    if (states == m_states)
        return;
    m_states = states;
    reload();
}

void PostDraftModel::reload()
{
    beginResetModel();
    m_rows = m_drafts->list(m_states);
    endResetModel();
}

std::optional<Draft> PostDraftModel::draftAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

int PostDraftModel::rowOfId(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

QString PostDraftModel::title(const Draft &draft)
{
    const QStringList lines = draft.text.left(OneLineChars).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString folded = line.simplified();
        if (!folded.isEmpty())
            return folded;
    }
    const qsizetype media = draft.media.size();
    if (media > 0 && draft.media.first().isVideo)
        return tr("A video without text");
    if (media > 0)
        return tr("%n image(s) without text", nullptr, int(media));
    return tr("Empty draft");
}

bool PostDraftModel::wants(const Draft &draft) const
{
    return !draft.deletedAt.isValid() && (m_states.isEmpty() || m_states.contains(draft.state));
}

// The repository's order: scheduled posts soonest first, everything else newest change first.
bool PostDraftModel::before(const Draft &a, const Draft &b) const
{
    if (scheduledOnly(m_states)) {
        if (a.scheduledAt != b.scheduledAt)
            return a.scheduledAt < b.scheduledAt;
        return a.id < b.id;
    }
    if (a.updatedAt != b.updatedAt)
        return a.updatedAt > b.updatedAt;
    return a.id > b.id;
}

int PostDraftModel::insertPosition(const Draft &draft) const
{
    const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), draft,
        [this](const Draft &row, const Draft &d) { return before(row, d); });
    return int(at - m_rows.cbegin());
}

void PostDraftModel::onDraftChanged(qint64 id)
{
    const std::optional<Draft> draft = m_drafts->find(id);
    const int row = rowOfId(id);
    if (!draft || !wants(*draft)) {
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
        return;
    }
    if (row < 0) {
        const int position = insertPosition(*draft);
        beginInsertRows({}, position, position);
        m_rows.insert(position, *draft);
        endInsertRows();
        return;
    }
    // Where the changed draft belongs among the others; a move keeps the view's selection on it.
    const Draft old = m_rows.takeAt(row);
    const int position = insertPosition(*draft);
    m_rows.insert(row, old);
    if (position != row) {
        // beginMoveRows counts the destination before the row is taken out.
        const int destination = position > row ? position + 1 : position;
        beginMoveRows({}, row, row, {}, destination);
        m_rows.removeAt(row);
        m_rows.insert(position, *draft);
        endMoveRows();
    } else {
        m_rows[row] = *draft;
    }
    const QModelIndex changed = index(position);
    Q_EMIT dataChanged(changed, changed);
}

void PostDraftModel::refreshAccountNames()
{
    QHash<QString, QString> names;
    for (const Account &a : m_accounts->all())
        names.insert(a.id, a.name);
    if (names == m_accountNames)
        return;
    m_accountNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), { AccountNameRole });
}

QString PostDraftModel::accountName(const QString &accountId) const
{
    const QString name = m_accountNames.value(accountId);
    return name.isEmpty() ? accountId : name;
}

} // namespace ld
