#include "livecallsview.h"

#include "ui/live/livecallsmodel.h"

#include <QAction>
#include <QApplication>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTextBrowser>
#include <QTextCursor>
#include <QVBoxLayout>

namespace Leadline::Ui {

namespace {

// Paints a live-calls cell with one shaping of its (elided, single-line) text: the stock
// delegate lays the text out several times per cell, and 500 live calls repaint all the time.
// Thread: GUI thread.
class LiveCallsDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget); // background, selection
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        QRect r = opt.rect.adjusted(margin, 0, -margin, 0);
        if (opt.features & QStyleOptionViewItem::HasDecoration) {
            const QSize size = opt.decorationSize;
            const QRect iconRect(r.left(), r.top() + (r.height() - size.height()) / 2, size.width(), size.height());
            opt.icon.paint(painter, iconRect);
            r.setLeft(iconRect.right() + 1 + margin * 2);
        }
        if (opt.text.isEmpty())
            return;
        const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                           : (opt.state & QStyle::State_Active) ? QPalette::Normal : QPalette::Inactive;
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(opt.palette.color(group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(r, int(opt.displayAlignment) | Qt::TextSingleLine,
                          opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, r.width()));
        painter->restore();
    }
};

} // namespace

LiveCallsView::LiveCallsView(LiveCallsModel &model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("liveCallsView"));
    confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               == QMessageBox::Yes;
    };

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("liveSummary"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("liveCallsTable"));
    // Before setModel: the selection model moves the current row while rows go, and must find
    // m_removing already set (connections run in the order they were made).
    connect(&m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_removing = true; });
    connect(&m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_removing = true; });
    m_table->setModel(&m_model);
    m_table->setItemDelegate(new LiveCallsDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // The table scrolls to the current row only when the supervisor moves it (onCurrentChanged).
    // Qt's auto-scroll would also follow every row shift that ended calls cause above the
    // selection, and each scroll asks the X server where the pointer is (a round trip that waits
    // behind the server's drawing; measured as 12-15 ms GUI stalls under 500 live calls).
    m_table->setAutoScroll(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing() + 8);
    QHeaderView *h = m_table->horizontalHeader();
    h->setStretchLastSection(true);
    h->setSectionResizeMode(QHeaderView::Interactive);
    const int ch = fontMetrics().averageCharWidth();
    m_table->setColumnWidth(LiveCallsModel::Lead, ch * 22);
    m_table->setColumnWidth(LiveCallsModel::Phone, ch * 17);
    m_table->setColumnWidth(LiveCallsModel::State, ch * 14);
    m_table->setColumnWidth(LiveCallsModel::Duration, ch * 9);

    m_emptyNote = new QLabel(this);
    m_emptyNote->setObjectName(QStringLiteral("liveCallsEmpty"));
    m_emptyNote->setAlignment(Qt::AlignCenter);
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setMargin(24);
    m_emptyNote->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyNote);
    m_stack->addWidget(m_table);

    auto *detail = new QWidget(this);
    m_callTitle = new QLabel(detail);
    m_callTitle->setObjectName(QStringLiteral("liveCallTitle"));
    m_callTitle->setTextFormat(Qt::PlainText);
    m_callTitle->setWordWrap(true);
    QFont bold = m_callTitle->font();
    bold.setBold(true);
    m_callTitle->setFont(bold);
    m_transcript = new QTextBrowser(detail);
    m_transcript->setObjectName(QStringLiteral("liveTranscript"));
    m_transcript->setOpenLinks(false);
    // The chat's outer margin belongs to the document, not to <body>: appended turns
    // (renderTranscript) are outside the body's style and would sit 4 px further left.
    m_transcript->document()->setDocumentMargin(8);
    // A scroll bar that comes and goes with the chat's length makes Qt ask the X server where
    // the pointer is (synthetic enter/leave) on every new chat: keep it.
    m_transcript->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_hangUpAction = new QAction(this);
    m_hangUpAction->setObjectName(QStringLiteral("hangUpAction"));
    m_hangUpAction->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));
    m_hangUpAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    m_hangUpAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_hangUpAction); // the shortcut works while the Live calls tab has focus
    m_hangUpButton = new QPushButton(detail);
    m_hangUpButton->setObjectName(QStringLiteral("hangUpButton"));
    m_hangUpButton->setIcon(m_hangUpAction->icon());
    connect(m_hangUpAction, &QAction::triggered, this, &LiveCallsView::hangUpSelected);
    connect(m_hangUpButton, &QPushButton::clicked, this, &LiveCallsView::hangUpSelected);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_hangUpButton);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_callTitle);
    detailLayout->addWidget(m_transcript, 1);
    detailLayout->addLayout(buttons);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("liveSplitter"));
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LiveCallsView::onCurrentChanged);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_table->indexAt(pos);
        if (!index.isValid())
            return;
        m_table->setCurrentIndex(index);
        QMenu menu(this);
        menu.addAction(m_hangUpAction);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(&m_model, &LiveCallsModel::callsUpdated, this, &LiveCallsView::onCallsUpdated);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &LiveCallsView::afterRowsRemoved);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &LiveCallsView::updateEmptyState);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &LiveCallsView::afterRowsRemoved);

    retranslate();
    updateEmptyState();
    updateActions();
}

void LiveCallsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LiveCallsView::retranslate()
{
    m_hangUpAction->setText(tr("&Hang up\u2026"));
    m_hangUpAction->setToolTip(tr("End the selected call now (supervisor)"));
    m_hangUpButton->setText(tr("&Hang up\u2026"));
    m_hangUpButton->setToolTip(m_hangUpAction->toolTip());
    m_emptyNote->setText(tr("No active calls. Start a campaign (or run the demo) and its calls appear here as they "
                            "are dialled."));
    m_model.refreshTexts();
    updateEmptyState();
    m_renderedCallId = 0; // labels are translated: lay the chat out again
    renderTranscript();
}

void LiveCallsView::setHangUpAvailable(bool available)
{
    m_hangUpAvailable = available;
    updateActions();
}

void LiveCallsView::selectCall(qint64 callId)
{
    const int row = m_model.rowOf(callId);
    if (row >= 0)
        m_table->setCurrentIndex(m_model.index(row, 0));
}

void LiveCallsView::onCurrentChanged()
{
    if (m_removing)
        return; // the model moves the current row when rows go; afterRowsRemoved decides
    const QModelIndex current = m_table->currentIndex();
    const qint64 id = current.isValid() ? current.data(LiveCallsModel::CallIdRole).toLongLong() : 0;
    if (id == m_selected && !m_selectedEnded)
        return;
    if (current.isValid())
        m_table->scrollTo(current); // keyboard, click or selectCall: keep the chosen call in view
    m_selected = id;
    m_selectedEnded = false;
    if (const LiveCall *c = m_model.call(id))
        m_lastSeen = *c;
    else
        m_lastSeen = LiveCall{};
    m_transcript->clear();
    m_renderedCallId = 0;
    renderTranscript();
    updateActions();
}

void LiveCallsView::onCallsUpdated(const QSet<qint64> &ids)
{
    updateEmptyState();
    if (m_selected == 0 || !ids.contains(m_selected))
        return;
    const LiveCall *c = m_model.call(m_selected);
    if (!c) {
        selectedCallEnded(); // its row went, or a new call took it
        return;
    }
    m_lastSeen = *c;
    renderTranscript();
    updateActions();
}

void LiveCallsView::afterRowsRemoved()
{
    m_removing = false;
    updateEmptyState();
    if (m_selected == 0)
        return;
    const int row = m_model.rowOf(m_selected);
    if (row >= 0) {
        if (m_table->currentIndex().row() != row)
            m_table->setCurrentIndex(m_model.index(row, 0));
        return;
    }
    selectedCallEnded();
}

void LiveCallsView::selectedCallEnded()
{
    // Keep its transcript, marked as ended, and select nothing.
    if (m_selectedEnded)
        return;
    m_selectedEnded = true;
    m_removing = true;
    m_table->selectionModel()->clear();
    m_removing = false;
    renderTranscript();
    updateActions();
}

void LiveCallsView::updateEmptyState()
{
    const int n = m_model.rowCount();
    m_summary->setText(tr("%n active call(s)", nullptr, n));
    m_stack->setCurrentWidget(n > 0 ? static_cast<QWidget *>(m_table) : m_emptyNote);
}

void LiveCallsView::updateActions()
{
    const bool enabled = m_hangUpAvailable && m_selected != 0 && !m_selectedEnded && m_model.rowOf(m_selected) >= 0;
    m_hangUpAction->setEnabled(enabled);
    m_hangUpButton->setEnabled(enabled);
}

void LiveCallsView::hangUpSelected()
{
    if (!m_hangUpAvailable || m_selected == 0 || m_selectedEnded)
        return;
    const LiveCall *c = m_model.call(m_selected);
    if (!c)
        return;
    const qint64 id = c->callId;
    const QString who = c->leadName.isEmpty() ? tr("call %1").arg(id) : c->leadName;
    if (!confirm || !confirm(tr("Hang up call"),
                             tr("Hang up the call with %1 now? The lead hears the call end immediately.").arg(who)))
        return;
    emit hangUpRequested(id);
}

QString LiveCallsView::turnHtml(const LiveTurn &t)
{
    const bool agent = t.speaker == QLatin1String("agent");
    QString who = agent ? tr("Agent") : (t.speaker == QLatin1String("caller") ? tr("Caller") : t.speaker.toHtmlEscaped());
    if (agent && t.latencyMs >= 0)
        who += QStringLiteral(" \u00b7 ") + tr("%1 ms").arg(t.latencyMs);
    return QStringLiteral("<table width=\"80%\" align=\"%1\" cellpadding=\"6\" cellspacing=\"0\" "
                          "style=\"margin-bottom:6px\" bgcolor=\"%2\"><tr><td>"
                          "<span style=\"color:#555555; font-size:small\">%3</span><br/>"
                          "<span style=\"color:#111111\">%4</span></td></tr></table>")
        .arg(agent ? QStringLiteral("left") : QStringLiteral("right"),
             agent ? QStringLiteral("#e6eefb") : QStringLiteral("#e7f6ea"), who, t.text.toHtmlEscaped());
}

QString LiveCallsView::transcriptHtml(const LiveCall &call)
{
    QString html;
    html.reserve(256 + int(call.turns.size()) * 200);
    html += QLatin1String("<html><body>");
    for (const LiveTurn &t : call.turns)
        html += turnHtml(t);
    html += QLatin1String("</body></html>");
    return html;
}

void LiveCallsView::renderTranscript()
{
    if (m_selected == 0) {
        m_callTitle->setText(tr("Select a call to follow its transcript."));
        m_transcript->clear();
        m_renderedCallId = 0;
        return;
    }
    const LiveCall &c = m_lastSeen;
    const QString name = c.leadName.isEmpty() ? tr("Call %1").arg(c.callId) : c.leadName;
    const QString state = m_selectedEnded ? tr("Call ended") : LiveCallsModel::stateText(c.state);
    m_callTitle->setText(QStringLiteral("%1 \u00b7 %2 \u00b7 %3").arg(name, LiveCallsModel::maskPhone(c.phone), state));
    QScrollBar *bar = m_transcript->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    const int keep = bar->value();
    if (c.turns.isEmpty()) {
        m_transcript->setPlainText(c.lastText.isEmpty() ? tr("Waiting for the first words\u2026") : c.lastText);
        m_renderedCallId = 0;
        return;
    }
    if (m_renderedCallId == c.callId && c.turns.constFirst().turn <= m_renderedLastTurn + 1) {
        // Same call, no gap: append only the turns not shown yet (nothing new, nothing to lay out).
        QString html;
        for (const LiveTurn &t : c.turns)
            if (t.turn > m_renderedLastTurn)
                html += turnHtml(t);
        if (html.isEmpty())
            return;
        QTextCursor cursor(m_transcript->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertHtml(html);
    } else {
        m_transcript->setHtml(transcriptHtml(c));
    }
    m_renderedCallId = c.callId;
    m_renderedLastTurn = c.turns.constLast().turn;
    bar->setValue(atEnd ? bar->maximum() : keep);
}

} // namespace Leadline::Ui
