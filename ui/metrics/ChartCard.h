#pragma once

#include <QFrame>

class QAbstractItemModel;
class QLabel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace Counterpart::Ui {

/**
 * A dashboard card: a title, a picture (a chart, or the heatmap) and the table behind it; the
 * toggle switches between the two, so every chart can be read as numbers.
 */
class ChartCard : public QFrame
{
    Q_OBJECT
public:
    ChartCard(const QString &key, const QString &title, QWidget *picture, QAbstractItemModel *table,
              QWidget *parent = nullptr);

    bool isShowingTable() const;
    void showTable(bool table);
    QToolButton *toggle() const { return m_toggle; }
    QTableView *tableView() const { return m_table; }
    QWidget *picture() const { return m_picture; }

private:
    QWidget *m_picture;
    QTableView *m_table;
    QStackedWidget *m_stack;
    QToolButton *m_toggle;
};

} // namespace Counterpart::Ui
