#include "PdfExport.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QAbstractTextDocumentLayout>
#include <QTextDocument>

namespace Counterpart::Print {

bool PdfExport::write(const QString &html, const QString &title, const QString &path, QString *error)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        *error = QCoreApplication::translate("PdfExport", "PDF export needs the graphical application (fonts).");
        return false;
    }
    QFile probe(path); // QPdfWriter has no error reporting of its own
    if (!probe.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("PdfExport", "Cannot write %1: %2").arg(path, probe.errorString());
        return false;
    }
    probe.close();
    QPdfWriter writer(path);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Counterpart"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    QTextDocument document;
    // Lay out at the writer's resolution; otherwise points are measured at screen DPI and the
    // text comes out a third of its size on a 300 dpi page.
    document.documentLayout()->setPaintDevice(&writer);
    document.setHtml(html);
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
    document.print(&writer);
    if (QFile(path).size() == 0) {
        *error = QCoreApplication::translate("PdfExport", "Nothing was written to %1.").arg(path);
        return false;
    }
    return true;
}

} // namespace Counterpart::Print
