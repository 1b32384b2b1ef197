#include "LabelPicker.h"

#include "common/Theme.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Counterpart::Ui {

namespace {
constexpr int kInitialState = Qt::UserRole + 1;
}

LabelPicker::LabelPicker(const QStringList &labels, const QHash<QString, int> &counts, int total,
                         QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("labelPicker"));
    setAccessibleName(tr("Labels"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    auto *title = new QLabel(tr("<b>Labels</b>"), this);
    layout->addWidget(title);
    m_list->setObjectName(QStringLiteral("labelPickerList"));
    m_list->setAccessibleName(tr("Labels to apply"));
    // Fusion outlines check boxes with a darker shade of Window: on a dark palette that is
    // invisible, so the list gets a lighter Window for its indicators.
    if (Theme::isDark(palette())) {
        QPalette p = m_list->palette();
        p.setColor(QPalette::Window, p.color(QPalette::Text).darker(130));
        m_list->setPalette(p);
    }
    for (const QString &label : labels) {
        auto *item = new QListWidgetItem(label, m_list);
        const int count = counts.value(label);
        const Qt::CheckState state = count == 0 ? Qt::Unchecked
                                     : count == total ? Qt::Checked
                                                      : Qt::PartiallyChecked;
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(state);
        item->setData(kInitialState, int(state));
    }
    if (labels.isEmpty())
        layout->addWidget(new QLabel(tr("No labels yet."), this));
    layout->addWidget(m_list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("labelPickerApply"));
    buttons->button(QDialogButtonBox::Apply)->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] {
        emit applied();
        close();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QWidget::close);
    setAttribute(Qt::WA_DeleteOnClose);
    resize(260, std::min(420, 110 + int(labels.size()) * 24));
}

QStringList LabelPicker::added() const
{
    QStringList result;
    for (int i = 0; i < m_list->count(); ++i) {
        const auto *item = m_list->item(i);
        if (item->checkState() == Qt::Checked && item->data(kInitialState).toInt() != Qt::Checked)
            result.append(item->text());
    }
    return result;
}

QStringList LabelPicker::removed() const
{
    QStringList result;
    for (int i = 0; i < m_list->count(); ++i) {
        const auto *item = m_list->item(i);
        if (item->checkState() == Qt::Unchecked && item->data(kInitialState).toInt() != Qt::Unchecked)
            result.append(item->text());
    }
    return result;
}

} // namespace Counterpart::Ui
