#pragma once

#include <QFrame>

class QLabel;

namespace Counterpart::Ui {

/** One headline number of the dashboard: a title, the value in large type and a short caption. */
class KpiTile : public QFrame
{
    Q_OBJECT
public:
    KpiTile(const QString &key, const QString &title, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &caption = QString());
    QString value() const;
    QString caption() const;

private:
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_caption;
};

} // namespace Counterpart::Ui
