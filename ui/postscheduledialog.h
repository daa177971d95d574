#pragma once
// Schedule… (issue 7 §4): a date and time in the local time zone, which is named with its UTC
// offset, so "14:00" means what the person thinks; a time that is not in the future is refused
// before anything is stored. The chosen moment is handed over in UTC.
#include <QDialog>

class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;

namespace ld::ui {

class PostScheduleDialog : public QDialog
{
    Q_OBJECT
public:
    // `initialUtc`: the current time of a scheduled post, else invalid (the next full hour).
    explicit PostScheduleDialog(const QDateTime &initialUtc, QWidget *parent = nullptr);

    QDateTime scheduledUtc() const;
    void setLocalDateTime(const QDateTime &local);

    QDateTimeEdit *dateTimeEdit() const { return m_edit; }
    QLabel *timeZoneLabel() const { return m_zone; }
    QLabel *problemLabel() const { return m_problem; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    // "Central European Standard Time (UTC+01:00)" for the moment `local`.
    static QString timeZoneText(const QDateTime &local);

private:
    void validate();

    QDateTimeEdit *m_edit;
    QLabel *m_zone;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace ld::ui
