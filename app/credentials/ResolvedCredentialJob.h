#pragma once

#include "CredentialJob.h"

#include <functional>

namespace Counterpart::Credentials {

/**
 * A job whose work is a quick in-process function (memory store). It still reports through the
 * event loop, after start() returns, so callers handle every store the same asynchronous way.
 */
class ResolvedCredentialJob : public CredentialJob
{
    Q_OBJECT
public:
    struct Result
    {
        Error error = Error::None;
        QString errorString;
        QString secret;
    };

    ResolvedCredentialJob(Operation operation, const QString &key, std::function<Result()> work,
                          QObject *parent = nullptr);
    void start() override;

private:
    std::function<Result()> m_work;
};

} // namespace Counterpart::Credentials
