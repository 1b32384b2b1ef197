#include "SearchPopup.h"

#include "SearchResultDelegate.h"
#include "common/Theme.h"
#include "models/ItemRoles.h"
#include "models/SearchResultModel.h"
#include "storage/CacheStore.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Counterpart::Ui {

namespace Roles = Models::Roles;

namespace {
// Long enough to skip the searches for half-typed words, short enough to feel immediate.
constexpr int DebounceMs = 80;

QToolButton *chip(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setObjectName(objectName);
    button->setCheckable(true);
    button->setAutoRaise(true);
    button->setAccessibleName(text);
    button->setFocusPolicy(Qt::StrongFocus);
    return button;
}
} // namespace

SearchPopup::SearchPopup(Storage::CacheStore *cache, QWidget *parent)
    : QDialog(parent, Qt::Dialog | Qt::FramelessWindowHint)
    , m_cache(cache)
    , m_model(new Models::SearchResultModel(cache, this))
    , m_query(new QLineEdit(this))
    , m_results(new QListView(this))
    , m_summary(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("searchPopup"));
    setWindowTitle(tr("Search"));
    setAccessibleName(tr("Search conversations and contacts"));
    resize(640, 460);

    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setPlaceholderText(tr("Search messages, conversations and contacts"));
    m_query->setAccessibleName(tr("Search query"));
    m_query->setAccessibleDescription(
        tr("Type to search. Up and Down choose a result, Enter opens it, Escape closes."));
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(this);
    QFont bigger = m_query->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.2);
    m_query->setFont(bigger);

    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setAccessibleName(tr("Search results"));
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setUniformItemSizes(true);
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_results->setFrameShape(QFrame::NoFrame);
    connect(m_results, &QListView::activated, this, &SearchPopup::activate);

    m_summary->setObjectName(QStringLiteral("searchSummary"));
    m_summary->setAccessibleName(tr("Search summary"));
    QPalette muted = m_summary->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedText(palette()));
    m_summary->setPalette(muted);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SearchPopup::runSearch);
    connect(m_query, &QLineEdit::textChanged, this, [this] { m_debounce->start(); });
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        // Enter before the pause ran out still means "open what I typed".
        if (m_debounce->isActive()) {
            m_debounce->stop();
            runSearch();
        }
        activate(m_results->currentIndex());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_results->setCurrentIndex(m_model->index(0));
        updateSummary();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 8);
    layout->setSpacing(6);
    layout->addWidget(m_query);
    layout->addWidget(buildChips());
    layout->addWidget(m_results, 1);
    layout->addWidget(m_summary);
    setTabOrder(m_query, m_results);
    updateSummary();
}

QWidget *SearchPopup::buildChips()
{
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("searchFilters"));
    row->setAccessibleName(tr("Search filters"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    m_channels = new QButtonGroup(this);
    const QList<QPair<QString, QString>> channels = {
        {QString(), tr("Any channel")},      {QStringLiteral("email"), tr("E-mail")},
        {QStringLiteral("webchat"), tr("Chat")}, {QStringLiteral("whatsapp"), tr("WhatsApp")},
        {QStringLiteral("sms"), tr("SMS")},  {QStringLiteral("phone"), tr("Phone")},
    };
    for (const auto &[key, text] : channels) {
        QToolButton *button = chip(text, QStringLiteral("channelChip:") + key, row);
        button->setProperty("filterKey", key);
        button->setChecked(key.isEmpty());
        m_channels->addButton(button);
        layout->addWidget(button);
    }
    layout->addSpacing(12);
    m_statuses = new QButtonGroup(this);
    const QList<QPair<QString, QString>> statuses = {
        {QString(), tr("Any status")}, {QStringLiteral("open"), tr("Open")},
        {QStringLiteral("pending"), tr("Pending")}, {QStringLiteral("resolved"), tr("Resolved")},
    };
    for (const auto &[key, text] : statuses) {
        QToolButton *button = chip(text, QStringLiteral("statusChip:") + key, row);
        button->setProperty("filterKey", key);
        button->setChecked(key.isEmpty());
        m_statuses->addButton(button);
        layout->addWidget(button);
    }
    layout->addStretch(1);
    connect(m_channels, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (on)
            applyFilters();
    });
    connect(m_statuses, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (on)
            applyFilters();
    });
    return row;
}

void SearchPopup::popUp()
{
    if (QWidget *host = parentWidget()) {
        const QRect area = host->window()->geometry();
        resize(std::min(680, area.width() - 40), std::min(480, area.height() - 80));
        move(area.center().x() - width() / 2, area.top() + 60);
    }
    show();
    raise();
    activateWindow();
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

void SearchPopup::search(const QString &query)
{
    m_query->setText(query);
    m_debounce->stop();
    runSearch();
}

void SearchPopup::runSearch() { m_model->setQuery(m_query->text()); }

void SearchPopup::applyFilters()
{
    const QString channel = m_channels->checkedButton()
        ? m_channels->checkedButton()->property("filterKey").toString() : QString();
    const QString status = m_statuses->checkedButton()
        ? m_statuses->checkedButton()->property("filterKey").toString() : QString();
    m_model->setChannelFilter(channel.isEmpty() ? std::nullopt
                                                : std::optional(Domain::channelFromKey(channel)));
    m_model->setStatusFilter(status.isEmpty() ? std::nullopt
                                              : std::optional(Domain::statusFromKey(status)));
}

void SearchPopup::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    qint64 conversationId = index.data(Roles::ConversationId).toLongLong();
    if (conversationId == 0 && m_cache) {
        const QList<Domain::Conversation> recent
            = m_cache->conversationsOfContact(index.data(Roles::SearchContactId).toLongLong(), 1);
        if (!recent.isEmpty())
            conversationId = recent.first().id;
    }
    if (conversationId == 0)
        return;
    accept();
    emit conversationChosen(conversationId);
}

void SearchPopup::moveCurrent(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int current = m_results->currentIndex().isValid() ? m_results->currentIndex().row() : -1;
    const int row = std::clamp(current + delta, 0, rows - 1);
    m_results->setCurrentIndex(m_model->index(row));
    m_results->scrollTo(m_model->index(row));
}

bool SearchPopup::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
            moveCurrent(1);
            return true;
        case Qt::Key_Up:
            moveCurrent(-1);
            return true;
        case Qt::Key_PageDown:
            moveCurrent(8);
            return true;
        case Qt::Key_PageUp:
            moveCurrent(-8);
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SearchPopup::updateSummary()
{
    const int rows = m_model->rowCount();
    if (m_model->query().trimmed().isEmpty())
        m_summary->setText(tr("Type to search. ↑↓ choose · Enter opens · Esc closes"));
    else if (rows == 0)
        m_summary->setText(tr("Nothing matches “%1”.").arg(m_model->query()));
    else
        m_summary->setText(tr("%n result(s) · ↑↓ choose · Enter opens · Esc closes", nullptr, rows));
}

} // namespace Counterpart::Ui
