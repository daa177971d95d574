#include "postscheduledialog.h"

#include "plaintext.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace ld::ui {

PostScheduleDialog::PostScheduleDialog(const QDateTime &initialUtc, QWidget *parent)
    : QDialog(parent)
    , m_edit(new QDateTimeEdit(this))
    , m_zone(wrappedLabel(QStringLiteral("scheduleTimeZone"), this))
    , m_problem(wrappedLabel(QStringLiteral("scheduleProblem"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("postScheduleDialog"));
    setWindowTitle(tr("Schedule the post"));
    m_edit->setObjectName(QStringLiteral("scheduleDateTime"));
    m_edit->setCalendarPopup(true);
    m_edit->setTimeSpec(Qt::LocalTime);
    m_edit->setDisplayFormat(QStringLiteral("ddd d MMM yyyy  HH:mm"));
    mute(m_zone);
    setTextColor(m_problem, problemColor());
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Schedule"));

    QDateTime initial = initialUtc.isValid() ? initialUtc.toLocalTime() : QDateTime();
    if (!initial.isValid()) {
        // The next full hour at least a quarter of an hour away: a sensible first suggestion.
        const QDateTime now = QDateTime::currentDateTime().addSecs(15 * 60);
        initial = QDateTime(now.date(), QTime(now.time().hour(), 0)).addSecs(3600);
    }
    m_edit->setDateTime(initial);

    auto *form = new QFormLayout;
    form->addRow(tr("&Publish at:"), m_edit);
    form->addRow(tr("Time zone:"), m_zone);
    auto *layout = new QVBoxLayout(this);
    QLabel *intro = wrappedLabel({}, this);
    intro->setText(tr("LinkUp Desk publishes the post at this time if it is running. If it is "
                      "closed then, it asks you at the next start instead of publishing late."));
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, &PostScheduleDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        validate(); // the clock moved on while the dialog was open
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    setMinimumWidth(420);
}

QDateTime PostScheduleDialog::scheduledUtc() const
{
    // Seconds are not shown; the suggested time has none, so "14:00" is 14:00:00.
    return m_edit->dateTime().toUTC();
}

void PostScheduleDialog::setLocalDateTime(const QDateTime &local)
{
    m_edit->setDateTime(local);
}

QString PostScheduleDialog::timeZoneText(const QDateTime &local)
{
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const int offset = zone.offsetFromUtc(local);
    const QString sign = offset < 0 ? QStringLiteral("−") : QStringLiteral("+");
    const int minutes = qAbs(offset) / 60;
    const QString utc = QStringLiteral("UTC%1%2:%3")
                            .arg(sign)
                            .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                            .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    QString name = zone.displayName(local, QTimeZone::LongName);
    if (name.isEmpty())
        name = QString::fromUtf8(zone.id());
    return tr("%1 (%2)").arg(name, utc);
}

void PostScheduleDialog::validate()
{
    const QDateTime at = scheduledUtc();
    m_zone->setText(timeZoneText(at.toLocalTime()));
    const bool future = at > QDateTime::currentDateTimeUtc();
    m_problem->setText(future ? QString()
                              : tr("This time has passed. Choose a time in the future, or "
                                   "publish the post now."));
    m_problem->setVisible(!future);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(future);
}

} // namespace ld::ui
