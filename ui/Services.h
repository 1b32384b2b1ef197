#pragma once

#include <QDateTime>

namespace Counterpart::Storage {
class CacheStore;
class LattePolicyStore;
class ReviewStore;
class TemplateStore;
class WorkspaceStore;
} // namespace Counterpart::Storage

namespace Counterpart::Sync {
class AccountConnectors;
class AccountStore;
class OutboxStore;
class SyncEngine;
} // namespace Counterpart::Sync

namespace Counterpart::Ui {

/**
 * What the window's features work with, created by the composition root (app/main.cpp) or a
 * test and passed down: no widget creates a store or reaches for a global. Pointers that may be
 * null say so.
 */
struct Services
{
    Storage::CacheStore *cache = nullptr;
    Storage::WorkspaceStore *workspace = nullptr;
    Sync::OutboxStore *outbox = nullptr;       ///< may be null in narrow tests
    Storage::TemplateStore *templates = nullptr; ///< may be null in narrow tests
    /** LATTE policies and inbox voices; null in narrow tests: remind of every step, neutral voice. */
    Storage::LattePolicyStore *lattePolicies = nullptr;
    Sync::AccountStore *accounts = nullptr;    ///< may be null in narrow tests
    Sync::SyncEngine *sync = nullptr;          ///< null when nothing syncs (tests, offline demo)
    Sync::AccountConnectors *connectors = nullptr; ///< adds accounts and tokens; null with `sync`
    /** Scorecards and annotations (workspace.sqlite); null hides the review and dashboard commands. */
    Storage::ReviewStore *reviews = nullptr;
};

} // namespace Counterpart::Ui
