#include "connectors/demo/DemoCorpus.h"
#include "connectors/demo/DemoGenerator.h"
#include "storage/CacheStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Connectors::Demo;
using namespace Counterpart::Domain;

namespace {

const QDateTime kNow(QDate(2025, 3, 14), QTime(10, 0), Qt::UTC);

DemoOptions options(int conversations, quint64 seed = 42)
{
    DemoOptions o;
    o.conversations = conversations;
    o.seed = seed;
    o.now = kNow;
    o.batchConversations = 200;
    return o;
}

// Every field of a page, in order, so that two runs can be compared byte for byte.
void digest(QCryptographicHash &hash, const Storage::IngestBatch &b)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    for (const Inbox &i : b.inboxes)
        s << i.remoteId << i.name << channelKey(i.channel) << i.timezone << i.address;
    for (const Agent &a : b.agents)
        s << a.remoteId << a.name << a.email << a.role << a.availability;
    for (const Team &t : b.teams)
        s << t.remoteId << t.name;
    for (const Label &l : b.labels)
        s << l.remoteId << l.title << l.description << l.color;
    for (const Contact &c : b.contacts)
        s << c.remoteId << c.name << c.email << c.phone << c.language << c.timezone << c.location
          << c.company << QJsonDocument(c.customAttributes).toJson() << c.createdAt << c.lastActivityAt;
    for (const Conversation &c : b.conversations)
        s << c.remoteId << c.inboxId << c.contactId << c.assigneeId << c.teamId << int(c.status)
          << int(c.priority) << c.subject << c.labels << c.unreadCount << c.createdAt
          << c.lastActivityAt << c.waitingSince << c.firstReplyAt << c.snoozedUntil << c.csatRating
          << c.csatComment << QJsonDocument(c.customAttributes).toJson();
    for (const Message &m : b.messages)
        s << m.remoteId << m.conversationId << int(m.kind) << int(m.senderKind) << m.senderId
          << m.senderName << m.text << m.html << QJsonDocument(attachmentsToJson(m.attachments)).toJson()
          << m.createdAt << int(m.delivery);
    hash.addData(out);
}

QByteArray fingerprint(const DemoOptions &o)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    DemoGenerator(o).generate([&](const Storage::IngestBatch &b) {
        digest(hash, b);
        return true;
    });
    return hash.result();
}

/** Everything generated, kept for assertions (fine for the few thousand conversations here). */
struct Workspace
{
    QList<Storage::IngestBatch> pages;
    QList<Conversation> conversations;
    QHash<qint64, QList<Message>> messages; // by conversation remote id
    QHash<qint64, Contact> contacts;
    QHash<qint64, Inbox> inboxes;
    QStringList labels;
    qint64 messageCount = 0;
};

Workspace collect(const DemoOptions &o)
{
    Workspace w;
    DemoGenerator(o).generate([&](const Storage::IngestBatch &b) {
        w.pages.append(b);
        for (const Inbox &i : b.inboxes)
            w.inboxes.insert(i.remoteId, i);
        for (const Label &l : b.labels)
            w.labels.append(l.title);
        for (const Contact &c : b.contacts)
            w.contacts.insert(c.remoteId, c);
        w.conversations.append(b.conversations);
        for (const Message &m : b.messages)
            w.messages[m.conversationId].append(m);
        w.messageCount += b.messages.size();
        return true;
    });
    return w;
}

const Workspace &workspace1200()
{
    static const Workspace w = collect(options(1200));
    return w;
}

} // namespace

class TestDemoGenerator : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameWorkspace()
    {
        QCOMPARE(fingerprint(options(300, 7)), fingerprint(options(300, 7)));
        QVERIFY(fingerprint(options(300, 7)) != fingerprint(options(300, 8)));
    }

    void sourceAndMe()
    {
        DemoGenerator generator(options(10));
        QCOMPARE(generator.source().uid, QStringLiteral("demo"));
        QCOMPARE(generator.source().kind, QStringLiteral("demo"));
        QCOMPARE(generator.source().name, QStringLiteral("Demo workspace"));
        const auto &first = workspace1200().pages.first();
        QVERIFY(first.conversations.isEmpty());
        QVERIFY(std::any_of(first.agents.begin(), first.agents.end(), [&](const Agent &a) {
            return a.remoteId == generator.meAgentRemoteId();
        }));
        QVERIFY(first.agents.size() >= 10);
        QCOMPARE(first.teams.size(), 3);
    }

    void exactCountsAndPages()
    {
        const Workspace &w = workspace1200();
        QCOMPARE(w.conversations.size(), 1200);
        for (qsizetype i = 1; i < w.pages.size(); ++i)
            QVERIFY(w.pages.at(i).conversations.size() <= 200);
        // ~10 messages a conversation, besides the long thread.
        const double average = double(w.messageCount - DemoGenerator::kLongThreadMessages) / 1199.0;
        QVERIFY2(average > 7.5 && average < 12.5, qPrintable(QString::number(average)));
    }

    void everyChannelKindIsUsed()
    {
        const Workspace &w = workspace1200();
        QSet<ChannelKind> used;
        for (const Conversation &c : w.conversations)
            used.insert(w.inboxes.value(c.inboxId).channel);
        for (const ChannelKind kind : allChannels())
            QVERIFY2(used.contains(kind), qPrintable(channelKey(kind)));
    }

    void everyLabelSaysWhyPeopleWrote()
    {
        const Workspace &w = workspace1200();
        QCOMPARE(w.labels.size(), 15);
        QSet<QString> used;
        for (const Conversation &c : w.conversations) {
            for (const QString &label : c.labels)
                used.insert(label);
        }
        for (const QString &label : w.labels)
            QVERIFY2(used.contains(label), qPrintable(label));
    }

    void referencesResolveToEarlierData()
    {
        QSet<qint64> inboxes, agents, teams, contacts, conversations, messages;
        QSet<QString> labels;
        DemoGenerator(options(700)).generate([&](const Storage::IngestBatch &b) {
            for (const Inbox &i : b.inboxes)
                inboxes.insert(i.remoteId);
            for (const Agent &a : b.agents)
                agents.insert(a.remoteId);
            for (const Team &t : b.teams)
                teams.insert(t.remoteId);
            for (const Label &l : b.labels)
                labels.insert(l.title);
            for (const Contact &c : b.contacts)
                contacts.insert(c.remoteId);
            for (const Conversation &c : b.conversations) {
                if (conversations.contains(c.remoteId))
                    qWarning() << "duplicate conversation" << c.remoteId;
                conversations.insert(c.remoteId);
                if (!inboxes.contains(c.inboxId) || !contacts.contains(c.contactId)
                    || (c.assigneeId && !agents.contains(c.assigneeId))
                    || (c.teamId && !teams.contains(c.teamId)))
                    return false;
                for (const QString &label : c.labels) {
                    if (!labels.contains(label))
                        return false;
                }
            }
            for (const Message &m : b.messages) {
                if (!conversations.contains(m.conversationId) || messages.contains(m.remoteId))
                    return false;
                messages.insert(m.remoteId);
                if (m.senderKind == SenderKind::Contact && !contacts.contains(m.senderId))
                    return false;
                if (m.senderKind == SenderKind::Agent && !agents.contains(m.senderId))
                    return false;
            }
            return true;
        });
        QCOMPARE(conversations.size(), 700);
        QVERIFY(!messages.isEmpty());
    }

    void messagesAreChronologicalAndBeforeNow()
    {
        const Workspace &w = workspace1200();
        for (const Conversation &c : w.conversations) {
            const QList<Message> &list = w.messages.value(c.remoteId);
            QVERIFY(!list.isEmpty());
            QVERIFY(list.first().createdAt >= c.createdAt);
            for (qsizetype i = 1; i < list.size(); ++i)
                QVERIFY(list.at(i - 1).createdAt < list.at(i).createdAt);
            QVERIFY(list.last().createdAt < kNow);
            QCOMPARE(c.lastActivityAt, list.last().createdAt);
        }
    }

    void longWhatsAppThreadOnlyInBigWorkspaces()
    {
        const Workspace &w = workspace1200();
        qsizetype longest = 0;
        qint64 longestId = 0;
        for (auto it = w.messages.cbegin(); it != w.messages.cend(); ++it) {
            if (it.value().size() > longest) {
                longest = it.value().size();
                longestId = it.key();
            }
        }
        QCOMPARE(longest, qsizetype(DemoGenerator::kLongThreadMessages));
        const auto thread = std::find_if(w.conversations.begin(), w.conversations.end(),
                                         [&](const Conversation &c) { return c.remoteId == longestId; });
        QCOMPARE(w.inboxes.value(thread->inboxId).channel, ChannelKind::WhatsApp);
        QCOMPARE(thread->status, ConversationStatus::Open);
        QVERIFY(thread->createdAt < kNow.addDays(-90));

        const Workspace small = collect(options(300));
        for (auto it = small.messages.cbegin(); it != small.messages.cend(); ++it)
            QVERIFY(it.value().size() < 100);
    }

    void statusMixLooksLikeARealInbox()
    {
        const Workspace &w = workspace1200();
        QHash<ConversationStatus, int> counts;
        int unassignedOpen = 0, waiting = 0, rated = 0, commented = 0;
        QSet<int> ratings;
        for (const Conversation &c : w.conversations) {
            ++counts[c.status];
            if (c.status == ConversationStatus::Open && c.assigneeId == 0)
                ++unassignedOpen;
            if (c.waitingSince.isValid()) {
                ++waiting;
                QVERIFY(c.status != ConversationStatus::Resolved);
                // The customer spoke last: no agent reply after the waiting started.
                for (const Message &m : w.messages.value(c.remoteId)) {
                    if (m.createdAt >= c.waitingSince && m.kind == MessageKind::Outgoing)
                        QVERIFY(m.senderKind != SenderKind::Agent);
                }
            }
            if (c.status == ConversationStatus::Resolved)
                QVERIFY(c.firstReplyAt.isValid() || w.messages.value(c.remoteId).last().text.contains(QLatin1String("automatically")));
            if (c.csatRating) {
                QVERIFY(c.status == ConversationStatus::Resolved);
                ++rated;
                ratings.insert(c.csatRating);
                commented += c.csatComment.isEmpty() ? 0 : 1;
            }
            if (c.status == ConversationStatus::Snoozed)
                QVERIFY(c.snoozedUntil > kNow);
        }
        QVERIFY(counts.value(ConversationStatus::Resolved) > 1200 * 0.75);
        QVERIFY(counts.value(ConversationStatus::Open) >= 10);
        QVERIFY(counts.value(ConversationStatus::Pending) >= 3);
        QVERIFY(counts.value(ConversationStatus::Snoozed) >= 1);
        QVERIFY(unassignedOpen >= 1);
        QVERIFY(waiting >= 10);
        QVERIFY(rated > 200);
        QVERIFY(commented > 100);
        QCOMPARE(ratings.size(), 5);
    }

    void peakSeasonSurge()
    {
        const Workspace &w = workspace1200();
        int peak = 0, autumn = 0;
        for (const Conversation &c : w.conversations) {
            const QDate d = c.createdAt.date();
            if (d >= QDate(2024, 11, 25) && d <= QDate(2024, 12, 20))
                ++peak; // 26 days
            if (d >= QDate(2024, 9, 2) && d <= QDate(2024, 9, 27))
                ++autumn; // 26 days
        }
        QVERIFY2(peak > 2.5 * autumn, qPrintable(QStringLiteral("%1 vs %2").arg(peak).arg(autumn)));
    }

    void voicemailsAndEmailsLookReal()
    {
        const Workspace &w = workspace1200();
        int voicemails = 0, quotedReplies = 0, pixels = 0, photos = 0, invoices = 0, subjects = 0;
        for (const Conversation &c : w.conversations) {
            const ChannelKind channel = w.inboxes.value(c.inboxId).channel;
            const QList<Message> &list = w.messages.value(c.remoteId);
            if (channel == ChannelKind::Phone) {
                const Message &first = list.first();
                QCOMPARE(first.kind, MessageKind::Incoming);
                QCOMPARE(first.attachments.size(), 1);
                QVERIFY(first.attachments.first().contentType.startsWith(QLatin1String("audio/")));
                QVERIFY(first.attachments.first().durationSeconds > 0);
                QVERIFY(first.text.size() > 40); // the transcript
                ++voicemails;
            }
            if (channel == ChannelKind::Email) {
                subjects += c.subject.isEmpty() ? 0 : 1;
                for (const Message &m : list) {
                    if (m.kind == MessageKind::Incoming || (m.kind == MessageKind::Outgoing && m.senderKind == SenderKind::Agent))
                        QVERIFY(m.html.startsWith(QLatin1String("<div")));
                    quotedReplies += m.html.contains(QLatin1String("<blockquote")) ? 1 : 0;
                    pixels += m.html.contains(QLatin1String("https://tracker.example/pixel.gif")) ? 1 : 0;
                }
            } else {
                QVERIFY(c.subject.isEmpty());
            }
            for (const Message &m : list) {
                for (const Attachment &a : m.attachments) {
                    photos += a.contentType == QLatin1String("image/jpeg") ? 1 : 0;
                    invoices += a.fileName.startsWith(QLatin1String("Invoice-")) ? 1 : 0;
                }
            }
        }
        QVERIFY(voicemails > 10);
        QVERIFY(subjects > 100);
        QVERIFY(quotedReplies > 100);
        QVERIFY(pixels > 0);
        QVERIFY(photos > 20);
        QVERIFY(invoices > 10);
    }

    void repliesVaryInQuality()
    {
        // Team leads review replies: the great ones and the terse or blaming ones must both be there.
        const Workspace &w = workspace1200();
        int terse = 0, blaming = 0, empathetic = 0, notes = 0, activities = 0;
        for (auto it = w.messages.cbegin(); it != w.messages.cend(); ++it) {
            for (const Message &m : it.value()) {
                if (m.kind == MessageKind::Note)
                    ++notes;
                if (m.kind == MessageKind::Activity)
                    activities += m.text.contains(QLatin1String("resolved by")) ? 1 : 0;
                if (m.kind != MessageKind::Outgoing)
                    continue;
                terse += m.text == QLatin1String("Refund processed.") || m.text.startsWith(QLatin1String("Known issue")) ? 1 : 0;
                blaming += m.text.contains(QLatin1String("probably")) || m.text.contains(QLatin1String("You should have")) ? 1 : 0;
                empathetic += m.text.contains(QLatin1String("I'm sorry")) || m.text.contains(QLatin1String("I'm really sorry")) ? 1 : 0;
            }
        }
        QVERIFY(terse > 0);
        QVERIFY(blaming > 0);
        QVERIFY(empathetic > terse);
        QVERIFY(notes > 100);
        QVERIFY(activities > 500);
    }

    void customersHaveOrdersAndHistory()
    {
        const Workspace &w = workspace1200();
        int returning = 0, longNames = 0;
        QHash<qint64, int> perContact;
        for (const Conversation &c : w.conversations)
            ++perContact[c.contactId];
        for (const int count : perContact)
            returning += count > 1 ? 1 : 0;
        for (const Contact &c : w.contacts) {
            const QJsonObject a = c.customAttributes;
            QVERIFY(QStringList({QStringLiteral("Free"), QStringLiteral("Plus"), QStringLiteral("Business")})
                        .contains(a.value(QStringLiteral("plan")).toString()));
            QVERIFY(!a.value(QStringLiteral("orders")).toArray().isEmpty());
            const QJsonObject order = a.value(QStringLiteral("orders")).toArray().first().toObject();
            QVERIFY(order.value(QStringLiteral("id")).toString().startsWith(QLatin1String("HP-")));
            QVERIFY(!order.value(QStringLiteral("item")).toString().isEmpty());
            QVERIFY(order.value(QStringLiteral("total")).toDouble() > 0);
            QVERIFY(a.value(QStringLiteral("lifetime_value")).toDouble() > 0);
            QVERIFY(!c.timezone.isEmpty() && c.timezone.contains(QLatin1Char('/')));
            QVERIFY(!c.language.isEmpty());
            longNames += c.name.size() > 30 ? 1 : 0;
        }
        QVERIFY(returning > 50);
        QVERIFY(longNames > 0);
    }

    void corpusIsComplete()
    {
        const auto &corpus = Connectors::Demo::DemoCorpus::instance();
        QVERIFY2(corpus.problems().isEmpty(), qPrintable(corpus.problems().join(QStringLiteral("; "))));
        QCOMPARE(corpus.languageCount(), 4);
    }

    void someCustomersHaveNotesInTheirLanguage()
    {
        auto notesOf = [](const DemoOptions &o) {
            QList<Domain::ContactNote> notes;
            QSet<qint64> unmatched;
            DemoGenerator(o).generate([&](const Storage::IngestBatch &page) {
                QSet<qint64> contacts;
                for (const Domain::Contact &contact : page.contacts)
                    contacts.insert(contact.remoteId);
                for (const Domain::ContactNote &note : page.contactNotes) {
                    notes.append(note);
                    if (!contacts.contains(note.contactId))
                        unmatched.insert(note.contactId); // the cache could not store it
                }
                return true;
            });
            return std::make_pair(notes, unmatched);
        };
        const auto [notes, unmatched] = notesOf(options(300));
        QVERIFY(unmatched.isEmpty());
        QVERIFY(notes.size() >= 10);
        QSet<qint64> ids;
        bool greek = false, chinese = false;
        for (const Domain::ContactNote &note : notes) {
            QVERIFY(!ids.contains(note.remoteId));
            ids.insert(note.remoteId);
            QVERIFY(!note.authorName.isEmpty());
            QVERIFY(note.createdAt.isValid() && note.createdAt <= options(300).now);
            greek = greek || note.content.contains(QStringLiteral("παραγγελ")) || note.content.contains(QStringLiteral("πελάτης"))
                || note.content.contains(QStringLiteral("Προτιμά"));
            chinese = chinese || note.content.contains(QStringLiteral("客户")) || note.content.contains(QStringLiteral("客戶"))
                || note.content.contains(QStringLiteral("订单")) || note.content.contains(QStringLiteral("訂單"));
        }
        QVERIFY(greek);
        QVERIFY(chinese);
        // Deterministic: the same options give the same notes.
        const auto again = notesOf(options(300)).first;
        QCOMPARE(again.size(), notes.size());
        for (qsizetype i = 0; i < notes.size(); ++i) {
            QCOMPARE(again.at(i).remoteId, notes.at(i).remoteId);
            QCOMPARE(again.at(i).content, notes.at(i).content);
            QCOMPARE(again.at(i).createdAt, notes.at(i).createdAt);
        }
    }

    void customersWriteInFourLanguages()
    {
        const Workspace &w = workspace1200();
        QHash<QString, int> byLanguage;
        QSet<QString> names;
        for (const Contact &c : w.contacts) {
            ++byLanguage[c.language];
            names.insert(c.name);
        }
        for (const char *language : {"en", "zh-Hans", "zh-Hant", "el"})
            QVERIFY2(byLanguage.value(QLatin1String(language)) > 50, language);
        // Chinese customers are written in Han characters, Greek ones in Greek letters.
        const auto anyName = [&](auto predicate) {
            return std::any_of(names.begin(), names.end(), predicate);
        };
        QVERIFY(anyName([](const QString &n) { return n.size() <= 3 && n.at(0).script() == QChar::Script_Han; }));
        QVERIFY(anyName([](const QString &n) { return n.at(0).script() == QChar::Script_Greek && n.contains(QLatin1Char(' ')); }));
        QVERIFY(names.size() > 400); // varied, not a handful repeated
    }

    void searchFindsWhatCustomersWrite()
    {
        const Workspace &w = workspace1200();
        QStringList words = {QStringLiteral("refund"), QStringLiteral("tracking number"),
                             QString::fromUtf8("退款"), QString::fromUtf8("訂單"),
                             QString::fromUtf8("Καλημέρα"), QString::fromUtf8("παραγγελία")};
        QHash<QString, int> hits;
        for (auto it = w.messages.cbegin(); it != w.messages.cend(); ++it) {
            for (const Message &m : it.value()) {
                for (const QString &word : words)
                    hits[word] += m.text.contains(word, Qt::CaseInsensitive) ? 1 : 0;
            }
        }
        for (const QString &word : words)
            QVERIFY2(hits.value(word) > 10, qPrintable(word));
    }

    void writeToCacheStore()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Storage::CacheStore cache;
        QVERIFY(cache.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok);
        DemoGenerator generator(options(400));
        qint64 messages = 0;
        generator.generate([&](const Storage::IngestBatch &b) {
            messages += b.messages.size();
            return true;
        });
        int lastDone = 0;
        QString error;
        QVERIFY2(generator.writeTo(cache, &error, [&](int done, int total) {
            QCOMPARE(total, 400);
            QVERIFY(done >= lastDone);
            lastDone = done;
        }), qPrintable(error));
        QCOMPARE(lastDone, 400);
        QCOMPARE(cache.conversationCount(), 400);
        QCOMPARE(cache.messageCount(), messages);
        QCOMPARE(cache.meAgentIds().size(), 1);
        QCOMPARE(cache.inboxes().size(), 13);
        QVERIFY(cache.sourceByUid(QStringLiteral("demo")).has_value());
        // Writing again (a second launch that refreshes the demo) updates instead of duplicating.
        QVERIFY2(generator.writeTo(cache, &error), qPrintable(error));
        QCOMPARE(cache.conversationCount(), 400);
        QCOMPARE(cache.messageCount(), messages);
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "TestDemoGenerator.moc"
