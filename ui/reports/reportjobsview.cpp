#include "reportjobsview.h"

#include "httpclient.h"
#include "i18n.h"
#include "recordtable.h"
#include "reports/reportbinary.h"
#include "reports/reportjobmodel.h"
#include "reports/zipreader.h"
#include "startreportdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcReportsUi, "fhirbulk.ui.reports")

namespace fbm {

namespace {

constexpr int kDefaultRefreshSeconds = 30;
const auto kSettingsGroup = u"reports"_s;

QIcon themed(const QWidget *w, const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name), w->style()->standardIcon(fallback));
}

} // namespace

// --- filter proxy ------------------------------------------------------------------------------

/// Sorts by the model's raw values, keeps rows whose text holds every word typed (the full
/// report class and the raw status count too), and gives the status column its icon.
class ReportJobFilterProxy final : public QSortFilterProxyModel
{
public:
    explicit ReportJobFilterProxy(QObject *parent)
        : QSortFilterProxyModel(parent)
    {
        setSortRole(ReportJobModel::SortRole);
        setDynamicSortFilter(true);
    }

    void setWords(const QString &text)
    {
        m_words = text.simplified().toCaseFolded().split(u' ', Qt::SkipEmptyParts);
        invalidateFilter();
    }

    void setStatusIcons(const QIcon &done, const QIcon &failed, const QIcon &unfinished)
    {
        m_done = done;
        m_failed = failed;
        m_unfinished = unfinished;
        if (rowCount() > 0) {
            Q_EMIT dataChanged(index(0, ReportJobModel::StatusColumn),
                               index(rowCount() - 1, ReportJobModel::StatusColumn),
                               {Qt::DecorationRole});
        }
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == ReportJobModel::StatusColumn) {
            switch (ReportJob::State(index.data(ReportJobModel::StatusRole).toInt())) {
            case ReportJob::State::Done:
                return m_done;
            case ReportJob::State::Failed:
                return m_failed;
            case ReportJob::State::Unfinished:
                return m_unfinished;
            }
        }
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        if (m_words.isEmpty())
            return true;
        const QAbstractItemModel *m = sourceModel();
        QString text;
        for (int c = 0; c < m->columnCount(sourceParent); ++c)
            text += m->index(sourceRow, c, sourceParent).data().toString() + u'\n';
        const QModelIndex first = m->index(sourceRow, 0, sourceParent);
        text += first.data(Qt::ToolTipRole).toString() + u'\n' +
                first.data(ReportJobModel::RawStatusRole).toString();
        text = text.toCaseFolded();
        for (const QString &w : m_words) {
            if (!text.contains(w))
                return false;
        }
        return true;
    }

private:
    QStringList m_words;
    QIcon m_done;
    QIcon m_failed;
    QIcon m_unfinished;
};

// --- message area ------------------------------------------------------------------------------

/// A non-modal message above the table: an icon, selectable text, an optional action button
/// and a close button. It stays until replaced or dismissed, so nothing goes unseen.
class ReportMessageBar final : public QFrame
{
public:
    explicit ReportMessageBar(QWidget *parent)
        : QFrame(parent)
    {
        setObjectName(u"reportMessage"_s);
        setFrameShape(QFrame::StyledPanel);
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::ToolTipBase);
        setForegroundRole(QPalette::ToolTipText);
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(8, 4, 4, 4);
        m_icon = new QLabel;
        m_icon->setAlignment(Qt::AlignTop);
        m_text = new QLabel;
        m_text->setObjectName(u"reportMessageText"_s);
        m_text->setWordWrap(true);
        m_text->setTextFormat(Qt::PlainText);
        m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        m_text->setForegroundRole(QPalette::ToolTipText);
        m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        m_action = new QPushButton;
        m_action->setObjectName(u"reportMessageAction"_s);
        m_close = new QToolButton;
        m_close->setObjectName(u"reportMessageClose"_s);
        m_close->setAutoRaise(true);
        m_close->setToolTip(ReportJobsView::tr("Dismiss this message"));
        m_close->setAccessibleName(ReportJobsView::tr("Dismiss message"));
        layout->addWidget(m_icon, 0, Qt::AlignTop);
        layout->addWidget(m_text, 1);
        layout->addWidget(m_action, 0, Qt::AlignTop);
        layout->addWidget(m_close, 0, Qt::AlignTop);
        QObject::connect(m_close, &QToolButton::clicked, this, &ReportMessageBar::dismiss);
        QObject::connect(m_action, &QPushButton::clicked, this, [this] {
            if (m_callback)
                m_callback();
        });
        applyIcons();
        hide();
    }

    void show(ReportJobsView::MessageKind kind, const QString &text, const QString &actionText,
              std::function<void()> action)
    {
        m_kind = kind;
        m_text->setText(text);
        setAccessibleName(kindName());
        setAccessibleDescription(text);
        m_text->setAccessibleName(kindName());
        m_action->setText(actionText);
        m_action->setVisible(!actionText.isEmpty() && action);
        m_callback = std::move(action);
        applyIcons();
        setVisible(true);
    }

    void dismiss()
    {
        m_text->clear();
        m_callback = {};
        hide();
    }

    [[nodiscard]] QString text() const { return isHidden() ? QString() : m_text->text(); }
    [[nodiscard]] ReportJobsView::MessageKind kind() const { return m_kind; }

    void applyIcons()
    {
        QStyle::StandardPixmap p = QStyle::SP_MessageBoxInformation;
        if (m_kind == ReportJobsView::MessageKind::Warning)
            p = QStyle::SP_MessageBoxWarning;
        else if (m_kind == ReportJobsView::MessageKind::Error)
            p = QStyle::SP_MessageBoxCritical;
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
        m_icon->setPixmap(style()->standardIcon(p).pixmap(size, size));
        m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    }

private:
    [[nodiscard]] QString kindName() const
    {
        switch (m_kind) {
        case ReportJobsView::MessageKind::Warning:
            return ReportJobsView::tr("Warning");
        case ReportJobsView::MessageKind::Error:
            return ReportJobsView::tr("Error");
        case ReportJobsView::MessageKind::Information:
            break;
        }
        return ReportJobsView::tr("Information");
    }

    ReportJobsView::MessageKind m_kind = ReportJobsView::MessageKind::Information;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
    std::function<void()> m_callback;
};

// --- the view ----------------------------------------------------------------------------------

ReportJobsView::ReportJobsView(const Profile &profile, HttpClient *client, QWidget *parent)
    : QWidget(parent)
    , m_profile(profile)
    , m_client(new ReportClient(client, this))
    , m_model(new ReportJobModel(this))
    , m_proxy(new ReportJobFilterProxy(this))
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(u"reportJobsView"_s);
    //: %1 the name of a reporting server profile
    setAccessibleName(tr("Report jobs on %1").arg(profile.name));
    m_model->setLocalizedText(true);
    m_proxy->setSourceModel(m_model);

    createActions();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(createToolBar());

    m_message = new ReportMessageBar(this);
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
    m_view->addActions({m_download, m_open, m_extract, m_refresh});

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(u"reportSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(createDetails());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    m_statusLine = new QLabel;
    m_statusLine->setObjectName(u"reportStatusLine"_s);
    m_statusLine->setAccessibleName(tr("Report list status"));
    m_statusLine->setContentsMargins(4, 0, 4, 2);
    // The refresh interval sits by the line that tells when the list was refreshed, which
    // leaves the toolbar room for the filter at 1280 pixels.
    auto *intervalLabel = new QLabel(tr("Auto &refresh:"));
    m_interval = new QSpinBox;
    m_interval->setObjectName(u"autoRefreshSeconds"_s);
    m_interval->setRange(0, 3600);
    m_interval->setSingleStep(10);
    //: the auto refresh interval's unit, after the number
    m_interval->setSuffix(tr(" s"));
    //: shown instead of 0 seconds: no automatic refresh
    m_interval->setSpecialValueText(tr("Off"));
    m_interval->setAccessibleName(tr("Automatic refresh interval in seconds"));
    m_interval->setToolTip(tr("While a report job is unfinished, refresh the list this often "
                              "(Off: only when you ask)"));
    intervalLabel->setBuddy(m_interval);
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int seconds) {
        m_client->setAutoRefreshInterval(seconds * 1000);
        if (const auto s = settings())
            s->setValue(kSettingsGroup + u"/autoRefreshSeconds"_s, seconds);
        updateStatusLine();
    });

    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(0, 0, 4, 2);
    statusRow->addWidget(m_statusLine, 1);
    statusRow->addWidget(intervalLabel);
    statusRow->addWidget(m_interval);
    layout->addLayout(statusRow);

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
        if (m_open->isEnabled())
            openSavedReport();
        else if (m_download->isEnabled())
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
    return {m_refresh, m_saveStatus, m_download, m_downloadAll, m_start, m_open, m_extract};
}

void ReportJobsView::createActions()
{
    const auto make = [this](const QString &text, const QString &name, const QKeySequence &key,
                             const QString &tip, void (ReportJobsView::*slot)()) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        // The page may sit beside the exports in one window: its keys act only inside it.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        const QString keyText = key.toString(QKeySequence::NativeText);
        //: %1 what the action does, %2 its keyboard shortcut
        a->setToolTip(keyText.isEmpty() ? tip : tr("%1 (%2)").arg(tip, keyText));
        a->setStatusTip(tip);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_refresh = make(tr("&Refresh"), u"refreshReportJobs"_s, QKeySequence::Refresh,
                     tr("Ask the reporting server for the state of its report jobs"),
                     &ReportJobsView::refresh);
    m_saveStatus = make(tr("&Save status…"), u"saveReportStatus"_s, QKeySequence::Save,
                        tr("Save the server's answer (all jobs, as JSON) to a file"),
                        &ReportJobsView::saveStatus);
    m_download =
        make(tr("&Download report"), u"downloadReport"_s, QKeySequence(Qt::CTRL | Qt::Key_D),
             tr("Save the selected finished reports in the reports folder"),
             &ReportJobsView::downloadReport);
    m_downloadAll = make(tr("Download &all finished…"), u"downloadAllReports"_s,
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                         tr("Save every finished report that is not saved yet into a folder"),
                         &ReportJobsView::downloadAllFinished);
    m_start =
        make(tr("S&tart report…"), u"startReport"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
             tr("Start one of the reports the server offers"), &ReportJobsView::startReport);
    m_open = make(tr("&Open"), u"openReport"_s, QKeySequence(Qt::CTRL | Qt::Key_O),
                  tr("Open the selected job's saved report with the system's program"),
                  &ReportJobsView::openSavedReport);
    m_extract = make(tr("E&xtract…"), u"extractReport"_s, QKeySequence(Qt::CTRL | Qt::Key_E),
                     tr("Unpack the selected job's saved ZIP report into a folder"),
                     &ReportJobsView::extractSavedReport);
    m_find = new QAction(tr("Filter"), this);
    m_find->setShortcut(QKeySequence::Find);
    m_find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_find);
}

QToolBar *ReportJobsView::createToolBar()
{
    auto *bar = new QToolBar;
    bar->setObjectName(u"reportToolBar"_s);
    bar->setAccessibleName(tr("Report actions"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_refresh);
    bar->addAction(m_start);
    bar->addSeparator();
    bar->addAction(m_download);
    bar->addAction(m_downloadAll);
    bar->addAction(m_saveStatus);
    bar->addSeparator();
    bar->addAction(m_open);
    bar->addAction(m_extract);

    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    m_filter = new QLineEdit;
    m_filter->setObjectName(u"reportFilter"_s);
    m_filter->setPlaceholderText(tr("Filter reports…"));
    m_filter->setAccessibleName(tr("Filter report jobs"));
    m_filter->setToolTip(tr("Show only the jobs whose report, status, user, times or "
                            "parameters contain these words (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(m_filter->fontMetrics().averageCharWidth() * 22);
    m_filter->setMaximumWidth(m_filter->fontMetrics().averageCharWidth() * 36);
    bar->addWidget(m_filter);
    connect(m_find, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    // Re-filtering on every key press makes typing stutter on long lists: wait for a pause.
    m_filterDebounce.setSingleShot(true);
    m_filterDebounce.setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, &m_filterDebounce, qOverload<>(&QTimer::start));
    connect(&m_filterDebounce, &QTimer::timeout, this, [this] {
        m_proxy->setWords(m_filter->text());
        updateActions();
        updateStatusLine();
    });
    return bar;
}

QWidget *ReportJobsView::createDetails()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Job details"));
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    title->setContentsMargins(4, 2, 4, 0);
    layout->addWidget(title);

    m_emptyDetails = new QLabel(tr("Select a report job to see all it says."));
    m_emptyDetails->setObjectName(u"reportDetailsEmpty"_s);
    m_emptyDetails->setAlignment(Qt::AlignCenter);
    m_emptyDetails->setEnabled(false);
    layout->addWidget(m_emptyDetails, 1);

    m_details = new QTreeWidget;
    m_details->setObjectName(u"reportJobDetails"_s);
    m_details->setAccessibleName(tr("Details of the selected report job"));
    m_details->setColumnCount(2);
    m_details->setHeaderLabels({tr("Part"), tr("Value")});
    m_details->setRootIsDecorated(true);
    m_details->setAlternatingRowColors(true);
    m_details->setUniformRowHeights(true);
    m_details->setSelectionMode(QAbstractItemView::SingleSelection);
    m_details->header()->setStretchLastSection(true);
    m_details->header()->resizeSection(0, m_details->fontMetrics().averageCharWidth() * 24);
    m_details->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("&Copy value"), m_details);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] {
        if (const QTreeWidgetItem *item = m_details->currentItem())
            QApplication::clipboard()->setText(item->text(1));
    });
    m_details->addAction(copy);
    title->setBuddy(m_details);
    layout->addWidget(m_details, 1);
    return box;
}

void ReportJobsView::applyIcons()
{
    m_refresh->setIcon(themed(this, "view-refresh", QStyle::SP_BrowserReload));
    m_saveStatus->setIcon(themed(this, "document-save-as", QStyle::SP_DialogSaveButton));
    m_download->setIcon(themed(this, "document-save", QStyle::SP_ArrowDown));
    m_downloadAll->setIcon(themed(this, "folder-download", QStyle::SP_DirOpenIcon));
    m_start->setIcon(themed(this, "media-playback-start", QStyle::SP_MediaPlay));
    m_open->setIcon(themed(this, "document-open", QStyle::SP_FileIcon));
    m_extract->setIcon(themed(this, "archive-extract", QStyle::SP_FileDialogNewFolder));
    m_proxy->setStatusIcons(themed(this, "emblem-ok", QStyle::SP_DialogApplyButton),
                            themed(this, "dialog-error", QStyle::SP_MessageBoxCritical),
                            themed(this, "appointment-soon", QStyle::SP_BrowserReload));
    m_message->applyIcons();
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

void ReportJobsView::setSettingsPath(const QString &iniPath)
{
    m_settingsPath = iniPath;
    loadSettings();
}

std::unique_ptr<QSettings> ReportJobsView::settings() const
{
    if (m_settingsPath.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
}

void ReportJobsView::loadSettings()
{
    const auto s = settings();
    const int seconds =
        s->value(kSettingsGroup + u"/autoRefreshSeconds"_s, kDefaultRefreshSeconds).toInt();
    const QSignalBlocker block(m_interval);
    m_interval->setValue(seconds);
    m_client->setAutoRefreshInterval(m_interval->value() * 1000);
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
    return m_interval->value();
}

void ReportJobsView::setAutoRefreshSeconds(int seconds)
{
    m_interval->setValue(seconds); // valueChanged applies and remembers it
    m_client->setAutoRefreshInterval(m_interval->value() * 1000);
}

QString ReportJobsView::downloadFolder() const
{
    const auto s = settings();
    QString folder = s->value(kSettingsGroup + u"/downloadFolder/"_s + m_profile.id).toString();
    if (folder.isEmpty())
        folder = m_profile.outputDir;
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    return folder;
}

void ReportJobsView::rememberDownloadFolder(const QString &folder)
{
    if (const auto s = settings())
        s->setValue(kSettingsGroup + u"/downloadFolder/"_s + m_profile.id, folder);
}

QString ReportJobsView::chooseDownloadFolder(const QString &title)
{
    QString folder = m_testDownloadFolder;
    if (folder.isEmpty())
        folder = QFileDialog::getExistingDirectory(this, title, downloadFolder());
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
    if (m_message->kind() == MessageKind::Error && m_message->property("fetchError").toBool())
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
    m_message->setProperty("fetchError", true);
    updateStatusLine();
}

void ReportJobsView::onJobFinished(const ReportJob &job)
{
    const QString name = job.shortName.isEmpty() ? tr("A report") : job.shortName;
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
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(best, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

QString ReportJobsView::currentJobKey() const
{
    const ReportJob *job = currentJob();
    return job ? job->key() : QString();
}

void ReportJobsView::selectJob(const QString &key)
{
    const int row = m_model->rowOfKey(key);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
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
    m_emptyDetails->setVisible(!job);
    m_details->setVisible(job != nullptr);
    // Rebuilt only when something changed, so the reader's place in it is kept.
    const QString signature =
        job ? QString::fromUtf8(QJsonDocument(job->toJson()).toJson()) : QString();
    if (m_details->property("signature").toString() == signature)
        return;
    m_details->setProperty("signature", signature);
    const QString currentPart =
        m_details->currentItem() ? m_details->currentItem()->text(0) : QString();
    m_details->clear();
    if (!job)
        return;

    const auto add = [this](const QString &part, const QString &value,
                            QTreeWidgetItem *parent = nullptr) {
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_details);
        item->setText(0, part);
        item->setText(1, value);
        item->setToolTip(1, value);
        return item;
    };
    const QString none = tr("(not given)");
    const auto orNone = [&none](const QString &v) {
        return v.isEmpty() ? none : v;
    };
    const auto time = [&none](const QDateTime &t) {
        return t.isValid() ? formatDateTimeSeconds(t.toLocalTime()) + u"  ("_s +
                                 t.toUTC().toString(Qt::ISODate) + u')'
                           : none;
    };

    add(tr("Report"), orNone(job->shortName));
    add(tr("Report class"), orNone(job->reportClass));
    // A status the program does not know is shown as the server wrote it: once is enough.
    auto *status = add(tr("Status"), ReportJobModel::statusTitle(*job));
    status->setToolTip(1, ReportJobModel::statusToolTip(*job));
    add(tr("User"), orNone(job->userId));
    add(tr("Created"), time(job->created));
    add(tr("Started"), time(job->started));
    add(tr("Ended"), time(job->ended));
    const QString runTime = formatRunTime(job->runTimeSeconds());
    add(tr("Run time"), orNone(runTime));
    auto *params =
        add(tr("Parameters"), job->parameters.isEmpty() ? tr("(none)") : job->parameterSummary());
    for (const NamedValue &p : job->parameters)
        add(p.first, p.second, params);
    params->setExpanded(true);
    auto *binary = add(tr("Report file (Binary)"), orNone(job->binaryReference));
    if (job->binaryUrl.isValid()) {
        add(tr("Fetched from"), m_client->downloadUrl(*job).toString(), binary);
        binary->setExpanded(true);
    }
    const QString saved = savedPathFor(*job);
    if (!saved.isEmpty())
        add(tr("Saved as"), QDir::toNativeSeparators(saved));
    add(tr("Job id"), orNone(job->id));
    if (!job->fullUrl.isEmpty() && job->fullUrl != job->id)
        add(tr("Full URL"), job->fullUrl);
    if (!job->otherParts.isEmpty()) {
        QStringList names;
        for (const NamedValue &p : job->otherParts)
            names << p.first;
        auto *other = add(tr("Other parts"), names.join(u", "_s));
        for (const NamedValue &p : job->otherParts)
            add(p.first, p.second, other);
        other->setExpanded(true);
    }
    if (!currentPart.isEmpty()) {
        const auto found = m_details->findItems(currentPart, Qt::MatchExactly | Qt::MatchRecursive);
        if (!found.isEmpty())
            m_details->setCurrentItem(found.first());
    }
}

void ReportJobsView::updateActions()
{
    const QList<ReportJob> jobs = selectedJobs();
    const bool downloading = m_client->isDownloading();
    bool anyReport = false;
    for (const ReportJob &j : jobs)
        anyReport = anyReport || j.hasReport();
    const ReportJob *job = currentJob();
    const QString saved = job ? savedPathFor(*job) : QString();

    m_saveStatus->setEnabled(!m_client->lastBundle().isEmpty());
    m_download->setEnabled(anyReport && !downloading);
    bool anyDone = false;
    for (const ReportJob &j : m_model->jobs())
        anyDone = anyDone || j.isDone();
    m_downloadAll->setEnabled(anyDone && !downloading);
    m_open->setEnabled(!saved.isEmpty());
    m_extract->setEnabled(!saved.isEmpty() && ZipReader::looksLikeZip(saved));

    if (job && !job->hasReport()) {
        m_download->setToolTip(job->isDone() ? tr("The server names no report file for this job")
                                             : tr("The report can be downloaded once the job is "
                                                  "done"));
    } else {
        m_download->setToolTip(tr("Save the selected finished reports in the reports folder (%1)")
                                   .arg(m_download->shortcut().toString(QKeySequence::NativeText)));
    }
}

void ReportJobsView::updateStatusLine()
{
    QStringList parts;
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (!m_fetchedOnce && m_client->isFetching()) {
        parts << tr("Asking the server for its report jobs…");
    } else if (m_fetchedOnce || total > 0) {
        //: %1 a number of report jobs
        parts << (shown == total ? tr("Report jobs: %1").arg(total)
                                 //: %1 jobs shown by the filter, %2 all jobs
                                 : tr("Report jobs: %1 of %2 shown").arg(shown).arg(total));
        int unfinished = 0;
        for (const ReportJob &j : m_model->jobs())
            unfinished += j.isFinished() ? 0 : 1;
        if (unfinished > 0)
            //: %1 a number of report jobs
            parts << tr("unfinished: %1").arg(unfinished);
    }
    if (m_client->lastFetched().isValid()) {
        //: %1 a time of day
        parts << tr("updated %1").arg(formatTime(m_client->lastFetched().toLocalTime().time()));
    }
    if (m_client->isFetching() && m_fetchedOnce)
        parts << tr("refreshing…");
    else if (!m_lastError.isEmpty())
        parts << tr("the last refresh failed");
    else if (m_model->hasUnfinishedJobs() && autoRefreshSeconds() > 0)
        //: %n seconds between automatic refreshes
        parts << tr("refreshing every %n second(s) while jobs run", nullptr, autoRefreshSeconds());
    m_statusLine->setText(parts.join(u" · "_s));
}

// --- messages ----------------------------------------------------------------------------------

void ReportJobsView::showMessage(MessageKind kind, const QString &text, const QString &actionText,
                                 std::function<void()> action)
{
    if (kind != MessageKind::Information)
        qCInfo(lcReportsUi) << "message:" << text;
    m_message->setProperty("fetchError", false);
    m_message->show(kind, text, actionText, std::move(action));
}

void ReportJobsView::clearMessage()
{
    m_message->dismiss();
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
    QString path = m_testStatusFile;
    if (path.isEmpty()) {
        const QString suggestion =
            QDir(downloadFolder()).filePath(m_client->defaultStatusFileName());
        path = QFileDialog::getSaveFileName(this, tr("Save the report job status"), suggestion,
                                            tr("JSON files (*.json);;All files (*)"));
    }
    if (path.isEmpty())
        return;
    const Error e = m_client->saveStatus(path);
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
    const QString known = m_savedPaths.value(job.key());
    if (!known.isEmpty() && QFileInfo(known).isFile())
        return known;
    return ReportClient::savedReportPath(job, downloadFolder());
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
    if (result.outcome == ReportDownload::Outcome::Saved ||
        result.outcome == ReportDownload::Outcome::AlreadySaved)
        m_savedPaths.insert(result.jobKey, result.filePath);
    if (!m_batchRunning) {
        const QString name = result.report.isEmpty() ? tr("The report") : result.report;
        switch (result.outcome) {
        case ReportDownload::Outcome::Saved:
        case ReportDownload::Outcome::AlreadySaved: {
            const QString path = result.filePath;
            //: %1 a report's name, %2 a file path, %3 a size such as "12 KiB"
            const QString text = tr("%1 was saved as %2 (%3).")
                                     .arg(name, QDir::toNativeSeparators(path),
                                          QLocale().formattedDataSize(result.bytes));
            if (ZipReader::looksLikeZip(path)) {
                showMessage(MessageKind::Information, text, tr("Extract…"),
                            [this] { extractSavedReport(); });
            } else {
                showMessage(MessageKind::Information, text, tr("Open"),
                            [this, path] { openPath(path); });
            }
            break;
        }
        case ReportDownload::Outcome::NotGenerated:
            //: %1 a report's name
            showMessage(MessageKind::Warning,
                        tr("%1 is not generated yet: the server sent its \"NOT GENERATED YET\" "
                           "placeholder, so nothing was saved. Try again later.")
                            .arg(name));
            break;
        case ReportDownload::Outcome::Failed:
            showMessage(MessageKind::Error, result.error.message);
            break;
        }
    }
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
    m_downloadAll->setProperty("folder", folder);
    updateActions();
}

void ReportJobsView::onAllDownloadsFinished(const QList<ReportDownload> &results)
{
    m_batchRunning = false;
    int saved = 0;
    int skipped = 0;
    int notGenerated = 0;
    QStringList failures;
    for (const ReportDownload &r : results) {
        switch (r.outcome) {
        case ReportDownload::Outcome::Saved:
            ++saved;
            break;
        case ReportDownload::Outcome::AlreadySaved:
            ++skipped;
            break;
        case ReportDownload::Outcome::NotGenerated:
            ++notGenerated;
            break;
        case ReportDownload::Outcome::Failed:
            failures << r.error.message;
            break;
        }
    }
    const QString folder = m_downloadAll->property("folder").toString();
    QStringList sentences;
    //: %n reports, %1 a folder
    sentences
        << tr("%n report(s) saved in %1.", nullptr, saved).arg(QDir::toNativeSeparators(folder));
    if (skipped > 0)
        sentences << tr("%n already saved, skipped.", nullptr, skipped);
    if (notGenerated > 0)
        sentences << tr("%n not generated yet.", nullptr, notGenerated);
    if (!failures.isEmpty()) {
        sentences << tr("%n failed:", nullptr, int(failures.size()));
        sentences << failures;
    }
    const MessageKind kind =
        failures.isEmpty() ? (notGenerated > 0 ? MessageKind::Warning : MessageKind::Information)
                           : MessageKind::Error;
    showMessage(kind, sentences.join(u'\n'), tr("Show folder"),
                [this, folder] { openPath(folder); });
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
    if (path.isEmpty() || !ZipReader::looksLikeZip(path)) {
        showMessage(MessageKind::Information,
                    tr("This job has no saved ZIP report to extract: download it first."));
        return;
    }
    const QFileInfo info(path);
    QString folder = m_testExtractFolder;
    if (folder.isEmpty()) {
        folder = QFileDialog::getExistingDirectory(this, tr("Extract the report into"),
                                                   info.absolutePath());
        if (folder.isEmpty())
            return;
        // Into a folder of its own, so that a report's files do not mix with others.
        folder = QDir(folder).filePath(info.completeBaseName());
    }
    ZipReader zip;
    if (const Error e = zip.open(path)) {
        showMessage(MessageKind::Error, e.message);
        return;
    }
    const auto result = zip.extractAll(folder);
    if (!result.ok()) {
        showMessage(MessageKind::Error, result.error().message);
        return;
    }
    //: %n files, %1 a folder
    QString text = tr("%n file(s) extracted to %1.", nullptr, int(result->written.size()))
                       .arg(QDir::toNativeSeparators(folder));
    if (!result->isComplete()) {
        text += u'\n' + result->skipped.join(u'\n');
        showMessage(MessageKind::Warning, text, tr("Show folder"),
                    [this, folder] { openPath(folder); });
        return;
    }
    showMessage(MessageKind::Information, text, tr("Show folder"),
                [this, folder] { openPath(folder); });
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
