#pragma once

#include <QObject>
#include <QStringList>

class QCompleter;
class QPlainTextEdit;
class QStringListModel;

namespace Counterpart::Ui {

/** In a private note, "@" followed by letters offers the agents' names; choosing one inserts "@Name ". */
class MentionCompleter : public QObject
{
    Q_OBJECT
public:
    MentionCompleter(QPlainTextEdit *editor, QObject *parent = nullptr);

    void setAgents(const QStringList &names);
    void setEnabled(bool enabled);
    QCompleter *completer() const { return m_completer; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString prefixAtCursor(int *start) const;
    void updatePopup();
    void insert(const QString &name);

    QPlainTextEdit *m_editor;
    QStringListModel *m_names;
    QCompleter *m_completer;
    bool m_enabled = false;
    bool m_inserting = false;
};

} // namespace Counterpart::Ui
