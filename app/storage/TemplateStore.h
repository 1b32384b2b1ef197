#pragma once

#include "compose/Template.h"

#include <QObject>
#include <QSqlDatabase>

#include <optional>

namespace Counterpart::Storage {

/**
 * The template library in workspace.sqlite (tables of migration 3). Works on the connection of
 * an open WorkspaceStore. Templates are matched across export/import by uid.
 *
 * The app calls seedStarterLibrary() once after opening the workspace: it inserts the shipped
 * starter library the first time only (remembered in settings as "templates.starter_seeded"),
 * so a team that deletes the starters does not get them back on the next start.
 */
class TemplateStore : public QObject
{
    Q_OBJECT
public:
    enum class ImportMode {
        KeepExisting, ///< a template whose uid is already present is left alone
        Replace,      ///< it is overwritten (keeping its rowid)
    };

    explicit TemplateStore(QSqlDatabase workspace, QObject *parent = nullptr);

    /** Every template, by folder then name, with its variants. */
    QList<Compose::Template> templates() const;
    std::optional<Compose::Template> byId(qint64 id) const;
    std::optional<Compose::Template> byUid(const QString &uid) const;
    std::optional<Compose::Template> byShortcut(const QString &shortcut) const;
    int count() const;

    /** Inserts (id 0) or updates a template and its variants in one transaction; returns the id,
     *  0 on failure. An empty uid gets a fresh one. */
    qint64 save(const Compose::Template &templ);
    bool remove(qint64 id);

    /** Returns how many templates were written. */
    int importTemplates(const QList<Compose::Template> &templates, ImportMode mode);
    /** Returns how many starter templates were added (0 when already seeded), -1 on error. */
    int seedStarterLibrary();

    QString errorString() const { return m_error; }

signals:
    void templatesChanged();

private:
    QList<Compose::Template> select(const QString &where, const QVariant &value) const;
    qint64 write(const Compose::Template &templ);

    QSqlDatabase m_db;
    mutable QString m_error;
};

} // namespace Counterpart::Storage
