#include "ComposerArea.h"

#include "ComposeAssistant.h"
#include "ComposeSituation.h"
#include "ComposerWidget.h"
#include "common/ActionRegistry.h"
#include "settings/LattePolicyDialog.h"
#include "storage/LattePolicyStore.h"
#include "templates/TemplateInserter.h"
#include "templates/TemplateManagerDialog.h"
#include "templates/TemplatePopup.h"

#include <QPlainTextEdit>

namespace Counterpart::Ui {

ComposerArea::ComposerArea(const Services &services, ActionRegistry *actions, QWidget *parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_services(services)
    , m_composer(new ComposerWidget(services, actions, this))
    , m_assistant(new ComposeAssistant(m_composer->editor(), services.templates, this))
{
    setObjectName(QStringLiteral("composerArea"));
    setChildrenCollapsible(true);
    addWidget(m_composer);
    addWidget(m_assistant->sidePanel());
    // The checklist's reasons need room to be read; the composer keeps the rest.
    m_assistant->sidePanel()->setMinimumWidth(210);
    setStretchFactor(0, 3);
    setStretchFactor(1, 1);
    setSizes({420, 220});
    // LATTE and tone findings are about replies to the customer; a private note is never held
    // back by a required LATTE step.
    m_composer->setPreSendInputHook([this](Compose::PreSendInput &input) {
        if (m_composer->mode() == ComposerWidget::Mode::Reply)
            m_assistant->fillPreSendInput(input);
    });
    // A template's e-mail subject belongs in the subject field, not in the body.
    connect(m_assistant->inserter(), &TemplateInserter::subjectRendered, m_composer,
            &ComposerWidget::offerSubject);
    // Edited policies apply to the reply being written, not only to the next conversation.
    if (m_services.lattePolicies)
        connect(m_services.lattePolicies, &Storage::LattePolicyStore::changed, this,
                [this] { m_assistant->setSituation(ComposeSituation::load(m_services, m_composer->conversationId())); });
    registerCommands(actions);
}

void ComposerArea::showConversation(qint64 conversationId)
{
    m_composer->showConversation(conversationId);
    m_assistant->setSituation(ComposeSituation::load(m_services, conversationId));
}

void ComposerArea::registerCommands(ActionRegistry *actions)
{
    const QString category = tr("Composer");
    actions->add({QStringLiteral("templates.insert"), tr("Insert reply template…"), category,
                  {QKeySequence(Qt::CTRL | Qt::Key_Slash)}},
                 [this] {
                     m_composer->editor()->setFocus();
                     if (TemplatePopup *popup = m_assistant->templatePopup())
                         popup->openAtCursor();
                 });
    actions->add({QStringLiteral("templates.manage"), tr("Manage reply templates…"), category, {}},
                 [this] {
                     if (!m_services.templates)
                         return;
                     TemplateManagerDialog dialog(m_services.templates, window());
                     dialog.setPreviewContext(m_assistant->situation().templateContext);
                     dialog.exec();
                 });
    if (m_services.lattePolicies) {
        actions->add({QStringLiteral("latte.policies"), tr("LATTE checklist policies…"), category, {}}, [this] {
            LattePolicyDialog dialog(m_services.lattePolicies, m_services.cache, window());
            dialog.exec();
        });
    }
}

} // namespace Counterpart::Ui
