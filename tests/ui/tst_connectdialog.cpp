// The Connect-account dialog, driven like a person would, against the real sandbox: fresh login
// with a code checkpoint (a wrong code first), approval in the app, V1 token import, an expired
// token, and Cancel while LinkedIn is slow.
#include "connectdialog.h"
#include "countrycombo.h"
#include "sandboxworkspace.h"
#include "screenshots.h"
#include "secretlineedit.h"

#include "models/accountlistmodel.h"
#include "store/accountrepository.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using ld::ConnectFlow;
using ld::sandbox::Seeds;
using ld::ui::ConnectDialog;

class TstConnectDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxWorkspace> m_env;
    std::unique_ptr<ConnectDialog> m_dialog;

    ConnectFlow::State state() const
    {
        return m_dialog->flow() ? m_dialog->flow()->state() : ConnectFlow::State::Idle;
    }

    void signIn(const QString &email, const QString &password)
    {
        QTest::keyClicks(m_dialog->emailEdit(), email);
        QTest::keyClicks(m_dialog->passwordEdit(), password);
        QTest::keyClick(m_dialog->passwordEdit(), Qt::Key_Return); // Enter submits
    }

private Q_SLOTS:
    void init()
    {
        m_env = std::make_unique<SandboxWorkspace>();
        QVERIFY(m_env->open());
        m_dialog = std::make_unique<ConnectDialog>(m_env->ws->accountsService(),
                                                   m_env->ws->accounts());
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_env.reset();
    }

    void loginWithCodeCheckpoint()
    {
        ld::AccountListModel sidebar(m_env->ws->accounts());
        QSignalSpy connected(m_dialog.get(), &ConnectDialog::accountConnected);
        QVERIFY(m_dialog->statusLabel()->isVisible());
        saveScreenshot(m_dialog.get(), QStringLiteral("connect-signin"));

        signIn(Seeds::codeCheckpointEmail(), QStringLiteral("any password"));
        QTRY_COMPARE(state(), ConnectFlow::State::NeedsCode);
        QTRY_VERIFY(m_dialog->codeEdit()->isVisible());
        QCOMPARE(m_dialog->statusLabel()->text(), m_dialog->flow()->statusText());
        QVERIFY(!m_dialog->statusLabel()->text().isEmpty());

        // A wrong code: the error is shown and the field keeps what was typed.
        QTest::keyClicks(m_dialog->codeEdit(), QStringLiteral("000000"));
        QTest::keyClick(m_dialog->codeEdit(), Qt::Key_Return);
        QTRY_VERIFY(m_dialog->errorLabel()->isVisible());
        QTRY_COMPARE(state(), ConnectFlow::State::NeedsCode);
        QCOMPARE(m_dialog->errorLabel()->text(), m_dialog->flow()->errorText());
        QVERIFY(m_dialog->errorLabel()->text().startsWith(QStringLiteral("LinkedIn did not accept that code")));
        QVERIFY(!m_dialog->statusLabel()->text().contains(m_dialog->errorLabel()->text()));
        QCOMPARE(m_dialog->codeEdit()->text(), QStringLiteral("000000"));
        QVERIFY(m_dialog->codeEdit()->isVisible());
        saveScreenshot(m_dialog.get(), QStringLiteral("connect-wrong-code"));

        // The right one. The wrong code is selected, so typing replaces it.
        QTest::keyClicks(m_dialog->codeEdit(), Seeds::verificationCode());
        QCOMPARE(m_dialog->codeEdit()->text(), Seeds::verificationCode());
        QTest::mouseClick(m_dialog->primaryButton(), Qt::LeftButton);
        QTRY_COMPARE(state(), ConnectFlow::State::Connected);
        QCOMPARE(connected.count(), 1);
        const QString id = connected.at(0).at(0).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(m_dialog->connectedLabel()->isVisible());
        QVERIFY(!m_dialog->errorLabel()->isVisible());
        QVERIFY(sidebar.rowOf(id) >= 0);
        const QString name = sidebar.data(sidebar.index(sidebar.rowOf(id)),
                                          ld::AccountListModel::NameRole).toString();
        QVERIFY(m_dialog->connectedLabel()->text().contains(name));
        QVERIFY(m_dialog->passwordEdit()->text().isEmpty()); // secrets do not linger
        saveScreenshot(m_dialog.get(), QStringLiteral("connect-done"));

        QTest::keyClick(m_dialog->primaryButton(), Qt::Key_Return); // Done
        QTRY_VERIFY(!m_dialog->isVisible());
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    }

    void loginWithAppApproval()
    {
        signIn(Seeds::appCheckpointEmail(), QStringLiteral("any password"));
        QTRY_COMPARE(state(), ConnectFlow::State::NeedsApproval);
        saveScreenshot(m_dialog.get(), QStringLiteral("connect-approval"));
        QVERIFY(m_dialog->primaryButton()->text().remove(QLatin1Char('&')).contains(
            QStringLiteral("approved")));
        QTest::mouseClick(m_dialog->primaryButton(), Qt::LeftButton);
        QTRY_COMPARE(state(), ConnectFlow::State::Connected);
        QVERIFY(m_env->ws->accounts()->find(m_dialog->connectedAccountId()).has_value());
    }

    void importV1Token()
    {
        m_dialog->tabs()->setCurrentIndex(1);
        QVERIFY(m_dialog->tokenEdit()->isVisible());
        QCOMPARE(m_dialog->tokenEdit()->echoMode(), QLineEdit::Password);
        QTest::keyClicks(m_dialog->tokenEdit(), QStringLiteral("AQEDAT-demo-v1-token"));
        m_dialog->tokenCountry()->setCountry(QStringLiteral("de"));
        QVERIFY(m_dialog->tokenCountry()->isValid());
        QTest::keyClick(m_dialog->tokenEdit(), Qt::Key_Return);
        QTRY_COMPARE(state(), ConnectFlow::State::Connected);
        const auto account = m_env->ws->accounts()->find(m_dialog->connectedAccountId());
        QVERIFY(account.has_value());
        QVERIFY(m_dialog->tokenEdit()->text().isEmpty());
    }

    void invalidCountryIsRefusedBeforeSending()
    {
        m_dialog->tabs()->setCurrentIndex(1);
        QTest::keyClicks(m_dialog->tokenEdit(), QStringLiteral("some-token"));
        m_dialog->tokenCountry()->setCountry(QStringLiteral("F"));
        const int before = m_env->server.requestCount(QStringLiteral("/v2/login"));
        QTest::mouseClick(m_dialog->primaryButton(), Qt::LeftButton);
        QVERIFY(m_dialog->errorLabel()->isVisible());
        QCOMPARE(state(), ConnectFlow::State::Idle);
        QCOMPARE(m_env->server.requestCount(QStringLiteral("/v2/login")), before);
    }

    void expiredTokenShowsWhatToDo()
    {
        m_dialog->tabs()->setCurrentIndex(1);
        QTest::keyClicks(m_dialog->tokenEdit(), Seeds::expiredToken());
        QTest::keyClick(m_dialog->tokenEdit(), Qt::Key_Return);
        QTRY_COMPARE(state(), ConnectFlow::State::Failed);
        QVERIFY(m_dialog->errorLabel()->isVisible());
        // Said once: in the error row, in the flow's words for an expired token.
        QCOMPARE(m_dialog->errorLabel()->text(), m_dialog->flow()->errorText());
        QVERIFY(m_dialog->errorLabel()->text().contains(QStringLiteral("expired")));
        QVERIFY(!m_dialog->statusLabel()->isVisible());
        QCOMPARE(m_dialog->errorLabel()->textFormat(), Qt::PlainText);
        QVERIFY(m_dialog->isVisible()); // stays open to try again
        saveScreenshot(m_dialog.get(), QStringLiteral("connect-expired-token"));
        QCOMPARE(m_dialog->tokenEdit()->text(), Seeds::expiredToken());
        QVERIFY(m_dialog->primaryButton()->isEnabled());
    }

    void cancelDuringSlowLogin()
    {
        m_env->server.injectFault(ld::sandbox::SandboxServer::Fault::Slow, 1,
                                  QStringLiteral("/v2/login"), {}, 10000);
        signIn(Seeds::codeCheckpointEmail(), QStringLiteral("any password"));
        QTRY_COMPARE(state(), ConnectFlow::State::LoggingIn);
        QVERIFY(m_dialog->progressBar()->isVisible());
        QVERIFY(m_dialog->cancelWaitButton()->isVisible());
        QVERIFY(!m_dialog->primaryButton()->isEnabled());
        saveScreenshot(m_dialog.get(), QStringLiteral("connect-waiting"));

        QTest::mouseClick(m_dialog->cancelWaitButton(), Qt::LeftButton);
        QTRY_COMPARE(state(), ConnectFlow::State::Cancelled);
        QVERIFY(!m_dialog->progressBar()->isVisible());
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(m_dialog->emailEdit()->text(), Seeds::codeCheckpointEmail());
        QVERIFY(m_dialog->primaryButton()->isEnabled());
    }

    void escapeCancelsTheWaitThenCloses()
    {
        m_env->server.injectFault(ld::sandbox::SandboxServer::Fault::Slow, 1,
                                  QStringLiteral("/v2/login"), {}, 10000);
        signIn(Seeds::codeCheckpointEmail(), QStringLiteral("any password"));
        QTRY_COMPARE(state(), ConnectFlow::State::LoggingIn);
        QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
        QTRY_COMPARE(state(), ConnectFlow::State::Cancelled);
        QVERIFY(m_dialog->isVisible());
        QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
        QTRY_VERIFY(!m_dialog->isVisible());
        QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    }
};

QTEST_MAIN(TstConnectDialog)
#include "tst_connectdialog.moc"
