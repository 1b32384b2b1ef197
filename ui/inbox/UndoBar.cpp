#include "UndoBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Counterpart::Ui {

UndoBar::UndoBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_undo(new QPushButton(tr("Undo"), this))
{
    setObjectName(QStringLiteral("undoBar"));
    setAccessibleName(tr("Undo resolve"));
    setAutoFillBackground(true);
    // The tooltip colours read well in light and dark palettes and stand apart from the list.
    QPalette p = palette();
    p.setColor(QPalette::Window, p.color(QPalette::ToolTipBase));
    p.setColor(QPalette::WindowText, p.color(QPalette::ToolTipText));
    setPalette(p);
    m_label->setObjectName(QStringLiteral("undoBarText"));
    m_undo->setObjectName(QStringLiteral("undoButton"));
    m_undo->setAccessibleName(tr("Undo"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 8, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_undo);
    connect(m_undo, &QPushButton::clicked, this, &UndoBar::undoClicked);
    hide();
}

void UndoBar::showMessage(const QString &text)
{
    m_label->setText(text);
    show();
}

} // namespace Counterpart::Ui
