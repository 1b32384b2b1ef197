#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QListWidget;
class QVBoxLayout;

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Ui {

/**
 * The customer beside the conversation: who they are, their language and local time, plan and
 * orders, earlier conversations on every channel and how they rated them.
 */
class CustomerSidebar : public QWidget
{
    Q_OBJECT
public:
    explicit CustomerSidebar(Storage::CacheStore *cache, QWidget *parent = nullptr);

    void showConversation(qint64 conversationId);
    void setNow(const QDateTime &now) { m_now = now; }

signals:
    void conversationActivated(qint64 conversationId);

private:
    void clear();
    QLabel *addSection(const QString &title);
    QLabel *addRow(const QString &text, const QString &objectName = QString());

    Storage::CacheStore *m_cache;
    QVBoxLayout *m_content;
    QListWidget *m_history;
    QDateTime m_now;
};

} // namespace Counterpart::Ui
