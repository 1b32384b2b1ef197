#include "OutboxItemDelegate.h"

#include "models/OutboxRoles.h"

namespace Counterpart::Ui {

QString OutboxItemDelegate::describe(const QModelIndex &index)
{
    const QString state = index.data(Models::OutboxStateRole).toString();
    const QString kind = index.data(Models::OutboxKindRole).toString();
    const QString content = index.data(Models::OutboxContentRole).toString().simplified();
    const QString error = index.data(Models::OutboxLastErrorRole).toString();
    const qint64 conversation = index.data(Models::OutboxConversationRemoteIdRole).toLongLong();
    QString stateText = tr("Waiting");
    if (state == QLatin1String("failed"))
        stateText = tr("Failed");
    else if (state == QLatin1String("sending"))
        stateText = tr("Sending");
    const QString what = content.isEmpty() ? kind : QStringLiteral("“") + content.left(80) + QStringLiteral("”");
    QString line = tr("%1 · %2 · conversation #%3").arg(stateText, what).arg(conversation);
    // One line: item views draw a newline in plain text as nothing, which glued the error on.
    if (!error.isEmpty())
        line += QStringLiteral(" — ") + error;
    return line;
}

void OutboxItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = describe(index);
    if (index.data(Models::OutboxStateRole).toString() == QLatin1String("failed"))
        option->palette.setColor(QPalette::Text, QColor(0xb3, 0x26, 0x1e));
}

} // namespace Counterpart::Ui
