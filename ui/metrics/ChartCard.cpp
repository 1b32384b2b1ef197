#include "ChartCard.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Counterpart::Ui {

ChartCard::ChartCard(const QString &key, const QString &title, QWidget *picture, QAbstractItemModel *table,
                     QWidget *parent)
    : QFrame(parent)
    , m_picture(picture)
    , m_table(new QTableView(this))
    , m_stack(new QStackedWidget(this))
    , m_toggle(new QToolButton(this))
{
    setObjectName(QStringLiteral("card_") + key);
    setFrameShape(QFrame::StyledPanel);
    auto *heading = new QLabel(title, this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    heading->setWordWrap(true);
    m_toggle->setObjectName(QStringLiteral("toggle_") + key);
    m_toggle->setCheckable(true);
    m_toggle->setText(tr("Table"));
    m_toggle->setAccessibleName(tr("Show %1 as a table").arg(title));
    m_toggle->setToolTip(tr("Switch between the chart and the numbers behind it"));
    m_table->setObjectName(QStringLiteral("table_") + key);
    m_table->setAccessibleName(tr("%1 (table)").arg(title));
    m_table->setModel(table);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    picture->setParent(m_stack);
    m_stack->addWidget(picture);
    m_stack->addWidget(m_table);

    auto *top = new QHBoxLayout;
    top->addWidget(heading, 1);
    top->addWidget(m_toggle);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    setMinimumHeight(260);
    connect(m_toggle, &QToolButton::toggled, this, &ChartCard::showTable);
}

bool ChartCard::isShowingTable() const
{
    return m_stack->currentWidget() == m_table;
}

void ChartCard::showTable(bool table)
{
    m_stack->setCurrentWidget(table ? static_cast<QWidget *>(m_table) : m_picture);
    m_toggle->setText(table ? tr("Chart") : tr("Table"));
    if (m_toggle->isChecked() != table)
        m_toggle->setChecked(table);
}

} // namespace Counterpart::Ui
