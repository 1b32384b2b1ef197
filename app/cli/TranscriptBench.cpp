#include "TranscriptBench.h"

#include "BenchStats.h"
#include "compose/EmailText.h"
#include "models/ItemRoles.h"
#include "models/MessageListModel.h"
#include "storage/CacheStore.h"

#include <QElapsedTimer>
#include <QSqlQuery>

namespace Counterpart::Cli {

namespace {

namespace Roles = Models::Roles;

constexpr int kVisibleRows = 30;
constexpr int kRuns = 11;

double msSince(const QElapsedTimer &timer) { return double(timer.nsecsElapsed()) / 1e6; }

// What a QListView with MessageItemDelegate asks of the rows it shows (sizeHint and paint read
// the same roles, so once each is the floor; the delegate caches the email split per message).
qint64 readVisibleRows(const Models::MessageListModel &model)
{
    static const int roles[] = {Roles::MessageId, Roles::MessageKindKey, Roles::SenderName, Roles::MessageText,
                                Roles::MessageHtml, Roles::MessageTime, Roles::Attachments, Roles::DeliveryKey,
                                Roles::MessageSubject, Qt::AccessibleTextRole};
    qint64 touched = 0;
    const int rows = model.rowCount();
    for (int row = std::max(0, rows - kVisibleRows); row < rows; ++row) {
        const QModelIndex index = model.index(row);
        for (const int role : roles)
            touched += index.data(role).isValid() ? 1 : 0;
        const QString html = index.data(Roles::MessageHtml).toString();
        if (!html.isEmpty())
            touched += Compose::EmailText::splitHtml(html).quotedLines;
    }
    return touched;
}

void bareMessages(const QSqlDatabase &db, qint64 conversationId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, kind, sender_name, text, html, attachments, created_at, delivery"
                                 " FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT 50"));
    query.addBindValue(conversationId);
    query.exec();
    while (query.next()) {
        for (int column = 0; column < 8; ++column)
            query.value(column);
    }
}

void bareSidebar(const QSqlDatabase &db, qint64 conversationId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT c.*, k.* FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = ?"));
    query.addBindValue(conversationId);
    query.exec();
    qint64 contactId = 0;
    if (query.next())
        contactId = query.value(QStringLiteral("contact_id")).toLongLong();
    QSqlQuery others(db);
    others.prepare(QStringLiteral("SELECT * FROM conversations WHERE contact_id = ? ORDER BY last_activity_at DESC LIMIT 20"));
    others.addBindValue(contactId);
    others.exec();
    while (others.next()) {
    }
}

} // namespace

QJsonObject benchTranscript(Storage::CacheStore &cache)
{
    QJsonObject result;
    const QSqlDatabase db = cache.connection();
    QSqlQuery longest(db);
    longest.exec(QStringLiteral("SELECT conversation_id, count(*) AS n FROM messages GROUP BY conversation_id"
                                " ORDER BY n DESC LIMIT 1"));
    if (!longest.next())
        return result;
    const qint64 longId = longest.value(0).toLongLong();
    result.insert(QStringLiteral("open_conversation_messages"), longest.value(1).toLongLong());

    QList<qint64> recent;
    QSqlQuery list(db);
    list.exec(QStringLiteral("SELECT id FROM conversations ORDER BY last_activity_at DESC, id DESC LIMIT 20"));
    while (list.next())
        recent.append(list.value(0).toLongLong());

    Models::MessageListModel model(&cache);
    qint64 sink = 0;
    QList<double> openSamples;
    QList<double> openReference;
    for (int run = 0; run < kRuns; ++run) {
        model.setConversation(recent.value(run % std::max<qsizetype>(1, recent.size())));
        QElapsedTimer timer;
        timer.start();
        model.setConversation(longId);
        sink += readVisibleRows(model);
        openSamples.append(msSince(timer));
        timer.restart();
        bareMessages(db, longId);
        openReference.append(msSince(timer));
    }

    QList<double> switchSamples;
    QList<double> switchReference;
    for (int round = 0; round < 3; ++round) {
        for (const qint64 id : std::as_const(recent)) {
            QElapsedTimer timer;
            timer.start();
            model.setConversation(id);
            sink += readVisibleRows(model);
            if (const auto conversation = cache.conversation(id)) {
                if (const auto contact = cache.contact(conversation->contactId))
                    sink += contact->name.size();
                sink += cache.conversationsOfContact(conversation->contactId, 20).size();
            }
            switchSamples.append(msSince(timer));
            timer.restart();
            bareMessages(db, id);
            bareSidebar(db, id);
            switchReference.append(msSince(timer));
        }
    }
    result.insert(QStringLiteral("open_conversation_ms"), BenchStats::median(openSamples));
    result.insert(QStringLiteral("open_conversation_ref_ms"), BenchStats::median(openReference));
    result.insert(QStringLiteral("switch_conversation_ms"), BenchStats::median(switchSamples));
    result.insert(QStringLiteral("switch_conversation_ref_ms"), BenchStats::median(switchReference));
    result.insert(QStringLiteral("switch_conversation_p95_ms"), BenchStats::percentile(switchSamples, 0.95));
    // Keeps the reads from being optimised away; never zero on a non-empty workspace.
    result.insert(QStringLiteral("transcript_values_read"), sink);
    return result;
}

} // namespace Counterpart::Cli
