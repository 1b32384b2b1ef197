#include "CustomerSidebar.h"

#include "ContactNotesView.h"
#include "common/Theme.h"
#include "common/TimeText.h"
#include "domain/Entities.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"

#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QScrollArea>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace Counterpart::Ui {

using namespace Domain;

namespace {

QString languageName(const QString &code)
{
    if (code == QLatin1String("zh-Hans"))
        return QStringLiteral("简体中文 (Chinese, Simplified)");
    if (code == QLatin1String("zh-Hant"))
        return QStringLiteral("繁體中文 (Chinese, Traditional)");
    if (code == QLatin1String("el"))
        return QStringLiteral("Ελληνικά (Greek)");
    if (code.isEmpty())
        return QString();
    const QLocale locale(code);
    if (locale.language() == QLocale::C)
        return code;
    // The language itself, not a regional variant the customer never chose ("American English").
    const QString native = QLocale(locale.language()).nativeLanguageName();
    const QString english = QLocale::languageToString(locale.language());
    if (native.isEmpty() || native.contains(english, Qt::CaseInsensitive))
        return english;
    return native + QStringLiteral(" (") + english + QLatin1Char(')');
}

QString stars(int rating)
{
    QString text;
    for (int i = 1; i <= 5; ++i)
        text += i <= rating ? QStringLiteral("★") : QStringLiteral("☆");
    return text;
}

QString attributeText(const QJsonValue &value)
{
    if (value.isDouble())
        return QLocale().toString(value.toDouble(), 'f', value.toDouble() == qint64(value.toDouble()) ? 0 : 2);
    if (value.isBool())
        return value.toBool() ? QObject::tr("yes") : QObject::tr("no");
    return value.toString();
}

} // namespace

namespace {
const char kCollapsedSetting[] = "sidebar.collapsed_sections";
}

CustomerSidebar::CustomerSidebar(Storage::CacheStore *cache, Storage::WorkspaceStore *workspace, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_workspace(workspace)
{
    if (m_workspace) {
        const QStringList saved = m_workspace->setting(QLatin1String(kCollapsedSetting))
                                      .split(QLatin1Char(','), Qt::SkipEmptyParts);
        m_collapsed = QSet<QString>(saved.begin(), saved.end());
    }
    setObjectName(QStringLiteral("customerSidebar"));
    setAccessibleName(tr("Customer details"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMinimumWidth(220);
    auto *inner = new QWidget(scroll);
    m_content = new QVBoxLayout(inner);
    m_content->setContentsMargins(14, 12, 14, 12);
    m_content->setSpacing(4);
    scroll->setWidget(inner);
    outer->addWidget(scroll);

    m_history = new QListWidget(this);
    m_history->setObjectName(QStringLiteral("previousConversations"));
    m_history->setAccessibleName(tr("Previous conversations"));
    m_history->setFrameShape(QFrame::NoFrame);
    // Two elided lines per entry, so the list's height is known without a layout pass.
    m_history->setWordWrap(false);
    m_history->setTextElideMode(Qt::ElideRight);
    connect(m_history, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit conversationActivated(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_history, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        emit conversationActivated(item->data(Qt::UserRole).toLongLong());
    });
    m_notes = new ContactNotesView(m_cache, nullptr, nullptr, this);
    clear();
}

void CustomerSidebar::enableNoteEditing(Sync::OutboxStore *outbox, Sync::SyncEngine *sync)
{
    delete m_notes;
    m_notes = new ContactNotesView(m_cache, outbox, sync, this);
    m_notes->hide();
}

void CustomerSidebar::clear()
{
    m_history->setParent(nullptr);
    m_notes->setParent(nullptr);
    while (auto *item = m_content->takeAt(0)) {
        // Immediate delete is safe: the widgets that can trigger a refresh (the history list,
        // the notes) are kept, and stale labels must not linger for accessibility tools and tests.
        if (item->widget() && item->widget() != m_history && item->widget() != m_notes)
            delete item->widget();
        delete item;
    }
    m_history->setParent(this);
    m_history->hide();
    m_notes->setParent(this);
    m_notes->hide();
    m_sectionWidgets.clear();
    m_sectionHeaders.clear();
    m_currentSection.clear();
}

void CustomerSidebar::setSectionCollapsed(const QString &key, bool collapsed)
{
    if (collapsed)
        m_collapsed.insert(key);
    else
        m_collapsed.remove(key);
    for (QWidget *widget : m_sectionWidgets.value(key))
        widget->setVisible(!collapsed);
    if (QToolButton *header = m_sectionHeaders.value(key))
        header->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
    if (m_workspace) {
        QStringList keys(m_collapsed.begin(), m_collapsed.end());
        keys.sort();
        m_workspace->setSetting(QLatin1String(kCollapsedSetting), keys.join(QLatin1Char(',')));
    }
}

void CustomerSidebar::addToSection(QWidget *widget)
{
    m_content->addWidget(widget);
    // Explicitly: a widget added to a shown layout only appears after a queued event.
    widget->setVisible(m_currentSection.isEmpty() || !m_collapsed.contains(m_currentSection));
    if (!m_currentSection.isEmpty())
        m_sectionWidgets[m_currentSection].append(widget);
}

void CustomerSidebar::addSection(const QString &key, const QString &title)
{
    auto *header = new QToolButton;
    header->setObjectName(QStringLiteral("section:") + key);
    header->setText(title.toUpper());
    header->setAccessibleName(tr("%1 section").arg(title));
    header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Not checkable: a checked tool button draws a pressed frame, and a heading should not look
    // like a pressed button. The arrow carries the state.
    header->setAutoRaise(true);
    const bool collapsed = m_collapsed.contains(key);
    header->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
    QFont font = header->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.8);
    header->setFont(font);
    QPalette palette = header->palette();
    palette.setColor(QPalette::ButtonText, Theme::mutedText(this->palette()));
    header->setPalette(palette);
    header->setContentsMargins(0, 12, 0, 2);
    connect(header, &QToolButton::clicked, this,
            [this, key] { setSectionCollapsed(key, !m_collapsed.contains(key)); });
    m_content->addSpacing(8);
    m_content->addWidget(header);
    m_sectionHeaders.insert(key, header);
    m_currentSection = key;
}

QLabel *CustomerSidebar::addRow(const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    addToSection(label);
    return label;
}

void CustomerSidebar::showConversation(qint64 conversationId)
{
    clear();
    const auto conversation = m_cache->conversation(conversationId);
    const auto contact = conversation ? m_cache->contact(conversation->contactId) : std::nullopt;
    if (!contact) {
        m_notes->showContact(0, 0);
        auto *empty = addRow(tr("Select a conversation to see the customer."));
        empty->setAlignment(Qt::AlignCenter);
        m_content->addStretch();
        return;
    }
    auto *name = addRow(contact->name.isEmpty() ? tr("Unknown customer") : contact->name,
                        QStringLiteral("customerName"));
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.3);
    nameFont.setBold(true);
    name->setFont(nameFont);
    if (!contact->company.isEmpty())
        addRow(contact->company);

    addSection(QStringLiteral("contact"), tr("Contact"));
    if (!contact->email.isEmpty())
        addRow(QStringLiteral("✉ ") + contact->email);
    if (!contact->phone.isEmpty())
        addRow(QStringLiteral("☎ ") + contact->phone);
    if (!contact->location.isEmpty())
        addRow(contact->location);

    addSection(QStringLiteral("language"), tr("Language and local time"));
    if (!contact->language.isEmpty())
        addRow(languageName(contact->language), QStringLiteral("customerLanguage"));
    const QTimeZone zone(contact->timezone.toUtf8());
    if (zone.isValid()) {
        const QDateTime now = (m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc()).toTimeZone(zone);
        addRow(tr("%1 local time (%2)").arg(TimeText::clock(now.time()), contact->timezone),
               QStringLiteral("customerLocalTime"));
    }

    addSection(QStringLiteral("notes"), tr("Notes"));
    m_notes->showContact(contact->id, conversation->remoteId);
    m_notes->show();
    addToSection(m_notes);

    const QJsonObject attributes = contact->customAttributes;
    if (!attributes.isEmpty()) {
        addSection(QStringLiteral("account"), tr("Account"));
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            if (it.value().isArray() || it.value().isObject())
                continue;
            QString key = it.key();
            key.replace(QLatin1Char('_'), QLatin1Char(' '));
            if (!key.isEmpty())
                key[0] = key[0].toUpper();
            addRow(key + QStringLiteral(": ") + attributeText(it.value()));
        }
        const QJsonArray orders = attributes.value(QStringLiteral("orders")).toArray();
        if (!orders.isEmpty()) {
            addSection(QStringLiteral("orders"), tr("Recent orders"));
            for (const auto &value : orders) {
                const QJsonObject order = value.toObject();
                QStringList parts;
                for (const auto *field : {"id", "item", "status", "date"}) {
                    const QString part = attributeText(order.value(QLatin1String(field)));
                    if (!part.isEmpty())
                        parts.append(part);
                }
                addRow(parts.join(QStringLiteral(" · ")));
            }
        }
    }

    const auto previous = m_cache->conversationsOfContact(contact->id, 20);
    QList<Conversation> rated;
    addSection(QStringLiteral("conversations"), tr("Conversations (%1)").arg(previous.size()));
    m_history->clear();
    for (const auto &other : previous) {
        const int textWidth = std::max(120, width() - 40);
        const QString topic = fontMetrics().elidedText(
            (other.subject.isEmpty() ? other.preview : other.subject).simplified(), Qt::ElideRight, textWidth);
        QString line = QLocale().toString(other.lastActivityAt.toLocalTime().date(), QLocale::ShortFormat)
            + QStringLiteral(" · ") + statusDisplayName(other.status) + QStringLiteral("\n") + topic;
        auto *item = new QListWidgetItem(line, m_history);
        item->setData(Qt::UserRole, other.id);
        if (other.id == conversationId) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
        if (other.csatRating > 0)
            rated.append(other);
    }
    int listHeight = 4;
    for (int row = 0; row < std::min(6, m_history->count()); ++row)
        listHeight += m_history->sizeHintForRow(row);
    m_history->setFixedHeight(listHeight);
    m_history->show();
    addToSection(m_history);

    addSection(QStringLiteral("satisfaction"), tr("Satisfaction"));
    if (rated.isEmpty())
        addRow(tr("No ratings yet."));
    for (const auto &other : std::as_const(rated)) {
        QString line = stars(other.csatRating);
        if (!other.csatComment.isEmpty())
            line += QStringLiteral(" “") + other.csatComment + QStringLiteral("”");
        addRow(line);
    }
    m_content->addStretch();
}

} // namespace Counterpart::Ui
