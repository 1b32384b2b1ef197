#pragma once

class QApplication;

namespace Counterpart::Ui {

/** Fusion with a light or dark palette: the same look on every desktop and under offscreen. */
class AppStyle
{
public:
    static void apply(QApplication &app, bool dark);
};

} // namespace Counterpart::Ui
