#include "scheduledrun.h"

#include "auth/profile.h"
#include "auth/secretstore.h"
#include "cli.h"
#include "session.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace fbm::cli {

ScheduledRun::ScheduledRun(QString name, ScheduleStore store)
    : m_name(std::move(name))
    , m_store(std::move(store))
{}

QString ScheduledRun::begin()
{
    if (!isScheduled())
        return {};
    QDir().mkpath(m_store.directory());
    m_lock = std::make_unique<QLockFile>(m_store.lockPath(m_name));
    // Never stale by age: a run may take a night. QLockFile still takes over the lock of a
    // process that has ended.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0))
        return {};
    m_lock.reset();
    //: %1 is a schedule's name
    return Text::tr("The previous run of schedule %1 is still running; this run was skipped.")
        .arg(m_name);
}

void ScheduledRun::record(int exitCode, const QString &message, const QString &jobId,
                          const QString &folder)
{
    if (!isScheduled())
        return;
    ScheduleRun run;
    run.at = QDateTime::currentDateTimeUtc();
    run.exitCode = exitCode;
    run.message = message;
    run.jobId = jobId;
    run.folder = folder;
    (void)m_store.recordRun(m_name, run);
}

QString ScheduledRun::keychainProblem(Session &session, const QString &profileName)
{
    ProfileStore *profiles = session.profileStore();
    const std::optional<Profile> profile = profiles ? profiles->byName(profileName) : std::nullopt;
    if (!profile || profile->secretName().isEmpty())
        return {};
    // A keychain that is locked with nobody there to unlock it (gnome-keyring cannot show its
    // prompt) answers "not found" rather than an error: both end the run with one sentence.
    bool readable = false;
    QEventLoop loop;
    session.secrets()->read(profile->secretKey(), &loop,
                            [&](const QByteArray &, bool found, const Error &error) {
                                readable = found && !error;
                                loop.quit();
                            });
    loop.exec();
    if (readable)
        return {};
    //: %1 is a profile's name. Keep "loginctl enable-linger" as it is: it is a command.
    return Text::tr("The keychain is locked or holds no secret for profile \"%1\", so the "
                    "scheduled export did not run. Log in or unlock the keyring, run \"loginctl "
                    "enable-linger\", or export with a key file readable only by you (see "
                    "\"Recurring exports\" in the README).")
        .arg(profile->name);
}

} // namespace fbm::cli
