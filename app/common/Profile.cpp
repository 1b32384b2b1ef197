#include "Profile.h"

#include "connectors/demo/DemoGenerator.h"

#include <QObject>

namespace Counterpart {

Profile::Profile(const QString &directory)
    : m_location(directory)
{
}

Profile::OpenResult Profile::open(const DemoSettings &demo)
{
    OpenResult result;
    if (!m_location.ensureExists(&result.error))
        return result;
    // The workspace first: if it is damaged, stop before anything else touches the folder.
    const auto workspace = m_workspace.open(m_location.workspacePath());
    if (!workspace.ok) {
        result.error = workspace.message;
        return result;
    }
    const auto cache = m_cache.open(m_location.cachePath());
    if (!cache.ok) {
        result.error = cache.message;
        return result;
    }
    result.notice = cache.message;
    m_outbox = std::make_unique<Sync::OutboxStore>(&m_workspace);
    m_accounts = std::make_unique<Sync::AccountStore>(&m_workspace);
    m_templates = std::make_unique<Storage::TemplateStore>(m_workspace.connection());
    m_templates->seedStarterLibrary(); // once per workspace: deleted starters stay deleted
    m_reviews = std::make_unique<Storage::ReviewStore>(&m_workspace);
    m_lattePolicies = std::make_unique<Storage::LattePolicyStore>(&m_workspace);
    if (demo.createIfEmpty && m_cache.sources().isEmpty()) {
        Connectors::Demo::DemoOptions options;
        options.conversations = demo.conversations;
        options.seed = demo.seed;
        Connectors::Demo::DemoGenerator generator(options);
        QString error;
        if (!generator.writeTo(m_cache, &error)) {
            result.error = QObject::tr("The demo workspace could not be written: %1").arg(error);
            return result;
        }
    }
    result.demo = isDemo();
    result.ok = true;
    return result;
}

bool Profile::isDemo() const
{
    const auto sources = m_cache.sources();
    if (sources.isEmpty())
        return false;
    for (const auto &source : sources) {
        if (source.kind != QLatin1String("demo"))
            return false;
    }
    return true;
}

} // namespace Counterpart
