#include "FoldedText.h"

namespace Counterpart::Compose {

FoldedText::FoldedText(const QString &text)
    : m_folded(fold(text))
{
}

QChar FoldedText::foldChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return (u >= 'A' && u <= 'Z') ? QChar(char16_t(u + 32)) : c;
    if (u == 0x2019 || u == 0x2018 || u == 0x02BC)
        return QLatin1Char('\'');
    // Han and surrogates never fold; skipping them keeps Chinese drafts cheap.
    if ((u >= 0x3400 && u <= 0x9FFF) || c.isSurrogate())
        return c;
    QChar base = c;
    // "ΐ" decomposes to "ϊ" + mark, "ϊ" to "ι" + mark: follow the chain to the bare letter.
    while (base.decompositionTag() == QChar::Canonical) {
        const QString d = base.decomposition();
        if (d.isEmpty() || d.at(0).isSurrogate())
            break;
        base = d.at(0);
    }
    return base.toCaseFolded();
}

QString FoldedText::fold(const QString &text)
{
    QString out(text.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (qsizetype i = 0; i < text.size(); ++i)
        dst[i] = foldChar(text.at(i));
    return out;
}

} // namespace Counterpart::Compose
