// The call-screening evaluation harness shared by bench/screening_eval.cpp and
// tests/tst_screeningeval.cpp: reads a set made by tools/screening-eval/generate.sh (WAV streams
// + labels.tsv), plays each stream through a CallScreener in 20 ms packets as the call session
// does, and delivers words in one of two setups:
//   Transcripts - a perfect recogniser: each speech span's words arrive as interims every 400 ms
//                 (in proportion to the time spoken) and as a final 300 ms after the span ends;
//   Offline     - the product's offline recogniser: the same utterance cutting as
//                 PocketsphinxStt (EnergyVad 300/4.0/60/450 ms) and OfflineSpeechEngine on each
//                 utterance, the text arriving as a final 300 ms after the utterance; screening
//                 is told the words come from a grammar (ScreeningConfig::grammarTranscripts).
// After the verdict it replays the call session's opt-out rule: every final that
// Language::Phrases::isOptOut() accepts ends the call as do_not_call, and the number goes on the
// DNC list only when CallScreener::mayAddToDnc().
// Header-only; single-threaded (the offline engine runs its own thread).
#pragma once

#include "audio/pcm.h"
#include "audio/resampler.h"
#include "audio/vad.h"
#include "language/phrases.h"
#include "language/screeningphrases.h"
#include "providers/local/offlinespeech.h"
#include "screening/callscreener.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <QTextStream>
#include <QtEndian>
#include <algorithm>
#include <cmath>

namespace ScreeningEval {

using namespace Leadline;

struct Stream
{
    QString id, cls, language, tags;
    QList<QPair<qint64, qint64>> spans; // speech, ms
    QStringList words;                  // per span
};

inline QList<Stream> loadSet(const QString &dir, QString *error)
{
    QList<Stream> out;
    QFile f(dir + QStringLiteral("/labels.tsv"));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(f.fileName());
        return out;
    }
    QTextStream in(&f);
    in.readLine(); // header
    while (!in.atEnd()) {
        const QStringList c = in.readLine().split(QLatin1Char('\t'));
        if (c.size() < 6)
            continue;
        Stream s{c[0], c[1], c[2], c[3], {}, c[5].split(QStringLiteral(" | "))};
        for (const QString &span : c[4].split(QLatin1Char(';'))) {
            const QStringList be = span.split(QLatin1Char('-'));
            if (be.size() == 2)
                s.spans << qMakePair(be[0].toLongLong(), be[1].toLongLong());
        }
        out << s;
    }
    return out;
}

// The samples of a 16-bit mono WAV file.
inline QByteArray readWav(const QString &path, int *rate)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = f.readAll();
    if (all.size() < 44 || !all.startsWith("RIFF"))
        return {};
    qsizetype pos = 12;
    while (pos + 8 <= all.size()) {
        const QByteArray id = all.mid(pos, 4);
        const quint32 len = qFromLittleEndian<quint32>(all.constData() + pos + 4);
        if (id == "fmt ")
            *rate = int(qFromLittleEndian<quint32>(all.constData() + pos + 12));
        if (id == "data")
            return all.mid(pos + 8, len);
        pos += 8 + len + (len & 1);
    }
    return {};
}

enum class Setup { Transcripts, Offline, AudioOnly }; // AudioOnly: no words at all (the recogniser is down)

struct Outcome
{
    QString id, expected, got, reason;
    qint64 atMs = -1, afterSpeechMs = -1;
    int dnc = 0;
    // Machines: when the words delivered so far first held a phrase that decides alone (a strong
    // cue of the stream's class), after the first words; -1 never.
    qint64 conclusiveWordsAfterSpeechMs = -1;
};

struct Report
{
    QList<Outcome> outcomes;
    // rows: expected human/voicemail/announcement/ivr; columns: human, unknown, voicemail, announcement, ivr
    int matrix[4][5] = {};
    int correct = 0, humansAsMachines = 0, unknowns = 0, dncFromMachines = 0, dncFromHumans = 0, humanOptOuts = 0;
    qint64 maxMachineDecisionAfterSpeechMs = 0;
    int machineDecisions = 0, machineDecisionsWithin4s = 0; // machines called machines
    // Of those over 4 s: the words held a conclusive phrase within 3.6 s of the first words (the
    // screener sat on evidence it had; should be 0) or not (the telling words came later).
    int lateWithConclusiveWordsInTime = 0;
    QList<qint64> machineDecisionMs; // each of those: verdict time after the machine's first words, sorted
    double screenerUsPerAudioSecond = 0.0;
    int streams() const { return int(outcomes.size()); }
    double accuracy() const { return outcomes.isEmpty() ? 0.0 : double(correct) / outcomes.size(); }
    // The p-th percentile (0..100, nearest rank) of machineDecisionMs; -1 when there is none.
    qint64 decisionPercentile(int p) const
    {
        if (machineDecisionMs.isEmpty())
            return -1;
        const int rank = qBound(1, int(std::ceil(p / 100.0 * machineDecisionMs.size())), int(machineDecisionMs.size()));
        return machineDecisionMs.at(rank - 1);
    }
    int machineDecisionsOver4s() const { return machineDecisions - machineDecisionsWithin4s; }
};

inline int row(const QString &cls)
{
    static const QStringList rows{QStringLiteral("human"), QStringLiteral("voicemail"), QStringLiteral("announcement"), QStringLiteral("ivr")};
    return int(rows.indexOf(cls));
}

inline int column(const QString &label)
{
    static const QStringList cols{QStringLiteral("human"), QStringLiteral("unknown"), QStringLiteral("voicemail"),
                                  QStringLiteral("announcement"), QStringLiteral("ivr")};
    return int(cols.indexOf(label));
}

struct Delivery
{
    qint64 atMs;
    QString text;
    bool final;
};

inline QList<Delivery> perfectWords(const Stream &s)
{
    QList<Delivery> out;
    for (int i = 0; i < s.spans.size() && i < s.words.size(); ++i) {
        const auto [b, e] = s.spans.at(i);
        const QStringList ws = s.words.at(i).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qint64 t = b + 400; t < e; t += 400) {
            const int n = int(std::floor(ws.size() * double(t - b) / double(qMax<qint64>(1, e - b))));
            if (n > 0)
                out << Delivery{t, ws.mid(0, n).join(QLatin1Char(' ')), false};
        }
        out << Delivery{e + 300, ws.join(QLatin1Char(' ')), true};
    }
    return out;
}

inline QList<Delivery> offlineWords(const QByteArray &pcm, int rate, Providers::OfflineSpeechEngine &engine)
{
    QList<Delivery> out;
    Audio::EnergyVad vad(Audio::EnergyVad::Config{300.0, 4.0, 60, 450});
    QByteArray utterance, leadIn;
    const int packet = 20 * Audio::bytesPerMs(rate);
    for (qsizetype off = 0; off + packet <= pcm.size(); off += packet) {
        const QByteArray p = pcm.mid(off, packet);
        const auto ev = vad.feed(p, rate);
        if (vad.inSpeech() || ev == Audio::EnergyVad::Event::SpeechEnded) {
            if (ev == Audio::EnergyVad::Event::SpeechStarted)
                utterance = leadIn;
            utterance.append(p);
        } else {
            leadIn.append(p);
            if (leadIn.size() > 300 * Audio::bytesPerMs(rate))
                leadIn.remove(0, leadIn.size() - 300 * Audio::bytesPerMs(rate));
        }
        if (ev != Audio::EnergyVad::Event::SpeechEnded)
            continue;
        Audio::Resampler up(rate, Providers::OfflineSpeechEngine::kSttRate);
        QByteArray pcm16k = up.process(utterance);
        pcm16k += up.flush();
        utterance.clear();
        const QString text = engine.recognizeBlocking(pcm16k, QStringLiteral("en"));
        if (!text.isEmpty())
            out << Delivery{Audio::durationMs(off + packet, rate) + 300, text, true};
    }
    return out;
}

// When the words delivered so far (finals + the latest interim, as the screener sees them) first
// hold a strong cue of `cls`; -1 never.
inline qint64 conclusiveWordsMs(const QList<Delivery> &words, const QString &cls)
{
    const Language::ScreeningCue::Kind kind = cls == QLatin1String("voicemail")      ? Language::ScreeningCue::Kind::Voicemail
                                              : cls == QLatin1String("announcement") ? Language::ScreeningCue::Kind::Announcement
                                              : cls == QLatin1String("ivr")          ? Language::ScreeningCue::Kind::Ivr
                                                                                     : Language::ScreeningCue::Kind::None;
    QString finals;
    for (const Delivery &d : words) {
        const QString all = finals.isEmpty() ? d.text : finals + QLatin1Char(' ') + d.text;
        if (d.final)
            finals = all;
        for (const Language::ScreeningCue &c : Language::ScreeningPhrases::cues(all)) {
            if (c.strong && c.kind == kind)
                return d.atMs;
        }
    }
    return -1;
}

inline Report run(const QString &dir, const QList<Stream> &set, Setup setup, Providers::OfflineSpeechEngine *engine)
{
    Report r;
    qint64 screenerNs = 0, audioMs = 0;
    QElapsedTimer t;
    for (const Stream &s : set) {
        int rate = 0;
        const QByteArray pcm = readWav(dir + QLatin1Char('/') + s.id + QStringLiteral(".wav"), &rate);
        if (pcm.isEmpty() || rate <= 0)
            continue;
        const QList<Delivery> words = setup == Setup::Transcripts ? perfectWords(s)
                                     : setup == Setup::Offline   ? offlineWords(pcm, rate, *engine)
                                                                 : QList<Delivery>();
        Screening::ScreeningConfig cfg;
        cfg.grammarTranscripts = setup == Setup::Offline;
        Screening::CallScreener screener(cfg);
        const int packet = 20 * Audio::bytesPerMs(rate);
        int next = 0;
        for (qsizetype off = 0; off + packet <= pcm.size() && !screener.decided(); off += packet) {
            t.start();
            screener.pushAudio(QByteArray::fromRawData(pcm.constData() + off, packet), rate);
            screenerNs += t.nsecsElapsed();
            audioMs += 20;
            while (!screener.decided() && next < words.size() && words.at(next).atMs <= screener.positionMs()) {
                screener.pushTranscript(words.at(next).text, words.at(next).final);
                ++next;
            }
        }
        const Screening::Verdict v = screener.decided() ? screener.verdict() : screener.finish();
        Outcome o{s.id, s.cls, v.label(), v.reason, v.atMs, -1, 0};
        if (v.isMachine() && !s.spans.isEmpty()) // from the labelled start of its words
            o.afterSpeechMs = v.atMs - s.spans.first().first;
        if (s.cls != QLatin1String("human") && setup == Setup::Transcripts && !s.spans.isEmpty()) {
            const qint64 at = conclusiveWordsMs(words, s.cls);
            o.conclusiveWordsAfterSpeechMs = at < 0 ? -1 : at - s.spans.first().first;
        }
        // The call session's opt-out rule, for calls that go on as human.
        if (!v.isMachine()) {
            for (const Delivery &d : words) {
                if (d.final && Language::Phrases::isOptOut(d.text)) {
                    o.dnc = screener.mayAddToDnc() ? 1 : 0;
                    if (s.cls == QLatin1String("human"))
                        ++r.humanOptOuts;
                    break;
                }
            }
        }
        const int rw = row(s.cls), col = column(o.got);
        if (rw >= 0 && col >= 0)
            r.matrix[rw][col]++;
        const bool human = s.cls == QLatin1String("human");
        if (human ? !v.isMachine() : o.got == s.cls)
            ++r.correct;
        if (human && v.isMachine())
            ++r.humansAsMachines;
        if (v.unknown)
            ++r.unknowns;
        if (o.dnc)
            (human ? r.dncFromHumans : r.dncFromMachines)++;
        if (!human && o.afterSpeechMs > r.maxMachineDecisionAfterSpeechMs)
            r.maxMachineDecisionAfterSpeechMs = o.afterSpeechMs;
        if (!human && v.isMachine()) {
            ++r.machineDecisions;
            r.machineDecisionMs << o.afterSpeechMs;
            if (o.afterSpeechMs <= 4000)
                ++r.machineDecisionsWithin4s;
            else if (o.conclusiveWordsAfterSpeechMs >= 0 && o.conclusiveWordsAfterSpeechMs <= 3600)
                ++r.lateWithConclusiveWordsInTime;
        }
        r.outcomes << o;
    }
    std::sort(r.machineDecisionMs.begin(), r.machineDecisionMs.end());
    r.screenerUsPerAudioSecond = audioMs ? double(screenerNs) / 1000.0 / (double(audioMs) / 1000.0) : 0.0;
    return r;
}

inline QString matrixText(const Report &r)
{
    static const char *rows[] = {"human", "voicemail", "announcement", "ivr"};
    static const char *cols[] = {"human", "unknown", "voicemail", "announcement", "ivr"};
    QString out = QStringLiteral("%1").arg(QString(), -14);
    for (const char *c : cols)
        out += QStringLiteral("%1").arg(QString::fromLatin1(c), 13);
    out += QLatin1Char('\n');
    for (int i = 0; i < 4; ++i) {
        out += QStringLiteral("%1").arg(QString::fromLatin1(rows[i]), -14);
        for (int j = 0; j < 5; ++j)
            out += QStringLiteral("%1").arg(r.matrix[i][j], 13);
        out += QLatin1Char('\n');
    }
    out += QStringLiteral("accuracy %1 % (%2/%3; a human is right when treated as human, unknown included), "
                          "humans treated as machines %4, unknown %5, DNC from machines %6, DNC from human opt-outs %7/%8, "
                          "machine decisions within 4 s of their speech %9/%10 (after the first words: p50 %11 ms, p90 %12 ms, "
                          "max %13 ms; over 4 s: %14, of which with conclusive words within 3.6 s: %15)\n")
               .arg(100.0 * r.accuracy(), 0, 'f', 1)
               .arg(r.correct)
               .arg(r.streams())
               .arg(r.humansAsMachines)
               .arg(r.unknowns)
               .arg(r.dncFromMachines)
               .arg(r.dncFromHumans)
               .arg(r.humanOptOuts)
               .arg(r.machineDecisionsWithin4s)
               .arg(r.machineDecisions)
               .arg(r.decisionPercentile(50))
               .arg(r.decisionPercentile(90))
               .arg(r.maxMachineDecisionAfterSpeechMs)
               .arg(r.machineDecisionsOver4s())
               .arg(r.lateWithConclusiveWordsInTime);
    return out;
}

} // namespace ScreeningEval
