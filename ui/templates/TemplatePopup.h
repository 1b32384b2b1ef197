#pragma once

#include "composer/EditorAccess.h"
#include "compose/Template.h"

#include <QFrame>
#include <QList>

class QLabel;
class QListWidget;

namespace Counterpart::Ui {

class TemplateInserter;

/**
 * The "/" menu of the composer: typing "/" at the start of a word opens a list of templates
 * filtered fuzzily by what follows (shortcut first, then name); Up/Down choose, Enter or Tab
 * insert in place of the "/query", Escape closes. The editor keeps the keyboard focus all along.
 */
class TemplatePopup : public QFrame
{
    Q_OBJECT
public:
    TemplatePopup(EditorAccess editor, TemplateInserter *inserter, QWidget *parent = nullptr);

    void setTemplates(const QList<Compose::Template> &templates);
    /** Opens on all templates at the cursor, as the "Insert template" command does. */
    void openAtCursor();

    QString query() const { return m_query; }
    QListWidget *list() const { return m_list; }
    /** Templates shown for the current query, best first. */
    QList<Compose::Template> matches() const { return m_matches; }

    /** How well \a query matches: -1 not at all; higher is better. Case- and accent-blind. */
    static int fuzzyScore(const Compose::Template &templ, const QString &query);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateFromEditor();
    void showMatches();
    void choose(int row);
    void placeAtCursor();

    EditorAccess m_editor;
    TemplateInserter *m_inserter;
    QList<Compose::Template> m_templates;
    QList<Compose::Template> m_matches;
    QListWidget *m_list;
    QLabel *m_guidance;
    QString m_query;
    int m_anchor = -1;         ///< position of the "/" (or of the cursor when opened by command)
    bool m_typedSlash = false; ///< the anchor is a typed "/" that insertion removes
    int m_dismissedAnchor = -1; ///< Escape closes until another "/" is typed
    bool m_inserting = false;
};

} // namespace Counterpart::Ui
