#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Counterpart::Ui {

/** "Conversation resolved — Undo": shown while a resolve can still be taken back. */
class UndoBar : public QFrame
{
    Q_OBJECT
public:
    explicit UndoBar(QWidget *parent = nullptr);
    void showMessage(const QString &text);

signals:
    void undoClicked();

private:
    QLabel *m_label;
    QPushButton *m_undo;
};

} // namespace Counterpart::Ui
