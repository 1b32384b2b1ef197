#include "TemplateEditorWidget.h"

#include "TemplatePreview.h"
#include "compose/ComposeLanguage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace Counterpart::Ui {

using Compose::TemplateForm;

namespace {

QString formName(TemplateForm form)
{
    switch (form) {
    case TemplateForm::Short:
        return TemplateEditorWidget::tr("short (chat, SMS, social)");
    case TemplateForm::Full:
        return TemplateEditorWidget::tr("full (email)");
    case TemplateForm::Any:
        break;
    }
    return TemplateEditorWidget::tr("any channel");
}

template<typename W>
W *named(W *widget, const QString &objectName, const QString &accessibleName)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
    return widget;
}

} // namespace

TemplateEditorWidget::TemplateEditorWidget(QWidget *parent)
    : QWidget(parent)
    , m_name(named(new QLineEdit(this), QStringLiteral("templateName"), tr("Name")))
    , m_shortcut(named(new QLineEdit(this), QStringLiteral("templateShortcut"), tr("Shortcut")))
    , m_folder(named(new QComboBox(this), QStringLiteral("templateFolder"), tr("Folder")))
    , m_scope(named(new QComboBox(this), QStringLiteral("templateScope"), tr("Shared with")))
    , m_tone(named(new QComboBox(this), QStringLiteral("templateTone"), tr("Tone")))
    , m_guidance(named(new QLineEdit(this), QStringLiteral("templateGuidance"), tr("Guidance")))
    , m_variantList(named(new QComboBox(this), QStringLiteral("templateVariant"), tr("Text")))
    , m_language(named(new QComboBox(this), QStringLiteral("templateLanguage"), tr("Language")))
    , m_form(named(new QComboBox(this), QStringLiteral("templateForm"), tr("Form")))
    , m_addVariant(named(new QPushButton(tr("Add text"), this), QStringLiteral("templateAddVariant"), tr("Add text")))
    , m_removeVariant(named(new QPushButton(tr("Remove text"), this), QStringLiteral("templateRemoveVariant"), tr("Remove text")))
    , m_subject(named(new QLineEdit(this), QStringLiteral("templateSubject"), tr("Subject")))
    , m_body(named(new QPlainTextEdit(this), QStringLiteral("templateBody"), tr("Text")))
    , m_preview(new TemplatePreview(this))
{
    setObjectName(QStringLiteral("templateEditor"));
    m_shortcut->setPlaceholderText(tr("typed after / in the reply"));
    m_folder->setEditable(true);
    m_scope->addItem(tr("Only me"), Compose::Template::scopeKey(Compose::TemplateScope::Mine));
    m_scope->addItem(tr("The team"), Compose::Template::scopeKey(Compose::TemplateScope::Shared));
    m_tone->setEditable(true);
    for (const char *tone : {"empathetic", "apologetic", "reassuring", "friendly", "formal", "concise"})
        m_tone->addItem(QString::fromLatin1(tone));
    m_guidance->setPlaceholderText(tr("A note shown to the agent when the template is inserted"));
    for (const QString &code : Compose::ComposeLanguage::supported())
        m_language->addItem(code, code);
    for (TemplateForm form : {TemplateForm::Any, TemplateForm::Short, TemplateForm::Full})
        m_form->addItem(formName(form), Compose::Template::formKey(form));
    m_subject->setPlaceholderText(tr("Email subject (optional)"));
    m_body->setPlaceholderText(tr("Hi {{contact.first_name|there}}, … {{ask:Delivery date}}"));

    auto *latteRow = new QHBoxLayout;
    for (Compose::LatteStep step : Compose::allLatteSteps()) {
        auto *box = named(new QCheckBox(Compose::latteStepDisplayName(step), this),
                          QStringLiteral("templateLatte_") % Compose::latteStepKey(step),
                          Compose::latteStepDisplayName(step));
        m_latte.append(box);
        latteRow->addWidget(box);
        connect(box, &QCheckBox::toggled, this, [this] { if (!m_loading) emit edited(); });
    }
    latteRow->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Shortcut"), m_shortcut);
    form->addRow(tr("Folder"), m_folder);
    form->addRow(tr("Shared with"), m_scope);
    form->addRow(tr("Tone"), m_tone);
    form->addRow(tr("Guidance"), m_guidance);
    form->addRow(tr("LATTE steps"), latteRow);

    auto *variantRow = new QHBoxLayout;
    variantRow->addWidget(m_variantList, 1);
    variantRow->addWidget(m_addVariant);
    variantRow->addWidget(m_removeVariant);
    auto *variantKind = new QHBoxLayout;
    variantKind->addWidget(m_language);
    variantKind->addWidget(m_form, 1);
    form->addRow(tr("Texts"), variantRow);
    form->addRow(tr("Language, form"), variantKind);
    form->addRow(tr("Subject"), m_subject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_body, 2);
    layout->addWidget(m_preview, 1);

    for (QLineEdit *edit : {m_name, m_shortcut, m_guidance, m_subject})
        connect(edit, &QLineEdit::textEdited, this, [this] { if (!m_loading) { storeVariant(); emit edited(); } });
    for (QComboBox *box : {m_folder, m_scope, m_tone})
        connect(box, &QComboBox::currentTextChanged, this, [this] { if (!m_loading) emit edited(); });
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        storeVariant();
        updatePreview();
        emit edited();
    });
    for (QComboBox *box : {m_language, m_form}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (m_loading)
                return;
            storeVariant();
            refreshVariantList();
            updatePreview();
            emit edited();
        });
    }
    connect(m_variantList, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_loading)
            showVariant(index);
    });
    connect(m_addVariant, &QPushButton::clicked, this, [this] {
        // A new text starts from the current one: translating is easier than writing from nothing.
        Compose::TemplateVariant variant = m_current >= 0 ? m_variants.at(m_current) : Compose::TemplateVariant();
        if (variant.language.isEmpty())
            variant.language = QStringLiteral("en");
        m_variants.append(variant);
        refreshVariantList();
        showVariant(int(m_variants.size() - 1));
        emit edited();
    });
    connect(m_removeVariant, &QPushButton::clicked, this, [this] {
        if (m_current < 0 || m_variants.size() <= 1)
            return;
        m_variants.removeAt(m_current);
        refreshVariantList();
        showVariant(0);
        emit edited();
    });
}

void TemplateEditorWidget::setFolders(const QStringList &folders)
{
    const QString current = m_folder->currentText();
    const QSignalBlocker blocker(m_folder);
    m_folder->clear();
    m_folder->addItems(folders);
    m_folder->setCurrentText(current);
}

void TemplateEditorWidget::setPreviewContext(const Compose::TemplateContext &context)
{
    m_previewContext = context;
    updatePreview();
}

void TemplateEditorWidget::setTemplate(const Compose::Template &templ)
{
    m_loading = true;
    m_template = templ;
    m_variants = templ.variants;
    if (m_variants.isEmpty())
        m_variants.append(Compose::TemplateVariant{QStringLiteral("en"), TemplateForm::Any, {}, {}});
    m_name->setText(templ.name);
    m_shortcut->setText(templ.shortcut);
    m_folder->setCurrentText(templ.folder);
    m_scope->setCurrentIndex(m_scope->findData(Compose::Template::scopeKey(templ.scope)));
    m_tone->setCurrentText(templ.tone);
    m_guidance->setText(templ.guidance);
    const QList<Compose::LatteStep> steps = Compose::allLatteSteps();
    for (int i = 0; i < steps.size(); ++i)
        m_latte.at(i)->setChecked(templ.latteSteps.contains(steps.at(i)));
    m_current = -1;
    m_loading = false;
    refreshVariantList();
    // Open on the English full text when there is one: the store lists variants by language code.
    const Compose::TemplateVariant *first = templ.pick(QStringLiteral("en"), Domain::ChannelKind::Email);
    const qsizetype index = first ? m_variants.indexOf(*first) : 0;
    showVariant(int(qMax<qsizetype>(0, index)));
}

Compose::Template TemplateEditorWidget::currentTemplate() const
{
    Compose::Template templ = m_template;
    templ.name = m_name->text().trimmed();
    templ.shortcut = m_shortcut->text().trimmed();
    if (templ.shortcut.startsWith(QLatin1Char('/')))
        templ.shortcut.remove(0, 1);
    templ.folder = m_folder->currentText().trimmed();
    templ.scope = Compose::Template::scopeFromKey(m_scope->currentData().toString());
    templ.tone = m_tone->currentText().trimmed();
    templ.guidance = m_guidance->text().trimmed();
    templ.latteSteps.clear();
    const QList<Compose::LatteStep> steps = Compose::allLatteSteps();
    for (int i = 0; i < steps.size(); ++i) {
        if (m_latte.at(i)->isChecked())
            templ.latteSteps.append(steps.at(i));
    }
    templ.variants = m_variants;
    return templ;
}

void TemplateEditorWidget::selectVariant(const QString &language, TemplateForm form)
{
    for (int i = 0; i < m_variants.size(); ++i) {
        if (m_variants.at(i).language == language && m_variants.at(i).form == form) {
            showVariant(i);
            return;
        }
    }
    m_variants.append(Compose::TemplateVariant{language, form, {}, {}});
    refreshVariantList();
    showVariant(int(m_variants.size() - 1));
}

void TemplateEditorWidget::showVariant(int index)
{
    if (index < 0 || index >= m_variants.size())
        return;
    m_loading = true;
    m_current = index;
    const Compose::TemplateVariant &variant = m_variants.at(index);
    m_variantList->setCurrentIndex(index);
    m_language->setCurrentIndex(qMax(0, m_language->findData(variant.language)));
    m_form->setCurrentIndex(qMax(0, m_form->findData(Compose::Template::formKey(variant.form))));
    m_subject->setText(variant.subject);
    m_body->setPlainText(variant.body);
    m_removeVariant->setEnabled(m_variants.size() > 1);
    m_loading = false;
    updatePreview();
}

void TemplateEditorWidget::storeVariant()
{
    if (m_current < 0 || m_current >= m_variants.size())
        return;
    Compose::TemplateVariant &variant = m_variants[m_current];
    variant.language = m_language->currentData().toString();
    variant.form = Compose::Template::formFromKey(m_form->currentData().toString());
    variant.subject = m_subject->text();
    variant.body = m_body->toPlainText();
}

void TemplateEditorWidget::refreshVariantList()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    m_variantList->clear();
    for (const Compose::TemplateVariant &variant : std::as_const(m_variants))
        m_variantList->addItem(variant.language % QStringLiteral(" · ") % formName(variant.form));
    m_variantList->setCurrentIndex(m_current);
    m_loading = wasLoading;
}

void TemplateEditorWidget::updatePreview()
{
    m_preview->setSource(m_body->toPlainText(), m_previewContext);
}

} // namespace Counterpart::Ui
