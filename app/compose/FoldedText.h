#pragma once

#include <QString>

namespace Counterpart::Compose {

/**
 * A case- and accent-folded copy of a text with exactly the same length, so that an offset found
 * in the folded copy is the offset in the original. Search::SearchText::fold() drops combining
 * marks and may change the length, which would break the spans the composer underlines.
 * Typographic apostrophes become ASCII ones, so "can’t" matches "can't".
 */
class FoldedText
{
public:
    explicit FoldedText(const QString &text);

    const QString &text() const { return m_folded; }

    static QChar foldChar(QChar c);
    static QString fold(const QString &text);

private:
    QString m_folded;
};

} // namespace Counterpart::Compose
