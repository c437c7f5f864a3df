#include "calldetailview.h"

#include "historylabels.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Leadline::Ui {

CallDetailView::CallDetailView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("callDetail"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("callTitle"));
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cost = new QLabel(this);
    m_cost->setObjectName(QStringLiteral("callCost"));
    m_cost->setWordWrap(true);
    m_recording = new QLabel(this);
    m_recording->setObjectName(QStringLiteral("recordingLink"));
    m_recording->setTextFormat(Qt::RichText);
    m_recording->setOpenExternalLinks(true);
    m_recording->setTextInteractionFlags(Qt::TextBrowserInteraction);

    m_fieldsLabel = new QLabel(this);
    m_fields = new QTableWidget(0, 4, this);
    m_fields->setObjectName(QStringLiteral("callFields"));
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fields->setSelectionMode(QAbstractItemView::SingleSelection);
    m_fields->verticalHeader()->hide();
    m_fields->horizontalHeader()->setStretchLastSection(false);
    m_fields->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_fieldsLabel->setBuddy(m_fields);
    // A click (or keyboard move) on a field shows the turn it was said in.
    connect(m_fields, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (QTableWidgetItem *it = row >= 0 ? m_fields->item(row, 0) : nullptr) {
            const int turn = it->data(TurnRole).toInt();
            if (turn >= 0)
                highlightTurn(turn);
        }
    });
    connect(m_fields, &QTableWidget::cellClicked, this, [this](int row) {
        if (QTableWidgetItem *it = m_fields->item(row, 0); it && it->data(TurnRole).toInt() >= 0)
            highlightTurn(it->data(TurnRole).toInt());
    });

    m_transcriptLabel = new QLabel(this);
    m_transcript = new QTreeWidget(this);
    m_transcript->setObjectName(QStringLiteral("callTranscript"));
    m_transcript->setColumnCount(4);
    m_transcript->setRootIsDecorated(false);
    m_transcript->setWordWrap(true);
    m_transcript->setUniformRowHeights(false);
    m_transcript->setSelectionMode(QAbstractItemView::SingleSelection);
    m_transcript->header()->setStretchLastSection(true);
    m_transcript->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_transcript->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_transcript->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_transcriptLabel->setBuddy(m_transcript);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_cost);
    layout->addWidget(m_recording);
    layout->addWidget(m_fieldsLabel);
    layout->addWidget(m_fields, 2);
    layout->addWidget(m_transcriptLabel);
    layout->addWidget(m_transcript, 3);
    retranslate();
    clear();
}

void CallDetailView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const int turn = m_highlighted;
        retranslate();
        render();
        if (turn >= 0)
            highlightTurn(turn);
    }
    QWidget::changeEvent(event);
}

void CallDetailView::retranslate()
{
    m_fieldsLabel->setText(tr("Extracted &fields (select one to see where it was said):"));
    m_transcriptLabel->setText(tr("&Transcript:"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Said"), tr("Understood as"), tr("Turn")});
    m_transcript->setHeaderLabels({tr("Time"), tr("Speaker"), tr("Language"), tr("Text")});
}

void CallDetailView::clear()
{
    m_hasCall = false;
    m_detail = {};
    m_row = {};
    render();
}

void CallDetailView::setCall(const Storage::CallHistoryRow &row, const CallDetailSnapshot &detail)
{
    m_row = row;
    m_detail = detail;
    m_hasCall = true;
    render();
}

static QString clock(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms) / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void CallDetailView::render()
{
    m_highlighted = -1;
    m_fields->setRowCount(0);
    m_transcript->clear();
    if (!m_hasCall) {
        m_title->setText(tr("Select a call to see its transcript."));
        m_summary->clear();
        m_cost->clear();
        m_recording->clear();
        m_fields->setEnabled(false);
        m_transcript->setEnabled(false);
        return;
    }
    m_fields->setEnabled(true);
    m_transcript->setEnabled(true);
    const Storage::CallRow &c = m_detail.call;
    const QString who = m_row.leadName.isEmpty() ? m_row.phoneE164 : tr("%1 (%2)").arg(m_row.leadName, m_row.phoneE164);
    m_title->setText(tr("Call %1 \u2013 %2").arg(c.id).arg(who));
    const QLocale locale;
    const qint64 at = c.startedAt > 0 ? c.startedAt : c.createdAt;
    QStringList lines;
    lines << tr("Campaign: %1 \u00b7 attempt %2").arg(m_row.campaignName).arg(c.attempt);
    lines << tr("Time: %1").arg(at > 0 ? locale.toString(QDateTime::fromMSecsSinceEpoch(at), QLocale::LongFormat) : tr("unknown"));
    lines << tr("Status: %1 \u00b7 Outcome: %2 \u00b7 Duration: %3")
                 .arg(HistoryLabels::callStatus(c.status),
                      c.outcome.isEmpty() ? tr("none") : HistoryLabels::outcome(c.outcome),
                      c.durationS > 0 ? HistoryLabels::duration(c.durationS) : tr("not connected"));
    if (!c.language.isEmpty())
        lines << tr("Caller language: %1").arg(c.language);
    if (!c.failureReason.isEmpty())
        lines << tr("Failure: %1").arg(c.failureReason);
    m_summary->setText(lines.join(QLatin1Char('\n')));

    const Storage::CostEstimate &e = m_detail.cost;
    if (!m_detail.pricesConfigured)
        m_cost->setText(tr("Cost estimate: prices not configured (Settings \u2192 Costs)."));
    else
        m_cost->setText(tr("Cost estimate: %1 (telephony %2 for %n started minute(s), speech and language %3)", nullptr,
                           int(e.billableMinutes))
                            .arg(HistoryLabels::rupees(e.total), HistoryLabels::rupees(e.telephony),
                                 HistoryLabels::rupees(e.stt + e.llm + e.tts)));
    const QUrl url(c.recordingUrl);
    if (!c.recordingUrl.isEmpty() && url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
        m_recording->setText(tr("Recording: %1").arg(QStringLiteral("<a href=\"%1\">%2</a>")
                                                         .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                                              c.recordingUrl.toHtmlEscaped())));
    else
        m_recording->setText(tr("Recording: none").toHtmlEscaped());

    fillFields();

    for (const Storage::TurnRow &t : m_detail.turns) {
        auto *item = new QTreeWidgetItem(m_transcript);
        item->setText(0, clock(t.startedMs));
        item->setText(1, HistoryLabels::speaker(t.speaker));
        item->setText(2, t.language);
        QString text = t.text;
        if (t.interrupted)
            text += QLatin1Char(' ') + tr("(interrupted)");
        item->setText(3, text);
        item->setToolTip(3, t.text);
        item->setData(0, TurnRole, t.index);
        QStringList lat;
        if (t.sttMs >= 0)
            lat << tr("speech-to-text %1 ms").arg(t.sttMs);
        if (t.llmMs >= 0)
            lat << tr("language model %1 ms").arg(t.llmMs);
        if (t.ttsMs >= 0)
            lat << tr("text-to-speech %1 ms").arg(t.ttsMs);
        if (!lat.isEmpty())
            item->setToolTip(0, lat.join(QLatin1String(", ")));
    }
    if (m_detail.turns.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_transcript);
        item->setText(3, tr("No transcript for this call."));
        item->setData(0, TurnRole, -1);
        item->setFlags(Qt::NoItemFlags);
    }
}

// One row per extracted field: the words said, what the engine normalised them to, the turn.
void CallDetailView::fillFields()
{
    const Storage::CallRow &c = m_detail.call;
    const QLocale locale;
    auto understood = [&](const QString &key) -> QString {
        if (key == QLatin1String("budget")) {
            if (c.budgetMin > 0 && c.budgetMax > 0 && c.budgetMax != c.budgetMin)
                return tr("%1 to %2").arg(HistoryLabels::rupees(double(c.budgetMin)), HistoryLabels::rupees(double(c.budgetMax)));
            if (c.budgetMin > 0)
                return c.budgetMax > 0 ? HistoryLabels::rupees(double(c.budgetMin)) : tr("from %1").arg(HistoryLabels::rupees(double(c.budgetMin)));
            if (c.budgetMax > 0)
                return tr("up to %1").arg(HistoryLabels::rupees(double(c.budgetMax)));
            return c.budgetText;
        }
        if (key == QLatin1String("property") || key == QLatin1String("location"))
            return c.property;
        if (key == QLatin1String("timeline"))
            return c.timeline;
        if (key == QLatin1String("callback_time"))
            return c.callbackAt > 0 ? locale.toString(QDateTime::fromMSecsSinceEpoch(c.callbackAt), QLocale::ShortFormat) : QString();
        return {};
    };
    for (auto it = c.fields.begin(); it != c.fields.end(); ++it) {
        if (it.key() == QLatin1String("normalized"))
            continue; // shown in the "understood as" column
        const QJsonValue v = it.value();
        const bool wrapped = v.isObject() && v.toObject().contains(QStringLiteral("value"));
        const QJsonValue value = wrapped ? v.toObject().value(QStringLiteral("value")) : v;
        const int turn = wrapped && v.toObject().value(QStringLiteral("turn")).isDouble() ? v.toObject().value(QStringLiteral("turn")).toInt() : -1;
        QString said = value.isString() ? value.toString()
                       : value.isDouble() ? locale.toString(value.toDouble())
                       : value.isBool() ? (value.toBool() ? tr("yes") : tr("no"))
                       : QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact));
        const int row = m_fields->rowCount();
        m_fields->insertRow(row);
        auto *name = new QTableWidgetItem(HistoryLabels::field(it.key()));
        name->setData(TurnRole, turn);
        name->setData(Qt::UserRole, it.key());
        m_fields->setItem(row, 0, name);
        m_fields->setItem(row, 1, new QTableWidgetItem(said));
        m_fields->setItem(row, 2, new QTableWidgetItem(understood(it.key())));
        auto *turnItem = new QTableWidgetItem(turn >= 0 ? QString::number(turn + 1) : QString());
        turnItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (turn >= 0)
            turnItem->setToolTip(tr("Said in turn %1 of the transcript").arg(turn + 1));
        m_fields->setItem(row, 3, turnItem);
    }
}

bool CallDetailView::highlightTurn(int turnIndex)
{
    QTreeWidgetItem *found = nullptr;
    const QBrush highlight = palette().brush(QPalette::Active, QPalette::Highlight).color().lighter(160);
    for (int i = 0; i < m_transcript->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_transcript->topLevelItem(i);
        const bool match = item->data(0, TurnRole).toInt() == turnIndex && item->flags() != Qt::NoItemFlags;
        for (int col = 0; col < m_transcript->columnCount(); ++col)
            item->setBackground(col, match ? highlight : QBrush());
        if (match)
            found = item;
    }
    if (!found) {
        m_highlighted = -1;
        return false;
    }
    m_highlighted = turnIndex;
    m_transcript->setCurrentItem(found);
    m_transcript->scrollToItem(found, QAbstractItemView::PositionAtCenter);
    return true;
}

} // namespace Leadline::Ui
