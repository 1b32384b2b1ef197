#pragma once

#include "Services.h"
#include "compose/ConversationLocator.h"
#include "compose/PreSendCheck.h"
#include "domain/Entities.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace Counterpart::Compose {
class DraftAutosaver;
}

namespace Counterpart::Ui {

class ActionRegistry;
class AttachmentList;
class ComposerChannelBar;
class MentionCompleter;
class RecipientFields;

/**
 * Under the transcript: the agent's reply or private note to the open conversation. Drafts save
 * themselves (DraftAutosaver) per conversation and mode; Send runs the pre-send check, asks when
 * the customer wrote meanwhile, and puts the message in the outbox, which works offline.
 *
 * Other features add to it through editor() (templates insert text, the tone and LATTE panels
 * read it) and setPreSendInputHook() (their findings join the pre-send report).
 */
class ComposerWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Reply, Note };

    /** Registers "composer.reply" (R), "composer.note" (N), "composer.send" (Ctrl+Enter) and "composer.drafts". */
    ComposerWidget(const Services &services, ActionRegistry *actions, QWidget *parent = nullptr);
    ~ComposerWidget() override;

    QPlainTextEdit *editor() const { return m_editor; }
    Compose::DraftAutosaver *autosaver() const { return m_autosaver; }
    ComposerChannelBar *channelBar() const { return m_channelBar; }

    using PreSendInputHook = std::function<void(Compose::PreSendInput &)>;
    /** Called with the filled input right before PreSendCheck runs; may add findings. */
    void setPreSendInputHook(PreSendInputHook hook) { m_preSendHook = std::move(hook); }
    /** Pinned clock for tests and screenshots; invalid = real time. */
    void setNow(const QDateTime &now);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    qint64 conversationId() const { return m_conversationId; }
    /** Queues the message; returns the outbox id, 0 when nothing was sent (blocked, cancelled, empty). */
    qint64 send();

    /** The e-mail subject a template suggests: taken unless the agent wrote a subject of their
     *  own; ignored where the reply has no subject (chat, notes). */
    void offerSubject(const QString &subject);
    QString subject() const;

public slots:
    void showConversation(qint64 conversationId);
    void showDrafts();

signals:
    /** A reply or note went into the outbox. */
    void sent(qint64 outboxId);
    /** The agent picked a draft of another conversation in the drafts list. */
    void openConversationRequested(qint64 conversationId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void registerCommands(ActionRegistry *actions);
    void loadDraft();
    void onChanged();
    void updateChrome();
    void refreshFailed();
    QDateTime now() const;
    QString modeKey() const { return m_mode == Mode::Note ? QStringLiteral("note") : QStringLiteral("reply"); }
    QList<Domain::Message> newCustomerMessages() const;
    bool confirmPreSend(const Compose::PreSendReport &report);

    Services m_services;
    ActionRegistry *m_actions;
    Compose::DraftAutosaver *m_autosaver;
    PreSendInputHook m_preSendHook;
    QDateTime m_now;

    QToolButton *m_replyButton;
    QToolButton *m_noteButton;
    QToolButton *m_draftsButton;
    RecipientFields *m_recipients;
    QPlainTextEdit *m_editor;
    MentionCompleter *m_mentions;
    ComposerChannelBar *m_channelBar;
    AttachmentList *m_attachments;
    QLabel *m_status;
    QPushButton *m_retry;
    QPushButton *m_send;

    qint64 m_conversationId = 0;
    Compose::ConversationLocator::Key m_key;
    Domain::ChannelKind m_channel = Domain::ChannelKind::Email;
    QString m_conversationSubject;
    QString m_templateSubject; ///< the last subject a template put in, still the agent's to replace
    qint64 m_seenIncomingId = 0; ///< newest customer message when the agent opened the conversation
    Mode m_mode = Mode::Reply;
    bool m_loading = false;
};

} // namespace Counterpart::Ui
