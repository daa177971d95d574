#include "profilepanel.h"

#include "plaintext.h"

#include "api/apicall.h"
#include "domain/profile.h"
#include "services/profilesservice.h"
#include "sync/snippetfiller.h"

#include <QDesktopServices>
#include <QHash>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

QLabel *wrapped(QWidget *parent, const QString &objectName)
{
    QLabel *label = plainLabel({}, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

struct ProfilePanel::Cache
{
    QHash<QString, MemberProfile> profiles;
    const MemberProfile *find(const QString &key) const
    {
        const auto it = profiles.constFind(key);
        return it == profiles.cend() ? nullptr : &*it;
    }
};

ProfilePanel::~ProfilePanel() = default;

ProfilePanel::ProfilePanel(ProfilesService *profiles, QWidget *parent)
    : QWidget(parent)
    , m_profiles(profiles)
    , m_cache(std::make_unique<Cache>())
    , m_name(wrapped(this, QStringLiteral("profileName")))
    , m_headline(wrapped(this, QStringLiteral("profileHeadline")))
    , m_company(wrapped(this, QStringLiteral("profileCompany")))
    , m_location(wrapped(this, QStringLiteral("profileLocation")))
    , m_status(wrapped(this, QStringLiteral("profileStatus")))
    , m_contact(wrapped(this, QStringLiteral("profileContact")))
    , m_link(new QPushButton(tr("Open on LinkedIn"), this))
    , m_contactButton(new QPushButton(tr("Contact details (1 credit)"), this))
{
    setObjectName(QStringLiteral("profilePanel"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setWeight(QFont::DemiBold);
    m_name->setFont(big);
    QPalette muted = m_status->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_status->setPalette(muted);
    m_location->setPalette(muted);
    m_contactButton->setObjectName(QStringLiteral("contactDetailsButton"));
    m_contactButton->setToolTip(tr("Reads the contact's e-mail, phone and websites. LinkUp charges "
                                   "one credit for this."));
    m_link->setObjectName(QStringLiteral("openProfileButton"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(6);
    layout->addWidget(m_name);
    layout->addWidget(m_headline);
    layout->addWidget(m_company);
    layout->addWidget(m_location);
    layout->addSpacing(6);
    layout->addWidget(m_link);
    layout->addWidget(m_contactButton);
    layout->addWidget(m_contact);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_link, &QPushButton::clicked, this, [this] {
        const QUrl url(m_profileUrl);
        // Only web links leave the app: a profile URL is remote text.
        if (url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
            QDesktopServices::openUrl(url);
    });
    connect(m_contactButton, &QPushButton::clicked, this, &ProfilePanel::requestContactDetails);
    clear();
}

void ProfilePanel::clear()
{
    if (m_call)
        m_call->abort();
    m_accountId.clear();
    m_profileUrl.clear();
    for (QLabel *l : { m_name, m_headline, m_company, m_location, m_status, m_contact })
        l->clear();
    m_contact->hide();
    m_link->setEnabled(false);
    m_contactButton->setEnabled(false);
}

void ProfilePanel::showContact(const QString &accountId, const QString &profileUrl,
                               const QString &name, const QString &headline, bool read)
{
    if (accountId != m_accountId || profileUrl != m_profileUrl) {
        clear();
        m_accountId = accountId;
        m_profileUrl = profileUrl;
        m_name->setText(name);
        m_headline->setText(headline);
        m_link->setEnabled(!profileUrl.isEmpty());
        m_contactButton->setEnabled(!profileUrl.isEmpty());
        showCached();
    }
    if (read && !m_call && !hasProfile())
        readProfile();
}

void ProfilePanel::readProfile()
{
    if (m_profileUrl.isEmpty() || !m_profiles)
        return;
    m_status->setText(tr("Reading the profile…"));
    m_call = m_profiles->get(m_accountId, m_profileUrl);
    const QString key = cacheKey();
    connect(m_call, &ApiCall::finished, this, [this, call = m_call.data(), key] {
        const Decoded<MemberProfile> p = MemberProfile::fromJson(call->data());
        if (!p.ok()) {
            if (key == cacheKey())
                m_status->setText(tr("The profile could not be read: %1").arg(p.error));
            return;
        }
        m_cache->profiles.insert(key, p.value);
        if (key == cacheKey())
            showCached();
    });
    connect(m_call, &ApiCall::failed, this, [this, key](const ApiError &e) {
        if (e.kind != ApiError::Kind::Aborted && key == cacheKey())
            m_status->setText(e.userMessage());
    });
}

void ProfilePanel::showCached()
{
    const MemberProfile *cached = m_cache->find(cacheKey());
    if (!cached)
        return;
    const MemberProfile &p = *cached;
    m_status->clear();
    if (!p.fullName().trimmed().isEmpty())
        m_name->setText(p.fullName());
    if (!p.headline.isEmpty())
        m_headline->setText(p.headline);
    m_company->setText(p.company.isEmpty() ? QString() : tr("Company: %1").arg(p.company));
    m_location->setText(p.location);
    Q_EMIT profileLoaded();
}

bool ProfilePanel::hasProfile() const
{
    return m_cache->find(cacheKey()) != nullptr;
}

bool ProfilePanel::fillSnippet(const QString &body, QString *text, QString *problem) const
{
    const MemberProfile *p = m_cache->find(cacheKey());
    const FilledSnippet filled = SnippetFiller::fill(body, p ? *p : MemberProfile());
    if (filled.ok()) {
        *text = filled.text;
        return true;
    }
    *problem = p ? filled.problem()
                 : tr("%1 The profile has not been read yet: open the conversation (Enter).")
                       .arg(filled.problem());
    return false;
}

void ProfilePanel::requestContactDetails()
{
    if (m_profileUrl.isEmpty() || !m_profiles || m_contactCall)
        return;
    m_contactButton->setEnabled(false);
    m_status->setText(tr("Reading the contact details (1 credit)…"));
    m_contactCall = m_profiles->getContact(m_accountId, m_profileUrl);
    const QString key = cacheKey();
    connect(m_contactCall, &ApiCall::finished, this, [this, call = m_contactCall.data(), key] {
        if (key != cacheKey())
            return;
        m_status->clear();
        const Decoded<ContactInfo> info = ContactInfo::fromJson(call->data());
        QStringList lines;
        for (const QString &e : info.value.emails)
            lines << tr("E-mail: %1").arg(e);
        for (const QString &p : info.value.phones)
            lines << tr("Phone: %1").arg(p);
        for (const QString &w : info.value.websites)
            lines << tr("Website: %1").arg(w);
        m_contact->setText(lines.isEmpty() ? tr("No contact details are shared.") : lines.join(QLatin1Char('\n')));
        m_contact->show();
    });
    connect(m_contactCall, &ApiCall::failed, this, [this, key](const ApiError &e) {
        if (key != cacheKey())
            return;
        m_status->setText(e.userMessage());
        m_contactButton->setEnabled(true);
    });
}

} // namespace ld::ui
