#pragma once

#include <QWidget>

class QLabel;

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Ui {

/** Above the transcript: the customer, the channel and inbox, the subject and the status. */
class ConversationHeader : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationHeader(Storage::CacheStore *cache, QWidget *parent = nullptr);
    void showConversation(qint64 conversationId);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Storage::CacheStore *m_cache;
    QLabel *m_title;
    QLabel *m_details;
    QString m_channelKey;
};

} // namespace Counterpart::Ui
