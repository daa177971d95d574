#pragma once
// Where a post stands, above the composer (issue 7 §3, §4): scheduled (or missed), publishing,
// published with its link, failed with the reason, or unknown — the request may have published
// it, so LinkUp Desk never repeats it and the person checks on LinkedIn and says what they
// found. Each state offers what the person can do next; the panel only asks, the page acts.
#include "store/draftrepository.h"

#include <QFrame>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ld::ui {

class PostStatePanel : public QFrame
{
    Q_OBJECT
public:
    explicit PostStatePanel(QWidget *parent = nullptr);

    // Hidden for a draft being written. `published` is the history record of a Published one.
    void showDraft(const Draft &draft, const std::optional<PublishedPostRecord> &published);

    QLabel *titleLabel() const { return m_title; }
    QLabel *detailLabel() const { return m_detail; }
    QProgressBar *busyBar() const { return m_busy; }
    QPushButton *openPostButton() const { return m_openPost; }
    QPushButton *publishAgainButton() const { return m_publishAgain; }
    QPushButton *openActivityButton() const { return m_openActivity; }
    QPushButton *confirmPublishedButton() const { return m_confirmPublished; }
    QPushButton *confirmNotPublishedButton() const { return m_confirmNotPublished; }
    QPushButton *rescheduleButton() const { return m_reschedule; }
    QPushButton *unscheduleButton() const { return m_unschedule; }
    QPushButton *publishNowButton() const { return m_publishNow; }

    // "Tue 12 Mar 14:00" in local time.
    static QString localTime(const QDateTime &utc);

Q_SIGNALS:
    void openPostRequested(const QString &url);
    void publishAgainRequested();
    void openActivityRequested();
    void confirmPublishedRequested();
    void confirmNotPublishedRequested();
    void rescheduleRequested();
    void unscheduleRequested();
    void publishNowRequested();

private:
    QPushButton *button(const QString &objectName, const QString &text);
    void setTitle(const QString &text, bool problem);

    QString m_postUrl;
    QLabel *m_title;
    QLabel *m_detail;
    QProgressBar *m_busy;
    QPushButton *m_openPost;
    QPushButton *m_publishAgain;
    QPushButton *m_openActivity;
    QPushButton *m_confirmPublished;
    QPushButton *m_confirmNotPublished;
    QPushButton *m_reschedule;
    QPushButton *m_unschedule;
    QPushButton *m_publishNow;
};

} // namespace ld::ui
