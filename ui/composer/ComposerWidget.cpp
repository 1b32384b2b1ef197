#include "ComposerWidget.h"

#include "AttachmentList.h"
#include "ComposerChannelBar.h"
#include "DraftsDialog.h"
#include "MentionCompleter.h"
#include "NewMessagesDialog.h"
#include "RecipientFields.h"
#include "common/ActionRegistry.h"
#include "common/Theme.h"
#include "compose/DraftAutosaver.h"
#include "compose/TemplateEngine.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "sync/OutboxStore.h"
#include "sync/SyncEngine.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>

namespace Counterpart::Ui {

using Domain::ChannelKind;
using Sync::OutboxOperation;

ComposerWidget::ComposerWidget(const Services &services, ActionRegistry *actions, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_actions(actions)
    , m_autosaver(new Compose::DraftAutosaver(services.workspace, this))
    , m_replyButton(new QToolButton(this))
    , m_noteButton(new QToolButton(this))
    , m_draftsButton(new QToolButton(this))
    , m_recipients(new RecipientFields(this))
    , m_editor(new QPlainTextEdit(this))
    , m_mentions(new MentionCompleter(m_editor, this))
    , m_channelBar(new ComposerChannelBar(this))
    , m_attachments(new AttachmentList(this))
    , m_status(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry failed"), this))
    , m_send(new QPushButton(tr("Send"), this))
{
    setObjectName(QStringLiteral("composer"));
    setAccessibleName(tr("Composer"));
    m_replyButton->setObjectName(QStringLiteral("composerReplyMode"));
    m_replyButton->setText(tr("Reply"));
    m_replyButton->setAccessibleName(tr("Reply to the customer"));
    m_replyButton->setToolTip(tr("Reply to the customer (R)"));
    m_noteButton->setObjectName(QStringLiteral("composerNoteMode"));
    m_noteButton->setText(tr("Private note"));
    m_noteButton->setAccessibleName(tr("Private note for agents"));
    m_noteButton->setToolTip(tr("Private note, only agents see it (N)"));
    for (QToolButton *button : {m_replyButton, m_noteButton}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    m_draftsButton->setObjectName(QStringLiteral("composerDrafts"));
    m_draftsButton->setAccessibleName(tr("All drafts"));
    m_draftsButton->setAutoRaise(true);
    m_editor->setObjectName(QStringLiteral("composerEditor"));
    m_editor->setAccessibleName(tr("Message"));
    m_editor->setTabChangesFocus(true);
    m_editor->setMinimumHeight(60);
    m_editor->setMaximumHeight(170);
    m_editor->installEventFilter(this);
    m_status->setObjectName(QStringLiteral("composerStatus"));
    m_status->setAccessibleName(tr("Draft and sending status"));
    QPalette muted = m_status->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedText(muted));
    m_status->setPalette(muted);
    m_retry->setObjectName(QStringLiteral("composerRetry"));
    m_retry->setAccessibleName(tr("Retry the messages that failed to send"));
    m_retry->hide();
    m_send->setObjectName(QStringLiteral("composerSend"));
    m_send->setAccessibleName(tr("Send"));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));

    auto *top = new QHBoxLayout;
    top->setSpacing(2);
    top->addWidget(m_replyButton);
    top->addWidget(m_noteButton);
    top->addStretch(1);
    top->addWidget(m_draftsButton);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_attachments, 1);
    bottom->addWidget(m_status);
    bottom->addWidget(m_retry);
    bottom->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_recipients);
    layout->addWidget(m_editor);
    layout->addWidget(m_channelBar);
    layout->addLayout(bottom);

    if (m_services.cache) {
        QStringList agents;
        for (const Domain::Agent &agent : m_services.cache->agents())
            agents.append(agent.name);
        agents.removeDuplicates();
        m_mentions->setAgents(agents);
    }

    connect(m_replyButton, &QToolButton::clicked, this, [this] { setMode(Mode::Reply); });
    connect(m_noteButton, &QToolButton::clicked, this, [this] { setMode(Mode::Note); });
    connect(m_draftsButton, &QToolButton::clicked, this, &ComposerWidget::showDrafts);
    connect(m_send, &QPushButton::clicked, this, &ComposerWidget::send);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ComposerWidget::onChanged);
    connect(m_recipients, &RecipientFields::changed, this, &ComposerWidget::onChanged);
    connect(m_autosaver, &Compose::DraftAutosaver::saved, this, [this] { m_status->setText(tr("Draft saved")); });
    connect(m_autosaver, &Compose::DraftAutosaver::saveFailed, this,
            [this] { m_status->setText(tr("⚠ The draft could not be saved")); });
    if (m_services.workspace)
        connect(m_services.workspace, &Storage::WorkspaceStore::draftsChanged, this, &ComposerWidget::updateChrome);
    if (m_services.outbox) {
        connect(m_services.outbox, &Sync::OutboxStore::operationChanged, this, &ComposerWidget::refreshFailed);
    }
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (!m_services.outbox || !m_key.isValid())
            return;
        for (const OutboxOperation &operation : m_services.outbox->pendingForConversation(m_key.sourceUid, m_key.remoteId)) {
            if (operation.state != OutboxOperation::State::Failed)
                continue;
            if (m_services.sync)
                m_services.sync->retryOperation(operation.id);
            else
                m_services.outbox->retry(operation.id);
        }
    });
    if (actions)
        registerCommands(actions);
    setEnabled(false);
    updateChrome();
}

ComposerWidget::~ComposerWidget()
{
    m_autosaver->flush();
}

void ComposerWidget::registerCommands(ActionRegistry *actions)
{
    const QString category = tr("Composer");
    actions->add({QStringLiteral("composer.reply"), tr("Reply"), category, {QKeySequence(Qt::Key_R)}}, [this] {
        setMode(Mode::Reply);
        m_editor->setFocus();
    });
    actions->add({QStringLiteral("composer.note"), tr("Private note"), category, {QKeySequence(Qt::Key_N)}}, [this] {
        setMode(Mode::Note);
        m_editor->setFocus();
    });
    actions->add({QStringLiteral("composer.send"), tr("Send"), category,
                  {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}},
                 [this] { send(); });
    actions->add({QStringLiteral("composer.drafts"), tr("All drafts"), category,
                  {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)}},
                 [this] { showDrafts(); });
}

void ComposerWidget::setNow(const QDateTime &now)
{
    m_now = now;
    m_channelBar->setNow(now);
    updateChrome();
}

QDateTime ComposerWidget::now() const { return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(); }

void ComposerWidget::showConversation(qint64 conversationId)
{
    // The pending draft belongs to the conversation being left: write it under that key now.
    m_autosaver->flush();
    m_conversationId = conversationId;
    m_key = Compose::ConversationLocator::keyOf(m_services.cache, conversationId);
    m_channel = ChannelKind::Email;
    m_conversationSubject.clear();
    m_templateSubject.clear();
    m_seenIncomingId = 0;
    QDateTime lastCustomer;
    if (const auto conversation = conversationId ? m_services.cache->conversation(conversationId) : std::nullopt) {
        m_conversationSubject = conversation->subject;
        for (const Domain::Inbox &inbox : m_services.cache->inboxes()) {
            if (inbox.id == conversation->inboxId)
                m_channel = inbox.channel;
        }
        for (const Domain::Message &message : m_services.cache->messages(conversationId, 50)) {
            if (message.kind == Domain::MessageKind::Incoming) {
                m_seenIncomingId = std::max(m_seenIncomingId, message.id);
                lastCustomer = message.createdAt;
            }
        }
    }
    m_channelBar->setChannel(m_channel, lastCustomer);
    m_mode = Mode::Reply;
    setEnabled(m_key.isValid());
    loadDraft();
    refreshFailed();
}

void ComposerWidget::setMode(Mode mode)
{
    if (mode == m_mode) {
        updateChrome();
        return;
    }
    m_autosaver->flush();
    m_mode = mode;
    loadDraft();
}

void ComposerWidget::loadDraft()
{
    m_loading = true;
    std::optional<Storage::Draft> draft;
    if (m_key.isValid() && m_services.workspace)
        draft = m_services.workspace->draft(m_key.sourceUid, m_key.remoteId, modeKey());
    m_editor->setPlainText(draft ? draft->body : QString());
    m_editor->moveCursor(QTextCursor::End);
    if (draft && !(draft->subject.isEmpty() && draft->cc.isEmpty() && draft->bcc.isEmpty()))
        m_recipients->setValues(draft->subject, draft->cc, draft->bcc);
    else
        m_recipients->setValues(m_conversationSubject, QString(), QString());
    m_attachments->clear();
    m_status->setText(draft ? tr("Draft restored") : QString());
    m_loading = false;
    updateChrome();
}

QString ComposerWidget::subject() const { return m_recipients->subject(); }

void ComposerWidget::offerSubject(const QString &subject)
{
    if (m_mode != Mode::Reply || m_channel != ChannelKind::Email || !m_key.isValid())
        return;
    const QString current = m_recipients->subject();
    // The conversation's subject and a template's are defaults; a subject typed by hand stays.
    if (!current.trimmed().isEmpty() && current != m_conversationSubject && current != m_templateSubject)
        return;
    m_templateSubject = subject;
    m_recipients->setValues(subject, m_recipients->cc(), m_recipients->bcc());
    onChanged(); // the draft keeps the new subject
}

void ComposerWidget::onChanged()
{
    m_channelBar->updateText(m_editor->toPlainText());
    if (m_loading || !m_key.isValid())
        return;
    Storage::Draft draft;
    draft.sourceUid = m_key.sourceUid;
    draft.conversationRemoteId = m_key.remoteId;
    draft.mode = modeKey();
    draft.body = m_editor->toPlainText();
    const bool email = m_channel == ChannelKind::Email && m_mode == Mode::Reply;
    // The conversation's own subject is the default, not something the agent typed.
    if (email && (m_recipients->subject() != m_conversationSubject || !m_recipients->cc().isEmpty()
                  || !m_recipients->bcc().isEmpty())) {
        draft.subject = m_recipients->subject();
        draft.cc = m_recipients->cc();
        draft.bcc = m_recipients->bcc();
    }
    draft.updatedAt = QDateTime::currentDateTimeUtc();
    m_autosaver->schedule(draft);
    m_status->setText(tr("Editing…"));
}

void ComposerWidget::updateChrome()
{
    const bool note = m_mode == Mode::Note;
    m_replyButton->setChecked(!note);
    m_noteButton->setChecked(note);
    m_recipients->setVisible(!note && m_channel == ChannelKind::Email);
    m_mentions->setEnabled(note);
    m_attachments->setVisible(!note);
    m_channelBar->setNote(note);
    m_channelBar->updateText(m_editor->toPlainText());
    m_editor->setPlaceholderText(note ? tr("Private note — type @ to mention an agent. Ctrl+Enter adds it.")
                                      : tr("Reply to the customer. Ctrl+Enter sends, Esc returns to the list."));
    QPalette palette = m_editor->palette();
    palette.setColor(QPalette::Base, note ? Theme::noteBubble(QWidget::palette()) : QWidget::palette().color(QPalette::Base));
    m_editor->setPalette(palette);
    m_send->setText(note ? tr("Add note") : tr("Send"));
    const int drafts = m_services.workspace ? int(m_services.workspace->drafts().size()) : 0;
    m_draftsButton->setText(tr("Drafts (%1)").arg(drafts));
}

void ComposerWidget::refreshFailed()
{
    bool failed = false;
    if (m_services.outbox && m_key.isValid()) {
        for (const OutboxOperation &operation : m_services.outbox->pendingForConversation(m_key.sourceUid, m_key.remoteId))
            failed = failed || operation.state == OutboxOperation::State::Failed;
    }
    m_retry->setVisible(failed);
}

void ComposerWidget::showDrafts()
{
    m_autosaver->flush();
    DraftsDialog dialog(m_services.cache, m_services.workspace, this);
    if (dialog.exec() != QDialog::Accepted || dialog.chosenConversation() == 0)
        return;
    if (dialog.chosenConversation() != m_conversationId)
        emit openConversationRequested(dialog.chosenConversation());
    if (dialog.chosenConversation() != m_conversationId)
        showConversation(dialog.chosenConversation()); // nobody opened it for us
    setMode(dialog.chosenMode() == QLatin1String("note") ? Mode::Note : Mode::Reply);
    m_editor->setFocus();
}

QList<Domain::Message> ComposerWidget::newCustomerMessages() const
{
    QList<Domain::Message> fresh;
    if (m_conversationId == 0)
        return fresh;
    for (const Domain::Message &message : m_services.cache->messages(m_conversationId, 50)) {
        if (message.kind == Domain::MessageKind::Incoming && message.id > m_seenIncomingId)
            fresh.append(message);
    }
    return fresh;
}

bool ComposerWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && !m_mentions->completer()->popup()->isVisible() && m_actions) {
            m_autosaver->flush();
            m_actions->trigger(QStringLiteral("focus.list"));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool ComposerWidget::confirmPreSend(const Compose::PreSendReport &report)
{
    const auto lines = [](const QList<Compose::PreSendProblem> &problems) {
        QStringList text;
        for (const Compose::PreSendProblem &problem : problems)
            text.append(QStringLiteral("• ") + problem.message);
        return text.join(QLatin1Char('\n'));
    };
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("preSendDialog"));
    box.setWindowTitle(tr("Before sending"));
    if (report.isBlocked()) {
        box.setIcon(QMessageBox::Warning);
        box.setText(tr("This message cannot be sent yet:"));
        box.setInformativeText(lines(report.at(Compose::PreSendLevel::Block)));
        box.setStandardButtons(QMessageBox::Ok);
        box.exec();
        return false;
    }
    if (!report.needsConfirmation())
        return true;
    box.setIcon(QMessageBox::Question);
    box.setText(tr("Please check before sending:"));
    box.setInformativeText(lines(report.at(Compose::PreSendLevel::Confirm)));
    QPushButton *sendAnyway = box.addButton(tr("Send anyway"), QMessageBox::AcceptRole);
    sendAnyway->setObjectName(QStringLiteral("preSendSendAnyway"));
    QPushButton *back = box.addButton(tr("Keep editing"), QMessageBox::RejectRole);
    back->setObjectName(QStringLiteral("preSendKeepEditing"));
    box.setDefaultButton(back);
    box.exec();
    return box.clickedButton() == sendAnyway;
}

qint64 ComposerWidget::send()
{
    if (!m_key.isValid() || !m_services.outbox)
        return 0;
    const bool note = m_mode == Mode::Note;
    const QString text = m_editor->toPlainText();

    Compose::PreSendInput input;
    input.draft = text.trimmed();
    input.now = now();
    const QList<Domain::Message> fresh = note ? QList<Domain::Message>() : newCustomerMessages();
    // A note never reaches the customer: no channel rule applies, so it is checked as a plain API message.
    input.channel = note ? ChannelKind::Api : m_channel;
    for (const Domain::Message &message : m_services.cache->messages(m_conversationId, 50)) {
        if (message.kind == Domain::MessageKind::Incoming)
            input.lastCustomerMessageAt = message.createdAt;
    }
    input.newCustomerMessages = int(fresh.size());
    if (!note && m_channel == ChannelKind::Email)
        input.undefinedVariables = Compose::TemplateEngine::unresolvedIn(m_recipients->subject());
    if (m_preSendHook)
        m_preSendHook(input);
    Compose::PreSendReport report = Compose::PreSendCheck::run(input);
    const int limit = note ? 0 : ComposerChannelBar::lengthLimit(m_channel);
    if (limit > 0 && text.size() > limit)
        report.problems.prepend({Compose::PreSendIssue::EmptyDraft, Compose::PreSendLevel::Block,
                                 tr("%1 accepts at most %2 characters in one message.")
                                     .arg(Domain::channelDisplayName(m_channel))
                                     .arg(limit),
                                 {}});

    if (!report.isBlocked() && report.has(Compose::PreSendIssue::NewCustomerMessages)) {
        NewMessagesDialog dialog(fresh, this);
        if (dialog.exec() != QDialog::Accepted) {
            m_status->setText(tr("Not sent: read the new messages first"));
            return 0;
        }
        for (const Domain::Message &message : fresh)
            m_seenIncomingId = std::max(m_seenIncomingId, message.id);
        report.problems.removeIf([](const Compose::PreSendProblem &problem) {
            return problem.issue == Compose::PreSendIssue::NewCustomerMessages;
        });
    }
    if (!confirmPreSend(report))
        return 0;

    OutboxOperation operation;
    operation.sourceUid = m_key.sourceUid;
    operation.conversationRemoteId = m_key.remoteId;
    operation.kind = note ? OutboxOperation::Kind::Note : OutboxOperation::Kind::Reply;
    operation.payload.insert(QStringLiteral("content"), text.trimmed());
    if (!note && m_channel == ChannelKind::Email) {
        operation.payload.insert(QStringLiteral("subject"), m_recipients->subject());
        operation.payload.insert(QStringLiteral("cc"), m_recipients->cc());
        operation.payload.insert(QStringLiteral("bcc"), m_recipients->bcc());
    }
    if (!note && !m_attachments->files().isEmpty())
        operation.payload.insert(QStringLiteral("attachments"), QJsonArray::fromStringList(m_attachments->files()));
    const qint64 id = m_services.sync ? m_services.sync->enqueue(operation) : m_services.outbox->enqueue(operation);
    if (id == 0) {
        m_status->setText(tr("⚠ Could not queue the message: %1").arg(m_services.outbox->errorString()));
        return 0;
    }
    // Only now is the draft obsolete: until the outbox holds the message it is the agent's only copy.
    m_autosaver->cancel();
    if (m_services.workspace)
        m_services.workspace->deleteDraft(m_key.sourceUid, m_key.remoteId, modeKey());
    m_loading = true;
    m_editor->clear();
    m_recipients->setValues(m_conversationSubject, QString(), QString());
    m_templateSubject.clear();
    m_attachments->clear();
    m_loading = false;
    const QList<Compose::PreSendProblem> warnings = report.at(Compose::PreSendLevel::Warn);
    m_status->setText(m_services.sync ? tr("Sending…") : tr("Queued: it goes out when the connection is back"));
    if (!warnings.isEmpty())
        m_status->setText(m_status->text() + QStringLiteral(" · ") + warnings.constFirst().message);
    updateChrome();
    emit sent(id);
    return id;
}

} // namespace Counterpart::Ui
