#pragma once

#include "DemoLanguage.h"

namespace Counterpart::Connectors::Demo {

/**
 * The demo text corpus, read once from the resources (:/demo/<language>.json). Kept as data so
 * that native speakers can improve a language without touching the generator.
 */
class DemoCorpus
{
public:
    /** The four languages, in a fixed order: en, zh-Hans, zh-Hant, el. */
    static const QStringList &languageKeys();
    /** Loaded on first use; aborts with a message if a resource is missing or malformed. */
    static const DemoCorpus &instance();

    const DemoLanguage &language(int index) const { return m_languages.at(index); }
    int languageCount() const { return int(m_languages.size()); }
    /** Problems found while loading (missing fields, empty lists); empty when all is well. */
    const QStringList &problems() const { return m_problems; }

private:
    DemoCorpus();
    DemoLanguage load(const QString &key, const DemoLanguage *fallback);

    QList<DemoLanguage> m_languages;
    QStringList m_problems;
};

} // namespace Counterpart::Connectors::Demo
