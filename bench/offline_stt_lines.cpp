// The offline recogniser on the demo callees' lines: each line of resources/sim_personas.json is
// spoken by espeak-ng (as the simulator does), cut to 8 kHz, laid between stretches of faint line
// noise (about -66 dBFS, a different seed per run, as the simulator's line) and recognised
// through PocketsphinxStt, the path a live call takes (its VAD, lead-in, resampling, grammar).
// One JSON line per line and grammar (exact matches, every hypothesis with its count), then a
// summary line. Shows whether a result holds across line noise, not only whether it is right.
//   offline_stt_lines [--seeds N] [--hindi]   (--hindi: the Hindi calls' grammar too)
#include "audio/pcm.h"
#include "audio/resampler.h"
#include "providers/local/offlinespeech.h"
#include "sim/persona.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <cstdio>

using namespace Leadline;

static void printJson(const QJsonObject &o) { std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData()); std::fflush(stdout); }

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seedsAt = args.indexOf(QStringLiteral("--seeds"));
    const int seeds = seedsAt > 0 && seedsAt + 1 < args.size() ? qMax(1, args.at(seedsAt + 1).toInt()) : 8;
    QFile file(QStringLiteral(LEADLINE_SOURCE_DIR "/resources/sim_personas.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "offline_stt_lines: cannot read %s\n", qPrintable(file.fileName()));
        return 1;
    }
    const auto personas = Sim::Persona::load(file.readAll());
    auto engine = std::make_shared<Providers::OfflineSpeechEngine>();
    if (!personas.ok() || !engine->ttsAvailable() || !engine->sttAvailable()) {
        std::fprintf(stderr, "offline_stt_lines: needs the personas, espeak-ng and PocketSphinx\n");
        return 1;
    }
    struct Line { QString text, voice; QByteArray pcm; };
    QList<Line> lines;
    for (const Sim::Persona &p : personas.value()) {
        for (const Sim::PersonaLine &l : p.lines) {
            if (std::any_of(lines.cbegin(), lines.cend(), [&](const Line &x) { return x.text == l.text; }))
                continue;
            QEventLoop loop;
            Line line{l.text, p.language, {}};
            auto down = std::make_shared<Audio::Resampler>(engine->ttsSampleRate(), 8000);
            engine->synthesize(l.text, p.language, &loop, [&](const QByteArray &c) { line.pcm += down->process(c); },
                               [&](bool) { line.pcm += down->flush(); loop.quit(); }, [] { return false; });
            loop.exec();
            lines << line;
        }
    }
    QStringList grammars{QStringLiteral("en-IN")};
    if (args.contains(QStringLiteral("--hindi")))
        grammars << QStringLiteral("hi");
    int runs = 0, exact = 0, stable = 0, scored = 0;
    for (const QString &grammar : std::as_const(grammars)) {
        for (const Line &line : std::as_const(lines)) {
            QMap<QString, int> heard;
            for (int seed = 1; seed <= seeds; ++seed) {
                QRandomGenerator rng{quint32(seed)};
                Providers::PocketsphinxStt stt(engine);
                QStringList finals;
                bool ended = false;
                QObject::connect(&stt, &Providers::SpeechToText::transcript, [&](const QString &t, bool fin, const QString &) { if (fin) finals << t; });
                QObject::connect(&stt, &Providers::SpeechToText::endOfSpeech, [&] { ended = true; });
                stt.start(Providers::SttOptions{8000, grammar});
                const QByteArray stream = Audio::lineNoise(700 + 20 * rng.bounded(0, 15), 8000, rng) + line.pcm
                                         + Audio::lineNoise(1500, 8000, rng);
                for (qsizetype i = 0; i < stream.size(); i += 320)
                    stt.pushAudio(stream.mid(i, 320));
                QElapsedTimer waited;
                waited.start();
                while (!ended && waited.elapsed() < 20000)
                    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
                heard[finals.join(QLatin1Char(' '))]++;
            }
            const bool inGrammar = line.voice == QLatin1String("en"); // Devanagari lines have no English words to match
            QJsonArray hyps;
            for (auto it = heard.cbegin(); it != heard.cend(); ++it)
                hyps.append(QJsonObject{{QStringLiteral("text"), it.key()}, {QStringLiteral("count"), it.value()}});
            const int right = heard.value(line.text);
            if (inGrammar) {
                runs += seeds;
                exact += right;
                ++scored;
                stable += heard.size() == 1 ? 1 : 0;
            }
            printJson({{QStringLiteral("bench"), QStringLiteral("offline_stt_lines")}, {QStringLiteral("grammar"), grammar},
                       {QStringLiteral("line"), line.text}, {QStringLiteral("seeds"), seeds}, {QStringLiteral("exact"), right},
                       {QStringLiteral("heard"), hyps}});
        }
    }
    printJson({{QStringLiteral("bench"), QStringLiteral("offline_stt_lines")}, {QStringLiteral("summary"), true},
               {QStringLiteral("english_lines"), scored}, {QStringLiteral("runs"), runs}, {QStringLiteral("exact"), exact},
               {QStringLiteral("exact_rate"), runs ? double(exact) / runs : 0.0},
               {QStringLiteral("lines_same_every_seed"), stable}});
    return 0;
}
