#include "DemoNotes.h"

#include "DemoRandom.h"
#include "DemoWorkspace.h"

namespace Counterpart::Connectors::Demo {

namespace {

// By language index (DemoCorpus::languageKeys(): en, zh-Hans, zh-Hant, el); %1 is an order number.
const QStringList &notesIn(int language)
{
    static const QList<QStringList> notes = {
        {QStringLiteral("Prefers email over phone calls. Ask before calling."),
         QStringLiteral("Order %1 arrived damaged once; we refunded shipping as a goodwill gesture."),
         QStringLiteral("Runs a small café: orders in bulk before the holidays.")},
        {QStringLiteral("客户希望用微信联系，白天不方便接电话。"),
         QStringLiteral("订单 %1 曾经延误，已补偿优惠券。"),
         QStringLiteral("老客户，每季度批量采购，注意提前备货。")},
        {QStringLiteral("客戶偏好以電郵聯絡，請勿在晚上致電。"),
         QStringLiteral("訂單 %1 曾送錯顏色，已免費換貨。"),
         QStringLiteral("長期客戶，對包裝要求較高。")},
        {QStringLiteral("Προτιμά επικοινωνία με email, όχι τηλέφωνο."),
         QStringLiteral("Η παραγγελία %1 έφτασε με καθυστέρηση· δώσαμε κουπόνι έκπτωσης."),
         QStringLiteral("Πιστός πελάτης, παραγγέλνει πριν από τις γιορτές.")},
    };
    return notes.at(std::clamp(language, 0, int(notes.size()) - 1));
}

} // namespace

QList<Domain::ContactNote> DemoNotes::forPerson(const DemoPerson &person, qint64 contactIndex,
                                                const QDateTime &firstSeen, const QDateTime &now)
{
    QList<Domain::ContactNote> result;
    if (!person.vip && contactIndex % 6 != 1)
        return result;
    DemoRandom rng(DemoRandom::mix(quint64(contactIndex), 0x407E5));
    const QStringList &texts = notesIn(person.language);
    QList<qint64> authors;
    for (const DemoAgentProfile &profile : DemoWorkspace::agents()) {
        if (profile.language == person.language)
            authors.append(profile.agent.remoteId);
    }
    if (authors.isEmpty())
        authors.append(DemoWorkspace::kMeAgent);
    const int count = 1 + (rng.chance(0.5) ? 1 : 0);
    const qint64 span = std::max<qint64>(0, firstSeen.secsTo(now));
    const QString order = person.orders.isEmpty() ? QStringLiteral("#1001") : person.orders.constLast().id;
    for (int i = 0; i < count; ++i) {
        Domain::ContactNote note;
        note.remoteId = contactIndex * 4 + i + 1;
        note.contactId = person.contact.remoteId;
        note.authorId = authors.at(rng.below(authors.size()));
        note.authorName = DemoWorkspace::agent(note.authorId).agent.name;
        note.content = texts.at((int(contactIndex) + i) % texts.size());
        if (note.content.contains(QLatin1String("%1")))
            note.content = note.content.arg(order);
        // Later notes later, all between the first contact and now.
        note.createdAt = firstSeen.addSecs(span * (i + 1) / (count + 1));
        note.updatedAt = note.createdAt;
        result.append(note);
    }
    return result;
}

} // namespace Counterpart::Connectors::Demo
