// Call screening on the generated evaluation sets (tools/screening-eval/generate.sh, made at test
// time into temporary directories: espeak-ng and sox are installed by scripts/install-deps.sh):
// the tuning set (224 streams) and the held-out set (generate.sh --held-out: other wordings,
// voices, speeds, pitches, noise and tones; never tuned on). Goals checked, per set and setup
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
    void heldOutIsApart();
    void transcriptsGiven_data();
    void transcriptsGiven();
    void offlineRecogniser_data();
    void offlineRecogniser();

private:
    // Runs generate.sh for each (options, dir) at once (each is a serial chain of espeak-ng and
    // sox processes); false with the first error if any failed.
    static bool generate(const QList<QPair<QStringList, QString>> &runs, QByteArray *error);
    void sets();
    QTemporaryDir m_tuning, m_heldOut;
    QTemporaryDir m_tuningAgain, m_heldOutAgain; // every 9th clip generated a second time
    QList<Stream> m_tuningSet, m_heldOutSet;
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
    QVERIFY(m_tuning.isValid() && m_heldOut.isValid() && m_tuningAgain.isValid() && m_heldOutAgain.isValid());
    QByteArray error;
    // Both sets, and the subsets regenerated for the determinism check, at once.
    const QStringList every9{QStringLiteral("--every"), QStringLiteral("9")};
    QVERIFY2(generate({{{}, m_tuning.path()},
                       {{QStringLiteral("--held-out")}, m_heldOut.path()},
                       {every9, m_tuningAgain.path()},
                       {QStringList{QStringLiteral("--held-out")} + every9, m_heldOutAgain.path()}},
                      &error),
             error.constData());
    QString why;
    m_tuningSet = loadSet(m_tuning.path(), &why);
    QVERIFY2(!m_tuningSet.isEmpty(), qPrintable(why));
    m_heldOutSet = loadSet(m_heldOut.path(), &why);
    QVERIFY2(!m_heldOutSet.isEmpty(), qPrintable(why));
}

void tst_ScreeningEval::sets()
{
    QTest::addColumn<bool>("heldOut");
    QTest::newRow("tuning") << false;
    QTest::newRow("held-out") << true;
}

void tst_ScreeningEval::generatorIsDeterministicAndComplete_data() { sets(); }

void tst_ScreeningEval::generatorIsDeterministicAndComplete()
{
    QFETCH(bool, heldOut);
    const QList<Stream> &set = heldOut ? m_heldOutSet : m_tuningSet;
    const QTemporaryDir &dir = heldOut ? m_heldOut : m_tuning;
    QVERIFY(set.size() >= 120);
    QHash<QString, int> perClass;
    QSet<QString> tags;
    for (const Stream &s : set) {
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
    if (!heldOut) {
        for (const char *t : {"noise-white-30dBFS", "noise-pink-36dBFS", "noise-white-42dBFS", "noise-pink-30dBFS"})
            QVERIFY2(std::any_of(set.begin(), set.end(), [t](const Stream &s) { return s.tags.contains(QString::fromLatin1(t)); }), t);
    }
    // Same script, same bytes: every 9th clip was generated again (--every, in initTestCase): compare.
    const QTemporaryDir &again = heldOut ? m_heldOutAgain : m_tuningAgain;
    QString why;
    const QList<Stream> subset = loadSet(again.path(), &why);
    QCOMPARE(subset.size(), 4 * ((set.size() / 4 + 8) / 9));
    for (const Stream &s : subset) {
        QFile a(dir.filePath(s.id + QStringLiteral(".wav"))), b(again.filePath(s.id + QStringLiteral(".wav")));
        QVERIFY2(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly), qPrintable(s.id));
        QVERIFY2(a.readAll() == b.readAll(), qPrintable(s.id));
    }
}

void tst_ScreeningEval::heldOutIsApart()
{
    // Other wordings and other audio: no transcript or stream of the held-out set is in the tuning set.
    QSet<QString> tuningWords;
    for (const Stream &s : std::as_const(m_tuningSet))
        tuningWords.insert(s.words.join(QLatin1Char('|')));
    for (const Stream &s : std::as_const(m_heldOutSet)) {
        QVERIFY2(!tuningWords.contains(s.words.join(QLatin1Char('|'))), qPrintable(s.id));
        QVERIFY2(s.id.startsWith(QLatin1Char('h')), qPrintable(s.id));
    }
}

void tst_ScreeningEval::transcriptsGiven_data()
{
    QTest::addColumn<bool>("heldOut");
    QTest::addColumn<int>("maxOver4s"); // measured: tuning 12 of 144, held-out 28 of 91
    QTest::newRow("tuning") << false << 12;
    QTest::newRow("held-out") << true << 28;
}

void tst_ScreeningEval::transcriptsGiven()
{
    QFETCH(bool, heldOut);
    QFETCH(int, maxOver4s);
    const QList<Stream> &set = heldOut ? m_heldOutSet : m_tuningSet;
    const Report r = run((heldOut ? m_heldOut : m_tuning).path(), set, Setup::Transcripts, nullptr);
    qInfo().noquote() << QStringLiteral("\n%1 set, transcripts given\n").arg(QLatin1String(heldOut ? "held-out" : "tuning")) + matrixText(r);
    for (const Outcome &o : r.outcomes) {
        if (o.expected != o.got && !(o.expected == QLatin1String("human") && o.got == QLatin1String("unknown")))
            qInfo().noquote() << "  misfiled" << o.id << "->" << o.got << ":" << o.reason;
    }
    QCOMPARE(r.streams(), int(set.size()));
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
    QFETCH(bool, heldOut);
    const QList<Stream> &set = heldOut ? m_heldOutSet : m_tuningSet;
    if (!m_engine)
        m_engine = std::make_unique<Leadline::Providers::OfflineSpeechEngine>();
    QVERIFY2(m_engine->sttAvailable(), "PocketSphinx and its en-us model must be installed (scripts/install-deps.sh)");
    const Report r = run((heldOut ? m_heldOut : m_tuning).path(), set, Setup::Offline, m_engine.get());
    qInfo().noquote() << QStringLiteral("\n%1 set, offline recogniser\n").arg(QLatin1String(heldOut ? "held-out" : "tuning")) + matrixText(r);
    QCOMPARE(r.streams(), int(set.size()));
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
