#pragma once

#include <QString>

namespace Counterpart::Print {

/**
 * Writes HTML (e.g. Review::TranscriptDocument) to an A4 PDF with QTextDocument and QPdfWriter.
 * Needs a QGuiApplication (fonts); the CLI starts one on the offscreen platform for exports.
 * Lives in its own small library (counterpart_print, QtGui) so the core stays free of QtGui.
 */
class PdfExport
{
public:
    static bool write(const QString &html, const QString &title, const QString &path, QString *error);
};

} // namespace Counterpart::Print
