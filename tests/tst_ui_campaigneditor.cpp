// CampaignEditorDialog: inline validation through CampaignService::validate (each problem gets a
// clear message naming the field, Create stays disabled), the Create signal carries the edited
// values, saved campaigns are read-only with Start/Pause by status, and messages are translated.
#include "ui/campaigns/campaigneditordialog.h"
#include "ui/common/languagemanager.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimeEdit>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Ui;

class tst_UiCampaignEditor : public QObject
{
    Q_OBJECT
private slots:
    void newCampaignNeedsName();
    void validation_data();
    void validation();
    void createCarriesValues();
    void unknownScriptVariable();
    void savedCampaignIsReadOnly();
    void hindiMessages();
};

void tst_UiCampaignEditor::newCampaignNeedsName()
{
    CampaignEditorDialog d(Storage::CampaignRow{}, true);
    QVERIFY(!d.isValid());
    QCOMPARE(d.validationMessage(), QStringLiteral("Enter a name for the campaign."));
    QVERIFY(!d.primaryButton()->isEnabled());
    d.nameEdit()->setText(QStringLiteral("Whitefield launch"));
    QVERIFY(d.isValid());
    QVERIFY(d.validationMessage().isEmpty());
    QVERIFY(d.primaryButton()->isEnabled());
    QVERIFY(d.messageLabel()->isHidden());
    // Defaults come from the engine's row: 10:00-19:00, no Sunday, Asia/Kolkata.
    const Storage::CampaignRow r = d.row();
    QCOMPARE(r.windowStart, QStringLiteral("10:00"));
    QCOMPARE(r.windowEnd, QStringLiteral("19:00"));
    QCOMPARE(r.callingDays, QStringLiteral("mon,tue,wed,thu,fri,sat"));
    QCOMPARE(r.timezone, QStringLiteral("Asia/Kolkata"));
}

void tst_UiCampaignEditor::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("blank name") << "name" << "   " << "Enter a name for the campaign.";
    QTest::newRow("name too long") << "name" << QString(201, QLatin1Char('x')) << "The name is too long (at most 200 characters).";
    QTest::newRow("window reversed") << "start" << "20:00" << "The calling window must start before it ends.";
    QTest::newRow("window empty") << "end" << "10:00" << "The calling window must start before it ends.";
    QTest::newRow("no days") << "days" << "" << "Choose at least one calling day.";
    QTest::newRow("unknown time zone") << "timezone" << "Mars/Olympus"
                                       << "\u201cMars/Olympus\u201d is not a known time zone; use a name such as Asia/Kolkata.";
}

void tst_UiCampaignEditor::validation()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    CampaignEditorDialog d(Storage::CampaignRow{}, true);
    d.show();
    d.nameEdit()->setText(QStringLiteral("Valid name"));
    QVERIFY(d.isValid());
    if (field == QLatin1String("name"))
        d.nameEdit()->setText(value);
    else if (field == QLatin1String("start"))
        d.startEdit()->setTime(QTime::fromString(value, QStringLiteral("HH:mm")));
    else if (field == QLatin1String("end"))
        d.endEdit()->setTime(QTime::fromString(value, QStringLiteral("HH:mm")));
    else if (field == QLatin1String("days"))
        for (QCheckBox *b : d.dayBoxes())
            b->setChecked(false);
    else if (field == QLatin1String("timezone"))
        d.timezoneEdit()->setCurrentText(value);
    QVERIFY(!d.isValid());
    QCOMPARE(d.validationMessage(), expected);
    QVERIFY(d.messageLabel()->isVisible());
    QVERIFY(!d.messageLabel()->toolTip().isEmpty()); // the engine's own wording, for support
    QVERIFY(!d.primaryButton()->isEnabled());
    QSignalSpy created(&d, &CampaignEditorDialog::createRequested);
    d.primaryButton()->click();
    QCOMPARE(created.count(), 0);
}

void tst_UiCampaignEditor::createCarriesValues()
{
    CampaignEditorDialog d(Storage::CampaignRow{}, true);
    QSignalSpy created(&d, &CampaignEditorDialog::createRequested);
    d.nameEdit()->setText(QStringLiteral("  Sarjapur plots  "));
    d.scriptEdit()->setPlainText(QStringLiteral("Namaste {name}"));
    d.startEdit()->setTime(QTime(9, 30));
    d.endEdit()->setTime(QTime(18, 0));
    d.dayBoxes().at(5)->setChecked(false); // sat
    d.dayBoxes().at(6)->setChecked(true);  // sun
    QVERIFY(d.isValid());
    QTest::mouseClick(d.primaryButton(), Qt::LeftButton);
    QCOMPARE(created.count(), 1);
    const auto row = created.first().at(0).value<Storage::CampaignRow>();
    QCOMPARE(row.name, QStringLiteral("Sarjapur plots"));
    QCOMPARE(row.script, QStringLiteral("Namaste {name}"));
    QCOMPARE(row.windowStart, QStringLiteral("09:30"));
    QCOMPARE(row.windowEnd, QStringLiteral("18:00"));
    QCOMPARE(row.callingDays, QStringLiteral("mon,tue,wed,thu,fri,sun"));
    QVERIFY(!d.primaryButton()->isEnabled()); // until the engine answers
    d.showServerError(QStringLiteral("A campaign with this name already exists."));
    QCOMPARE(d.validationMessage(), QStringLiteral("A campaign with this name already exists."));
    QVERIFY(d.primaryButton()->isEnabled());
}

void tst_UiCampaignEditor::unknownScriptVariable()
{
    CampaignEditorDialog d(Storage::CampaignRow{}, true);
    d.nameEdit()->setText(QStringLiteral("Script"));
    d.scriptEdit()->setPlainText(QStringLiteral("Hello {naam} from {city}"));
    const QLabel *hint = nullptr;
    for (const QLabel *l : d.findChildren<QLabel *>())
        if (l->text().contains(QLatin1String("Unknown variable")))
            hint = l;
    QVERIFY(hint);
    QVERIFY(hint->text().contains(QLatin1String("{naam}")));
    QVERIFY(d.isValid()); // a hint, not a blocker
}

void tst_UiCampaignEditor::savedCampaignIsReadOnly()
{
    Storage::CampaignRow row;
    row.id = 7;
    row.name = QStringLiteral("Saved");
    row.status = QStringLiteral("draft");
    CampaignEditorDialog d(row, false);
    QVERIFY(!d.nameEdit()->isEnabled());
    QVERIFY(d.isValid());
    auto *start = d.findChild<QPushButton *>(QStringLiteral("startButton"));
    auto *pause = d.findChild<QPushButton *>(QStringLiteral("pauseButton"));
    QVERIFY(start && pause);
    QVERIFY(start->isEnabled());
    QVERIFY(!pause->isEnabled());
    d.setStatus(QStringLiteral("running"));
    QVERIFY(!start->isEnabled());
    QVERIFY(pause->isEnabled());
}

void tst_UiCampaignEditor::hindiMessages()
{
    LanguageManager languages;
    QVERIFY2(languages.apply(QStringLiteral("hi")), "the Hindi catalog is not compiled in");
    CampaignEditorDialog d(Storage::CampaignRow{}, true);
    const QString msg = d.validationMessage();
    QVERIFY(!msg.isEmpty());
    QVERIFY2(msg != QLatin1String("Enter a name for the campaign."), "message not translated");
    bool devanagari = false;
    for (QChar c : msg)
        devanagari |= c.unicode() >= 0x0900 && c.unicode() <= 0x097F;
    QVERIFY2(devanagari, qPrintable(msg));
    QVERIFY(languages.apply(QStringLiteral("en")));
    CampaignEditorDialog english(Storage::CampaignRow{}, true);
    QCOMPARE(english.validationMessage(), QStringLiteral("Enter a name for the campaign."));
}

QTEST_MAIN(tst_UiCampaignEditor)
#include "tst_ui_campaigneditor.moc"
