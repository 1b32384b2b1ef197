#pragma once

#include <QWidget>

class QLineEdit;

namespace Counterpart::Ui {

/** Subject, CC and BCC of an e-mail reply. */
class RecipientFields : public QWidget
{
    Q_OBJECT
public:
    explicit RecipientFields(QWidget *parent = nullptr);

    QString subject() const;
    QString cc() const;
    QString bcc() const;
    void setValues(const QString &subject, const QString &cc, const QString &bcc);

    QLineEdit *subjectEdit() const { return m_subject; }

signals:
    void changed();

private:
    QLineEdit *m_subject;
    QLineEdit *m_cc;
    QLineEdit *m_bcc;
};

} // namespace Counterpart::Ui
