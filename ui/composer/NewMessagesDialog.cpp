#include "NewMessagesDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Counterpart::Ui {

NewMessagesDialog::NewMessagesDialog(const QList<Domain::Message> &messages, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("newMessagesDialog"));
    setWindowTitle(tr("New messages from the customer"));
    setAccessibleName(windowTitle());
    auto *intro = new QLabel(messages.size() == 1
                                 ? tr("The customer wrote a new message since you opened this conversation. "
                                      "Read it before your reply goes out:")
                                 : tr("The customer wrote %1 new messages since you opened this conversation. "
                                      "Read them before your reply goes out:")
                                       .arg(messages.size()),
                             this);
    intro->setWordWrap(true);
    auto *list = new QListWidget(this);
    list->setObjectName(QStringLiteral("newMessagesList"));
    list->setAccessibleName(tr("New customer messages"));
    list->setWordWrap(true);
    for (const Domain::Message &message : messages) {
        list->addItem(QLocale().toString(message.createdAt.toLocalTime(), QLocale::ShortFormat)
                      + QStringLiteral(" — ") + message.senderName + QLatin1Char('\n') + message.text);
    }
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *review = buttons->addButton(tr("Review first"), QDialogButtonBox::RejectRole);
    review->setObjectName(QStringLiteral("newMessagesReview"));
    review->setAccessibleName(tr("Do not send; review the new messages"));
    QPushButton *send = buttons->addButton(tr("Send anyway"), QDialogButtonBox::AcceptRole);
    send->setObjectName(QStringLiteral("newMessagesSend"));
    send->setAccessibleName(tr("Send the reply anyway"));
    review->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    resize(480, 320);
}

} // namespace Counterpart::Ui
