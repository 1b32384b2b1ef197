#include "TemplateContext.h"

#include "search/SearchText.h"

#include <QJsonValue>

namespace Counterpart::Compose {

namespace {

bool isHanName(const QString &name)
{
    return !name.isEmpty() && Search::SearchText::isHan(name.at(0));
}

QString jsonToText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString();
}

void addCustom(QHash<QString, QString> &values, const QString &prefix, const QJsonObject &attributes)
{
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QString text = jsonToText(it.value());
        if (!text.isEmpty())
            values.insert(prefix + it.key(), text);
    }
}

} // namespace

QString TemplateContext::firstNameOf(const QString &fullName)
{
    const QString name = fullName.simplified();
    // Chinese names have no space and the family name comes first; "丽" alone would be odd.
    if (isHanName(name))
        return name;
    return name.section(QLatin1Char(' '), 0, 0);
}

QString TemplateContext::lastNameOf(const QString &fullName)
{
    const QString name = fullName.simplified();
    if (isHanName(name))
        return name.left(1);
    return name.contains(QLatin1Char(' ')) ? name.section(QLatin1Char(' '), -1) : QString();
}

TemplateContext TemplateContext::fromConversation(const Domain::Contact &contact,
                                                  const Domain::Agent &agent,
                                                  const Domain::Conversation &conversation,
                                                  const Domain::Inbox &inbox)
{
    TemplateContext context;
    QHash<QString, QString> &v = context.values;
    v.insert(QStringLiteral("contact.name"), contact.name);
    v.insert(QStringLiteral("contact.first_name"), firstNameOf(contact.name));
    v.insert(QStringLiteral("contact.last_name"), lastNameOf(contact.name));
    v.insert(QStringLiteral("contact.email"), contact.email);
    v.insert(QStringLiteral("contact.phone"), contact.phone);
    v.insert(QStringLiteral("contact.company"), contact.company);
    v.insert(QStringLiteral("contact.location"), contact.location);
    addCustom(v, QStringLiteral("contact.custom."), contact.customAttributes);
    v.insert(QStringLiteral("agent.name"), agent.name);
    v.insert(QStringLiteral("agent.first_name"), firstNameOf(agent.name));
    v.insert(QStringLiteral("agent.last_name"), lastNameOf(agent.name));
    v.insert(QStringLiteral("agent.email"), agent.email);
    if (conversation.remoteId > 0)
        v.insert(QStringLiteral("conversation.id"), QString::number(conversation.remoteId));
    v.insert(QStringLiteral("conversation.subject"), conversation.subject);
    addCustom(v, QStringLiteral("conversation.custom."), conversation.customAttributes);
    v.insert(QStringLiteral("inbox.name"), inbox.name);
    return context;
}

} // namespace Counterpart::Compose
