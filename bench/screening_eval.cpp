// Call-screening accuracy on the generated evaluation set (tools/screening-eval/generate.sh):
// prints the confusion matrix, accuracy, humans treated as machines, unknowns, DNC entries and
// the slowest machine decision, with transcripts given (a perfect recogniser) and with the
// offline recogniser (PocketSphinx). One JSON line per setup on stdout; the matrices and every
// misfiled stream on stderr.
//   screening_eval [--set DIR | --held-out | --fresh] [--setup transcripts|offline|audio-only|both] [--verbose]
// (both = transcripts and offline; audio-only: no words at all, as when the recogniser is down)
// Without --set it generates the set into a temporary directory first (needs espeak-ng, sox):
// the tuning set, with --held-out the held-out set, with --fresh the fresh set (generate.sh --fresh, never tuned on).
// Machine decision times (verdict after the machine's first words) print as p50/p90/max and the
// count over 4 s.
#include "screeningeval.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>

using namespace ScreeningEval;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char *name, const QString &fallback) {
        const int i = int(args.indexOf(QString::fromLatin1(name)));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const bool verbose = args.contains(QStringLiteral("--verbose"));
    QString dir = option("--set", QString());
    QTemporaryDir tmp;
    if (dir.isEmpty()) {
        dir = tmp.path();
        QProcess gen;
        gen.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList genArgs{QStringLiteral(LEADLINE_SOURCE_DIR "/tools/screening-eval/generate.sh")};
        for (const char *set : {"--held-out", "--fresh"}) {
            if (args.contains(QString::fromLatin1(set)))
                genArgs << QString::fromLatin1(set);
        }
        gen.start(QStringLiteral("bash"), genArgs << dir);
        if (!gen.waitForFinished(600000) || gen.exitCode() != 0) {
            std::fprintf(stderr, "screening_eval: generating the set failed\n");
            return 2;
        }
    }
    QString error;
    const QList<Stream> set = loadSet(dir, &error);
    if (set.isEmpty()) {
        std::fprintf(stderr, "screening_eval: %s\n", qPrintable(error.isEmpty() ? QStringLiteral("empty set") : error));
        return 2;
    }
    const QString which = option("--setup", QStringLiteral("both"));
    Leadline::Providers::OfflineSpeechEngine engine;
    for (const Setup setup : {Setup::Transcripts, Setup::Offline, Setup::AudioOnly}) {
        const QString name = setup == Setup::Transcripts ? QStringLiteral("transcripts")
                             : setup == Setup::Offline   ? QStringLiteral("offline")
                                                         : QStringLiteral("audio-only");
        if (which == QLatin1String("both") ? setup == Setup::AudioOnly : which != name)
            continue;
        if (setup == Setup::Offline && !engine.sttAvailable()) {
            std::fprintf(stderr, "screening_eval: PocketSphinx is not available; offline setup skipped\n");
            continue;
        }
        const Report r = run(dir, set, setup, &engine);
        QString misfiled;
        for (const Outcome &o : r.outcomes) {
            const bool ok = o.expected == QLatin1String("human") ? (o.got == QLatin1String("human") || o.got == QLatin1String("unknown"))
                                                                : o.got == o.expected;
            if (!ok || verbose)
                misfiled += QStringLiteral("  %1 %2 -> %3 at %4 ms (%5 ms after its speech began; conclusive words at %6 ms): %7\n")
                                .arg(ok ? QStringLiteral(" ") : QStringLiteral("!"), o.id, o.got)
                                .arg(o.atMs)
                                .arg(o.afterSpeechMs)
                                .arg(o.conclusiveWordsAfterSpeechMs)
                                .arg(o.reason);
        }
        std::fprintf(stderr, "\n== %s (%d streams; rows expected, columns classified)\n%s%s", qPrintable(name), r.streams(),
                     qPrintable(matrixText(r)), qPrintable(misfiled));
        QJsonArray matrix;
        for (const auto &rw : r.matrix) {
            QJsonArray cols;
            for (int c : rw)
                cols.append(c);
            matrix.append(cols);
        }
        const QJsonObject line{{QStringLiteral("bench"), QStringLiteral("screening_eval")},
                               {QStringLiteral("setup"), name},
                               {QStringLiteral("streams"), r.streams()},
                               {QStringLiteral("accuracy"), r.accuracy()},
                               {QStringLiteral("correct"), r.correct},
                               {QStringLiteral("matrix_rows"), QStringLiteral("human,voicemail,announcement,ivr")},
                               {QStringLiteral("matrix_columns"), QStringLiteral("human,unknown,voicemail,announcement,ivr")},
                               {QStringLiteral("matrix"), matrix},
                               {QStringLiteral("humans_as_machines"), r.humansAsMachines},
                               {QStringLiteral("unknown"), r.unknowns},
                               {QStringLiteral("dnc_from_machines"), r.dncFromMachines},
                               {QStringLiteral("dnc_from_human_opt_outs"), r.dncFromHumans},
                               {QStringLiteral("human_opt_outs"), r.humanOptOuts},
                               {QStringLiteral("max_machine_decision_after_speech_ms"), r.maxMachineDecisionAfterSpeechMs},
                               {QStringLiteral("machine_decisions"), r.machineDecisions},
                               {QStringLiteral("machine_decisions_within_4s"), r.machineDecisionsWithin4s},
                               {QStringLiteral("machine_decisions_over_4s"), r.machineDecisionsOver4s()},
                               {QStringLiteral("late_with_conclusive_words_in_time"), r.lateWithConclusiveWordsInTime},
                               {QStringLiteral("machine_decision_p50_ms"), r.decisionPercentile(50)},
                               {QStringLiteral("machine_decision_p90_ms"), r.decisionPercentile(90)},
                               {QStringLiteral("screener_us_per_audio_second"), r.screenerUsPerAudioSecond}};
        std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
    }
    return 0;
}
