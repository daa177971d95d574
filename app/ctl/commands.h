#pragma once
// One function per linkupctl command; each returns the process exit code.
#include "cli.h"

namespace ld::ctl {

int accountsList(const GlobalOptions &options, const QStringList &args);
int accountsShow(const GlobalOptions &options, const QStringList &args);
int login(const GlobalOptions &options, const QStringList &args);
int checkpoint(const GlobalOptions &options, const QStringList &args);
int credits(const GlobalOptions &options, const QStringList &args);
int sandbox(const GlobalOptions &options, const QStringList &args);
int inboxList(const GlobalOptions &options, const QStringList &args);
int conversationShow(const GlobalOptions &options, const QStringList &args);
int send(const GlobalOptions &options, const QStringList &args);
int outboxList(const GlobalOptions &options, const QStringList &args);
int outboxVerify(const GlobalOptions &options, const QStringList &args);
int outboxSendAgain(const GlobalOptions &options, const QStringList &args);
int profilesSearch(const GlobalOptions &options, const QStringList &args);
int invitationsList(const GlobalOptions &options, const QStringList &args);
int invitationsAccept(const GlobalOptions &options, const QStringList &args);
int invitationsDecline(const GlobalOptions &options, const QStringList &args);
int invitationsWithdraw(const GlobalOptions &options, const QStringList &args);
int invite(const GlobalOptions &options, const QStringList &args);
int connectionsList(const GlobalOptions &options, const QStringList &args);
int sseParse(const QStringList &args); // no options: no profile, keychain or network
int webhooksList(const GlobalOptions &options, const QStringList &args);
int webhooksCreate(const GlobalOptions &options, const QStringList &args);
int webhooksStart(const GlobalOptions &options, const QStringList &args);
int webhooksStop(const GlobalOptions &options, const QStringList &args);
int webhooksDelete(const GlobalOptions &options, const QStringList &args);
int eventsTail(const GlobalOptions &options, const QStringList &args);
int convertV1(const GlobalOptions &options, const QStringList &args); // no network, no key
int migrate(const GlobalOptions &options, const QStringList &args);
int post(const GlobalOptions &options, const QStringList &args);
int draftsList(const GlobalOptions &options, const QStringList &args);

} // namespace ld::ctl
