#pragma once

#include "jobfields.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>

namespace fbm {

class Clock;
class JobStore;
struct ExportJob;

/// How soon a job's change goes to the disk. What a restart needs (state, manifest, errors, a
/// failed file) within half a second, or at once; downloads starting, progressing or finishing,
/// and a countdown that still matters after a restart (half a minute or more) within half a
/// minute, since a restart finds downloads again on the disk; the poll log, X-Progress and
/// short countdowns alone with the job's next save, or at exit. So a thousand jobs polling
/// every second, their X-Progress changing at each poll, rewrite no files at all.
class SavePolicy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavePolicy)
public:
    using Lookup = std::function<const ExportJob *(const QString &id)>;

    /// \a store may be null (nothing is saved); \a lookup gives the job to save.
    SavePolicy(JobStore *store, Lookup lookup, const Clock *clock, QObject *parent = nullptr);

    void setClock(const Clock *clock) { m_clock = clock; }
    /// How long lazy changes may wait (30 s; tests shorten it).
    void setLazyDelayMs(int ms) { m_lazyTimer.setInterval(ms); }

    /// \a fields of job \a id changed; \a now: save it now (a state change).
    void changed(const QString &id, JobFields fields, bool now);
    /// A change a restart can do without, because it finds it again on the disk.
    void changedLazily(const QString &id);
    /// The job is gone: nothing of it is saved any more.
    void forget(const QString &id);
    /// Hands every unsaved change to the store (shutdown, tests).
    void saveAll();

private:
    void markLazy(const QString &id);
    void flush();

    JobStore *m_store;
    Lookup m_lookup;
    const Clock *m_clock;
    QSet<QString> m_prompt; ///< within kPromptDelayMs
    QSet<QString> m_lazy;   ///< within the lazy delay
    QSet<QString> m_quiet;  ///< with the job's next save, or at exit
    QTimer m_promptTimer;
    QTimer m_lazyTimer;
};

} // namespace fbm
