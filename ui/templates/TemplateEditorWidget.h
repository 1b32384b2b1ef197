#pragma once

#include "compose/Template.h"
#include "compose/TemplateContext.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Counterpart::Ui {

class TemplatePreview;

/**
 * The form for one template in the manager: name, shortcut, folder, scope, tone and guidance,
 * the LATTE steps it covers, and its texts per language and form with a live preview.
 */
class TemplateEditorWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TemplateEditorWidget(QWidget *parent = nullptr);

    void setTemplate(const Compose::Template &templ);
    /** The template as edited (id and uid kept from setTemplate). */
    Compose::Template currentTemplate() const;
    void setFolders(const QStringList &folders);
    void setPreviewContext(const Compose::TemplateContext &context);

    /** Switches to (adding if needed) the variant for \a language and \a form. */
    void selectVariant(const QString &language, Compose::TemplateForm form);

signals:
    void edited();

private:
    void showVariant(int index);
    void storeVariant();
    void refreshVariantList();
    void updatePreview();

    Compose::Template m_template;
    QList<Compose::TemplateVariant> m_variants;
    int m_current = -1;
    bool m_loading = false;
    Compose::TemplateContext m_previewContext;

    QLineEdit *m_name;
    QLineEdit *m_shortcut;
    QComboBox *m_folder;
    QComboBox *m_scope;
    QComboBox *m_tone;
    QLineEdit *m_guidance;
    QList<QCheckBox *> m_latte;
    QComboBox *m_variantList;
    QComboBox *m_language;
    QComboBox *m_form;
    QPushButton *m_addVariant;
    QPushButton *m_removeVariant;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    TemplatePreview *m_preview;
};

} // namespace Counterpart::Ui
