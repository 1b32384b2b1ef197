#pragma once

#include "storage/CacheStore.h"
#include "storage/DataLocation.h"
#include "storage/LattePolicyStore.h"
#include "storage/ReviewStore.h"
#include "storage/TemplateStore.h"
#include "storage/WorkspaceStore.h"
#include "sync/AccountStore.h"
#include "sync/OutboxStore.h"

#include <memory>

namespace Counterpart {

/**
 * One data folder opened for use: both stores, and the demo workspace written on first launch
 * when no helpdesk account has been connected. The desktop program, the CLI and the tests all
 * start here, so they see the same data the same way.
 */
class Profile
{
public:
    struct OpenResult
    {
        bool ok = false;
        QString error;  ///< why the profile cannot be used (shown, then the program stops)
        QString notice; ///< something the user should know (the cache was rebuilt ...)
        bool demo = false;
    };

    struct DemoSettings
    {
        bool createIfEmpty = true;
        int conversations = 2000;
        quint64 seed = 42;
    };

    explicit Profile(const QString &directory);

    OpenResult open(const DemoSettings &demo);
    OpenResult open() { return open(DemoSettings{}); }

    Storage::DataLocation location() const { return m_location; }
    Storage::CacheStore *cache() { return &m_cache; }
    Storage::WorkspaceStore *workspace() { return &m_workspace; }
    /** Available once open() succeeded. */
    Sync::OutboxStore *outbox() { return m_outbox.get(); }
    Sync::AccountStore *accounts() { return m_accounts.get(); }
    Storage::TemplateStore *templates() { return m_templates.get(); }
    Storage::ReviewStore *reviews() { return m_reviews.get(); }
    Storage::LattePolicyStore *lattePolicies() { return m_lattePolicies.get(); }
    /** True when every source in the cache is the generated demo. */
    bool isDemo() const;

private:
    Storage::DataLocation m_location;
    Storage::CacheStore m_cache;
    Storage::WorkspaceStore m_workspace;
    std::unique_ptr<Sync::OutboxStore> m_outbox;
    std::unique_ptr<Sync::AccountStore> m_accounts;
    std::unique_ptr<Storage::TemplateStore> m_templates;
    std::unique_ptr<Storage::ReviewStore> m_reviews;
    std::unique_ptr<Storage::LattePolicyStore> m_lattePolicies;
};

} // namespace Counterpart
