<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ld::ui::AccountsPage</name>
    <message numerus="yes">
        <source>%n credit(s) through this app</source>
        <translation>
            <numerusform>%n credit through this app</numerusform>
            <numerusform>%n credits through this app</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln credit(s)</source>
        <translation>
            <numerusform>%Ln credit</numerusform>
            <numerusform>%Ln credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Low balance: fewer than %n credit(s) left. Top up your LinkUp credits before paid actions start failing.</source>
        <translation>
            <numerusform>⚠ Low balance: fewer than %n credit left. Top up your LinkUp credits before paid actions start failing.</numerusform>
            <numerusform>⚠ Low balance: fewer than %n credits left. Top up your LinkUp credits before paid actions start failing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::CallsIndicator</name>
    <message numerus="yes">
        <source>%n call(s) in flight</source>
        <translation>
            <numerusform>%n call in flight</numerusform>
            <numerusform>%n calls in flight</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::JsonTreeWidget</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n field</numerusform>
            <numerusform>%n fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more item(s) not shown</source>
        <translation>
            <numerusform>%n more item not shown</numerusform>
            <numerusform>%n more items not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::InboxPage</name>
    <message numerus="yes">
        <source>Refreshed %n conversation(s)</source>
        <translation>
            <numerusform>Refreshed %n conversation</numerusform>
            <numerusform>Refreshed %n conversations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln credit(s)</source>
        <translation>
            <numerusform>%Ln credit</numerusform>
            <numerusform>%Ln credits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::BulkPreviewDialog</name>
    <message numerus="yes">
        <source>%1 %n invitation(s)</source>
        <translation>
            <numerusform>%1 %n invitation</numerusform>
            <numerusform>%1 %n invitations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credit(s)</source>
        <translation>
            <numerusform>%n credit</numerusform>
            <numerusform>%n credits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::BulkRunBar</name>
    <message numerus="yes">
        <source>The answer to %n request(s) was lost: it may have been carried out. Verify asks LinkedIn (1 credit each); nothing is sent again on its own.</source>
        <translation>
            <numerusform>The answer to %n request was lost: it may have been carried out. Verify asks LinkedIn (1 credit); nothing is sent again on its own.</numerusform>
            <numerusform>The answers to %n requests were lost: they may have been carried out. Verify asks LinkedIn (1 credit each); nothing is sent again on its own.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n request(s) whose answer was lost…</source>
        <translation>
            <numerusform>Verifying %n request whose answer was lost…</numerusform>
            <numerusform>Verifying %n requests whose answer was lost…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::InvitationsPage</name>
    <message numerus="yes">
        <source>%1 %n invitation(s)</source>
        <translation>
            <numerusform>%1 %n invitation</numerusform>
            <numerusform>%1 %n invitations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::InvitationsRefresh</name>
    <message numerus="yes">
        <source>%n credit(s)</source>
        <translation>
            <numerusform>%n credit</numerusform>
            <numerusform>%n credits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::LivePage</name>
    <message numerus="yes">
        <source>…and %n more watched account(s).</source>
        <translation>
            <numerusform>…and %n more watched account.</numerusform>
            <numerusform>…and %n more watched accounts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Watching %n account(s), about %1 credits a day in all.</source>
        <translation>
            <numerusform>Watching %n account, about %1 credits a day in all.</numerusform>
            <numerusform>Watching %n accounts, about %1 credits a day in all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::Notifier</name>
    <message numerus="yes">
        <source>%n more new event(s): open the Live page to see them.</source>
        <translation>
            <numerusform>%n more new event: open the Live page to see them.</numerusform>
            <numerusform>%n more new events: open the Live page to see them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::TrayIcon</name>
    <message numerus="yes">
        <source>LinkUp Desk — %n unread conversation(s)</source>
        <translation>
            <numerusform>LinkUp Desk — %n unread conversation</numerusform>
            <numerusform>LinkUp Desk — %n unread conversations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::WithdrawOlderDialog</name>
    <message numerus="yes">
        <source>Withdraw %n invitation(s) older than %1</source>
        <translation>
            <numerusform>Withdraw %n invitation older than %1</numerusform>
            <numerusform>Withdraw %n invitations older than %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::ConnectionsTab</name>
    <message numerus="yes">
        <source>Read %n connection(s)</source>
        <translation>
            <numerusform>Read %n connection</numerusform>
            <numerusform>Read %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>over %n page(s)</source>
        <translation>
            <numerusform>over %n page</numerusform>
            <numerusform>over %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln credit(s).</source>
        <translation>
            <numerusform>%Ln credit.</numerusform>
            <numerusform>%Ln credits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln credit(s) were spent on the pages read.</source>
        <translation>
            <numerusform>%Ln credit was spent on the pages read.</numerusform>
            <numerusform>%Ln credits were spent on the pages read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln credit(s)</source>
        <translation>
            <numerusform>%Ln credit</numerusform>
            <numerusform>%Ln credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::InviteDialog</name>
    <message numerus="yes">
        <source>The note is %n character(s) too long for this account&apos;s limit of %1: shorten it.</source>
        <translation>
            <numerusform>The note is %n character too long for this account&apos;s limit of %1: shorten it.</numerusform>
            <numerusform>The note is %n characters too long for this account&apos;s limit of %1: shorten it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::PeopleSearchTab</name>
    <message numerus="yes">
        <source>Search page read: %Ln credit(s).</source>
        <translation>
            <numerusform>Search page read: %Ln credit.</numerusform>
            <numerusform>Search page read: %Ln credits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln credit(s)</source>
        <translation>
            <numerusform>%Ln credit</numerusform>
            <numerusform>%Ln credits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::InviteListDialog</name>
    <message numerus="yes">
        <source>%n person(s) to invite.</source>
        <translation>
            <numerusform>%n person to invite.</numerusform>
            <numerusform>%n people to invite.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Invite %n person(s)</source>
        <translation>
            <numerusform>Invite %n person</numerusform>
            <numerusform>Invite %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The note is %n character(s) too long for this account&apos;s limit of %1: shorten it.</source>
        <translation>
            <numerusform>The note is %n character too long for this account&apos;s limit of %1: shorten it.</numerusform>
            <numerusform>The note is %n characters too long for this account&apos;s limit of %1: shorten it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::MigrationBatchTab</name>
    <message numerus="yes">
        <source>%n row(s) · %1 to migrate · %2 with problems: see below</source>
        <translation>
            <numerusform>%n row · %1 to migrate · %2 with problems: see below</numerusform>
            <numerusform>%n rows · %1 to migrate · %2 with problems: see below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) · %1 to migrate · no problems</source>
        <translation>
            <numerusform>%n row · %1 to migrate · no problems</numerusform>
            <numerusform>%n rows · %1 to migrate · no problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The results of %n row(s) were written to %1.</source>
        <translation>
            <numerusform>The results of %n row were written to %1.</numerusform>
            <numerusform>The results of %n rows were written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::MigrationProgressPanel</name>
    <message numerus="yes">
        <source>%1 connected · %2 checkpoint · %3 failed · %n credit(s)</source>
        <translation>
            <numerusform>%1 connected · %2 checkpoint · %3 failed · %n credit</numerusform>
            <numerusform>%1 connected · %2 checkpoint · %3 failed · %n credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 · %n row(s) not called</source>
        <translation>
            <numerusform>Cancelled: %1 · %n row not called</numerusform>
            <numerusform>Cancelled: %1 · %n rows not called</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) stopped at a LinkedIn verification (a code, or an approval in the LinkedIn app). Complete it from the Accounts page (Ctrl+3): the account is connected once it is done.</source>
        <translation>
            <numerusform>%n account stopped at a LinkedIn verification (a code, or an approval in the LinkedIn app). Complete it from the Accounts page (Ctrl+3): the account is connected once it is done.</numerusform>
            <numerusform>%n accounts stopped at a LinkedIn verification (a code, or an approval in the LinkedIn app). Complete it for each from the Accounts page (Ctrl+3): an account is connected once it is done.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::PostDraftModel</name>
    <message numerus="yes">
        <source>%n image(s) without text</source>
        <translation>
            <numerusform>%n image without text</numerusform>
            <numerusform>%n images without text</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::PostHistoryModel</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::PostDraftDelegate</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::PostStatePanel</name>
    <message numerus="yes">
        <source>Published %1 · %n credit(s)</source>
        <translation>
            <numerusform>Published %1 · %n credit</numerusform>
            <numerusform>Published %1 · %n credits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::PostHistoryPanel</name>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credit(s)</source>
        <translation>
            <numerusform>%n credit</numerusform>
            <numerusform>%n credits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::PostReactionsDialog</name>
    <message numerus="yes">
        <source>Nothing is loaded until you ask: each page of up to %n item(s) costs 1 credit.</source>
        <translation>
            <numerusform>Nothing is loaded until you ask: each page of up to %n item costs 1 credit.</numerusform>
            <numerusform>Nothing is loaded until you ask: each page of up to %n items costs 1 credit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n comment(s) shown.</source>
        <translation>
            <numerusform>%1 of %n comment shown.</numerusform>
            <numerusform>%1 of %n comments shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n reaction(s) shown.</source>
        <translation>
            <numerusform>%1 of %n reaction shown.</numerusform>
            <numerusform>%1 of %n reactions shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) shown.</source>
        <translation>
            <numerusform>%n comment shown.</numerusform>
            <numerusform>%n comments shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reaction(s) shown.</source>
        <translation>
            <numerusform>%n reaction shown.</numerusform>
            <numerusform>%n reactions shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ld::ui::MissedPostsDialog</name>
    <message numerus="yes">
        <source>%n scheduled post(s) could not be published on time because LinkUp Desk was not running. Nothing is published without you: choose for each.</source>
        <translation>
            <numerusform>A scheduled post could not be published on time because LinkUp Desk was not running. Nothing is published without you: choose what to do with it.</numerusform>
            <numerusform>%n scheduled posts could not be published on time because LinkUp Desk was not running. Nothing is published without you: choose for each.</numerusform>
        </translation>
    </message>
</context>
</TS>
