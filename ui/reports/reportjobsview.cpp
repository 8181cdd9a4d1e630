#include "reportjobsview.h"
#include "logging.h"

#include "filechooser.h"
#include "filteredit.h"
#include "httpclient.h"
#include "i18n.h"
#include "recordtable.h"
#include "reportdetailspane.h"
#include "reportjobactions.h"
#include "reportjobfilterproxy.h"
#include "reports/reportjobmodel.h"
#include "reportstatusline.h"
#include "startreportdialog.h"
#include "uisettings.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>

#include "toolbarfit.h"
#include <QToolButton>
#include <QVBoxLayout>

#include <optional>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

constexpr int kDefaultRefreshSeconds = 30;
const auto kSettingsGroup = u"reports"_s;

QIcon themed(const QWidget *w, const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name), w->style()->standardIcon(fallback));
}

} // namespace

// --- the view ----------------------------------------------------------------------------------

ReportJobsView::ReportJobsView(const Profile &profile, HttpClient *client, QWidget *parent)
    : QWidget(parent)
    , m_profile(profile)
    , m_client(new ReportClient(client, this))
    , m_model(new ReportJobModel(this))
    , m_proxy(new ReportJobFilterProxy(this))
    , m_files(FileChooser::dialogs())
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(u"reportJobsView"_s);
    //: %1 the name of a reporting server profile
    setAccessibleName(tr("Report jobs on %1").arg(profile.name));
    m_model->setLocalizedText(true);
    m_proxy->setSourceModel(m_model);

    m_actions = new ReportJobActions(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(createToolBar());

    m_message = new MessageBar(this);
    m_message->setObjectName(u"reportMessage"_s);
    m_message->setClosable(true);
    m_message->textLabel()->setObjectName(u"reportMessageText"_s);
    m_message->actionButton()->setObjectName(u"reportMessageAction"_s);
    m_message->closeButton()->setObjectName(u"reportMessageClose"_s);
    layout->addWidget(m_message);

    m_view = new QTableView;
    m_view->setObjectName(u"reportJobTable"_s);
    m_view->setAccessibleName(tr("Report jobs"));
    m_view->setModel(m_proxy);
    setUpRecordTable(m_view);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSortIndicator(ReportJobModel::CreatedColumn, Qt::DescendingOrder);
    const int ch = m_view->fontMetrics().averageCharWidth();
    const int widths[ReportJobModel::ColumnCount] = {30, 14, 18, 20, 20, 20, 9, 30};
    for (int c = 0; c < ReportJobModel::ColumnCount; ++c)
        header->resizeSection(c, widths[c] * ch);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions(
        {m_actions->download(), m_actions->open(), m_actions->extract(), m_actions->refresh()});

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(u"reportSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);
    m_details = new ReportDetailsPane;
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    m_statusLine = new ReportStatusLine(m_client, m_model, m_proxy);
    connect(m_statusLine, &ReportStatusLine::intervalChanged, this, [this](int seconds) {
        m_client->setAutoRefreshInterval(seconds * 1000);
        settings()->setValue(kSettingsGroup + u"/autoRefreshSeconds"_s, seconds);
        updateStatusLine();
    });
    layout->addWidget(m_statusLine);

    connect(m_client, &ReportClient::jobsFetched, this, &ReportJobsView::onJobsFetched);
    connect(m_client, &ReportClient::fetchFailed, this, &ReportJobsView::onFetchFailed);
    connect(m_client, &ReportClient::reportDownloaded, this, &ReportJobsView::onReportDownloaded);
    connect(m_client, &ReportClient::allDownloadsFinished, this,
            &ReportJobsView::onAllDownloadsFinished);
    connect(m_client, &ReportClient::activity, this, &ReportJobsView::activity);
    connect(m_model, &ReportJobModel::jobFinished, this, &ReportJobsView::onJobFinished);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ReportJobsView::onRowsInserted);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        showDetails();
        updateActions();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReportJobsView::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetails();
        updateActions();
    });
    connect(m_view, &QTableView::activated, this, [this] {
        // Enter or a double click: the obvious thing for the job.
        if (m_actions->open()->isEnabled())
            openSavedReport();
        else if (m_actions->download()->isEnabled())
            downloadReport();
    });

    loadSettings();
    applyIcons();
    updateActions();
    updateStatusLine();
    showDetails();
}

ReportJobsView::~ReportJobsView()
{
    saveHeaderState();
}

QSortFilterProxyModel *ReportJobsView::proxyModel() const
{
    return m_proxy;
}

QList<QAction *> ReportJobsView::reportActions() const
{
    return m_actions->all();
}

QToolBar *ReportJobsView::createToolBar()
{
    auto *bar = new QToolBar;
    bar->setObjectName(u"reportToolBar"_s);
    bar->setAccessibleName(tr("Report actions"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_actions->refresh());
    bar->addAction(m_actions->start());
    bar->addSeparator();
    bar->addAction(m_actions->download());
    bar->addAction(m_actions->downloadAll());
    bar->addAction(m_actions->saveStatus());
    bar->addSeparator();
    bar->addAction(m_actions->open());
    bar->addAction(m_actions->extract());

    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    m_filter = new FilterEdit(22, 36);
    m_filter->setObjectName(u"reportFilter"_s);
    m_filter->setPlaceholderText(tr("Filter reports…"));
    m_filter->setAccessibleName(tr("Filter report jobs"));
    m_filter->setToolTip(tr("Show only the jobs whose report, status, user, times or "
                            "parameters contain these words (Ctrl+F)"));
    bar->addWidget(m_filter);
    // At 1024 pixels the words do not all fit: the plainest lose theirs first.
    new ToolBarFit(bar, {m_actions->refresh(), m_actions->open(), m_actions->extract(),
                         m_actions->saveStatus(), m_actions->downloadAll(), m_actions->download(),
                         m_actions->start()});
    connect(m_actions->find(), &QAction::triggered, m_filter, &FilterEdit::focusForTyping);
    connect(m_filter, &FilterEdit::filterChanged, this, [this](const QString &text) {
        m_proxy->setWords(text);
        updateActions();
        updateStatusLine();
    });
    return bar;
}

void ReportJobsView::applyIcons()
{
    m_actions->applyIcons();
    m_proxy->setStatusIcons(themed(this, "emblem-ok", QStyle::SP_DialogApplyButton),
                            themed(this, "dialog-error", QStyle::SP_MessageBoxCritical),
                            themed(this, "appointment-soon", QStyle::SP_BrowserReload));
}

void ReportJobsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::StyleChange)
        applyIcons();
    QWidget::changeEvent(event);
}

void ReportJobsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        const int h = m_splitter->height();
        m_splitter->setSizes({h * 3 / 5, h - h * 3 / 5});
    }
    if (!m_fetchedOnce && !m_client->isFetching())
        refresh();
}

// --- settings ----------------------------------------------------------------------------------

void ReportJobsView::setFileChooser(FileChooser *chooser)
{
    m_files = chooser ? chooser : FileChooser::dialogs();
}

void ReportJobsView::setSettingsPath(const QString &iniPath)
{
    m_settingsPath = iniPath;
    loadSettings();
}

std::unique_ptr<QSettings> ReportJobsView::settings() const
{
    return openUiSettings(m_settingsPath);
}

void ReportJobsView::loadSettings()
{
    const auto s = settings();
    const int seconds =
        s->value(kSettingsGroup + u"/autoRefreshSeconds"_s, kDefaultRefreshSeconds).toInt();
    m_statusLine->setInterval(seconds);
    m_client->setAutoRefreshInterval(autoRefreshSeconds() * 1000);
    const QByteArray header = s->value(kSettingsGroup + u"/tableHeader"_s).toByteArray();
    if (!header.isEmpty())
        m_headerRestored = m_view->horizontalHeader()->restoreState(header);
}

void ReportJobsView::saveHeaderState() const
{
    if (const auto s = settings())
        s->setValue(kSettingsGroup + u"/tableHeader"_s, m_view->horizontalHeader()->saveState());
}

int ReportJobsView::autoRefreshSeconds() const
{
    return m_statusLine->interval();
}

void ReportJobsView::setAutoRefreshSeconds(int seconds)
{
    m_statusLine->setInterval(seconds);
    m_client->setAutoRefreshInterval(autoRefreshSeconds() * 1000);
    settings()->setValue(kSettingsGroup + u"/autoRefreshSeconds"_s, autoRefreshSeconds());
    updateStatusLine();
}

QString ReportJobsView::downloadFolder() const
{
    const QString remembered =
        settings()->value(kSettingsGroup + u"/downloadFolder/"_s + m_profile.id).toString();
    return ReportArchive::folderFor(remembered, m_profile.outputDir);
}

void ReportJobsView::rememberDownloadFolder(const QString &folder)
{
    if (const auto s = settings())
        s->setValue(kSettingsGroup + u"/downloadFolder/"_s + m_profile.id, folder);
}

QString ReportJobsView::chooseDownloadFolder(const QString &title)
{
    const QString folder = m_files->existingFolder(this, title, downloadFolder());
    if (!folder.isEmpty())
        rememberDownloadFolder(folder);
    return folder;
}

// --- list --------------------------------------------------------------------------------------

void ReportJobsView::refresh()
{
    if (m_client->isFetching())
        return;
    m_client->fetchJobs();
    updateStatusLine();
}

void ReportJobsView::onJobsFetched(const QList<ReportJob> &jobs)
{
    const bool first = !m_fetchedOnce;
    m_fetchedOnce = true;
    m_lastError.clear();
    m_model->setJobs(jobs);
    if (first && m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->selectRow(0);
    if (first && !m_headerRestored && m_model->rowCount() > 0) {
        // Fit the columns to what the server sent; the parameters take the rest.
        QHeaderView *header = m_view->horizontalHeader();
        const int maxWidth = m_view->fontMetrics().averageCharWidth() * 40;
        for (int c = 0; c < ReportJobModel::ParametersColumn; ++c) {
            m_view->resizeColumnToContents(c);
            header->resizeSection(c, qMin(header->sectionSize(c) + 8, maxWidth));
        }
        // User ids are UUIDs: the start tells them apart, the tooltip has the rest.
        header->resizeSection(ReportJobModel::UserColumn,
                              qMin(header->sectionSize(ReportJobModel::UserColumn),
                                   m_view->fontMetrics().averageCharWidth() * 20));
    }
    // A refresh that works again clears the error it had shown; other messages stay.
    if (m_fetchErrorShown)
        clearMessage();
    const QStringList warnings = m_client->lastWarnings();
    if (!warnings.isEmpty()) {
        showMessage(MessageKind::Warning,
                    //: %1 one sentence per skipped entry
                    tr("Some entries of the server's answer are not report jobs and are not "
                       "shown:\n%1")
                        .arg(warnings.join(u'\n')));
    }
    updateActions();
    updateStatusLine();
}

void ReportJobsView::onFetchFailed(const Error &error)
{
    m_fetchedOnce = true;
    m_lastError = error.message;
    // The table keeps the last good list: a failed refresh must not look like "no jobs".
    showMessage(MessageKind::Error, error.message, tr("Try again"), [this] { refresh(); });
    m_fetchErrorShown = true;
    updateStatusLine();
}

void ReportJobsView::onJobFinished(const ReportJob &job)
{
    const QString name = job.title().isEmpty() ? tr("A report") : job.title();
    if (job.isDone()) {
        //: %1 a report's name, %2 the server profile's name
        Q_EMIT notify(tr("Report done"), tr("%1 on %2 is done.").arg(name, m_profile.name));
    } else {
        Q_EMIT notify(tr("Report failed"), tr("%1 on %2 failed.").arg(name, m_profile.name));
    }
}

void ReportJobsView::onRowsInserted(const QModelIndex &, int first, int last)
{
    if (!m_selectNextNewJob)
        return;
    m_selectNextNewJob = false;
    // The server lists a new job last or first; the newest by creation is the one just started.
    int best = first;
    for (int r = first; r <= last; ++r) {
        const ReportJob *a = m_model->jobAt(r);
        const ReportJob *b = m_model->jobAt(best);
        if (a && b && a->created > b->created)
            best = r;
    }
    // By row: the model's key index is rebuilt only after this signal.
    selectRecord(m_view, m_proxy, best);
}

QString ReportJobsView::currentJobKey() const
{
    const ReportJob *job = currentJob();
    return job ? job->key() : QString();
}

void ReportJobsView::selectJob(const QString &key)
{
    selectRecord(m_view, m_proxy, m_model->rowOfKey(key));
}

const ReportJob *ReportJobsView::currentJob() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return nullptr;
    return m_model->jobAt(m_proxy->mapToSource(index).row());
}

QList<ReportJob> ReportJobsView::selectedJobs() const
{
    QList<ReportJob> jobs;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows) {
        if (const ReportJob *job = m_model->jobAt(m_proxy->mapToSource(i).row()))
            jobs.append(*job);
    }
    if (jobs.isEmpty()) {
        if (const ReportJob *job = currentJob())
            jobs.append(*job);
    }
    return jobs;
}

void ReportJobsView::showDetails()
{
    const ReportJob *job = currentJob();
    m_details->showJob(job, job ? m_client->downloadUrl(*job) : QUrl(),
                       job ? savedPathFor(*job) : QString());
}

void ReportJobsView::updateActions()
{
    ReportJobActions::PageState now;
    now.selected = selectedJobs();
    now.downloading = m_client->isDownloading();
    now.current = currentJob();
    now.currentSavedPath = now.current ? savedPathFor(*now.current) : QString();
    now.haveStatus = !m_client->lastBundle().isEmpty();
    for (const ReportJob &j : m_model->jobs())
        now.anyDone = now.anyDone || j.isDone();
    m_actions->update(now);
}

void ReportJobsView::updateStatusLine()
{
    m_statusLine->update(m_fetchedOnce, m_lastError);
}

// --- messages ----------------------------------------------------------------------------------

void ReportJobsView::showMessage(MessageKind kind, const QString &text, const QString &actionText,
                                 std::function<void()> action)
{
    if (kind != MessageKind::Information)
        qCInfo(fbm::lcUiReports) << "message:" << text;
    m_fetchErrorShown = false;
    m_message->showMessage(kind, text, actionText, std::move(action));
}

void ReportJobsView::showNotice(const ArchiveNotice &notice)
{
    const auto kind = MessageKind(int(notice.kind));
    const QString path = notice.path;
    switch (notice.next) {
    case ArchiveNotice::Next::Nothing:
        showMessage(kind, notice.text);
        break;
    case ArchiveNotice::Next::Open:
        showMessage(kind, notice.text, tr("Open"), [this, path] { openPath(path); });
        break;
    case ArchiveNotice::Next::Extract:
        showMessage(kind, notice.text, tr("Extract…"), [this] { extractSavedReport(); });
        break;
    case ArchiveNotice::Next::ShowFolder:
        showMessage(kind, notice.text, tr("Show folder"), [this, path] { openPath(path); });
        break;
    }
}

void ReportJobsView::clearMessage()
{
    m_message->dismiss();
    m_fetchErrorShown = false;
}

QString ReportJobsView::messageText() const
{
    return m_message->text();
}

ReportJobsView::MessageKind ReportJobsView::messageKind() const
{
    return m_message->kind();
}

// --- saving ------------------------------------------------------------------------------------

void ReportJobsView::saveStatus()
{
    if (m_client->lastBundle().isEmpty()) {
        showMessage(MessageKind::Warning,
                    tr("There is no job list to save yet: refresh the list first."));
        return;
    }
    using Format = ReportClient::StatusFormat;
    const QString jsonFilter = tr("FHIR JSON (*.json)");
    const QString csvFilter = tr("CSV table (*.csv)");
    QString chosenFilter = jsonFilter;
    QString path = m_files->saveFileName(
        this, tr("Save the report job status"),
        QDir(downloadFolder()).filePath(m_client->defaultStatusFileName()),
        jsonFilter + u";;"_s + csvFilter + u";;"_s + tr("All files (*)"), &chosenFilter);
    if (path.isEmpty())
        return;
    std::optional<Format> chosen;
    if (chosenFilter == csvFilter)
        chosen = Format::CsvTable;
    else if (chosenFilter == jsonFilter)
        chosen = Format::FhirJson;
    const ReportClient::StatusFile file = ReportClient::statusFileFor(path, chosen);
    path = file.path;
    const Error e = m_client->saveStatus(path, file.format);
    if (e) {
        showMessage(MessageKind::Error, e.message);
        return;
    }
    //: %1 a file path
    showMessage(MessageKind::Information,
                tr("The job status was saved to %1.").arg(QDir::toNativeSeparators(path)),
                tr("Show folder"), [this, path] { openPath(QFileInfo(path).absolutePath()); });
}

QString ReportJobsView::savedPathFor(const ReportJob &job) const
{
    return m_archive.savedPath(job, downloadFolder());
}

QString ReportJobsView::savedReportPath() const
{
    const ReportJob *job = currentJob();
    return job ? savedPathFor(*job) : QString();
}

void ReportJobsView::downloadReport()
{
    QList<ReportJob> jobs;
    const QList<ReportJob> selected = selectedJobs();
    for (const ReportJob &job : selected) {
        if (job.hasReport())
            jobs.append(job);
    }
    if (jobs.isEmpty()) {
        const ReportJob *job = currentJob();
        showMessage(MessageKind::Information,
                    job && !job->isFinished()
                        ? tr("This report is not finished yet; it can be downloaded once its "
                             "job is done.")
                        : tr("Select a finished report job to download its report."));
        return;
    }
    const QString folder = chooseDownloadFolder(tr("Save reports in"));
    if (folder.isEmpty())
        return;
    clearMessage();
    for (const ReportJob &job : std::as_const(jobs))
        m_client->downloadReport(job, folder);
    updateActions();
}

void ReportJobsView::onReportDownloaded(const ReportDownload &result)
{
    m_archive.remember(result);
    if (!m_batchRunning)
        showNotice(ReportArchive::downloaded(result));
    showDetails();
    // The download queue is still busy inside this signal; look again once it has moved on.
    QTimer::singleShot(0, this, &ReportJobsView::updateActions);
}

void ReportJobsView::downloadAllFinished()
{
    const QString folder = chooseDownloadFolder(tr("Save all finished reports in"));
    if (folder.isEmpty())
        return;
    clearMessage();
    m_batchRunning = true;
    m_client->downloadAllFinished(folder);
    m_batchFolder = folder;
    updateActions();
}

void ReportJobsView::onAllDownloadsFinished(const QList<ReportDownload> &results)
{
    m_batchRunning = false;
    showNotice(ReportArchive::batchFinished(results, m_batchFolder));
    showDetails();
    updateActions();
}

// --- open and extract --------------------------------------------------------------------------

bool ReportJobsView::openPath(const QString &path)
{
    if (m_openUrl(QUrl::fromLocalFile(path)))
        return true;
    //: %1 a file or folder path
    showMessage(MessageKind::Error,
                tr("No program could open %1.").arg(QDir::toNativeSeparators(path)));
    return false;
}

void ReportJobsView::openSavedReport()
{
    const QString path = savedReportPath();
    if (path.isEmpty()) {
        showMessage(MessageKind::Information,
                    tr("This job's report is not saved yet: download it first."));
        return;
    }
    openPath(path);
}

void ReportJobsView::extractSavedReport()
{
    const QString path = savedReportPath();
    if (!ReportArchive::canExtract(path)) {
        showMessage(MessageKind::Information,
                    tr("This job has no saved ZIP report to extract: download it first."));
        return;
    }
    const QString folder =
        ReportArchive::extractionFolder(m_files->existingFolder(this, tr("Extract the report into"),
                                                                QFileInfo(path).absolutePath()),
                                        path);
    if (!folder.isEmpty())
        showNotice(ReportArchive::extract(path, folder));
}

// --- start a report ----------------------------------------------------------------------------

void ReportJobsView::startReport()
{
    auto *dialog = new StartReportDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &StartReportDialog::reportStarted, this, &ReportJobsView::onReportStarted);
    dialog->open();
}

void ReportJobsView::onReportStarted(const QString &name)
{
    //: %1 the report operation's name
    showMessage(MessageKind::Information,
                tr("The report %1 was started; it appears in the list as a new job.").arg(name));
    m_selectNextNewJob = true;
    if (m_client->isFetching()) {
        // The answer on its way may predate the new job: ask again once it is in.
        auto *once = new QObject(this);
        connect(m_client, &ReportClient::jobsFetched, once, [this, once] {
            once->deleteLater();
            refresh();
        });
        connect(m_client, &ReportClient::fetchFailed, once, [once] { once->deleteLater(); });
        return;
    }
    refresh();
}

} // namespace fbm
