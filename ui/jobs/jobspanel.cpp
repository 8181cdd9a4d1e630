#include "jobspanel.h"

#include "filteredit.h"
#include "flexiblecolumn.h"
#include "i18n.h"
#include "jobfilterproxy.h"
#include "jobtablemodel.h"
#include "messagebar.h"
#include "placeholdertableview.h"
#include "progressdelegate.h"
#include "recordtable.h"
#include "runagain.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <array>

using namespace Qt::StringLiterals;

namespace fbm {

JobsPanel::JobsPanel(JobManager *manager, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
    , m_model(new JobTableModel(manager, this))
    , m_proxy(new JobFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    m_banner = new MessageBar;
    m_banner->setObjectName(u"expiryBanner"_s);
    m_banner->setTextAccessibleName(tr("Expiry warning"));
    m_banner->actionButton()->setObjectName(u"expiryBannerButton"_s);
    m_banner->actionButton()->setText(tr("Save files now"));
    layout->addWidget(m_banner);

    m_news = new MessageBar;
    m_news->setObjectName(u"newsBanner"_s);
    m_news->setTextAccessibleName(tr("Export news"));
    m_news->actionButton()->setObjectName(u"newsBannerButton"_s);
    m_news->setClosable(true);
    layout->addWidget(m_news);
    const auto staleNews = [this](const QString &id) {
        if (id != m_newsJob)
            return;
        const ExportJob *j = m_manager->job(id);
        if (!j || j->state != m_newsState) {
            m_newsJob.clear();
            m_news->dismiss();
        }
    };
    connect(m_manager, &JobManager::jobRemoved, this, staleNews);
    connect(m_manager, &JobManager::cancelFailed, this, &JobsPanel::showCancelProblem);
    connect(m_manager, &JobManager::stateChanged, this,
            [staleNews](const QString &id) { staleNews(id); });

    m_filter = new FilterEdit(28, 40);
    m_filter->setObjectName(u"filterEdit"_s);
    m_filter->setPlaceholderText(tr("Filter exports…"));
    m_filter->setAccessibleName(tr("Filter exports"));
    m_filter->setToolTip(tr("Show only the exports whose server, contents, state or progress "
                            "text contain these words (Ctrl+F)"));
    connect(m_filter, &FilterEdit::filterChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updatePlaceholder();
        Q_EMIT selectionChanged();
    });

    m_view = new PlaceholderTableView;
    m_view->setObjectName(u"jobTable"_s);
    m_view->setAccessibleName(tr("Exports"));
    m_view->setModel(m_proxy);
    setUpRecordTable(m_view);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSortIndicator(JobTableModel::Started, Qt::DescendingOrder);
    // Default widths from typical contents in the user's font and language (the model's own
    // formatting), so high DPI, large fonts and Danish get the same layout; the user's own
    // widths are restored from the settings later. "Server says" is often empty: it gets what
    // the others leave, so that every column fits at 1280 pixels.
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize);
    const QDateTime earlierDay(QDate(2026, 12, 24), QTime(23, 59));
    const std::array<QStringList, JobTableModel::Count> samples = {
        QStringList{u"Region North"_s},
        QStringList{u"Group 12 · Patient, Goal"_s},
        QStringList{jobStateText(JobState::Downloading), jobStateText(JobState::Completed),
                    JobTableModel::tr("Cancelling…")},
        QStringList{JobProgressTracker::tr("%1 of %2 files").arg(12).arg(120) + u" · 999.9 MB"_s,
                    JobProgressTracker::tr("Ready to download · %n file(s)", nullptr, 12) +
                        u"  "_s + JobTableModel::actionText(JobProgress::Action::Download)},
        QStringList{},
        QStringList{JobTableModel::tr("in %1 (attempt %2)").arg(u"10:00"_s).arg(9)},
        QStringList{JobTableModel::tr("%1 / %2").arg(12).arg(12)},
        QStringList{
            QLocale().formattedDataSize(999'900'000, 1, QLocale::DataSizeTraditionalFormat)},
        QStringList{formatDateTime(earlierDay), formatTime(earlierDay.time())},
        QStringList{JobTableModel::formatDuration(3900)},
        QStringList{
            JobTableModel::tr("in %1", "files expire").arg(JobTableModel::formatDuration(4320))},
    };
    for (int c = 0; c < JobTableModel::Count; ++c)
        header->resizeSection(
            c, columnWidth(m_view, m_model->headerData(c, Qt::Horizontal).toString(),
                           samples[size_t(c)], c == JobTableModel::State ? icon : 0));
    header->setStretchLastSection(false);
    const QFontMetrics fm = m_view->fontMetrics();
    m_columnFit = new FlexibleColumn(m_view, header, JobTableModel::ServerSays,
                                     fm.averageCharWidth() * 16, fm.averageCharWidth() * 60);
    // On a small screen the columns that repeat what others show (Progress names files and
    // bytes) or matter least go first; the header's menu brings any of them back.
    m_columnFit->setDroppable({JobTableModel::Bytes, JobTableModel::Files, JobTableModel::Elapsed,
                               JobTableModel::Started, JobTableModel::NextCheck,
                               JobTableModel::Server});
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &JobsPanel::chooseColumns);
    auto *progress = new ProgressDelegate(JobTableModel::ProgressRole, m_view);
    progress->setActionRole(JobTableModel::ActionRole);
    m_view->setItemDelegateForColumn(JobTableModel::Progress, progress);
    connect(progress, &ProgressDelegate::actionTriggered, this, [this](const QModelIndex &index) {
        Q_EMIT rowActionTriggered(
            index.data(JobTableModel::JobIdRole).toString(),
            JobProgress::Action(index.data(JobTableModel::ActionKindRole).toInt()));
    });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT jobActivated(index.data(JobTableModel::JobIdRole).toString());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobsPanel::onSelectionChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobsPanel::onSelectionChanged);
    layout->addWidget(m_view, 1);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &JobsPanel::updatePlaceholder);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &JobsPanel::updatePlaceholder);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &JobsPanel::updatePlaceholder);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &JobsPanel::updatePlaceholder);

    m_summaryTimer.setSingleShot(true);
    m_summaryTimer.setInterval(0);
    connect(&m_summaryTimer, &QTimer::timeout, this, &JobsPanel::updateSummary);
    connect(m_model, &JobTableModel::ticked, this, &JobsPanel::updateSummary);
    connect(m_manager, &JobManager::jobAdded, this, &JobsPanel::scheduleSummary);
    connect(m_manager, &JobManager::jobRemoved, this, &JobsPanel::scheduleSummary);
    connect(m_manager, &JobManager::jobChanged, this, [this](const QString &, JobFields fields) {
        if (fields & (JobField::State | JobField::NextPoll | JobField::Manifest | JobField::Files))
            scheduleSummary();
    });
    applyIcons();
    updateSummary();
}

JobsPanel::~JobsPanel() = default;

void JobsPanel::showNews(const QString &id, const QString &text)
{
    const ExportJob *j = m_manager->job(id);
    if (!j)
        return;
    m_newsJob = id;
    m_newsState = j->state;
    const JobProgress::Action action = m_model->progress(*j).action;
    const MessageBar::Kind kind =
        j->state == JobState::Failed ? MessageBar::Kind::Error : MessageBar::Kind::Information;
    // A request the server refused as asked: sent again changed, in the same row (checklist
    // #4), rather than the same request again.
    if (const std::optional<RunAgain::Changed> changed = RunAgain::afterRefusal(*j)) {
        const QString button = changed->without.isEmpty()
                                   ? tr("Try again leniently")
                                   //: %1 is a parameter name such as _type
                                   : tr("Try again without %1").arg(changed->without);
        m_news->showMessage(kind, text, button, [this, id, request = changed->request] {
            if (const QString why = m_manager->retryAs(id, request); !why.isEmpty())
                m_news->showMessage(MessageBar::Kind::Error, why);
        });
        return;
    }
    std::function<void()> run;
    if (action != JobProgress::Action::None)
        run = [this, id, action] {
            Q_EMIT rowActionTriggered(id, action);
        };
    m_news->showMessage(kind, text, JobTableModel::actionText(action), std::move(run));
}

void JobsPanel::showCancelProblem(const QString &id, const QString &reason)
{
    const ExportJob *j = m_manager->job(id);
    if (!j)
        return;
    m_newsJob = id;
    m_newsState = j->state;
    //: %1 what was exported, like "System · all types", %2 why (the server's answer)
    const QString text = tr("%1 was not cancelled. %2 The export goes on; you can try to cancel "
                            "it again.")
                             .arg(j->request.summary(), reason);
    m_news->showMessage(MessageBar::Kind::Warning, text, tr("Cancel again"),
                        [this, id] { m_manager->cancel(id); });
}

void JobsPanel::applyIcons()
{
    QStyle *s = style();
    const auto themed = [s](const char *name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QString::fromLatin1(name), s->standardIcon(fallback));
    };
    // In JobState order: Starting, Running, Completed, Downloading, Saved, Failed, Cancelled,
    // Expired.
    JobFilterProxy::StateIcons icons = {
        themed("media-playback-start", QStyle::SP_MediaPlay),
        themed("view-refresh", QStyle::SP_BrowserReload),
        themed("emblem-downloads", QStyle::SP_DialogSaveButton),
        themed("go-down", QStyle::SP_ArrowDown),
        themed("emblem-ok", QStyle::SP_DialogApplyButton),
        themed("dialog-error", QStyle::SP_MessageBoxCritical),
        themed("process-stop", QStyle::SP_DialogCancelButton),
        themed("dialog-warning", QStyle::SP_MessageBoxWarning),
    };
    m_proxy->setIcons(std::move(icons), s->standardIcon(QStyle::SP_MessageBoxWarning));
}

void JobsPanel::setProfileFilter(const QString &profileId)
{
    m_proxy->setProfileId(profileId);
    updatePlaceholder();
}

void JobsPanel::setHintActions(QAction *newExport, QAction *guide)
{
    for (QAction *a : {newExport, guide})
        if (a)
            connect(a, &QAction::changed, this, &JobsPanel::updatePlaceholder);
    m_newExportAction = newExport;
    m_guideAction = guide;
    updatePlaceholder();
}

QString JobsPanel::placeholderText() const
{
    return m_view->placeholderText();
}

void JobsPanel::updatePlaceholder()
{
    const auto keyOf = [](const QAction *a) {
        return a ? a->shortcut().toString(QKeySequence::NativeText) : QString();
    };
    const QString newExportKey = keyOf(m_newExportAction);
    QString text;
    if (m_proxy->rowCount() > 0 || !m_newExportAction) {
        // Rows say enough; and without the window's actions there is nothing to point to.
    } else if (!m_proxy->filterRegularExpression().pattern().isEmpty()) {
        text = tr("No export matches the filter");
    } else if (m_model->rowCount() > 0) {
        // Exports there are, on other servers than the chosen one.
        //: %1 is the New export command's keyboard shortcut (Ctrl+N)
        text = tr("No exports from this server yet — New export (%1)").arg(newExportKey);
    } else {
        //: %1 is the New export command's keyboard shortcut (Ctrl+N)
        text = tr("No exports yet — New export (%1)").arg(newExportKey);
        if (const QString guideKey = keyOf(m_guideAction); !guideKey.isEmpty())
            //: %1 is the guide's keyboard shortcut (F1)
            text += u'\n' + tr("The guide in the Help menu (%1) explains what an export is, "
                               "its states and where the files go.")
                                .arg(guideKey);
    }
    m_view->setPlaceholderText(text);
}

QString JobsPanel::profileFilter() const
{
    return m_proxy->profileId();
}

void JobsPanel::clearFilter()
{
    m_filter->clearNow();
}

QStringList JobsPanel::selectedJobIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids << row.data(JobTableModel::JobIdRole).toString();
    if (ids.isEmpty() && !m_currentId.isEmpty())
        ids << m_currentId;
    return ids;
}

void JobsPanel::selectJob(const QString &id)
{
    selectRecord(m_view, m_proxy, m_model->rowOf(id));
}

void JobsPanel::onSelectionChanged()
{
    const QItemSelectionModel *selection = m_view->selectionModel();
    const QModelIndex current = selection->currentIndex();
    QString id;
    if (current.isValid() && selection->isRowSelected(current.row(), {}))
        id = current.data(JobTableModel::JobIdRole).toString();
    else if (const QModelIndexList rows = selection->selectedRows(); !rows.isEmpty())
        id = rows.constFirst().data(JobTableModel::JobIdRole).toString();
    if (id != m_currentId) {
        m_currentId = id;
        Q_EMIT currentJobChanged(id);
    }
    Q_EMIT selectionChanged();
}

bool JobsPanel::isExpiryWarningShown() const
{
    return !m_banner->isHidden();
}

namespace {

// A layout saved with another set of columns would put widths and order on the wrong ones:
// the saved layout names its column count, and one of another count is not restored.
QByteArray columnsTag()
{
    return "columns" + QByteArray::number(JobTableModel::Count) + ':';
}

} // namespace

void JobsPanel::chooseColumns(const QPoint &pos)
{
    QHeaderView *header = m_view->horizontalHeader();
    QMenu menu(this);
    menu.setObjectName(u"columnsMenu"_s);
    menu.addSection(tr("Columns"));
    for (int c = 0; c < JobTableModel::Count; ++c) {
        QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        // What is exported stays: a row must say what it is.
        a->setEnabled(c != JobTableModel::What);
        connect(a, &QAction::toggled, this, [this, c](bool on) { showColumn(c, on); });
    }
    menu.exec(header->mapToGlobal(pos));
}

void JobsPanel::showColumn(int column, bool shown)
{
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionHidden(column, !shown);
    if (shown && header->sectionSize(column) < header->minimumSectionSize() * 2)
        header->resizeSection(column, header->defaultSectionSize());
    if (m_columnFit) {
        m_columnFit->stopDropping();
        m_columnFit->fit();
    }
}

QByteArray JobsPanel::saveColumns() const
{
    return columnsTag() + m_view->horizontalHeader()->saveState();
}

void JobsPanel::restoreColumns(const QByteArray &state)
{
    QHeaderView *header = m_view->horizontalHeader();
    // Widths the user left are kept as they were: no fitting of "Server says" then.
    if (state.startsWith(columnsTag()) && header->restoreState(state.mid(columnsTag().size()))) {
        delete m_columnFit;
        m_columnFit = nullptr;
    }
    m_view->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

void JobsPanel::scheduleSummary()
{
    if (!m_summaryTimer.isActive())
        m_summaryTimer.start();
}

void JobsPanel::updateSummary()
{
    int running = 0;
    int downloading = 0;
    int ready = 0;
    double filesDone = 0; // of the downloading exports, for their overall percentage
    qsizetype filesAll = 0;
    qint64 nextMs = -1;
    QStringList soon;
    const QDateTime now = m_manager->clock()->now();
    for (const QString &id : m_manager->jobIds()) {
        const ExportJob *j = m_manager->job(id);
        if (!j)
            continue;
        switch (j->state) {
        case JobState::Starting:
        case JobState::Running:
            ++running;
            if (j->isWaitingForPoll()) {
                const qint64 ms = qMax<qint64>(0, now.msecsTo(j->nextPollAt));
                if (nextMs < 0 || ms < nextMs)
                    nextMs = ms;
            }
            break;
        case JobState::Downloading:
            ++downloading;
            filesDone += JobProgressTracker::downloadFraction(*j) * double(j->fileCount());
            filesAll += j->fileCount();
            break;
        case JobState::Completed:
            ++ready;
            break;
        default:
            break;
        }
        if (JobTableModel::expiresSoon(*j, now))
            soon << id;
    }
    QStringList parts;
    if (running > 0)
        parts << tr("%n running", nullptr, running);
    if (downloading > 0) {
        const int percent = filesAll > 0 ? int(filesDone * 100.0 / double(filesAll)) : 0;
        //: %1 a percentage like "43 %"
        parts << tr("%n downloading %1", nullptr, downloading)
                     .arg(QLocale().toString(percent) + u" %"_s);
    }
    if (ready > 0)
        parts << tr("%n ready to download", nullptr, ready);
    // The window's title carries the same counts (not the countdown, which would make the
    // title, and the task bar with it, change every second).
    const QString title = parts.join(u" \u00b7 "_s);
    if (title != m_titleText) {
        m_titleText = title;
        Q_EMIT titleTextChanged(title);
    }
    if (nextMs >= 0)
        //: %1 is a countdown like 0:42
        parts << tr("next check in %1").arg(JobTableModel::formatCountdown((nextMs + 999) / 1000));
    QString text;
    if (!parts.isEmpty())
        text = parts.join(u" \u00b7 "_s);
    else if (m_manager->jobIds().isEmpty())
        text = tr("No exports yet. Choose New export to start one.");
    else
        text = tr("Nothing running.");
    if (m_statusText != text) {
        m_statusText = text;
        Q_EMIT statusTextChanged(text);
    }

    if (soon != m_expiringSoon) {
        m_expiringSoon = soon;
        if (soon.isEmpty()) {
            m_banner->dismiss();
        } else {
            m_banner->showMessage(
                MessageBar::Kind::Warning,
                tr("The server will soon delete the files of %n export(s) that are not saved "
                   "yet. Save them now or they are lost.",
                   nullptr, int(soon.size())),
                tr("Save files now"), [this] {
                    for (const QString &id : std::as_const(m_expiringSoon))
                        m_manager->startDownload(id);
                });
        }
    }
}

} // namespace fbm
