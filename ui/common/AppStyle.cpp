#include "AppStyle.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

namespace Counterpart::Ui {

void AppStyle::apply(QApplication &app, bool dark)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette;
    if (dark) {
        palette.setColor(QPalette::Window, QColor(0x23, 0x26, 0x2b));
        palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe8, 0xeb));
        palette.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x22));
        palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x2a, 0x30));
        palette.setColor(QPalette::Text, QColor(0xe6, 0xe8, 0xeb));
        palette.setColor(QPalette::Button, QColor(0x2d, 0x31, 0x37));
        palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe8, 0xeb));
        palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7b, 0xd9));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        palette.setColor(QPalette::ToolTipBase, QColor(0x2d, 0x31, 0x37));
        palette.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe8, 0xeb));
        palette.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x90, 0x99));
    } else {
        palette.setColor(QPalette::Window, QColor(0xf6, 0xf7, 0xf9));
        palette.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
        palette.setColor(QPalette::Base, Qt::white);
        palette.setColor(QPalette::AlternateBase, QColor(0xf3, 0xf4, 0xf6));
        palette.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
        palette.setColor(QPalette::Button, QColor(0xf0, 0xf1, 0xf3));
        palette.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
        palette.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd6));
        palette.setColor(QPalette::HighlightedText, Qt::white);
    }
    app.setPalette(palette);
}

} // namespace Counterpart::Ui
