// History tab: HistoryModel pages through the ConsoleBackend thread (offset pages, canFetchMore
// false at the end, total), filters by campaign / status / outcome / text / date range and sorts
// in the database, on SQLite and PostgreSQL; the detail pane shows the transcript, fields,
// recording link and cost, and selecting a field highlights the turn it was said in.
#include "fakes/callhistoryseed.h"
#include "fakes/testdatabase.h"
#include "ui/backend/consolebackend.h"
#include "ui/common/languagemanager.h"
#include "ui/history/calldetailview.h"
#include "ui/history/historymodel.h"
#include "ui/history/historyview.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Ui;
using Filter = Storage::CallHistoryFilter;

class tst_UiHistory : public QObject
{
    Q_OBJECT
private slots:
    void pagingAndFilters_data() { Testing::addBackendRows(); }
    void pagingAndFilters();
    void fieldHighlightsTurn();
    void viewFiltersDriveTheModel();
};

// Loads every page; returns the call ids in model order.
static QList<qint64> loadAll(HistoryModel &model)
{
    for (int guard = 0; guard < 100 && (model.isLoading() || model.canFetchMore({})); ++guard) {
        if (!model.isLoading())
            model.fetchMore({});
        if (!QTest::qWaitFor([&] { return !model.isLoading(); }, 5000))
            return {};
    }
    QList<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids << model.index(r, 0).data(HistoryModel::CallIdRole).toLongLong();
    return ids;
}

static QList<qint64> query(HistoryModel &model, const Filter &f)
{
    model.setFilter(f);
    return loadAll(model);
}

void tst_UiHistory::pagingAndFilters()
{
    QFETCH(QString, backend);
    LEADLINE_SEED_HISTORY(t, backend);
    const QList<qint64> &c = t.seed.calls;
    ConsoleBackendHost host(*t.service, *t.db);

    HistoryModel model(host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.canFetchMore({})); // no filter yet
    QSignalSpy pages(&model, &HistoryModel::pageLoaded);
    model.setPageSize(2);
    Filter f;
    f.campaignId = t.seed.alpha;
    model.setFilter(f);
    QVERIFY(model.isLoading());
    QCOMPARE(model.rowCount(), 0); // nothing synchronous
    QVERIFY(QTest::qWaitFor([&] { return model.rowCount() == 2; }, 5000));
    QCOMPARE(model.totalCount(), qint64(7));
    QVERIFY(model.canFetchMore({}));
    const QList<qint64> newestFirst = loadAll(model);
    QList<int> sizes;
    for (const auto &args : std::as_const(pages))
        sizes << args.at(0).toInt();
    QCOMPARE(sizes, (QList<int>{2, 2, 2, 1}));
    QVERIFY(!model.canFetchMore({}));
    // Default order: newest first, ties (#2 and #3 at 11:00) by id, descending.
    QCOMPARE(newestFirst, (QList<qint64>{c[6], c[5], c[4], c[3], c[2], c[1], c[0]}));
    QCOMPARE(model.index(6, HistoryModel::Lead).data().toString(), QStringLiteral("Asha"));
    QCOMPARE(model.index(6, HistoryModel::Campaign).data().toString(), QStringLiteral("Alpha"));
    QCOMPARE(model.index(6, HistoryModel::Phone).data().toString(), QStringLiteral("+919811100001"));
    QCOMPARE(model.index(6, HistoryModel::Duration).data().toString(), QStringLiteral("1:35"));
    QCOMPARE(model.index(6, HistoryModel::Outcome).data(HistoryModel::OutcomeCodeRole).toString(), QStringLiteral("interested"));

    model.setPageSize(50);
    // Status and outcome.
    f.status = QStringLiteral("completed");
    QCOMPARE(query(model, f), (QList<qint64>{c[5], c[4], c[1], c[0]}));
    f.status.clear();
    f.outcome = QStringLiteral("none");
    QCOMPARE(query(model, f), (QList<qint64>{c[6], c[3], c[2]}));
    f.outcome.clear();
    Filter all;
    all.outcome = QStringLiteral("interested");
    QCOMPARE(query(model, all), (QList<qint64>{c[5], c[7], c[0]}));
    QCOMPARE(model.totalCount(), qint64(3));
    // Text: lead name (any case), phone digits, campaign name; LIKE wildcards are literal.
    all.outcome.clear();
    all.text = QStringLiteral("ESHA");
    QCOMPARE(query(model, all), (QList<qint64>{c[5]}));
    all.text = QStringLiteral("98222");
    QCOMPARE(query(model, all), (QList<qint64>{c[8], c[7]}));
    all.text = QStringLiteral("beta");
    QCOMPARE(query(model, all).size(), 2);
    all.text = QStringLiteral("%");
    QCOMPARE(query(model, all), QList<qint64>{});
    all.text.clear();
    // Date range [12:00, 13:30) IST.
    all.fromMs = Testing::SeededHistory::kT0 + 2 * Testing::SeededHistory::kHour;
    all.toMs = all.fromMs + 90 * 60000;
    QCOMPARE(query(model, all), (QList<qint64>{c[5], c[4], c[3]}));
    // "This campaign" without a campaign: nothing.
    Filter none;
    none.campaignId = -1;
    QCOMPARE(query(model, none), QList<qint64>{});
    QCOMPARE(model.totalCount(), qint64(0));

    // Sorting happens in the database (and reloads from the first page).
    model.setPageSize(3);
    model.setFilter(f);
    QVERIFY(QTest::qWaitFor([&] { return !model.isLoading(); }, 5000));
    model.sort(HistoryModel::Duration, Qt::AscendingOrder);
    QCOMPARE(model.filter().sort, Filter::Sort::Duration);
    QList<qint64> ids = loadAll(model);
    QCOMPARE(ids.size(), 7);
    QCOMPARE(ids.last(), c[5]); // 700 s
    int last = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QString d = model.index(r, HistoryModel::Duration).data().toString();
        const int s = d.isEmpty() ? 0 : d.section(QLatin1Char(':'), 0, 0).toInt() * 60 + d.section(QLatin1Char(':'), 1, 1).toInt();
        QVERIFY2(s >= last, qPrintable(QStringLiteral("row %1").arg(r)));
        last = s;
    }
    model.sort(HistoryModel::Lead, Qt::DescendingOrder);
    ids = loadAll(model);
    QCOMPARE(model.index(0, HistoryModel::Lead).data().toString(), QStringLiteral("Farhan"));
    QCOMPARE(model.index(6, HistoryModel::Lead).data().toString(), QStringLiteral("Asha"));
}

void tst_UiHistory::fieldHighlightsTurn()
{
    LEADLINE_SEED_HISTORY(t, QStringLiteral("sqlite"));
    ConsoleBackendOptions options;
    options.prices = Storage::CostPrices{1.0, 0.5, 0.25, 0.25};
    ConsoleBackendHost host(*t.service, *t.db, options);

    HistoryView view(host);
    view.resize(1200, 700);
    view.show();
    QSignalSpy shown(&view, &HistoryView::detailShown);
    view.setCampaign(t.seed.alpha);
    QVERIFY(QTest::qWaitFor([&] { return view.model()->rowCount() == 7 && !view.model()->isLoading(); }, 5000));
    QVERIFY(view.selectCall(t.seed.calls[0]));
    QVERIFY(QTest::qWaitFor([&] { return shown.count() == 1; }, 5000));
    CallDetailView *d = view.detail();
    QCOMPARE(d->callId(), t.seed.calls[0]);

    QTreeWidget *transcript = d->transcript();
    QCOMPARE(transcript->topLevelItemCount(), 5);
    QCOMPARE(transcript->topLevelItem(1)->text(1), QStringLiteral("Caller"));
    QCOMPARE(transcript->topLevelItem(1)->text(3), QStringLiteral("Haan, budget pachaas lakh hai."));
    QCOMPARE(transcript->topLevelItem(1)->text(2), QStringLiteral("hi"));
    QCOMPARE(transcript->topLevelItem(1)->text(0), QStringLiteral("0:08"));

    // Fields: budget (turn 1), property (turn 3), timeline (turn 3); "normalized" is not a row.
    QTableWidget *fields = d->fieldsTable();
    QCOMPARE(fields->rowCount(), 3);
    int budgetRow = -1, propertyRow = -1;
    for (int r = 0; r < fields->rowCount(); ++r) {
        const QString key = fields->item(r, 0)->data(Qt::UserRole).toString();
        if (key == QLatin1String("budget"))
            budgetRow = r;
        if (key == QLatin1String("property"))
            propertyRow = r;
    }
    QVERIFY(budgetRow >= 0 && propertyRow >= 0);
    QCOMPARE(fields->item(budgetRow, 1)->text(), QStringLiteral("pachaas lakh"));
    QVERIFY2(fields->item(budgetRow, 2)->text().contains(QStringLiteral("50,00,000")), qPrintable(fields->item(budgetRow, 2)->text()));
    QCOMPARE(fields->item(propertyRow, 3)->text(), QStringLiteral("4")); // shown 1-based

    QCOMPARE(d->highlightedTurn(), -1);
    // A click on the budget row highlights turn 1, the property row turn 3.
    const QRect budgetCell = fields->visualItemRect(fields->item(budgetRow, 1));
    QTest::mouseClick(fields->viewport(), Qt::LeftButton, {}, budgetCell.center());
    QCOMPARE(d->highlightedTurn(), 1);
    QCOMPARE(transcript->currentItem(), transcript->topLevelItem(1));
    QVERIFY(transcript->topLevelItem(1)->background(3) != QBrush());
    QCOMPARE(transcript->topLevelItem(3)->background(3), QBrush());
    const QRect propertyCell = fields->visualItemRect(fields->item(propertyRow, 1));
    QTest::mouseClick(fields->viewport(), Qt::LeftButton, {}, propertyCell.center());
    QCOMPARE(d->highlightedTurn(), 3);
    QCOMPARE(transcript->currentItem(), transcript->topLevelItem(3));
    QCOMPARE(transcript->topLevelItem(1)->background(3), QBrush());
    QVERIFY(!d->highlightTurn(42));

    // Recording link and cost (95 s: 2 started minutes x ₹1 + 95/60 talk minutes x ₹1 = ₹3.58).
    QVERIFY(d->recordingLabel()->text().contains(QStringLiteral("href=\"https://recordings.example.in/call-1.mp3\"")));
    QVERIFY(d->recordingLabel()->openExternalLinks());
    QVERIFY2(d->costLabel()->text().contains(QStringLiteral("\u20b93.58")), qPrintable(d->costLabel()->text()));

    // For a human look at the tab (saved beside the test binary).
    QTest::qWait(50); // let the labels' new sizes lay out before the grab
    view.grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/ui_history.png"));

    // Hindi: headers, labels and codes switch at once (LanguageChange), the data stays.
    QVERIFY(d->highlightTurn(3));
    {
        LanguageManager languages;
        QVERIFY(languages.apply(QStringLiteral("hi")));
        QCOMPARE(view.model()->headerData(HistoryModel::Outcome, Qt::Horizontal).toString(), QStringLiteral("परिणाम"));
        QCOMPARE(view.model()->index(6, HistoryModel::Outcome).data().toString(), QStringLiteral("रुचि है"));
        QTRY_COMPARE(d->transcript()->topLevelItem(1)->text(1), QStringLiteral("कॉलर"));
        QCOMPARE(d->transcript()->topLevelItem(1)->text(3), QStringLiteral("Haan, budget pachaas lakh hai."));
        QTRY_COMPARE(view.outcomeCombo()->itemText(0), QStringLiteral("कोई भी परिणाम"));
        QCOMPARE(d->highlightedTurn(), 3); // the highlight survives the re-render
        view.grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/ui_history_hi.png"));
        QVERIFY(languages.apply(QStringLiteral("en")));
    }
    QTRY_COMPARE(d->transcript()->topLevelItem(1)->text(1), QStringLiteral("Caller"));

    // A call without fields or recording.
    QVERIFY(view.selectCall(t.seed.calls[2]));
    QVERIFY(QTest::qWaitFor([&] { return shown.count() == 2; }, 5000));
    QCOMPARE(d->fieldsTable()->rowCount(), 0);
    QVERIFY(!d->recordingLabel()->text().contains(QStringLiteral("href")));
}

void tst_UiHistory::viewFiltersDriveTheModel()
{
    LEADLINE_SEED_HISTORY(t, QStringLiteral("sqlite"));
    ConsoleBackendHost host(*t.service, *t.db);
    HistoryView view(host);
    view.show();
    auto settle = [&] { return QTest::qWaitFor([&] { return !view.model()->isLoading(); }, 5000); };
    view.setCampaign(t.seed.beta);
    QVERIFY(settle());
    QCOMPARE(view.model()->totalCount(), qint64(2));
    view.setAllCampaigns(true);
    QVERIFY(settle());
    QCOMPARE(view.model()->totalCount(), qint64(9));
    QCOMPARE(view.currentFilter().campaignId, qint64(0));
    view.outcomeCombo()->setCurrentIndex(view.outcomeCombo()->findData(QStringLiteral("interested")));
    QVERIFY(settle());
    QCOMPARE(view.model()->totalCount(), qint64(3));
    view.searchField()->setText(QStringLiteral("gita"));
    QVERIFY(QTest::qWaitFor([&] { return view.model()->filter().text == QLatin1String("gita") && !view.model()->isLoading(); }, 5000));
    QCOMPARE(view.model()->totalCount(), qint64(1));
    // Date range excluding everything seeded (2025): today only.
    view.searchField()->clear();
    QVERIFY(QTest::qWaitFor([&] { return view.model()->filter().text.isEmpty() && !view.model()->isLoading(); }, 5000));
    view.dateCheck()->setChecked(true);
    view.fromDate()->setDate(QDate::currentDate());
    view.toDate()->setDate(QDate::currentDate());
    QVERIFY(settle());
    QCOMPARE(view.model()->totalCount(), qint64(0));
    view.fromDate()->setDate(QDate(2025, 11, 20));
    QVERIFY(settle());
    QCOMPARE(view.model()->totalCount(), qint64(3));
}

QTEST_MAIN(tst_UiHistory)
#include "tst_ui_history.moc"
