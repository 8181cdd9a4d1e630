#include "savepolicy.h"

#include "clock.h"
#include "exportjob.h"
#include "jobstore.h"

namespace fbm {

namespace {
constexpr int kPromptDelayMs = 500;
constexpr int kLazyDelayMs = 30 * 1000;
} // namespace

SavePolicy::SavePolicy(JobStore *store, Lookup lookup, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_lookup(std::move(lookup))
    , m_clock(clock)
{
    m_promptTimer.setInterval(kPromptDelayMs);
    m_promptTimer.setSingleShot(true);
    connect(&m_promptTimer, &QTimer::timeout, this, &SavePolicy::flush);
    m_lazyTimer.setInterval(kLazyDelayMs);
    m_lazyTimer.setSingleShot(true);
    connect(&m_lazyTimer, &QTimer::timeout, this, [this] {
        m_prompt.unite(std::exchange(m_lazy, {}));
        flush();
    });
}

void SavePolicy::changed(const QString &id, JobFields fields, bool now)
{
    if (!m_store)
        return;
    constexpr JobFields kPrompt =
        JobField::State | JobField::Files | JobField::Manifest | JobField::Error;
    if (now) {
        m_prompt.remove(id);
        m_lazy.remove(id);
        m_quiet.remove(id);
        if (const ExportJob *j = m_lookup(id))
            m_store->saveLater(*j);
    } else if (fields & kPrompt) {
        m_lazy.remove(id);
        m_quiet.remove(id);
        m_prompt.insert(id);
        if (!m_promptTimer.isActive())
            m_promptTimer.start();
    } else if (!m_prompt.contains(id)) {
        const ExportJob *j = m_lookup(id);
        const bool lasting = (fields & JobField::NextPoll) && j && j->nextPollAt.isValid() &&
                             m_clock->now().msecsTo(j->nextPollAt) >= m_lazyTimer.interval();
        if (lasting)
            markLazy(id);
        else if (!m_lazy.contains(id))
            m_quiet.insert(id);
    }
}

void SavePolicy::changedLazily(const QString &id)
{
    if (m_store && !m_prompt.contains(id))
        markLazy(id);
}

void SavePolicy::markLazy(const QString &id)
{
    m_quiet.remove(id);
    m_lazy.insert(id);
    if (!m_lazyTimer.isActive())
        m_lazyTimer.start();
}

void SavePolicy::forget(const QString &id)
{
    m_prompt.remove(id);
    m_lazy.remove(id);
    m_quiet.remove(id);
}

void SavePolicy::flush()
{
    m_promptTimer.stop();
    const QSet<QString> dirty = std::exchange(m_prompt, {});
    if (!m_store)
        return;
    for (const QString &id : dirty) {
        if (const ExportJob *j = m_lookup(id))
            m_store->saveLater(*j);
    }
}

void SavePolicy::saveAll()
{
    m_lazyTimer.stop();
    m_prompt.unite(std::exchange(m_lazy, {}));
    m_prompt.unite(std::exchange(m_quiet, {}));
    flush();
}

} // namespace fbm
