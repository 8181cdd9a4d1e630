#include "schedulecontroller.h"

#include "jobstore.h"
#include "newexportdialog.h"
#include "schedulesdialog.h"
#include "session.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace fbm {

ScheduleController::ScheduleController(Session *session, QWidget *window,
                                       std::function<QString()> currentJob,
                                       std::function<void(const QString &)> status,
                                       std::unique_ptr<ScheduleService> service)
    : QObject(window)
    , m_session(session)
    , m_window(window)
    , m_currentJob(std::move(currentJob))
    , m_status(std::move(status))
    , m_service(service
                    ? std::move(service)
                    : std::make_unique<ScheduleService>(ScheduleStore(), UserScheduler(),
                                                        QCoreApplication::applicationFilePath()))
    , m_schedules(new QAction(tr("Sc&hedules…"), this))
    , m_repeat(new QAction(tr("Re&peat…"), this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_settle(new QTimer(this))
{
    m_schedules->setObjectName(u"schedulesAction"_s);
    m_schedules->setStatusTip(tr("The recurring exports, their next and last runs"));
    m_repeat->setObjectName(u"repeatAction"_s);
    m_repeat->setStatusTip(tr("Repeat the selected export daily or weekly"));
    connect(m_schedules, &QAction::triggered, this, &ScheduleController::showSchedules);
    connect(m_repeat, &QAction::triggered, this, &ScheduleController::repeatSelected);
    // A run writes its result once at its end: collect after the folder has settled.
    m_settle->setSingleShot(true);
    m_settle->setInterval(1000);
    connect(m_settle, &QTimer::timeout, this, &ScheduleController::collectRuns);
    const QString dir = m_service->store().directory();
    QDir().mkpath(dir);
    m_watcher->addPath(dir);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_settle,
            qOverload<>(&QTimer::start));
}

ScheduleController::~ScheduleController() = default;

QStringList ScheduleController::profileNames() const
{
    QStringList names;
    for (const Profile &p : m_session->profiles()) {
        if (!p.reporting && !m_session->isDemoProfile(p.id))
            names << p.name;
    }
    return names;
}

void ScheduleController::showSchedules()
{
    if (!m_dialog) {
        m_dialog = new SchedulesDialog(m_service.get(), profileNames(), nullptr, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_dialog->refresh();
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void ScheduleController::repeat(const ExportRequest &request, const JobOptions &options,
                                const QString &profileId, const QString &saveIn)
{
    const std::optional<Profile> profile = m_session->profile(profileId);
    if (!profile || m_session->isDemoProfile(profileId)) {
        // The demo server lives only as long as the window: nothing to repeat at night.
        m_status(tr("Only an export from a saved server can be repeated."));
        return;
    }
    Schedule s;
    s.profile = profile->name;
    s.saveIn = saveIn;
    s.exportArguments =
        Schedule::argumentsFor(request, options.keepOnServer && !profile->keepFilesOnServer,
                               options.gzip && !profile->gzipOutputs,
                               options.attachments && !profile->downloadAttachments);
    showSchedules();
    m_dialog->add(s);
}

void ScheduleController::offerRepeat(NewExportDialog *dialog)
{
    connect(dialog, &NewExportDialog::repeatRequested, this, [this, dialog] {
        repeat(dialog->request(), dialog->options(), dialog->profileId(), dialog->options().outDir);
    });
}

void ScheduleController::repeatSelected()
{
    const QString id = m_currentJob();
    const ExportJob *j = id.isEmpty() ? nullptr : m_session->manager()->job(id);
    if (!j) {
        m_status(tr("Select the export to repeat first."));
        return;
    }
    JobOptions options;
    options.keepOnServer = j->keepOnServer;
    options.gzip = j->gzip;
    options.attachments = j->attachments;
    // The export's own folder is the dated one: its runs go beside it.
    repeat(j->request, options, j->profileId, QFileInfo(j->outDir).absolutePath());
}

void ScheduleController::collectRuns()
{
    const ScheduleStore &store = m_service->store();
    JobManager *manager = m_session->manager();
    const QStringList taken = store.takenJobs();
    QStringList newlyTaken;
    QStringList failures;
    std::unique_ptr<JobStore> cliJobs;
    for (const Schedule &s : store.list()) {
        const std::optional<ScheduleRun> last = store.lastRun(s.name);
        if (!last)
            continue;
        for (const QString &id : last->jobIds) {
            if (taken.contains(id) || manager->job(id))
                continue;
            if (!cliJobs)
                cliJobs = std::make_unique<JobStore>(ScheduleStore::commandLineJobDirectory());
            std::optional<ExportJob> job = cliJobs->load(id);
            if (!job || !job->isTerminal())
                continue; // still running: taken when it has ended
            // The window's own list keeps it from now on; the run's copy stays the command
            // line's.
            if (JobStore *own = m_session->jobStore())
                own->saveLater(*job);
            manager->adopt(*job);
            newlyTaken << id;
        }
        if (!last->ok() && !last->seen) {
            //: %1 a schedule's name, %2 a date and time, %3 why the run failed
            failures << tr("Schedule \"%1\", %2: %3")
                            .arg(s.name,
                                 QLocale().toString(last->at.toLocalTime(), QLocale::ShortFormat),
                                 last->message);
            store.markSeen(s.name);
        }
    }
    store.addTakenJobs(newlyTaken);
    if (m_dialog)
        m_dialog->refresh();
    if (failures.isEmpty())
        return;
    //: %n is the number of failed scheduled runs
    auto *box = new QMessageBox(QMessageBox::Warning,
                                tr("%n scheduled export(s) failed", nullptr, int(failures.size())),
                                failures.join(u"\n\n"_s), QMessageBox::Ok, m_window);
    box->setObjectName(u"scheduledRunFailedBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace fbm
