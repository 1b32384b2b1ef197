#include "TemplateStore.h"

#include "SqlTransaction.h"
#include "compose/TemplateLibrary.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Counterpart::Storage {

using Compose::Template;
using Compose::TemplateVariant;

namespace {

const QLatin1String seededKey("templates.starter_seeded");

QString stepsToText(const QList<Compose::LatteStep> &steps)
{
    QStringList keys;
    for (const Compose::LatteStep s : steps)
        keys.append(Compose::latteStepKey(s));
    return keys.join(QLatin1Char(','));
}

QList<Compose::LatteStep> stepsFromText(const QString &text)
{
    QList<Compose::LatteStep> steps;
    for (const QString &key : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const Compose::LatteStep s = Compose::latteStepFromKey(key, &ok);
        if (ok)
            steps.append(s);
    }
    return steps;
}

} // namespace

TemplateStore::TemplateStore(QSqlDatabase workspace, QObject *parent)
    : QObject(parent)
    , m_db(std::move(workspace))
{
}

QList<Template> TemplateStore::select(const QString &where, const QVariant &value) const
{
    QList<Template> result;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id, uid, name, shortcut, folder, scope, tone, guidance,"
                                 " latte_steps, updated_at FROM templates ")
                  + where + QStringLiteral(" ORDER BY folder, name, id"));
    if (value.isValid())
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return result;
    }
    QHash<qint64, qsizetype> byId;
    while (query.next()) {
        Template t;
        t.id = query.value(0).toLongLong();
        t.uid = query.value(1).toString();
        t.name = query.value(2).toString();
        t.shortcut = query.value(3).toString();
        t.folder = query.value(4).toString();
        t.scope = Template::scopeFromKey(query.value(5).toString());
        t.tone = query.value(6).toString();
        t.guidance = query.value(7).toString();
        t.latteSteps = stepsFromText(query.value(8).toString());
        t.updatedAt = QDateTime::fromSecsSinceEpoch(query.value(9).toLongLong(), Qt::UTC);
        byId.insert(t.id, result.size());
        result.append(t);
    }
    if (result.isEmpty())
        return result;

    // One query for every variant rather than one per template: the picker lists hundreds.
    QSqlQuery variants(m_db);
    QString sql = QStringLiteral("SELECT template_id, language, form, subject, body FROM"
                                 " template_variants");
    if (result.size() == 1)
        sql += QStringLiteral(" WHERE template_id = ") + QString::number(result.first().id);
    sql += QStringLiteral(" ORDER BY template_id, language, form");
    if (!variants.exec(sql)) {
        m_error = variants.lastError().text();
        return result;
    }
    while (variants.next()) {
        const auto it = byId.constFind(variants.value(0).toLongLong());
        if (it == byId.constEnd())
            continue;
        TemplateVariant v;
        v.language = variants.value(1).toString();
        v.form = Template::formFromKey(variants.value(2).toString());
        v.subject = variants.value(3).toString();
        v.body = variants.value(4).toString();
        result[it.value()].variants.append(v);
    }
    return result;
}

QList<Template> TemplateStore::templates() const { return select(QString(), QVariant()); }

std::optional<Template> TemplateStore::byId(qint64 id) const
{
    const QList<Template> found = select(QStringLiteral("WHERE id = ?"), id);
    return found.isEmpty() ? std::nullopt : std::optional<Template>(found.first());
}

std::optional<Template> TemplateStore::byUid(const QString &uid) const
{
    const QList<Template> found = select(QStringLiteral("WHERE uid = ?"), uid);
    return found.isEmpty() ? std::nullopt : std::optional<Template>(found.first());
}

std::optional<Template> TemplateStore::byShortcut(const QString &shortcut) const
{
    const QList<Template> found = select(QStringLiteral("WHERE shortcut = ?"), shortcut);
    return found.isEmpty() ? std::nullopt : std::optional<Template>(found.first());
}

int TemplateStore::count() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM templates")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

namespace {
// A null QString binds as SQL NULL, which the NOT NULL text columns refuse: "" is what is meant.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}
} // namespace

qint64 TemplateStore::write(const Template &templ)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString uid = templ.uid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                            : templ.uid;
    QSqlQuery query(m_db);
    qint64 id = templ.id;
    if (id == 0) {
        query.prepare(QStringLiteral(
            "INSERT INTO templates(uid, name, shortcut, folder, scope, tone, guidance, latte_steps,"
            " created_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?)"));
    } else {
        query.prepare(QStringLiteral(
            "UPDATE templates SET uid=?, name=?, shortcut=?, folder=?, scope=?, tone=?, guidance=?,"
            " latte_steps=?, updated_at=? WHERE id=?"));
    }
    query.addBindValue(uid);
    query.addBindValue(notNull(templ.name));
    query.addBindValue(notNull(templ.shortcut));
    query.addBindValue(notNull(templ.folder));
    query.addBindValue(Template::scopeKey(templ.scope));
    query.addBindValue(notNull(templ.tone));
    query.addBindValue(notNull(templ.guidance));
    query.addBindValue(notNull(stepsToText(templ.latteSteps)));
    if (id == 0) {
        query.addBindValue(now);
        query.addBindValue(now);
    } else {
        query.addBindValue(now);
        query.addBindValue(id);
    }
    if (!query.exec()) {
        m_error = query.lastError().text();
        return 0;
    }
    if (id == 0)
        id = query.lastInsertId().toLongLong();
    else if (query.numRowsAffected() == 0) {
        m_error = QStringLiteral("no template with id %1").arg(id);
        return 0;
    }

    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM template_variants WHERE template_id = ?"));
    clear.addBindValue(id);
    if (!clear.exec()) {
        m_error = clear.lastError().text();
        return 0;
    }
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT OR REPLACE INTO template_variants(template_id, language,"
                                  " form, subject, body) VALUES(?,?,?,?,?)"));
    for (const TemplateVariant &v : templ.variants) {
        // bindValue by position: addBindValue would keep appending after the first exec().
        insert.bindValue(0, id);
        insert.bindValue(1, v.language);
        insert.bindValue(2, Template::formKey(v.form));
        insert.bindValue(3, notNull(v.subject));
        insert.bindValue(4, notNull(v.body));
        if (!insert.exec()) {
            m_error = insert.lastError().text();
            return 0;
        }
    }
    return id;
}

qint64 TemplateStore::save(const Template &templ)
{
    SqlTransaction transaction(m_db);
    const qint64 id = write(templ);
    if (id == 0 || !transaction.commit())
        return 0;
    emit templatesChanged();
    return id;
}

bool TemplateStore::remove(qint64 id)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM templates WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    if (query.numRowsAffected() > 0)
        emit templatesChanged();
    return true;
}

int TemplateStore::importTemplates(const QList<Template> &templates, ImportMode mode)
{
    SqlTransaction transaction(m_db);
    int written = 0;
    for (Template t : templates) {
        const std::optional<Template> existing = t.uid.isEmpty() ? std::nullopt : byUid(t.uid);
        if (existing && mode == ImportMode::KeepExisting)
            continue;
        t.id = existing ? existing->id : 0;
        if (write(t) == 0)
            return 0;
        ++written;
    }
    if (!transaction.commit())
        return 0;
    if (written > 0)
        emit templatesChanged();
    return written;
}

int TemplateStore::seedStarterLibrary()
{
    QSqlQuery seeded(m_db);
    seeded.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    seeded.addBindValue(seededKey);
    if (!seeded.exec()) {
        m_error = seeded.lastError().text();
        return -1;
    }
    if (seeded.next())
        return 0;

    const Compose::LibraryImport starter = Compose::TemplateLibrary::starter();
    if (!starter.ok()) {
        m_error = starter.error;
        return -1;
    }
    SqlTransaction transaction(m_db);
    int written = 0;
    for (Template t : starter.templates) {
        if (byUid(t.uid))
            continue;
        t.id = 0;
        if (write(t) == 0)
            return -1;
        ++written;
    }
    QSqlQuery mark(m_db);
    mark.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES(?, ?)"
                                " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    mark.addBindValue(seededKey);
    mark.addBindValue(QString::number(QDateTime::currentSecsSinceEpoch()));
    if (!mark.exec()) {
        m_error = mark.lastError().text();
        return -1;
    }
    if (!transaction.commit())
        return -1;
    if (written > 0)
        emit templatesChanged();
    return written;
}

} // namespace Counterpart::Storage
