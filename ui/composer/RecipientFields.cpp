#include "RecipientFields.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QSignalBlocker>

namespace Counterpart::Ui {

RecipientFields::RecipientFields(QWidget *parent)
    : QWidget(parent)
    , m_subject(new QLineEdit(this))
    , m_cc(new QLineEdit(this))
    , m_bcc(new QLineEdit(this))
{
    setObjectName(QStringLiteral("composerRecipients"));
    m_subject->setObjectName(QStringLiteral("composerSubject"));
    m_subject->setAccessibleName(tr("Subject"));
    m_cc->setObjectName(QStringLiteral("composerCc"));
    m_cc->setAccessibleName(tr("CC"));
    m_cc->setPlaceholderText(tr("addresses, separated by commas"));
    m_bcc->setObjectName(QStringLiteral("composerBcc"));
    m_bcc->setAccessibleName(tr("BCC"));
    m_bcc->setPlaceholderText(tr("addresses, separated by commas"));
    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(2);
    layout->addRow(tr("Subject"), m_subject);
    layout->addRow(tr("CC"), m_cc);
    layout->addRow(tr("BCC"), m_bcc);
    for (QLineEdit *edit : {m_subject, m_cc, m_bcc})
        connect(edit, &QLineEdit::textEdited, this, &RecipientFields::changed);
}

QString RecipientFields::subject() const { return m_subject->text(); }
QString RecipientFields::cc() const { return m_cc->text(); }
QString RecipientFields::bcc() const { return m_bcc->text(); }

void RecipientFields::setValues(const QString &subject, const QString &cc, const QString &bcc)
{
    m_subject->setText(subject);
    m_cc->setText(cc);
    m_bcc->setText(bcc);
}

} // namespace Counterpart::Ui
