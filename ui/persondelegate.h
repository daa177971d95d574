#pragma once
// One person (or company) in the People page's lists, drawn, never parsed as rich text: avatar
// initials, the name, a badge ("Connected", "Invited") and the location on the first line, the
// headline or job title on the second. The roles to read are given by the model that uses it.
#include <QStyledItemDelegate>

namespace ld::ui {

class PersonDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    struct Roles
    {
        int subtitle = -1; // second line: headline, job title
        int aside = -1;    // right of the name: location; -1 for none
        int state = -1;    // invitation state word ("CONNECTED", "PENDING"); -1 for none
    };

    PersonDelegate(Roles roles, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The badge for an invitation state, empty for none: "Connected", "Invited", "Invited you".
    static QString badgeText(const QString &invitationState);

private:
    Roles m_roles;
};

} // namespace ld::ui
