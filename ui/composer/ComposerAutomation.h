#pragma once

#include <QString>

class QWidget;

namespace Counterpart::Ui {

/**
 * Test-only driving of the real program (the hidden `--type-into-composer` option): types text
 * into the composer through real key events, as a keyboard would, so a crash test can kill the
 * process mid-draft and look for the draft on disk.
 */
class ComposerAutomation
{
public:
    /** Opens the reply composer of `window`'s current conversation and types `text`; prints "typed". */
    static bool typeIntoComposer(QWidget *window, const QString &text);
};

} // namespace Counterpart::Ui
