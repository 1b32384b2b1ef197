#pragma once

#include "domain/Entities.h"

#include <QDialog>

namespace Counterpart::Ui {

/**
 * "The customer wrote while you were typing": shows the messages that arrived after the agent
 * opened the conversation and asks before the reply goes out. Review first is the default.
 */
class NewMessagesDialog : public QDialog
{
    Q_OBJECT
public:
    NewMessagesDialog(const QList<Domain::Message> &messages, QWidget *parent = nullptr);
};

} // namespace Counterpart::Ui
