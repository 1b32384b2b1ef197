#include "TemplateLibrary.h"

#include "ComposeLanguage.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Counterpart::Compose {

namespace {

const QLatin1String formatName("counterpart-templates");

QString tr(const char *text)
{
    return QCoreApplication::translate("Counterpart::Compose::TemplateLibrary", text);
}

QJsonObject toJson(const Template &t)
{
    QJsonArray latte;
    for (const LatteStep s : t.latteSteps)
        latte.append(latteStepKey(s));
    QJsonArray variants;
    for (const TemplateVariant &v : t.variants) {
        QJsonObject o{{QStringLiteral("language"), v.language},
                      {QStringLiteral("form"), Template::formKey(v.form)},
                      {QStringLiteral("body"), v.body}};
        if (!v.subject.isEmpty())
            o.insert(QStringLiteral("subject"), v.subject);
        variants.append(o);
    }
    return QJsonObject{{QStringLiteral("uid"), t.uid},
                       {QStringLiteral("name"), t.name},
                       {QStringLiteral("shortcut"), t.shortcut},
                       {QStringLiteral("folder"), t.folder},
                       {QStringLiteral("scope"), Template::scopeKey(t.scope)},
                       {QStringLiteral("tone"), t.tone},
                       {QStringLiteral("guidance"), t.guidance},
                       {QStringLiteral("latte"), latte},
                       {QStringLiteral("variants"), variants}};
}

bool fromJson(const QJsonObject &o, Template *t, QStringList *warnings)
{
    t->uid = o.value(u"uid").toString();
    t->name = o.value(u"name").toString().trimmed();
    t->shortcut = o.value(u"shortcut").toString().trimmed();
    t->folder = o.value(u"folder").toString();
    t->scope = Template::scopeFromKey(o.value(u"scope").toString());
    t->tone = o.value(u"tone").toString();
    t->guidance = o.value(u"guidance").toString();
    for (const QJsonValue &s : o.value(u"latte").toArray()) {
        bool ok = false;
        const LatteStep step = latteStepFromKey(s.toString(), &ok);
        if (ok && !t->latteSteps.contains(step))
            t->latteSteps.append(step);
        else if (!ok)
            warnings->append(tr("Unknown LATTE step \"%1\" in \"%2\" was ignored.")
                                 .arg(s.toString(), t->name));
    }
    for (const QJsonValue &value : o.value(u"variants").toArray()) {
        const QJsonObject v = value.toObject();
        TemplateVariant variant;
        variant.language = ComposeLanguage::resolve(v.value(u"language").toString());
        variant.form = Template::formFromKey(v.value(u"form").toString());
        variant.subject = v.value(u"subject").toString();
        variant.body = v.value(u"body").toString();
        if (variant.body.isEmpty())
            continue;
        t->variants.append(variant);
    }
    if (t->name.isEmpty() || t->variants.isEmpty()) {
        warnings->append(tr("A template without a name or text was skipped."));
        return false;
    }
    return true;
}

} // namespace

QByteArray TemplateLibrary::exportJson(const QList<Template> &templates)
{
    QJsonArray list;
    for (const Template &t : templates)
        list.append(toJson(t));
    const QJsonObject root{{QStringLiteral("format"), formatName},
                           {QStringLiteral("version"), formatVersion},
                           {QStringLiteral("templates"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

LibraryImport TemplateLibrary::importJson(const QByteArray &json)
{
    LibraryImport result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = tr("The file is not valid JSON: %1.").arg(parseError.errorString());
        return result;
    }
    const QJsonObject root = doc.object();
    if (root.value(u"format").toString() != formatName) {
        result.error = tr("The file is not a Counterpart template library.");
        return result;
    }
    const int version = root.value(u"version").toInt();
    if (version < 1 || version > formatVersion) {
        result.error = tr("The library was written by a newer Counterpart (format version %1).")
                           .arg(version);
        return result;
    }
    for (const QJsonValue &value : root.value(u"templates").toArray()) {
        Template t;
        if (fromJson(value.toObject(), &t, &result.warnings))
            result.templates.append(t);
    }
    return result;
}

QString TemplateLibrary::convertLiquid(const QString &text, QStringList *warnings)
{
    static const QRegularExpression output(QStringLiteral("\\{\\{\\s*([^}]*?)\\s*\\}\\}"));
    static const QRegularExpression defaultFilter(
        QStringLiteral("^default\\s*:\\s*(?:'([^']*)'|\"([^\"]*)\")$"));
    QString out;
    qsizetype copied = 0;
    auto it = output.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(copied, m.capturedStart() - copied);
        copied = m.capturedEnd();
        QStringList parts = m.captured(1).split(QLatin1Char('|'));
        QString name = parts.takeFirst().trimmed();
        name.replace(QLatin1String(".custom_attribute."), QLatin1String(".custom."));
        QString fallback;
        bool hasFallback = false;
        for (const QString &filter : std::as_const(parts)) {
            const QRegularExpressionMatch d = defaultFilter.match(filter.trimmed());
            if (d.hasMatch()) {
                fallback = d.captured(1).isNull() ? d.captured(2) : d.captured(1);
                hasFallback = true;
            } else if (warnings) {
                warnings->append(tr("The Liquid filter \"%1\" was dropped.").arg(filter.trimmed()));
            }
        }
        out += QStringLiteral("{{") + name;
        if (hasFallback)
            out += QLatin1Char('|') + fallback;
        out += QStringLiteral("}}");
    }
    out += QStringView(text).mid(copied);
    if (warnings && out.contains(QLatin1String("{%")))
        warnings->append(tr("Liquid tags such as {% if %} are kept as plain text."));
    return out;
}

LibraryImport TemplateLibrary::importChatwootCannedResponses(const QByteArray &json,
                                                            const QString &language)
{
    LibraryImport result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        result.error = tr("The file is not a list of Chatwoot canned responses.");
        return result;
    }
    const QString code = ComposeLanguage::resolve(language);
    for (const QJsonValue &value : doc.array()) {
        const QJsonObject o = value.toObject();
        const QString shortCode = o.value(u"short_code").toString().trimmed();
        const QString content = o.value(u"content").toString();
        if (shortCode.isEmpty() || content.trimmed().isEmpty()) {
            result.warnings.append(tr("A canned response without a short code or text was skipped."));
            continue;
        }
        Template t;
        const qint64 id = o.value(u"id").toInteger();
        const qint64 account = o.value(u"account_id").toInteger();
        t.uid = QStringLiteral("chatwoot:%1:%2").arg(account).arg(id);
        t.name = shortCode;
        t.shortcut = shortCode;
        t.folder = QStringLiteral("Chatwoot");
        t.scope = TemplateScope::Shared;
        t.variants.append({code, TemplateForm::Any, QString(),
                           convertLiquid(content, &result.warnings)});
        result.templates.append(t);
    }
    return result;
}

LibraryImport TemplateLibrary::starter()
{
    QFile file(QStringLiteral(":/templates/starter.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        LibraryImport result;
        result.error = tr("The starter library is missing from this build.");
        return result;
    }
    return importJson(file.readAll());
}

} // namespace Counterpart::Compose
