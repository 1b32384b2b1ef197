#include "TemplateManagerDialog.h"

#include "TemplateEditorWidget.h"
#include "compose/ComposeLanguage.h"
#include "compose/TemplateLibrary.h"
#include "storage/TemplateStore.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Counterpart::Ui {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

QPushButton *button(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *result = new QPushButton(text, parent);
    result->setObjectName(objectName);
    result->setAccessibleName(text);
    return result;
}

} // namespace

TemplateManagerDialog::TemplateManagerDialog(Storage::TemplateStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_editor(new TemplateEditorWidget(this))
    , m_save(button(tr("Save"), QStringLiteral("templateSave"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("templateManagerDialog"));
    setWindowTitle(tr("Reply templates"));
    setAccessibleName(windowTitle());
    resize(980, 640);

    m_search->setObjectName(QStringLiteral("templateSearch"));
    m_search->setAccessibleName(tr("Search templates"));
    m_search->setPlaceholderText(tr("Search name, shortcut or text"));
    m_search->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("templateTree"));
    m_tree->setAccessibleName(tr("Templates by folder"));
    m_tree->setHeaderLabels({tr("Template"), tr("Shortcut")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_status->setObjectName(QStringLiteral("templateStatus"));
    m_status->setWordWrap(true);

    auto *newButton = button(tr("New"), QStringLiteral("templateNew"), this);
    auto *duplicate = button(tr("Duplicate"), QStringLiteral("templateDuplicate"), this);
    auto *remove = button(tr("Delete"), QStringLiteral("templateDelete"), this);
    auto *importButton = button(tr("Import…"), QStringLiteral("templateImport"), this);
    auto *exportButton = button(tr("Export…"), QStringLiteral("templateExport"), this);
    auto *chatwoot = button(tr("Import Chatwoot canned responses…"), QStringLiteral("templateImportChatwoot"), this);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_tree, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(newButton);
    listButtons->addWidget(duplicate);
    listButtons->addWidget(remove);
    leftLayout->addLayout(listButtons);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({360, 620});

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(importButton);
    bottom->addWidget(exportButton);
    bottom->addWidget(chatwoot);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_save);
    auto *close = button(tr("Close"), QStringLiteral("templateClose"), this);
    bottom->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(m_search, &QLineEdit::textChanged, this, &TemplateManagerDialog::reload);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { select(current); });
    connect(m_editor, &TemplateEditorWidget::edited, this, [this] {
        m_dirty = true;
        m_save->setEnabled(true);
    });
    connect(m_save, &QPushButton::clicked, this, &TemplateManagerDialog::saveCurrent);
    connect(newButton, &QPushButton::clicked, this, &TemplateManagerDialog::createTemplate);
    connect(duplicate, &QPushButton::clicked, this, &TemplateManagerDialog::duplicateCurrent);
    connect(remove, &QPushButton::clicked, this, &TemplateManagerDialog::askRemove);
    connect(importButton, &QPushButton::clicked, this, &TemplateManagerDialog::askImport);
    connect(exportButton, &QPushButton::clicked, this, &TemplateManagerDialog::askExport);
    connect(chatwoot, &QPushButton::clicked, this, &TemplateManagerDialog::askImportChatwoot);
    connect(close, &QPushButton::clicked, this, [this] {
        saveIfEdited();
        accept();
    });

    reload();
    if (QTreeWidgetItem *first = m_tree->topLevelItemCount() ? m_tree->topLevelItem(0)->child(0) : nullptr)
        m_tree->setCurrentItem(first);
    m_save->setEnabled(false);
}

void TemplateManagerDialog::setPreviewContext(const Compose::TemplateContext &context)
{
    m_editor->setPreviewContext(context);
}

void TemplateManagerDialog::setSearchText(const QString &text)
{
    m_search->setText(text);
}

QString TemplateManagerDialog::status() const
{
    return m_status->text();
}

void TemplateManagerDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

void TemplateManagerDialog::reload()
{
    const QString needle = m_search->text().trimmed().toCaseFolded();
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> folders;
    QStringList folderNames;
    QTreeWidgetItem *current = nullptr;
    for (const Compose::Template &templ : m_store->templates()) {
        const QString folder = templ.folder.isEmpty() ? tr("No folder") : templ.folder;
        if (!folderNames.contains(templ.folder) && !templ.folder.isEmpty())
            folderNames.append(templ.folder);
        bool matches = needle.isEmpty() || templ.name.toCaseFolded().contains(needle)
            || templ.shortcut.toCaseFolded().contains(needle);
        for (const Compose::TemplateVariant &variant : templ.variants)
            matches = matches || variant.body.toCaseFolded().contains(needle);
        if (!matches)
            continue;
        QTreeWidgetItem *parent = folders.value(folder);
        if (!parent) {
            parent = new QTreeWidgetItem(m_tree, {folder});
            parent->setFlags(Qt::ItemIsEnabled);
            QFont bold = parent->font(0);
            bold.setBold(true);
            parent->setFont(0, bold);
            folders.insert(folder, parent);
        }
        auto *item = new QTreeWidgetItem(parent, {templ.name, QStringLiteral("/") % templ.shortcut});
        item->setData(0, IdRole, templ.id);
        item->setToolTip(0, templ.guidance);
        if (templ.id == m_currentId)
            current = item;
    }
    m_tree->expandAll();
    m_editor->setFolders(folderNames);
    if (current)
        m_tree->setCurrentItem(current);
}

bool TemplateManagerDialog::selectTemplate(qint64 id)
{
    for (int f = 0; f < m_tree->topLevelItemCount(); ++f) {
        QTreeWidgetItem *folder = m_tree->topLevelItem(f);
        for (int i = 0; i < folder->childCount(); ++i) {
            if (folder->child(i)->data(0, IdRole).toLongLong() == id) {
                m_tree->setCurrentItem(folder->child(i));
                return true;
            }
        }
    }
    return false;
}

void TemplateManagerDialog::select(QTreeWidgetItem *item)
{
    const qint64 id = item ? item->data(0, IdRole).toLongLong() : 0;
    if (id == 0 || id == m_currentId)
        return;
    saveIfEdited(); // moving on keeps the agent's edits, as every other list in the app does
    const std::optional<Compose::Template> templ = m_store->byId(id);
    if (!templ)
        return;
    m_currentId = id;
    m_editor->setTemplate(*templ);
    m_dirty = false;
    m_save->setEnabled(false);
}

bool TemplateManagerDialog::saveIfEdited()
{
    return !m_dirty || saveCurrent() != 0;
}

qint64 TemplateManagerDialog::saveCurrent()
{
    Compose::Template templ = m_editor->currentTemplate();
    if (templ.name.isEmpty()) {
        setStatus(tr("A template needs a name."));
        return 0;
    }
    if (!templ.shortcut.isEmpty()) {
        const std::optional<Compose::Template> other = m_store->byShortcut(templ.shortcut);
        if (other && other->id != templ.id) {
            setStatus(tr("/%1 is already the shortcut of “%2”.").arg(templ.shortcut, other->name));
            return 0;
        }
    }
    const qint64 id = m_store->save(templ);
    if (id == 0) {
        setStatus(tr("Could not save: %1").arg(m_store->errorString()));
        return 0;
    }
    m_currentId = id;
    m_dirty = false;
    m_save->setEnabled(false);
    if (const std::optional<Compose::Template> saved = m_store->byId(id))
        m_editor->setTemplate(*saved); // picks up the uid the store gave it
    setStatus(tr("Saved “%1”.").arg(templ.name));
    reload();
    return id;
}

qint64 TemplateManagerDialog::createTemplate()
{
    saveIfEdited();
    Compose::Template templ;
    templ.name = tr("New template");
    templ.folder = m_editor->currentTemplate().folder;
    templ.variants.append(Compose::TemplateVariant{QStringLiteral("en"), Compose::TemplateForm::Any,
                                                   {}, tr("Hi {{contact.first_name|there}},\n\n")});
    m_dirty = false;
    const qint64 id = m_store->save(templ);
    reload();
    selectTemplate(id);
    return id;
}

qint64 TemplateManagerDialog::duplicateCurrent()
{
    if (m_currentId == 0 || !saveIfEdited())
        return 0;
    std::optional<Compose::Template> templ = m_store->byId(m_currentId);
    if (!templ)
        return 0;
    templ->id = 0;
    templ->uid.clear();
    templ->name = tr("%1 (copy)").arg(templ->name);
    // Shortcuts are unique: the copy gets a free one ("damaged-2").
    const QString base = templ->shortcut;
    for (int n = 2; !base.isEmpty(); ++n) {
        templ->shortcut = base % QLatin1Char('-') % QString::number(n);
        if (!m_store->byShortcut(templ->shortcut))
            break;
    }
    const qint64 id = m_store->save(*templ);
    reload();
    selectTemplate(id);
    setStatus(tr("Duplicated as “%1”.").arg(templ->name));
    return id;
}

bool TemplateManagerDialog::removeCurrent()
{
    if (m_currentId == 0 || !m_store->remove(m_currentId))
        return false;
    m_currentId = 0;
    m_dirty = false;
    reload();
    if (m_tree->topLevelItemCount() && m_tree->topLevelItem(0)->childCount())
        m_tree->setCurrentItem(m_tree->topLevelItem(0)->child(0));
    return true;
}

int TemplateManagerDialog::exportTo(const QString &path)
{
    saveIfEdited();
    const QList<Compose::Template> templates = m_store->templates();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(Compose::TemplateLibrary::exportJson(templates)) < 0
        || !file.commit()) {
        setStatus(tr("Could not write %1: %2").arg(path, file.errorString()));
        return -1;
    }
    setStatus(tr("Exported %n template(s).", nullptr, int(templates.size())));
    return int(templates.size());
}

int TemplateManagerDialog::importFrom(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setStatus(tr("Could not read %1: %2").arg(path, file.errorString()));
        return -1;
    }
    const Compose::LibraryImport result = Compose::TemplateLibrary::importJson(file.readAll());
    if (!result.ok()) {
        setStatus(result.error);
        return -1;
    }
    // A shared library is the team's newer version: it replaces templates with the same uid.
    const int written = m_store->importTemplates(result.templates, Storage::TemplateStore::ImportMode::Replace);
    reload();
    setStatus(tr("Imported %n template(s).", nullptr, written)
              % (result.warnings.isEmpty() ? QString() : QLatin1Char(' ') % result.warnings.join(QLatin1Char(' '))));
    return written;
}

int TemplateManagerDialog::importChatwootFrom(const QString &path, const QString &language)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setStatus(tr("Could not read %1: %2").arg(path, file.errorString()));
        return -1;
    }
    const Compose::LibraryImport result =
        Compose::TemplateLibrary::importChatwootCannedResponses(file.readAll(), language);
    if (!result.ok()) {
        setStatus(result.error);
        return -1;
    }
    const int written = m_store->importTemplates(result.templates, Storage::TemplateStore::ImportMode::KeepExisting);
    reload();
    setStatus(tr("Imported %n canned response(s).", nullptr, written)
              % (result.warnings.isEmpty() ? QString() : QLatin1Char(' ') % result.warnings.join(QLatin1Char(' '))));
    return written;
}

void TemplateManagerDialog::askImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import templates"), QString(),
                                                      tr("Template library (*.json)"));
    if (!path.isEmpty())
        importFrom(path);
}

void TemplateManagerDialog::askExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export templates"),
                                                      QStringLiteral("templates.json"),
                                                      tr("Template library (*.json)"));
    if (!path.isEmpty())
        exportTo(path);
}

void TemplateManagerDialog::askImportChatwoot()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Chatwoot canned responses"),
                                                      QString(), tr("Canned responses (*.json)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString language = QInputDialog::getItem(this, tr("Language"),
                                                   tr("Which language are these responses written in?"),
                                                   Compose::ComposeLanguage::supported(), 0, false, &ok);
    if (ok)
        importChatwootFrom(path, language);
}

void TemplateManagerDialog::askRemove()
{
    if (m_currentId == 0)
        return;
    const QString name = m_editor->currentTemplate().name;
    if (QMessageBox::question(this, tr("Delete template"), tr("Delete “%1”?").arg(name)) == QMessageBox::Yes)
        removeCurrent();
}

} // namespace Counterpart::Ui
