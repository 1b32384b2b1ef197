#pragma once

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace Counterpart::Storage {
class ReviewStore;
}
namespace Counterpart::Models {
class AnnotationListModel;
}

namespace Counterpart::Ui {

/**
 * The lead's annotations on the open transcript, and the form that pins a new one (comment,
 * praise or coaching point) to the message selected in the transcript. Activating an annotation
 * asks the window to show its message.
 */
class AnnotationPanel : public QWidget
{
    Q_OBJECT
public:
    AnnotationPanel(Storage::ReviewStore *reviews, Models::AnnotationListModel *model, QWidget *parent = nullptr);

    /** The message new annotations are pinned to; 0: none selected. */
    void setCurrentMessage(qint64 messageRemoteId, const QString &excerpt);
    void setNow(const QDateTime &now) { m_now = now; }

    /** Pins the form's text to the current message; false when nothing is selected or typed. */
    bool pin();

    QListView *list() const { return m_list; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *textEdit() const { return m_text; }
    QPushButton *pinButton() const { return m_pin; }

signals:
    void messageRequested(qint64 messageRemoteId);

private:
    void updateState();
    void removeSelected();

    Storage::ReviewStore *m_reviews;
    Models::AnnotationListModel *m_model;
    QDateTime m_now;
    qint64 m_messageRemoteId = 0;
    QLabel *m_target;
    QListView *m_list;
    QComboBox *m_kind;
    QLineEdit *m_text;
    QPushButton *m_pin;
    QPushButton *m_remove;
};

} // namespace Counterpart::Ui
