// CampaignControl, the one path for starting and pausing a campaign (REST, console, CLI): the
// status is stored first, then the dialer hears of it; a refused start reaches nobody.
#include "campaigns/campaigncontrol.h"
#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Campaigns;

namespace {
// Records what the dialer was told, and the campaign's stored status at that moment.
class RecordingDialer : public DialerControl
{
public:
    explicit RecordingDialer(const CampaignService &service) : m_service(service) {}
    void wake() override { calls << QStringLiteral("wake:") + m_service.get(watched)->status; }
    void pauseCampaign(qint64 id) override { calls << QStringLiteral("pause %1:").arg(id) + m_service.get(id)->status; }
    qint64 watched = 0;
    QStringList calls;

private:
    const CampaignService &m_service;
};
} // namespace

class tst_CampaignControl : public QObject
{
    Q_OBJECT
private slots:
    void startAndPauseReachTheDialerAfterTheStore_data() { Testing::addBackendRows(); }
    void startAndPauseReachTheDialerAfterTheStore();
    void refusedStartReachesNobody();
    void otherStatusesAreStoredAsTheyAre();
    void withoutADialerTheStatusIsStored();
};

void tst_CampaignControl::startAndPauseReachTheDialerAfterTheStore()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    CampaignService service(*t.db, clock);
    RecordingDialer dialer(service);
    const CampaignControl control(service, &dialer);
    auto c = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Hebbal towers")}});
    QVERIFY(c.ok());
    dialer.watched = c->id;
    auto started = control.start(c->id);
    QVERIFY(started.ok());
    QCOMPARE(started->status, QStringLiteral("running"));
    auto paused = control.setStatus(c->id, QStringLiteral("paused"));
    QVERIFY(paused.ok());
    QCOMPARE(paused->status, QStringLiteral("paused"));
    QCOMPARE(dialer.calls, (QStringList{QStringLiteral("wake:running"), QStringLiteral("pause %1:paused").arg(c->id)}));
    QVERIFY(!control.start(c->id + 1000).ok()); // unknown campaign: an error, the dialer not woken
    QCOMPARE(dialer.calls.size(), 2);
}

void tst_CampaignControl::refusedStartReachesNobody()
{
    auto t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock;
    CampaignService service(*t.db, clock);
    service.setStartGuard([] { return Status(Error::make(Error::Code::Unprocessable, QStringLiteral("offline speech"))); });
    RecordingDialer dialer(service);
    const CampaignControl control(service, &dialer);
    auto c = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Guarded")}});
    QVERIFY(c.ok());
    auto refused = control.setStatus(c->id, QStringLiteral("running"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Unprocessable);
    QVERIFY(dialer.calls.isEmpty());
    QCOMPARE(service.get(c->id)->status, QStringLiteral("draft"));
}

void tst_CampaignControl::otherStatusesAreStoredAsTheyAre()
{
    auto t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock;
    CampaignService service(*t.db, clock);
    RecordingDialer dialer(service);
    const CampaignControl control(service, &dialer);
    auto c = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Draft again")}});
    QVERIFY(c.ok());
    QVERIFY(control.pause(c->id).ok());
    dialer.calls.clear();
    auto draft = control.setStatus(c->id, QStringLiteral("draft"));
    QVERIFY(draft.ok());
    QCOMPARE(draft->status, QStringLiteral("draft"));
    QVERIFY(dialer.calls.isEmpty());
}

void tst_CampaignControl::withoutADialerTheStatusIsStored()
{
    auto t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock;
    CampaignService service(*t.db, clock);
    const CampaignControl control(service, nullptr);
    auto c = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("No dialer")}});
    QVERIFY(c.ok());
    QCOMPARE(control.start(c->id)->status, QStringLiteral("running"));
    QCOMPARE(control.pause(c->id)->status, QStringLiteral("paused"));
}

QTEST_GUILESS_MAIN(tst_CampaignControl)
#include "tst_campaigncontrol.moc"
