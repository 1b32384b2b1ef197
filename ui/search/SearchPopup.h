#pragma once

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Models {
class SearchResultModel;
}

namespace Counterpart::Ui {

/**
 * Global search (Ctrl+K or /): a query field, channel and status chips, and the results with the
 * matched words in bold. Typing searches after a short pause; Up/Down move through the results,
 * Enter opens the conversation (conversationChosen), Esc closes.
 */
class SearchPopup : public QDialog
{
    Q_OBJECT
public:
    explicit SearchPopup(Storage::CacheStore *cache, QWidget *parent = nullptr);

    /** Shows the popup over its parent window with the query field focused and selected. */
    void popUp();
    /** Sets the query and searches at once (no debounce), as if typed and waited for. */
    void search(const QString &query);
    Models::SearchResultModel *model() const { return m_model; }
    QListView *resultList() const { return m_results; }

signals:
    /** The agent picked a result: the conversation to open (a contact's most recent one). */
    void conversationChosen(qint64 conversationId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildChips();
    void runSearch();
    void applyFilters();
    void activate(const QModelIndex &index);
    void moveCurrent(int delta);
    void updateSummary();

    Storage::CacheStore *m_cache;
    Models::SearchResultModel *m_model;
    QLineEdit *m_query;
    QListView *m_results;
    QLabel *m_summary;
    QTimer *m_debounce;
    QButtonGroup *m_channels = nullptr;
    QButtonGroup *m_statuses = nullptr;
};

} // namespace Counterpart::Ui
