// Settings → API tokens tab: creating a token through the page shows it once (read-only, Copy,
// "not shown again") and it verifies with ApiTokenVerifier; the list shows name and times but
// never the secret; revoking the selected token asks first, marks it revoked and the verifier
// refuses it at once (the apiTokensChanged hook); empty, numeric and duplicate names show a clear
// error. All database work runs on the ConsoleBackend thread (SQLite).
#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "server/apitokenverifier.h"
#include "storage/apitokenrepository.h"
#include "ui/backend/consolebackend.h"
#include "ui/common/languagemanager.h"
#include "ui/settings/settingsdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <atomic>

using namespace Leadline;
using namespace Leadline::Ui;

class tst_UiApiTokens : public QObject
{
    Q_OBJECT
private slots:
    void createListRevoke();
    void invalidNamesShowErrors();
    void hindi();
};

namespace {
// A migrated SQLite database, the console backend thread and a Settings dialog wired to it.
struct Fixture
{
    Testing::TestDatabase t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    Testing::FakeClock clock;
    QTemporaryDir dir;
    std::unique_ptr<Server::ApiTokenVerifier> verifier;
    std::unique_ptr<Campaigns::CampaignService> service;
    std::unique_ptr<ConsoleBackendHost> host;
    std::atomic<int> changes{0};

    bool open()
    {
        if (!t.error.isEmpty())
            return false;
        verifier = std::make_unique<Server::ApiTokenVerifier>(*t.db, clock, 60'000);
        service = std::make_unique<Campaigns::CampaignService>(*t.db, clock);
        ConsoleBackendOptions options;
        Server::ApiTokenVerifier *v = verifier.get();
        options.apiTokensChanged = [this, v] {
            changes.fetch_add(1);
            v->invalidate();
        };
        host = std::make_unique<ConsoleBackendHost>(*service, *t.db, options);
        return true;
    }
};

bool waitIdle(const ApiTokensPage *page)
{
    return QTest::qWaitFor([page] { return !page->isBusy(); }, 5000);
}

int rowOf(const ApiTokensPage *page, const QString &name)
{
    for (int r = 0; r < page->table()->rowCount(); ++r)
        if (page->table()->item(r, 0)->text() == name)
            return r;
    return -1;
}

// Every text the page shows (table cells, labels, line edits) but the new-token field.
QStringList visibleTexts(const ApiTokensPage *page)
{
    QStringList out;
    for (int r = 0; r < page->table()->rowCount(); ++r)
        for (int c = 0; c < page->table()->columnCount(); ++c)
            out << page->table()->item(r, c)->text() << page->table()->item(r, c)->toolTip();
    for (const QLabel *l : page->findChildren<QLabel *>())
        out << l->text() << l->toolTip();
    for (const QLineEdit *e : page->findChildren<QLineEdit *>())
        if (e != page->newTokenField())
            out << e->text();
    return out;
}
} // namespace

void tst_UiApiTokens::createListRevoke()
{
    Fixture f;
    QVERIFY2(f.open(), qPrintable(f.t.error));
    SettingsDialog dialog(f.dir.filePath(QStringLiteral("leadline.conf")), QStringLiteral("en"));
    ApiTokensPage *page = dialog.apiTokensPage();
    QVERIFY(page);
    QVERIFY(!page->createButton()->isEnabled()); // no backend yet
    QVERIFY(!page->createToken());
    dialog.setBackend(f.host.get());
    QVERIFY(page->isBusy()); // the list is asked for at once, answered asynchronously
    QVERIFY(waitIdle(page));
    QCOMPARE(page->table()->rowCount(), 0);
    QVERIFY(page->createButton()->isEnabled());
    QVERIFY(!page->revokeButton()->isEnabled());
    QVERIFY(!page->newTokenField()->isVisibleTo(page));

    // Create through the page, as a user does.
    page->nameField()->setText(QStringLiteral("  crm-sync "));
    QSignalSpy answered(page, &ApiTokensPage::answered);
    QTest::mouseClick(page->createButton(), Qt::LeftButton);
    QVERIFY(page->isBusy());
    QVERIFY(waitIdle(page));
    QCOMPARE(answered.count(), 1);
    QCOMPARE(answered.first().at(0).toBool(), true);
    const QString token = page->newTokenField()->text();
    QVERIFY2(token.startsWith(QLatin1String("llt_")) && token.size() == 47, qPrintable(token));
    QVERIFY(page->newTokenField()->isReadOnly());
    QVERIFY(page->newTokenField()->isVisibleTo(page));
    QVERIFY(page->copyButton()->isVisibleTo(page));
    auto *note = page->findChild<QLabel *>(QStringLiteral("newApiTokenNote"));
    QVERIFY(note && note->isVisibleTo(page));
    QVERIFY(note->text().contains(QLatin1String("will not be shown again")));
    QVERIFY(page->nameField()->text().isEmpty());
    QCOMPARE(f.changes.load(), 1);

    // The token is real: the repository holds only its hash and the verifier accepts it.
    Storage::ApiTokenRepository repo(f.t.conn());
    auto rows = repo.list();
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().name, QStringLiteral("crm-sync"));
    QCOMPARE(rows->first().hash, Storage::ApiTokenRepository::hashToken(token.toLatin1()));
    const qint64 id = rows->first().id;
    QCOMPARE(f.verifier->verify(token.toLatin1()), id);
    QCOMPARE(f.verifier->verify(token.toLatin1() + "x"), qint64(0));

    // Copy puts it on the clipboard.
    QTest::mouseClick(page->copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), token);
    QGuiApplication::clipboard()->clear();

    // The list shows the token (name, created, last used after the verify) but never the secret.
    QCOMPARE(page->table()->rowCount(), 1);
    QCOMPARE(page->table()->item(0, 0)->text(), QStringLiteral("crm-sync"));
    QCOMPARE(page->tokenIdAt(0), id);
    QCOMPARE(page->table()->item(0, 2)->text(), QStringLiteral("never"));
    QVERIFY(page->refresh());
    QVERIFY(waitIdle(page));
    QVERIFY(page->table()->item(0, 2)->text() != QLatin1String("never")); // touched by the verify
    QVERIFY(!page->table()->item(0, 1)->text().isEmpty());
    QCOMPARE(page->table()->item(0, 3)->text(), QStringLiteral("no (active)"));
    QVERIFY(page->newTokenField()->isVisibleTo(page)); // a refresh keeps it until the next action
    for (const QString &text : visibleTexts(page))
        QVERIFY2(!text.contains(token) && !text.contains(QString::fromLatin1(rows->first().hash)), qPrintable(text));

    // Shown once: another creation replaces it, and a newly opened dialog never shows it.
    page->nameField()->setText(QStringLiteral("grafana"));
    QVERIFY(page->createToken());
    QVERIFY(waitIdle(page));
    const QString second = page->newTokenField()->text();
    QVERIFY(second.startsWith(QLatin1String("llt_")));
    QVERIFY(second != token);
    QCOMPARE(page->table()->rowCount(), 2);
    QCOMPARE(page->table()->item(0, 0)->text(), QStringLiteral("grafana")); // newest first
    // For a human look at the tab (saved beside the test binary).
    dialog.findChild<QTabWidget *>()->setCurrentWidget(page);
    dialog.resize(760, 560);
    dialog.grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/ui_apitokens.png"));
    {
        SettingsDialog reopened(f.dir.filePath(QStringLiteral("leadline.conf")), QStringLiteral("en"));
        reopened.setBackend(f.host.get());
        ApiTokensPage *p2 = reopened.apiTokensPage();
        QVERIFY(waitIdle(p2));
        QCOMPARE(p2->table()->rowCount(), 2);
        QVERIFY(p2->newTokenField()->text().isEmpty());
        QVERIFY(!p2->newTokenField()->isVisibleTo(p2));
        for (const QString &text : visibleTexts(p2))
            QVERIFY2(!text.contains(token) && !text.contains(second), qPrintable(text));
    }
    QVERIFY(!page->isBusy()); // the other dialog's answers were not taken for this page's

    // Enter in the name field creates a token; it does not press the dialog's Save button.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    page->nameField()->setFocus();
    page->nameField()->setText(QStringLiteral("via-enter"));
    QTest::keyClick(page->nameField(), Qt::Key_Return);
    QVERIFY(page->isBusy());
    QVERIFY(waitIdle(page));
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.isVisible());
    QCOMPARE(page->table()->rowCount(), 3);
    QVERIFY(page->newTokenField()->text().startsWith(QLatin1String("llt_")));

    // Revoke: nothing selected → a clear message, nothing sent.
    page->table()->clearSelection();
    QVERIFY(!page->revokeSelected());
    QVERIFY(page->messageLabel()->property("error").toBool());
    // Declining the confirmation keeps the token.
    const int row = rowOf(page, QStringLiteral("crm-sync"));
    QVERIFY(row >= 0);
    page->table()->selectRow(row);
    QVERIFY(page->revokeButton()->isEnabled());
    QString askedFor;
    page->setConfirmRevoke([&askedFor](const QString &name) {
        askedFor = name;
        return false;
    });
    QVERIFY(!page->revokeSelected());
    QCOMPARE(askedFor, QStringLiteral("crm-sync"));
    QVERIFY(!page->isBusy());
    QVERIFY(repo.list()->last().active());

    // The real question box, answered "Revoke".
    page->setConfirmRevoke({});
    bool boxSeen = false;
    QTimer::singleShot(0, this, [&boxSeen] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QLatin1String("confirmRevokeApiToken"))
            return;
        boxSeen = box->text().contains(QLatin1String("crm-sync"));
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
    });
    QTest::mouseClick(page->revokeButton(), Qt::LeftButton);
    QVERIFY(boxSeen);
    QVERIFY(page->isBusy());
    QVERIFY(waitIdle(page));
    QCOMPARE(f.changes.load(), 4);
    QVERIFY2(page->messageLabel()->text().contains(QLatin1String("revoked")), qPrintable(page->messageLabel()->text()));
    QVERIFY(!page->newTokenField()->isVisibleTo(page));

    const int revokedRow = rowOf(page, QStringLiteral("crm-sync"));
    QVERIFY(revokedRow >= 0);
    QVERIFY(page->table()->item(revokedRow, 3)->text() != QLatin1String("no (active)"));
    QCOMPARE(page->table()->item(rowOf(page, QStringLiteral("grafana")), 3)->text(), QStringLiteral("no (active)"));
    auto after = repo.list();
    QVERIFY(after.ok());
    for (const Storage::ApiTokenRow &r : after.value())
        QCOMPARE(r.active(), r.name != QLatin1String("crm-sync"));
    // Refused at once (the hook invalidated the verifier's cache), the other token still works.
    QCOMPARE(f.verifier->verify(token.toLatin1()), qint64(0));
    QVERIFY(f.verifier->verify(second.toLatin1()) > 0);

    // A revoked token cannot be revoked again from the page.
    page->table()->selectRow(revokedRow);
    QVERIFY(!page->revokeButton()->isEnabled());
    page->setConfirmRevoke([](const QString &) { return true; });
    QVERIFY(!page->revokeSelected());
    QVERIFY(page->messageLabel()->text().contains(QLatin1String("already revoked")));
}

void tst_UiApiTokens::invalidNamesShowErrors()
{
    Fixture f;
    QVERIFY2(f.open(), qPrintable(f.t.error));
    SettingsDialog dialog(f.dir.filePath(QStringLiteral("leadline.conf")), QStringLiteral("en"));
    dialog.setBackend(f.host.get());
    ApiTokensPage *page = dialog.apiTokensPage();
    QVERIFY(waitIdle(page));

    // Empty: refused on the page, nothing sent.
    page->nameField()->setText(QStringLiteral("   "));
    QVERIFY(!page->createToken());
    QVERIFY(!page->isBusy());
    QVERIFY(page->messageLabel()->property("error").toBool());
    QVERIFY(page->messageLabel()->text().contains(QLatin1String("Enter a name")));

    page->nameField()->setText(QStringLiteral("ops"));
    QVERIFY(page->createToken());
    QVERIFY(waitIdle(page));
    QVERIFY(!page->messageLabel()->property("error").toBool());
    const QString first = page->newTokenField()->text();
    QVERIFY(!first.isEmpty());

    // Duplicate active name: the engine refuses (409) and the page says why.
    page->nameField()->setText(QStringLiteral("ops"));
    QSignalSpy answered(page, &ApiTokensPage::answered);
    QVERIFY(page->createToken());
    QVERIFY(waitIdle(page));
    QCOMPARE(answered.count(), 1);
    QCOMPARE(answered.first().at(0).toBool(), false);
    QVERIFY(page->messageLabel()->property("error").toBool());
    QVERIFY2(page->messageLabel()->text().contains(QLatin1String("already exists"))
                 && page->messageLabel()->text().contains(QStringLiteral("“ops”")),
             qPrintable(page->messageLabel()->text()));
    QVERIFY(page->newTokenField()->text().isEmpty());
    QVERIFY(!page->newTokenField()->isVisibleTo(page));
    QCOMPARE(page->nameField()->text(), QStringLiteral("ops")); // kept for correcting
    QCOMPARE(page->table()->rowCount(), 1);
    QCOMPARE(f.changes.load(), 1);

    // A number is not a name (names and ids share the revoke argument).
    page->nameField()->setText(QStringLiteral("42"));
    QVERIFY(page->createToken());
    QVERIFY(waitIdle(page));
    QVERIFY(page->messageLabel()->property("error").toBool());
    QVERIFY2(page->messageLabel()->text().contains(QLatin1String("number")), qPrintable(page->messageLabel()->text()));
    QCOMPARE(Storage::ApiTokenRepository(f.t.conn()).list()->size(), 1);
}

void tst_UiApiTokens::hindi()
{
    LanguageManager languages;
    QVERIFY(languages.apply(QStringLiteral("hi")));
    QTemporaryDir dir;
    SettingsDialog dialog(dir.filePath(QStringLiteral("leadline.conf")), QStringLiteral("hi"));
    auto *tabs = dialog.findChild<QTabWidget *>();
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(tabs->indexOf(dialog.apiTokensPage())), QStringLiteral("API टोकन"));
    ApiTokensPage *page = dialog.apiTokensPage();
    QCOMPARE(page->table()->horizontalHeaderItem(0)->text(), QStringLiteral("नाम"));
    QCOMPARE(page->createButton()->text(), QStringLiteral("टोकन बनाएँ(&C)"));
    QVERIFY(languages.apply(QStringLiteral("en")));
}

QTEST_MAIN(tst_UiApiTokens)
#include "tst_ui_apitokens.moc"
