#pragma once

#include "models/SavedView.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Ui {

/**
 * Creates, edits and deletes the agent's saved views: a list of them on the left, the chosen
 * one's name and filter on the right (status, channel, inbox, assignee, label, priority,
 * language, waiting time), with a live count of what it matches. Works on a copy: views() is
 * what the caller stores once the dialog is accepted.
 */
class SavedViewDialog : public QDialog
{
    Q_OBJECT
public:
    /** How many conversations a filter matches now (for the live count); may be empty. */
    using Counter = std::function<int(const Models::ConversationFilter &)>;

    SavedViewDialog(Storage::CacheStore *cache, const QList<Models::SavedView> &views,
                    Counter counter = {}, QWidget *parent = nullptr);

    QList<Models::SavedView> views() const { return m_views; }
    /** Shows the view at `index` for editing. */
    void editView(int index);
    /** Adds a new view (starting from `filter`) and selects its name for typing. */
    void addView(const Models::ConversationFilter &filter = {});
    void deleteCurrentView();
    /** Names the view being edited (a new view made from another one). */
    void setProposedName(const QString &name);

private:
    void buildForm(QWidget *form);
    void fillChoices();
    void showView(int index);
    void storeForm();
    Models::ConversationFilter formFilter() const;
    void updateState();

    Storage::CacheStore *m_cache;
    QList<Models::SavedView> m_views;
    Counter m_counter;
    int m_current = -1;
    bool m_loading = true; ///< the form is being filled: its change signals mean nothing yet

    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_delete = nullptr;
    QWidget *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QList<QCheckBox *> m_statuses;
    QComboBox *m_assignee = nullptr;
    QComboBox *m_channel = nullptr;
    QComboBox *m_inbox = nullptr;
    QComboBox *m_label = nullptr;
    QComboBox *m_priority = nullptr;
    QComboBox *m_language = nullptr;
    QSpinBox *m_waiting = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace Counterpart::Ui
