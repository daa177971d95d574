#include "poststatepanel.h"

#include "plaintext.h"

#include "models/posthistorymodel.h"
#include "sync/postpublisher.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ld::ui {

PostStatePanel::PostStatePanel(QWidget *parent)
    : QFrame(parent)
    , m_title(plainLabel({}, this))
    , m_detail(wrappedLabel(QStringLiteral("postStateDetail"), this))
    , m_busy(new QProgressBar(this))
{
    setObjectName(QStringLiteral("postStatePanel"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, pal.color(QPalette::AlternateBase));
    setPalette(pal);
    m_title->setObjectName(QStringLiteral("postStateTitle"));
    QFont bold = m_title->font();
    bold.setWeight(QFont::DemiBold);
    m_title->setFont(bold);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy->setObjectName(QStringLiteral("publishingProgress"));
    m_busy->setRange(0, 0); // busy: the API says nothing until it is done
    m_busy->setMaximumHeight(8);
    m_busy->setTextVisible(false);

    m_openPost = button(QStringLiteral("openPostButton"), tr("&Open on LinkedIn"));
    m_publishAgain = button(QStringLiteral("publishAgainButton"), tr("Publish &again…"));
    m_openActivity = button(
        QStringLiteral("openActivityButton"), tr("Open the account's &activity on LinkedIn"));
    m_confirmPublished = button(QStringLiteral("confirmPublishedButton"), tr("It &was published"));
    m_confirmNotPublished
        = button(QStringLiteral("confirmNotPublishedButton"), tr("It was &not published"));
    m_reschedule = button(QStringLiteral("rescheduleButton"), tr("&Reschedule…"));
    m_unschedule = button(QStringLiteral("unscheduleButton"), tr("&Unschedule"));
    m_unschedule->setToolTip(tr("Back to the drafts, to edit it or publish it later"));
    m_publishNow = button(QStringLiteral("publishNowButton"), tr("Publish &now…"));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QPushButton *b : { m_openPost, m_publishAgain, m_openActivity, m_confirmPublished,
             m_confirmNotPublished, m_publishNow, m_reschedule, m_unschedule })
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_busy);
    layout->addWidget(m_detail);
    layout->addLayout(buttons);

    connect(
        m_openPost, &QPushButton::clicked, this, [this] { Q_EMIT openPostRequested(m_postUrl); });
    connect(m_publishAgain, &QPushButton::clicked, this, &PostStatePanel::publishAgainRequested);
    connect(m_openActivity, &QPushButton::clicked, this, &PostStatePanel::openActivityRequested);
    connect(m_confirmPublished, &QPushButton::clicked, this,
        &PostStatePanel::confirmPublishedRequested);
    connect(m_confirmNotPublished, &QPushButton::clicked, this,
        &PostStatePanel::confirmNotPublishedRequested);
    connect(m_reschedule, &QPushButton::clicked, this, &PostStatePanel::rescheduleRequested);
    connect(m_unschedule, &QPushButton::clicked, this, &PostStatePanel::unscheduleRequested);
    connect(m_publishNow, &QPushButton::clicked, this, &PostStatePanel::publishNowRequested);
    hide();
}

QPushButton *PostStatePanel::button(const QString &objectName, const QString &text)
{
    auto *b = new QPushButton(text, this);
    b->setObjectName(objectName);
    b->setAutoDefault(false);
    b->hide();
    return b;
}

void PostStatePanel::setTitle(const QString &text, bool problem)
{
    m_title->setText(text);
    setTextColor(m_title, problem ? problemColor() : palette().color(QPalette::WindowText));
}

QString PostStatePanel::localTime(const QDateTime &utc)
{
    return PostHistoryModel::localTime(utc);
}

void PostStatePanel::showDraft(
    const Draft &draft, const std::optional<PublishedPostRecord> &published)
{
    for (QPushButton *b : { m_openPost, m_publishAgain, m_openActivity, m_confirmPublished,
             m_confirmNotPublished, m_publishNow, m_reschedule, m_unschedule })
        b->hide();
    m_busy->hide();
    m_detail->clear();
    m_postUrl.clear();
    switch (draft.state) {
    case Draft::State::Draft:
        hide();
        return;
    case Draft::State::Scheduled: {
        const qint64 late = draft.scheduledAt.msecsTo(QDateTime::currentDateTimeUtc());
        if (late > PostPublisher::LateGraceMs) {
            setTitle(tr("Missed: it was scheduled for %1").arg(localTime(draft.scheduledAt)), true);
            m_detail->setText(tr("LinkUp Desk was not running at that time, so nothing was "
                                 "published. Publish it now, or unschedule it to keep it as a "
                                 "draft."));
        } else {
            setTitle(tr("Scheduled for %1").arg(localTime(draft.scheduledAt)), false);
            m_detail->setText(tr("LinkUp Desk publishes it at that time if it is running; if it "
                                 "is closed then, it asks you at the next start. Unschedule it "
                                 "to change the text."));
        }
        m_publishNow->show();
        m_reschedule->show();
        m_unschedule->show();
        break;
    }
    case Draft::State::Publishing:
        setTitle(tr("Publishing…"), false);
        m_busy->show();
        m_detail->setText(tr("The post is on its way to LinkedIn."));
        break;
    case Draft::State::Published: {
        const QDateTime at = published ? published->publishedAt : draft.updatedAt;
        const int credits = published ? published->credits : 0;
        setTitle(credits > 0
                ? tr("Published %1 · %n credit(s)", nullptr, credits).arg(localTime(at))
                : tr("Published %1").arg(localTime(at)),
            false);
        m_postUrl = published ? published->postUrl : QString();
        if (!m_postUrl.isEmpty()) {
            m_detail->setText(m_postUrl);
            m_openPost->show();
        } else {
            m_detail->setText(tr("You confirmed that it is on LinkedIn; its link is not known."));
        }
        break;
    }
    case Draft::State::Failed:
        setTitle(tr("Not published"), true);
        m_detail->setText(draft.errorMessage.isEmpty()
                ? tr("LinkedIn did not publish it. You can change it and publish it again.")
                : draft.errorMessage);
        m_publishAgain->show();
        break;
    case Draft::State::Unknown:
        setTitle(tr("Not known whether it was published"), true);
        // The publisher's sentence says what happened and what to do; this one when it has none.
        m_detail->setText(!draft.errorMessage.isEmpty()
                ? draft.errorMessage
                : tr("LinkUp Desk never publishes it again on its own, so that it cannot appear "
                     "twice. Look at the account's recent activity on LinkedIn, then say what "
                     "you found."));
        m_openActivity->show();
        m_confirmPublished->show();
        m_confirmNotPublished->show();
        break;
    }
    show();
}

} // namespace ld::ui
