// Call screening on the generated evaluation sets (tools/screening-eval/generate.sh, made at test
// time into temporary directories: espeak-ng and sox are installed by scripts/install-deps.sh):
// the tuning set (224 streams), the held-out set (generate.sh --held-out: other wordings,
// voices, speeds, pitches, noise and tones) and the fresh set (generate.sh --fresh: 132 streams
// written before session 9's phrase changes, never tuned on). Goals checked, per set and setup
// (bench/screeningeval.h describes both setups):
//   - every setup, the offline recogniser included: no human treated as a machine, no DNC entry
//     from a machine (and none at all from the offline recogniser's grammar words);
//   - transcripts given (a perfect recogniser): 4-class accuracy >= 95 %; a machine verdict
//     within 4 s of the machine's first words whenever its words held a conclusive phrase within
//     3.6 s (the screener never sits on evidence); the verdicts over 4 s (greetings whose telling
//     words come later, decided when they come) stay at or under what was measured.
// The matrices are printed; bench/screening_eval prints the same as JSON.
#include "screeningeval.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace ScreeningEval;

class tst_ScreeningEval : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void generatorIsDeterministicAndComplete_data();
    void generatorIsDeterministicAndComplete();
    void setsAreApart();
    void transcriptsGiven_data();
    void transcriptsGiven();
    void offlineRecogniser_data();
    void offlineRecogniser();

private:
    // Runs generate.sh for each (options, dir) at once (each is a serial chain of espeak-ng and
    // sox processes); false with the first error if any failed.
    static bool generate(const QList<QPair<QStringList, QString>> &runs, QByteArray *error);
    enum Set { Tuning, HeldOut, Fresh, SetCount };
    static const char *setName(int set) { return set == Tuning ? "tuning" : set == HeldOut ? "held-out" : "fresh"; }
    void sets();
    QTemporaryDir m_dir[SetCount];
    QTemporaryDir m_again[SetCount]; // every 9th clip generated a second time
    QList<Stream> m_set[SetCount];
    // One engine for both sets, as the bench does (its worker thread lives as long as the test).
    std::unique_ptr<Leadline::Providers::OfflineSpeechEngine> m_engine;
};

bool tst_ScreeningEval::generate(const QList<QPair<QStringList, QString>> &runs, QByteArray *error)
{
    std::vector<std::unique_ptr<QProcess>> gens;
    for (const auto &run : runs) {
        gens.push_back(std::make_unique<QProcess>());
        gens.back()->start(QStringLiteral("bash"), QStringList{QStringLiteral(LEADLINE_SOURCE_DIR "/tools/screening-eval/generate.sh")}
                                                       + run.first + QStringList{run.second});
    }
    for (const auto &gen : gens) {
        if (!gen->waitForFinished(600000)) {
            *error = "generate.sh timed out";
            return false;
        }
        *error = gen->readAllStandardError();
        if (gen->exitStatus() != QProcess::NormalExit || gen->exitCode() != 0)
            return false;
    }
    return true;
}

void tst_ScreeningEval::initTestCase()
{
    // Every set, and the subsets regenerated for the determinism check, at once.
    const QStringList option[SetCount] = {{}, {QStringLiteral("--held-out")}, {QStringLiteral("--fresh")}};
    const QStringList every9{QStringLiteral("--every"), QStringLiteral("9")};
    QList<QPair<QStringList, QString>> runs;
    for (int k = 0; k < SetCount; ++k) {
        QVERIFY(m_dir[k].isValid() && m_again[k].isValid());
        runs << qMakePair(option[k], m_dir[k].path()) << qMakePair(option[k] + every9, m_again[k].path());
    }
    QByteArray error;
    QVERIFY2(generate(runs, &error), error.constData());
    for (int k = 0; k < SetCount; ++k) {
        QString why;
        m_set[k] = loadSet(m_dir[k].path(), &why);
        QVERIFY2(!m_set[k].isEmpty(), qPrintable(why));
    }
}

void tst_ScreeningEval::sets()
{
    QTest::addColumn<int>("set");
    for (int k = 0; k < SetCount; ++k)
        QTest::newRow(setName(k)) << k;
}

void tst_ScreeningEval::generatorIsDeterministicAndComplete_data() { sets(); }

void tst_ScreeningEval::generatorIsDeterministicAndComplete()
{
    QFETCH(int, set);
    const QList<Stream> &streams = m_set[set];
    const QTemporaryDir &dir = m_dir[set];
    QVERIFY(streams.size() >= 120);
    QHash<QString, int> perClass;
    QSet<QString> tags;
    for (const Stream &s : streams) {
        perClass[s.cls]++;
        for (const QString &t : s.tags.split(QLatin1Char(',')))
            tags.insert(t.startsWith(QLatin1String("beep-")) ? QStringLiteral("beep") : t.startsWith(QLatin1String("noise-")) ? t.left(t.indexOf(QLatin1Char('-'), 6)) : t);
        QVERIFY2(!s.spans.isEmpty() && !s.words.isEmpty(), qPrintable(s.id));
    }
    for (const char *c : {"human", "voicemail", "announcement", "ivr"})
        QVERIFY2(perClass.value(QString::fromLatin1(c)) >= 30, c);
    for (const char *t : {"en", "hi", "mixed", "hindi-first", "quiet", "noise-white", "noise-pink", "hold-music", "jingle",
                          "beep", "no-beep", "sit", "pips", "short", "long", "pause-first", "long-first", "opt-out"})
        QVERIFY2(tags.contains(QString::fromLatin1(t)), t);
    if (set == Tuning) {
        for (const char *t : {"noise-white-30dBFS", "noise-pink-36dBFS", "noise-white-42dBFS", "noise-pink-30dBFS"})
            QVERIFY2(std::any_of(streams.begin(), streams.end(), [t](const Stream &s) { return s.tags.contains(QString::fromLatin1(t)); }), t);
    }
    // Same script, same bytes: every 9th clip was generated again (--every, in initTestCase): compare.
    const QTemporaryDir &again = m_again[set];
    QString why;
    const QList<Stream> subset = loadSet(again.path(), &why);
    QCOMPARE(subset.size(), 4 * ((streams.size() / 4 + 8) / 9));
    for (const Stream &s : subset) {
        QFile a(dir.filePath(s.id + QStringLiteral(".wav"))), b(again.filePath(s.id + QStringLiteral(".wav")));
        QVERIFY2(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly), qPrintable(s.id));
        QVERIFY2(a.readAll() == b.readAll(), qPrintable(s.id));
    }
}

void tst_ScreeningEval::setsAreApart()
{
    // Other wordings and other audio: no transcript of one set is in another.
    QHash<QString, int> seen; // words -> set
    for (int k = 0; k < SetCount; ++k) {
        for (const Stream &s : std::as_const(m_set[k])) {
            const QString words = s.words.join(QLatin1Char('|'));
            QVERIFY2(seen.value(words, k) == k, qPrintable(s.id));
            seen.insert(words, k);
            if (k != Tuning)
                QVERIFY2(s.id.startsWith(QLatin1Char(k == HeldOut ? 'h' : 'f')), qPrintable(s.id));
        }
    }
}

void tst_ScreeningEval::transcriptsGiven_data()
{
    QTest::addColumn<int>("set");
    QTest::addColumn<int>("maxOver4s"); // measured: tuning 12 of 144, held-out 5 of 96, fresh 14 of 96
    QTest::newRow("tuning") << int(Tuning) << 12;
    QTest::newRow("held-out") << int(HeldOut) << 5;
    QTest::newRow("fresh") << int(Fresh) << 14;
}

void tst_ScreeningEval::transcriptsGiven()
{
    QFETCH(int, set);
    QFETCH(int, maxOver4s);
    const QList<Stream> &streams = m_set[set];
    const Report r = run(m_dir[set].path(), streams, Setup::Transcripts, nullptr);
    qInfo().noquote() << QStringLiteral("\n%1 set, transcripts given\n").arg(QLatin1String(setName(set))) + matrixText(r);
    for (const Outcome &o : r.outcomes) {
        if (o.expected != o.got && !(o.expected == QLatin1String("human") && o.got == QLatin1String("unknown")))
            qInfo().noquote() << "  misfiled" << o.id << "->" << o.got << ":" << o.reason;
    }
    QCOMPARE(r.streams(), int(streams.size()));
    for (const Outcome &o : r.outcomes) {
        const bool machineVerdict = o.got != QLatin1String("human") && o.got != QLatin1String("unknown");
        if (o.expected == QLatin1String("human")) {
            QVERIFY2(!machineVerdict, qPrintable(o.id + QStringLiteral(" -> ") + o.got + QStringLiteral(": ") + o.reason));
        } else if (machineVerdict && o.conclusiveWordsAfterSpeechMs >= 0 && o.conclusiveWordsAfterSpeechMs <= 3600) {
            // Conclusive words in time: the verdict is within 4 s of the machine's first words.
            QVERIFY2(o.afterSpeechMs <= 4000, qPrintable(QStringLiteral("%1: %2 ms").arg(o.id).arg(o.afterSpeechMs)));
        }
    }
    QCOMPARE(r.humansAsMachines, 0);
    QCOMPARE(r.dncFromMachines, 0);
    QCOMPARE(r.lateWithConclusiveWordsInTime, 0);
    QVERIFY2(r.dncFromHumans > 0, "a person's clear opt-out must still reach the DNC list");
    QVERIFY2(r.accuracy() >= 0.95, qPrintable(QString::number(100.0 * r.accuracy(), 'f', 1)));
    QVERIFY2(r.machineDecisionsOver4s() <= maxOver4s,
             qPrintable(QStringLiteral("%1 machine verdicts over 4 s").arg(r.machineDecisionsOver4s())));
}

void tst_ScreeningEval::offlineRecogniser_data() { sets(); }

void tst_ScreeningEval::offlineRecogniser()
{
    QFETCH(int, set);
    const QList<Stream> &streams = m_set[set];
    if (!m_engine)
        m_engine = std::make_unique<Leadline::Providers::OfflineSpeechEngine>();
    QVERIFY2(m_engine->sttAvailable(), "PocketSphinx and its en-us model must be installed (scripts/install-deps.sh)");
    const Report r = run(m_dir[set].path(), streams, Setup::Offline, m_engine.get());
    qInfo().noquote() << QStringLiteral("\n%1 set, offline recogniser\n").arg(QLatin1String(setName(set))) + matrixText(r);
    QCOMPARE(r.streams(), int(streams.size()));
    for (const Outcome &o : r.outcomes) {
        if (o.expected == QLatin1String("human"))
            QVERIFY2(o.got == QLatin1String("human") || o.got == QLatin1String("unknown"), qPrintable(o.id + QStringLiteral(" -> ") + o.got));
    }
    QCOMPARE(r.humansAsMachines, 0);
    QCOMPARE(r.dncFromMachines, 0);
    QCOMPARE(r.dncFromHumans, 0); // the grammar's words never reach the DNC list
}

QTEST_GUILESS_MAIN(tst_ScreeningEval)
#include "tst_screeningeval.moc"
