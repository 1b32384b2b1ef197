#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;
class QToolButton;

namespace Counterpart::Ui {

/** Files attached to the reply: an "Attach" button and the list (Delete removes one). */
class AttachmentList : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentList(QWidget *parent = nullptr);

    QStringList files() const { return m_files; }
    void addFiles(const QStringList &paths);
    void clear();
    QToolButton *attachButton() const { return m_attach; }

signals:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();

    QToolButton *m_attach;
    QListWidget *m_list;
    QStringList m_files;
};

} // namespace Counterpart::Ui
