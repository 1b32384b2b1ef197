#include "AnnotationPanel.h"

#include "common/Theme.h"
#include "models/AnnotationListModel.h"
#include "models/ItemRoles.h"
#include "review/ReviewTypes.h"
#include "storage/ReviewStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace Counterpart::Ui {

namespace Roles = Models::Roles;
using Review::Annotation;

AnnotationPanel::AnnotationPanel(Storage::ReviewStore *reviews, Models::AnnotationListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_reviews(reviews)
    , m_model(model)
    , m_target(new QLabel(this))
    , m_list(new QListView(this))
    , m_kind(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_pin(new QPushButton(tr("Pin to message"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    setObjectName(QStringLiteral("annotationPanel"));
    m_target->setObjectName(QStringLiteral("annotationTarget"));
    m_target->setWordWrap(true);
    m_target->setTextFormat(Qt::PlainText);
    QPalette muted = m_target->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedText(palette()));
    m_target->setPalette(muted);
    m_list->setObjectName(QStringLiteral("annotations"));
    m_list->setAccessibleName(tr("Annotations"));
    m_list->setModel(model);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_kind->setObjectName(QStringLiteral("annotationKind"));
    m_kind->setAccessibleName(tr("Annotation kind"));
    for (const Annotation::Kind kind : {Annotation::Kind::Comment, Annotation::Kind::Praise, Annotation::Kind::Coaching})
        m_kind->addItem(Annotation::kindDisplayName(kind), int(kind));
    m_text->setObjectName(QStringLiteral("annotationText"));
    m_text->setAccessibleName(tr("Annotation text"));
    m_text->setPlaceholderText(tr("What should the agent know about this message?"));
    m_text->setClearButtonEnabled(true);
    m_pin->setObjectName(QStringLiteral("pinAnnotation"));
    m_pin->setAccessibleName(tr("Pin the annotation to the selected message"));
    m_remove->setObjectName(QStringLiteral("removeAnnotation"));
    m_remove->setAccessibleName(tr("Remove the selected annotation"));

    auto *form = new QHBoxLayout;
    form->addWidget(m_kind);
    form->addStretch(1);
    form->addWidget(m_pin);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    auto *title = new QLabel(tr("<b>Annotations</b>"), this);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(title, 1);
    titleRow->addWidget(m_remove);
    layout->addLayout(titleRow);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_target);
    layout->addWidget(m_text);
    layout->addLayout(form);

    connect(m_text, &QLineEdit::textChanged, this, &AnnotationPanel::updateState);
    connect(m_text, &QLineEdit::returnPressed, this, &AnnotationPanel::pin);
    connect(m_pin, &QPushButton::clicked, this, &AnnotationPanel::pin);
    connect(m_remove, &QPushButton::clicked, this, &AnnotationPanel::removeSelected);
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        emit messageRequested(index.data(Roles::AnnotationMessageRemoteId).toLongLong());
    });
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        emit messageRequested(index.data(Roles::AnnotationMessageRemoteId).toLongLong());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &AnnotationPanel::updateState);
    updateState();
}

void AnnotationPanel::setCurrentMessage(qint64 messageRemoteId, const QString &excerpt)
{
    m_messageRemoteId = messageRemoteId;
    if (messageRemoteId == 0) {
        m_target->setText(tr("Select a message in the transcript to pin an annotation to it."));
    } else {
        const int count = m_model->countForMessage(messageRemoteId);
        QString text = tr("On: “%1”").arg(excerpt);
        if (count > 0)
            text += QStringLiteral(" — ") + tr("%n annotation(s) already", nullptr, count);
        m_target->setText(text);
    }
    // Show the notes of the selected message first in view, so the lead sees what is pinned there.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        if (index.data(Roles::AnnotationMessageRemoteId).toLongLong() == messageRemoteId && messageRemoteId) {
            m_list->scrollTo(index);
            break;
        }
    }
    updateState();
}

bool AnnotationPanel::pin()
{
    const QString text = m_text->text().trimmed();
    if (m_messageRemoteId == 0 || text.isEmpty() || m_model->sourceUid().isEmpty())
        return false;
    Annotation annotation;
    annotation.sourceUid = m_model->sourceUid();
    annotation.conversationRemoteId = m_model->conversationRemoteId();
    annotation.messageRemoteId = m_messageRemoteId;
    annotation.kind = Annotation::Kind(m_kind->currentData().toInt());
    annotation.text = text;
    annotation.createdAt = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    if (m_reviews->addAnnotation(annotation) == 0) {
        m_target->setText(tr("The annotation could not be saved: %1").arg(m_reviews->errorString()));
        return false;
    }
    m_text->clear();
    return true;
}

void AnnotationPanel::removeSelected()
{
    const QModelIndex index = m_list->currentIndex();
    if (index.isValid())
        m_reviews->removeAnnotation(index.data(Roles::AnnotationId).toLongLong());
}

void AnnotationPanel::updateState()
{
    const bool conversation = !m_model->sourceUid().isEmpty();
    m_pin->setEnabled(conversation && m_messageRemoteId != 0 && !m_text->text().trimmed().isEmpty());
    m_text->setEnabled(conversation);
    m_kind->setEnabled(conversation);
    m_remove->setEnabled(m_model->rowCount() > 0);
}

} // namespace Counterpart::Ui
