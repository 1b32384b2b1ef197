#pragma once

#include "Template.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace Counterpart::Compose {

struct LibraryImport
{
    QList<Template> templates;
    QStringList warnings; ///< things converted approximately or skipped, for the import dialog
    QString error;        ///< set when nothing could be read

    bool ok() const { return error.isEmpty(); }
};

/**
 * Template libraries as files. Our own format is versioned JSON:
 *   {"format": "counterpart-templates", "version": 1, "templates": [{"uid", "name", "shortcut",
 *    "folder", "scope", "tone", "guidance", "latte": ["listen", ...], "variants": [{"language",
 *    "form": "any|short|full", "subject", "body"}]}]}
 * Chatwoot canned responses ([{id, account_id, short_code, content}]) are imported too; their
 * Liquid variables become ours.
 */
class TemplateLibrary
{
public:
    static constexpr int formatVersion = 1;

    static QByteArray exportJson(const QList<Template> &templates);
    static LibraryImport importJson(const QByteArray &json);

    /** \a language is the language the team writes its canned responses in. */
    static LibraryImport importChatwootCannedResponses(const QByteArray &json,
                                                       const QString &language = QStringLiteral("en"));
    /** "{{ contact.name | default: 'there' }}" -> "{{contact.name|there}}"; warns on other Liquid. */
    static QString convertLiquid(const QString &text, QStringList *warnings = nullptr);

    /** The starter library shipped in resources (":/templates/starter.json"). */
    static LibraryImport starter();
};

} // namespace Counterpart::Compose
