#pragma once
// The side panel of a conversation: the contact's profile (headline, company, location, a link
// that opens LinkedIn in the browser). Contact details cost a credit, so they are read only when
// the button that says so is pressed. Profiles read once are kept for the session.
#include <QPointer>
#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;

namespace ld {
class ApiCall;
class ProfilesService;
}

namespace ld::ui {

class ProfilePanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProfilePanel(ProfilesService *profiles, QWidget *parent = nullptr);
    ~ProfilePanel() override;

    // Shows what the inbox knows at once; with `read`, also reads the full profile (once per
    // session: it may cost a credit, so browsing the list does not read it).
    void showContact(const QString &accountId, const QString &profileUrl, const QString &name,
                     const QString &headline, bool read);
    void clear();

    bool hasProfile() const; // the full profile has been read
    // Fills a snippet's {variables} from the profile (SnippetFiller): false with *problem set
    // to the sentence when one is unknown or has no value.
    bool fillSnippet(const QString &body, QString *text, QString *problem) const;
    QString profileUrl() const { return m_profileUrl; }

    QLabel *nameLabel() const { return m_name; }
    QLabel *headlineLabel() const { return m_headline; }
    QLabel *companyLabel() const { return m_company; }
    QLabel *contactLabel() const { return m_contact; }
    QPushButton *contactButton() const { return m_contactButton; }
    QPushButton *linkButton() const { return m_link; }

public Q_SLOTS:
    void requestContactDetails();

Q_SIGNALS:
    void profileLoaded();

private:
    struct Cache;
    void showCached();
    void readProfile();
    QString cacheKey() const { return m_accountId + QLatin1Char('|') + m_profileUrl; }

    ProfilesService *m_profiles;
    QString m_accountId;
    QString m_profileUrl;
    std::unique_ptr<Cache> m_cache; // profiles read this session, by account and URL
    QPointer<ApiCall> m_call;
    QPointer<ApiCall> m_contactCall;
    QLabel *m_name;
    QLabel *m_headline;
    QLabel *m_company;
    QLabel *m_location;
    QLabel *m_status;
    QLabel *m_contact;
    QPushButton *m_link;
    QPushButton *m_contactButton;
};

} // namespace ld::ui
