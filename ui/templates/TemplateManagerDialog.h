#pragma once

#include "compose/TemplateContext.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Counterpart::Storage {
class TemplateStore;
}

namespace Counterpart::Ui {

class TemplateEditorWidget;

/**
 * Manages the template library: folders and search on the left, the selected template's form on
 * the right; create, duplicate, delete, save; import and export the library as JSON so a team
 * can share one; import a Chatwoot account's canned responses.
 */
class TemplateManagerDialog : public QDialog
{
    Q_OBJECT
public:
    TemplateManagerDialog(Storage::TemplateStore *store, QWidget *parent = nullptr);

    /** Values the preview is filled from (the open conversation, or a sample customer). */
    void setPreviewContext(const Compose::TemplateContext &context);

    bool selectTemplate(qint64 id);
    qint64 currentId() const { return m_currentId; }
    TemplateEditorWidget *editor() const { return m_editor; }
    QTreeWidget *tree() const { return m_tree; }
    void setSearchText(const QString &text);

    /** Saves the form; returns the id, 0 with the reason in status() when it cannot. */
    qint64 saveCurrent();
    qint64 createTemplate();
    qint64 duplicateCurrent();
    bool removeCurrent();

    /** Returns how many templates were written, -1 on error (see status()). */
    int exportTo(const QString &path);
    int importFrom(const QString &path);
    int importChatwootFrom(const QString &path, const QString &language);

    QString status() const;

private:
    void reload();
    void select(QTreeWidgetItem *item);
    bool saveIfEdited();
    void setStatus(const QString &text);
    void askImport();
    void askExport();
    void askImportChatwoot();
    void askRemove();

    Storage::TemplateStore *m_store;
    QLineEdit *m_search;
    QTreeWidget *m_tree;
    TemplateEditorWidget *m_editor;
    QPushButton *m_save;
    QLabel *m_status;
    qint64 m_currentId = 0;
    bool m_dirty = false;
};

} // namespace Counterpart::Ui
