#pragma once

#include "CredentialJob.h"

#include <QObject>

namespace Counterpart::Credentials {

/**
 * Where account tokens live. The only implementations are the system keychain and memory
 * (session-only): there is deliberately no file-backed one, so a token can never end up in
 * plain text by falling back silently. Jobs are returned unstarted; the caller connects to
 * finished() and calls start().
 */
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual CredentialJob *readSecret(const QString &key) = 0;
    virtual CredentialJob *writeSecret(const QString &key, const QString &secret) = 0;
    virtual CredentialJob *removeSecret(const QString &key) = 0;
    /** True when secrets outlive the process (the keychain), false for session-only memory. */
    virtual bool isPersistent() const = 0;

signals:
    /**
     * A job found no usable keychain. The UI explains `reason` and offers to keep the token for
     * this session only (MemoryCredentialStore); the CLI prints it and suggests --session-only.
     */
    void keychainUnavailable(const QString &reason);
};

} // namespace Counterpart::Credentials
