#pragma once

#include <QFrame>

class QListWidget;

namespace Counterpart::Ui {

/**
 * Checkboxes for every label; for several conversations a label some of them carry is shown
 * partly checked and left alone unless the agent changes it.
 */
class LabelPicker : public QFrame
{
    Q_OBJECT
public:
    /** `counts`: how many of the `total` selected conversations carry each label. */
    LabelPicker(const QStringList &labels, const QHash<QString, int> &counts, int total,
                QWidget *parent = nullptr);

    QStringList added() const;
    QStringList removed() const;
    QListWidget *list() const { return m_list; }

signals:
    void applied();

private:
    QListWidget *m_list;
};

} // namespace Counterpart::Ui
