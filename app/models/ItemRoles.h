#pragma once

#include <Qt>

namespace Counterpart::Models {

/** Every custom role of every model, in one place: delegates read only these. */
namespace Roles {
enum : int {
    // ConversationListModel
    ConversationId = Qt::UserRole + 1,
    CustomerName,
    ChannelKey,       ///< QString, Domain::channelKey()
    InboxName,
    Subject,
    Preview,
    LastActivity,     ///< QDateTime (UTC)
    StatusKey,        ///< "open", "pending", "snoozed", "resolved"
    PriorityLevel,    ///< int, Domain::Priority
    UnreadCount,
    AssigneeName,
    WaitingSince,     ///< QDateTime or invalid
    LanguageCode,
    LabelList,        ///< QStringList
    SourceUid,
    RemoteId,

    // ViewListModel
    ViewKey = Qt::UserRole + 100, ///< QString: "all", "mine", "unassigned", "channel:email" ...
    ViewCount,                    ///< int
    ViewIsSection,                ///< bool: a heading row, not selectable

    // MessageListModel
    MessageId = Qt::UserRole + 200,
    MessageKindKey,   ///< "incoming", "outgoing", "note", "activity"
    SenderName,
    MessageText,
    MessageHtml,
    MessageTime,      ///< QDateTime (UTC)
    Attachments,      ///< QVariantList of QVariantMap{name,type,size,duration}
    DeliveryKey,      ///< "sent", "delivered", "read", "failed", "pending"
    MessageSubject,   ///< QString: the conversation's subject on email messages, else empty

    // SearchResultModel (also ConversationId, CustomerName, ChannelKey, StatusKey)
    SearchHitKindKey = Qt::UserRole + 700, ///< "message" or "contact"
    SearchSnippet,     ///< QString: plain original text around the first match
    SearchHighlights,  ///< QVariantList of QPoint(start, length) into SearchSnippet
    SearchTime,        ///< QDateTime (UTC): the message's time, or the contact's last activity
    SearchContactId,   ///< qint64
    SearchMessageId,   ///< qint64, 0 for contacts

    // ConversationListModel: first-response SLA (Metrics::Sla)
    SlaState = Qt::UserRole + 800, ///< int, Metrics::Sla::State
    SlaDueAt,                      ///< QDateTime (UTC) or invalid
    WaitingText,                   ///< QString: "12 min", "3 h 05 min"; empty when not waiting

    // MessageListModel, continued
    MessageRemoteId = Qt::UserRole + 900, ///< qint64: the server's id (annotations pin to it)

    // ReviewQueueModel (also ConversationId, CustomerName, AssigneeName, ChannelKey, Subject,
    // LastActivity, SourceUid, RemoteId)
    CsatRating = Qt::UserRole + 1000, ///< int 1-5, 0 when not rated
    ReviewScore,                      ///< double 0-100, -1 when not reviewed

    // AnnotationListModel
    AnnotationId = Qt::UserRole + 1100, ///< qint64
    AnnotationKindKey,                  ///< "comment", "praise", "coaching"
    AnnotationText,
    AnnotationMessageRemoteId,          ///< qint64
    AnnotationTime,                     ///< QDateTime (UTC)

    // MetricTableModel
    MetricValue = Qt::UserRole + 1200, ///< the raw cell value (sorting, charts, CSV)
    MetricCellShare,                   ///< double 0-1: the cell against the table's largest number (heatmaps)

    // AgentReviewSummaryModel
    AgentReviewTrend = Qt::UserRole + 1300, ///< QVariantList of double: weekly averages, oldest first (-1: none)
    AgentReviewCount,                        ///< int
    AgentReviewAverage,                      ///< double 0-100

    // ContactNotesModel (Qt::DisplayRole is the note's text)
    NoteAuthor = Qt::UserRole + 1400, ///< QString: the agent who wrote it ("" when unknown)
    NoteTime,                          ///< QDateTime (UTC): written, or queued when pending
    NoteStateKey,                      ///< "stored", or the outbox state: "queued", "sending", "failed"
    NoteError,                         ///< QString: why a failed note was not saved
    NoteOutboxId,                      ///< qint64: the outbox operation of a pending note, else 0
};
} // namespace Roles

} // namespace Counterpart::Models
