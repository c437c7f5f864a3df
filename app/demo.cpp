#include "demo.h"

#include "campaigns/campaignservice.h"
#include "campaigns/campaigncontrol.h"
#include "leads/phonenumber.h"
#include "projects/briefservice.h"
#include "providers/local/offlinespeech.h"
#include "sim/exotelsimulator.h"
#include "storage/analyticsqueries.h"
#include "storage/callrepository.h"
#include "storage/campaignrepository.h"
#include "storage/database.h"
#include "storage/dialerqueue.h"

#include <QBuffer>
#include <algorithm>
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QPointer>
#include <QTcpServer>
#include <QTextStream>
#include <QTimeZone>
#include <QTimer>

namespace Leadline {

int runSimulator(QCoreApplication &app, quint16 port, const QStringList &only)
{
    QFile personasFile(QStringLiteral(":/leadline/sim_personas.json"));
    personasFile.open(QIODevice::ReadOnly);
    auto personas = Sim::Persona::load(personasFile.readAll());
    if (!personas) {
        QTextStream(stderr) << "leadline: sim: " << personas.error().message << '\n';
        return 1;
    }
    if (!only.isEmpty()) {
        QList<Sim::Persona> chosen;
        for (const QString &name : only) {
            const auto it = std::find_if(personas->cbegin(), personas->cend(), [&name](const Sim::Persona &p) { return p.name == name; });
            if (it == personas->cend()) {
                QTextStream(stderr) << "leadline: sim: no persona \"" << name << "\" in resources/sim_personas.json\n";
                return 2;
            }
            chosen.append(*it);
        }
        personas = chosen;
    }
    auto speech = std::make_shared<Providers::OfflineSpeechEngine>();
    Sim::ExotelSimulator sim(Sim::SimulatorConfig{}, personas.value(), speech);
    if (!sim.listenLoopback(port)) {
        QTextStream(stderr) << "leadline: sim: cannot listen on 127.0.0.1:" << port << '\n';
        return 1;
    }
    const Sim::SimulatorConfig cfg;
    QTextStream(stdout) << "Exotel simulator on " << sim.baseUrl() << " (account " << cfg.accountSid << ", API key "
                        << cfg.apiKey << "; callee personas from resources/sim_personas.json). Point "
                        << "EXOTEL_API_BASE_URL at it. Ctrl+C to stop." << Qt::endl;
    return app.exec();
}

AcceleratedClock DemoRunner::makeClock()
{
    const QTimeZone ist("Asia/Kolkata");
    QDate day = QDateTime::currentDateTimeUtc().toTimeZone(ist).date();
    do
        day = day.addDays(1);
    while (day.dayOfWeek() == Qt::Sunday);
    return AcceleratedClock(QDateTime(day, QTime(10, 30), ist), kSpeed);
}

DemoRunner::DemoRunner(std::shared_ptr<Providers::OfflineSpeechEngine> speech, const Clock &clock, QObject *parent)
    : QObject(parent), m_speech(std::move(speech)), m_clock(clock)
{
    m_pool.setMaxThreadCount(1);
}

DemoRunner::~DemoRunner() { m_simThread.stop(); } // the simulator is destroyed on its thread

Status DemoRunner::prepare(Settings &settings)
{
    if (settings.port() == 0) {
        // The simulator dials back to OUR_BASE_URL, so the demo needs its port before serving.
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost))
            return Error::make(Error::Code::Unavailable, QStringLiteral("no free port on loopback"));
        settings.set(QStringLiteral("PORT"), QString::number(probe.serverPort()));
    }
    QFile personasFile(QStringLiteral(":/leadline/sim_personas.json"));
    personasFile.open(QIODevice::ReadOnly);
    auto personas = Sim::Persona::load(personasFile.readAll());
    if (!personas)
        return personas.error();
    quint16 simPort = 0;
    const Status simStarted = m_simThread.start(
        [&] {
            Sim::SimulatorConfig config;
            config.clock = &m_clock; // the simulated carrier keeps the demo's accelerated time
            return new Sim::ExotelSimulator(config, personas.value(), m_speech);
        },
        [&](QObject *sim) -> Status {
            simPort = static_cast<Sim::ExotelSimulator *>(sim)->listenLoopback();
            if (!simPort)
                return Error::make(Error::Code::Unavailable, QStringLiteral("the Exotel simulator could not listen on loopback"));
            return okStatus();
        });
    if (!simStarted)
        return simStarted.error();
    m_sim = m_simThread.worker<Sim::ExotelSimulator>();
    const QByteArray secret = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    settings.set(QStringLiteral("EXOTEL_API_BASE_URL"), QStringLiteral("http://127.0.0.1:%1").arg(simPort));
    settings.set(QStringLiteral("EXOTEL_ACCOUNT_SID"), QStringLiteral("leadlinesim"));
    settings.set(QStringLiteral("EXOTEL_API_KEY"), QStringLiteral("simkey"));
    settings.set(QStringLiteral("EXOTEL_API_TOKEN"), QStringLiteral("simtoken"));
    settings.set(QStringLiteral("EXOTEL_VIRTUAL_NUMBER"), QStringLiteral("08047112233"));
    settings.set(QStringLiteral("EXOTEL_WEBHOOK_SECRET"), QString::fromLatin1(secret));
    settings.set(QStringLiteral("EXOTEL_REQUESTS_PER_SECOND"), QStringLiteral("10"));
    settings.set(QStringLiteral("OUR_BASE_URL"), QStringLiteral("http://127.0.0.1:%1").arg(settings.port()));
    QTextStream(stdout) << "Exotel simulator on 127.0.0.1:" << simPort << " (callee personas from resources/sim_personas.json)" << Qt::endl;
    return okStatus();
}

Status DemoRunner::start(const QString &leadsCsv, int maxAttempts, Campaigns::CampaignService &campaigns, const Campaigns::CampaignControl &control, const Storage::Database &db)
{
    m_db = &db;
    QFile csv(leadsCsv.isEmpty() ? QStringLiteral(":/leadline/demo_leads.csv") : leadsCsv);
    if (!csv.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::Validation, QStringLiteral("cannot read %1").arg(leadsCsv));
    const QByteArray data = csv.readAll();
    // Tell the simulator which persona answers which number (the CSV's persona column).
    const QList<QByteArray> lines = data.split('\n');
    const QList<QByteArray> header = lines.value(0).split(',');
    const int phoneCol = int(header.indexOf("phone"));
    const int personaCol = int(header.indexOf("persona"));
    for (int i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cells = lines.at(i).split(',');
        if (cells.size() <= qMax(phoneCol, personaCol))
            continue;
        const QString phone = Leads::PhoneNumber::normalize(QString::fromUtf8(cells.at(phoneCol))).e164;
        const QString persona = QString::fromUtf8(cells.at(personaCol)).trimmed();
        QMetaObject::invokeMethod(m_sim, [sim = m_sim, phone, persona] { sim->assignPersona(phone, persona); }, Qt::QueuedConnection);
    }
    const QString name = QStringLiteral("Demo %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    auto campaign = campaigns.create(QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("script"), QStringLiteral("You are calling about new 2 and 3 BHK homes by Leadline Realty.")},
        {QStringLiteral("max_concurrent"), 4},
        {QStringLiteral("retry_delay_s"), 150},
        {QStringLiteral("max_attempts"), maxAttempts},
    });
    if (!campaign)
        return campaign.error();
    m_campaignId = campaign->id;
    // The sample project brief: the agent answers from it and books site visits.
    QFile brief(QStringLiteral(":/leadline/demo_brief.json"));
    brief.open(QIODevice::ReadOnly);
    if (auto b = Projects::BriefService(db, m_clock).putText(m_campaignId, brief.readAll()); !b)
        return b.error();
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    auto report = campaigns.importCsv(m_campaignId, buffer);
    if (!report)
        return report.error();
    if (auto s = control.start(m_campaignId); !s)
        return s.error();
    QTextStream(stdout) << "Demo campaign " << m_campaignId << " (\"" << name << "\"): " << report->accepted
                        << " leads, calling now (simulated time runs " << kSpeed << "x faster)..." << Qt::endl;
    m_elapsed.start();
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &DemoRunner::poll);
    m_timer->start(2000);
    return okStatus();
}

void DemoRunner::poll()
{
    // Done when nothing is in flight and nothing is due any more: every lead settled, or waiting
    // for a callback the caller asked for (tomorrow, in demo time), which the summary lists.
    if (m_polling)
        return;
    m_polling = true;
    const bool timedOut = m_elapsed.elapsed() >= 15 * 60 * 1000;
    m_pool.start([self = QPointer<DemoRunner>(this), db = m_db, id = m_campaignId,
                                          elapsedMs = m_elapsed.elapsed(), timedOut] {
        auto conn = db->connection();
        auto outstanding = conn ? Storage::DialerQueue(conn.value()).outstanding(id) : Result<qint64>(conn.error());
        auto campaign = conn ? Storage::CampaignRepository(conn.value()).get(id) : Result<Storage::CampaignRow>(conn.error());
        const bool done = (outstanding && outstanding.value() == 0) || (campaign && campaign->status == Storage::statusName(Storage::CampaignStatus::Done));
        const QString text = done || timedOut ? summary(*db, id, elapsedMs) : QString();
        QMetaObject::invokeMethod(self, [self, done, timedOut, text] {
            if (!self)
                return;
            self->m_polling = false;
            if (done || timedOut)
                self->finish(done, text);
        }, Qt::QueuedConnection);
    });
}

void DemoRunner::finish(bool done, const QString &text)
{
    m_timer->stop();
    QTextStream(stdout) << text << Qt::flush;
    emit finished(done ? 0 : 1);
}

QString DemoRunner::summary(const Storage::Database &db, qint64 campaignId, qint64 elapsedMs)
{
    QString text;
    QTextStream out(&text);
    auto conn = db.connection();
    if (!conn) {
        out << "demo: " << conn.error().message << '\n';
        return text;
    }
    auto a = Storage::AnalyticsQueries(conn.value()).campaign(campaignId);
    auto calls = Storage::CallRepository(conn.value()).listForCampaign(campaignId);
    out << "\n=== Demo campaign " << campaignId << " finished in " << elapsedMs / 1000 << " s ===\n";
    if (a) {
        out << "calls placed: " << a->callsPlaced << ", connected: " << a->callsConnected << ", retried: " << a->callsRetried << '\n';
        out << "qualified leads: " << a->qualifiedLeads << ", site visits booked: " << a->siteVisitsBooked << ", talk time: " << a->talkTimeTotalS
            << " s of simulated time (" << qint64(a->talkTimeTotalS / kSpeed) << " s real)\n";
        out << "outcomes:";
        for (auto it = a->outcomes.cbegin(); it != a->outcomes.cend(); ++it)
            out << ' ' << it.key() << '=' << it.value();
        out << "\ncarrier results:";
        for (auto it = a->failuresByReason.cbegin(); it != a->failuresByReason.cend(); ++it)
            out << ' ' << it.key() << '=' << it.value();
        out << "\nleads by status:";
        for (auto it = a->leadsByStatus.cbegin(); it != a->leadsByStatus.cend(); ++it)
            out << ' ' << it.key() << '=' << it.value();
        out << '\n';
    }
    if (calls) {
        for (const auto &call : calls.value())
            out << "  call " << call.id << " lead " << call.leadId << " attempt " << call.attempt << ": " << call.status
                << (call.outcome.isEmpty() ? QString() : QStringLiteral(" -> ") + call.outcome) << '\n';
    }
    out << "Details: GET /campaigns/" << campaignId << "/analytics, /calls/{id}/transcript\n";
    out.flush();
    return text;
}

} // namespace Leadline
