#include "mainwindow.h"

#include "aboutdialog.h"
#include "i18n.h"
#include "languagemenu.h"
#include "recordtable.h"
#include "reportjobsview.h"

#include "session.h"
#include "auth/profile.h"
#include "jobtablemodel.h"
#include "operationoutcome.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolBar>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>

#include <array>

#if __has_include("profiledialog.h")
#include "profiledialog.h"
#define FBM_HAVE_PROFILE_DIALOG 1
#endif
#if __has_include("newexportdialog.h")
#include "newexportdialog.h"
#define FBM_HAVE_NEW_EXPORT_DIALOG 1
#endif

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

Q_LOGGING_CATEGORY(lcUi, "fhirbulk.ui")

constexpr int kProfileIdRole = Qt::UserRole + 1;
constexpr int kProgressRole = Qt::UserRole + 2; ///< int percent, -1 unknown (files table)
constexpr int kCurlRole = Qt::UserRole + 3;     ///< the activity entry as a curl command
constexpr int kMaxIssues = 200;
constexpr qint64 kMaxErrorFileBytes = 4 << 20;

enum FileColumn
{
    FileName,
    FileType,
    FileStateColumn,
    FileProgress,
    FileResources,
    FileSize,
    FileColumnCount
};

enum ActivityColumn
{
    ActivityTime,
    ActivityMethod,
    ActivityUrl,
    ActivityStatus,
    ActivityMs,
    ActivityNote,
    ActivityColumnCount
};

/// Gives one column of a table what the other columns leave of the view's width, between a
/// minimum and a maximum, until the user resizes that column: every column stays on screen at
/// the default window size, and the flexible one does not grow without bound.
class FlexibleColumn final : public QObject
{
public:
    FlexibleColumn(QAbstractItemView *view, QHeaderView *header, int column, int minWidth,
                   int maxWidth)
        : QObject(view)
        , m_viewport(view->viewport())
        , m_header(header)
        , m_column(column)
        , m_min(minWidth)
        , m_max(maxWidth)
    {
        m_viewport->installEventFilter(this);
        connect(m_header, &QHeaderView::sectionResized, this, [this](int logical) {
            if (!m_fitting && logical == m_column)
                m_userSized = true;
        });
    }

    void fit()
    {
        if (m_userSized || m_header->isSectionHidden(m_column))
            return;
        int others = 0;
        for (int c = 0; c < m_header->count(); ++c) {
            if (c != m_column && !m_header->isSectionHidden(c))
                others += m_header->sectionSize(c);
        }
        const int width = qBound(m_min, m_viewport->width() - others, m_max);
        m_fitting = true;
        m_header->resizeSection(m_column, width);
        m_fitting = false;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Only the viewport kept from the start: while the view is being destroyed its children
        // still send events, and the view is no longer a view to ask for its viewport.
        if (event->type() == QEvent::Resize && watched == m_viewport)
            fit();
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget *m_viewport;
    QHeaderView *m_header;
    int m_column;
    int m_min;
    int m_max;
    bool m_fitting = false;
    bool m_userSized = false;
};

/// A width for a column that shows these texts and its title, in the view's font.
int columnWidth(const QAbstractItemView *view, const QString &title, const QStringList &samples,
                int extra = 0)
{
    const QFontMetrics fm = view->fontMetrics();
    // Room for the sort arrow beside the title, and the cell's margins.
    const int pad = 2 * fm.averageCharWidth();
    int widest = fm.horizontalAdvance(title) + pad + fm.height();
    for (const QString &s : samples)
        widest = qMax(widest, fm.horizontalAdvance(s) + pad + extra);
    return widest;
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString fileStateText(FileState state)
{
    switch (state) {
    case FileState::Pending:
        return QCoreApplication::translate("fbm::MainWindow", "Waiting");
    case FileState::Downloading:
        return QCoreApplication::translate("fbm::MainWindow", "Downloading");
    case FileState::Saved:
        return QCoreApplication::translate("fbm::MainWindow", "Saved");
    case FileState::Failed:
        return QCoreApplication::translate("fbm::MainWindow", "Failed");
    }
    return {};
}

int filePercent(const ExportFile &f)
{
    if (f.state == FileState::Saved)
        return 100;
    if (f.totalBytes > 0)
        return int(qBound(qint64(0), f.bytes * 100 / f.totalBytes, qint64(100)));
    if (f.expectedCount && *f.expectedCount > 0)
        return int(qBound(qint64(0), f.lines * 100 / *f.expectedCount, qint64(100)));
    return f.state == FileState::Pending ? 0 : -1;
}

QString dateText(const QDateTime &t)
{
    return t.isValid() ? formatDateTimeSeconds(t.toLocalTime()) : QString();
}

QTableWidgetItem *cell(QTableWidget *table, int row, int column)
{
    QTableWidgetItem *item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        table->setItem(row, column, item);
    }
    return item;
}

void setCell(QTableWidget *table, int row, int column, const QString &text,
             Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter)
{
    QTableWidgetItem *item = cell(table, row, column);
    if (item->text() != text)
        item->setText(text);
    item->setTextAlignment(align);
}

/// Paints a file's progress as the platform's own progress bar, so it follows the style, the
/// palette (dark or light) and the screen's scale. A local option per paint: no state kept.
class ProgressDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QVariant value = index.data(kProgressRole);
        if (!value.isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem item(option);
        initStyleOption(&item, index);
        item.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

        QStyleOptionProgressBar bar;
        bar.initFrom(widget);
        const int vMargin = qMax(2, option.rect.height() / 8);
        bar.rect = option.rect.adjusted(3, vMargin, -3, -vMargin);
        bar.state = option.state | QStyle::State_Horizontal;
        bar.state &= ~QStyle::State_Selected;
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = qMax(0, value.toInt());
        bar.text = index.data(Qt::DisplayRole).toString();
        bar.textVisible = true;
        bar.textAlignment = Qt::AlignCenter;
        bar.palette = option.palette;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setWidth(qMax(s.width(), option.fontMetrics.horizontalAdvance(u"0000000000000"_s)));
        return s;
    }
};

QLineEdit *urlField(const QString &name)
{
    auto *edit = new QLineEdit;
    edit->setReadOnly(true);
    edit->setFrame(false);
    edit->setAccessibleName(name);
    // Read-only and frameless: a selectable, copyable line that looks like a label.
    QPalette p = edit->palette();
    p.setBrush(QPalette::Base, p.brush(QPalette::Window));
    edit->setPalette(p);
    return edit;
}

QLabel *textField(const QString &name)
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(name);
    return label;
}

} // namespace

/// Filters the jobs by the selected server profile and the filter text, sorts by raw values,
/// and adds the icons the core model must not know about.
class JobFilterProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setProfileId(const QString &id)
    {
        if (id == m_profileId)
            return;
        m_profileId = id;
        invalidateFilter();
    }
    [[nodiscard]] QString profileId() const { return m_profileId; }

    void setIcons(std::array<QIcon, 8> stateIcons, QIcon warning)
    {
        m_stateIcons = std::move(stateIcons);
        m_warning = std::move(warning);
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                               {Qt::DecorationRole});
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole) {
            if (index.column() == JobTableModel::State) {
                const int state =
                    QSortFilterProxyModel::data(index, JobTableModel::StateRole).toInt();
                if (state >= 0 && state < int(m_stateIcons.size()))
                    return m_stateIcons[size_t(state)];
            } else if (index.column() == JobTableModel::Expires &&
                       QSortFilterProxyModel::data(index, JobTableModel::ExpiringSoonRole)
                           .toBool()) {
                return m_warning;
            }
        }
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!m_profileId.isEmpty() &&
            sourceModel()->index(row, 0, parent).data(JobTableModel::ProfileIdRole).toString() !=
                m_profileId)
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    QString m_profileId;
    std::array<QIcon, 8> m_stateIcons;
    QIcon m_warning;
};

MainWindow::MainWindow(Session *app, QWidget *parent)
    : QMainWindow(parent)
    , m_app(app)
    , m_manager(app->manager())
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("FHIR Bulk Monitor"));
    if (QIcon icon(u":/icons/fhir-bulk-monitor.png"_s); !icon.isNull())
        setWindowIcon(icon);

    m_model = new JobTableModel(m_manager, this);
    m_proxy = new JobFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(JobTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);

    createActions();
    createMenus();
    createToolBar();

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->addWidget(createProfilesPanel());
    m_centreSplitter = new QSplitter(Qt::Vertical);
    m_centreSplitter->setObjectName(u"centreSplitter"_s);
    m_centreSplitter->setChildrenCollapsible(false);
    m_centreSplitter->addWidget(createJobsPanel());
    m_centreSplitter->addWidget(createDetailsPane());
    m_centreSplitter->setStretchFactor(0, 1);
    m_centreSplitter->setStretchFactor(1, 1);
    m_centre = new QStackedWidget;
    m_centre->setObjectName(u"centre"_s);
    m_centre->addWidget(m_centreSplitter);
    m_mainSplitter->addWidget(m_centre);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({180, 1100});
    setCentralWidget(m_mainSplitter);

    createStatusBar();
    createTray();
    applyIcons();

    for (const QString &id : m_manager->jobIds()) {
        if (const ExportJob *j = m_manager->job(id))
            m_lastState.insert(id, j->state);
    }
    connect(m_manager, &JobManager::jobChanged, this, &MainWindow::onJobChanged);
    connect(m_manager, &JobManager::jobAdded, this, &MainWindow::onJobAdded);
    connect(m_manager, &JobManager::jobRemoved, this, &MainWindow::onJobRemoved);
    connect(m_manager, &JobManager::activityAdded, this, &MainWindow::onActivityAdded);
    connect(m_manager, &JobManager::warning, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    connect(m_model, &JobTableModel::ticked, this, [this] {
        updateSummary();
        updateCountdownFields(m_manager->job(m_currentId));
    });
    connect(m_app, &Session::profilesChanged, this, &MainWindow::reloadProfiles);
    connect(m_app, &Session::keychainStateChanged, this,
            [this] { m_keychainLabel->setText(m_app->keychainText()); });

    m_summaryTimer.setSingleShot(true);
    m_summaryTimer.setInterval(0);
    connect(&m_summaryTimer, &QTimer::timeout, this, &MainWindow::updateSummary);

    reloadProfiles();
    loadSettings();
    updateActions();
    updateSummary();
    showJob({});
}

MainWindow::~MainWindow()
{
    saveSettings();
}

// --- construction ---------------------------------------------------------------------------

void MainWindow::createActions()
{
    const auto make = [this](const QString &text, const QString &name, const QString &tip) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        return a;
    };
    m_newExport =
        make(tr("&New export…"), u"newExportAction"_s, tr("Start a new export on a server"));
    m_newExport->setShortcut(QKeySequence::New);
    m_newExport->setIconText(tr("New export"));
    connect(m_newExport, &QAction::triggered, this, &MainWindow::newExport);

    m_cancel = make(tr("&Cancel export"), u"cancelAction"_s,
                    tr("Ask the server to stop the selected exports"));
    m_cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_cancel->setIconText(tr("Cancel"));
    connect(m_cancel, &QAction::triggered, this, &MainWindow::cancelSelected);

    m_retry = make(tr("&Retry"), u"retryAction"_s, tr("Try the selected failed exports again"));
    m_retry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_retry, &QAction::triggered, this, &MainWindow::retrySelected);

    m_download = make(tr("&Download files"), u"downloadAction"_s,
                      tr("Save the files of the selected finished exports"));
    m_download->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_download->setIconText(tr("Download"));
    connect(m_download, &QAction::triggered, this, &MainWindow::downloadSelected);

    m_checkNow = make(tr("Check &now"), u"checkNowAction"_s,
                      tr("Ask the server for the export's status now instead of waiting"));
    m_checkNow->setShortcut(QKeySequence::Refresh);
    connect(m_checkNow, &QAction::triggered, this, &MainWindow::checkNowSelected);

    m_openFolder = make(tr("&Open folder"), u"openFolderAction"_s,
                        tr("Open the folder the export's files are saved in"));
    m_openFolder->setShortcut(QKeySequence::Open);
    connect(m_openFolder, &QAction::triggered, this, &MainWindow::openFolderOfCurrent);

    m_remove = make(tr("Remove from &list"), u"removeAction"_s,
                    tr("Remove the selected exports from this list; saved files stay where they "
                       "are"));
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setIconText(tr("Remove"));
    connect(m_remove, &QAction::triggered, this, &MainWindow::removeSelected);

    m_quit = make(tr("&Quit"), u"quitAction"_s, tr("Quit the application"));
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_about = make(tr("&About FHIR Bulk Monitor"), u"aboutAction"_s,
                   tr("Version and licence of this application"));
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, [this] {
        auto *about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
    m_aboutQt = make(tr("About &Qt"), u"aboutQtAction"_s, tr("About the Qt toolkit"));
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_addProfile = make(tr("&Add server…"), u"addProfileAction"_s, tr("Add a server profile"));
    connect(m_addProfile, &QAction::triggered, this, &MainWindow::addProfile);
    m_editProfile =
        make(tr("&Edit server…"), u"editProfileAction"_s, tr("Change the selected server profile"));
    connect(m_editProfile, &QAction::triggered, this, &MainWindow::editProfile);
    m_duplicateProfile = make(tr("D&uplicate server…"), u"duplicateProfileAction"_s,
                              tr("Make a new profile from a copy of the selected one"));
    connect(m_duplicateProfile, &QAction::triggered, this, &MainWindow::duplicateProfile);
    m_deleteProfile = make(tr("&Delete server"), u"deleteProfileAction"_s,
                           tr("Delete the selected server profile and its secrets"));
    connect(m_deleteProfile, &QAction::triggered, this, &MainWindow::deleteProfile);

    m_findAction = make(tr("&Filter jobs"), u"filterAction"_s, tr("Filter the list of exports"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(m_findAction);

    m_copyCurl = make(tr("Copy as &curl"), u"copyCurlAction"_s,
                      tr("Copy the selected request as a curl command (the token appears as "
                         "$TOKEN)"));
    connect(m_copyCurl, &QAction::triggered, this, &MainWindow::copyActivityAsCurl);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newExport);
    file->addAction(m_openFolder);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *job = menuBar()->addMenu(tr("&Export"));
    job->addAction(m_cancel);
    job->addAction(m_retry);
    job->addAction(m_download);
    job->addAction(m_checkNow);
    job->addSeparator();
    job->addAction(m_findAction);
    job->addSeparator();
    job->addAction(m_remove);

    QMenu *servers = menuBar()->addMenu(tr("&Servers"));
    servers->addAction(m_addProfile);
    servers->addAction(m_editProfile);
    servers->addAction(m_duplicateProfile);
    servers->addSeparator();
    servers->addAction(m_deleteProfile);

    menuBar()->addMenu(new LanguageMenu({}, this));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);
    help->addAction(m_aboutQt);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_newExport);
    bar->addSeparator();
    bar->addAction(m_cancel);
    bar->addAction(m_retry);
    bar->addAction(m_download);
    bar->addAction(m_openFolder);
    bar->addAction(m_remove);

    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    m_filter = new QLineEdit;
    m_filter->setObjectName(u"filterEdit"_s);
    m_filter->setPlaceholderText(tr("Filter exports…"));
    m_filter->setAccessibleName(tr("Filter exports"));
    m_filter->setToolTip(tr("Show only the exports whose server, contents, state or progress "
                            "text contain these words (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(m_filter->fontMetrics().averageCharWidth() * 28);
    m_filter->setMaximumWidth(m_filter->fontMetrics().averageCharWidth() * 40);
    m_filterAction = bar->addWidget(m_filter);

    // Re-filtering a thousand rows on every key press would make typing stutter: wait for a
    // pause.
    m_filterDebounce.setSingleShot(true);
    m_filterDebounce.setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, &m_filterDebounce, qOverload<>(&QTimer::start));
    connect(&m_filterDebounce, &QTimer::timeout, this, [this] {
        m_proxy->setFilterFixedString(m_filter->text().trimmed());
        updateActions();
    });
}

QWidget *MainWindow::createProfilesPanel()
{
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *title = new QLabel(tr("Servers"));
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    title->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(title);

    m_profileList = new QListWidget;
    m_profileList->setObjectName(u"profileList"_s);
    m_profileList->setAccessibleName(tr("Servers"));
    m_profileList->setToolTip(tr("Choose a server to see only its exports; New export starts "
                                 "on the chosen server"));
    m_profileList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_profileList->addAction(m_addProfile);
    m_profileList->addAction(m_editProfile);
    m_profileList->addAction(m_duplicateProfile);
    m_profileList->addAction(m_deleteProfile);
    title->setBuddy(m_profileList);
    connect(m_profileList, &QListWidget::currentItemChanged, this, &MainWindow::onProfileSelected);
    connect(m_profileList, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        const QString id = item->data(kProfileIdRole).toString();
        if (!id.isEmpty() && !m_app->isDemoProfile(id))
            editProfile();
    });
    layout->addWidget(m_profileList, 1);

    const auto button = [](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        return b;
    };
    m_addProfileButton = button(tr("Add…"), u"addProfileButton"_s, tr("Add a server profile"));
    m_editProfileButton =
        button(tr("Edit…"), u"editProfileButton"_s, tr("Change the selected server profile"));
    m_duplicateProfileButton = button(tr("Duplicate…"), u"duplicateProfileButton"_s,
                                      tr("Copy the selected server profile"));
    m_deleteProfileButton =
        button(tr("Delete"), u"deleteProfileButton"_s, tr("Delete the selected server profile"));
    connect(m_addProfileButton, &QPushButton::clicked, this, &MainWindow::addProfile);
    connect(m_editProfileButton, &QPushButton::clicked, this, &MainWindow::editProfile);
    connect(m_duplicateProfileButton, &QPushButton::clicked, this, &MainWindow::duplicateProfile);
    connect(m_deleteProfileButton, &QPushButton::clicked, this, &MainWindow::deleteProfile);
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_addProfileButton, 0, 0);
    buttons->addWidget(m_editProfileButton, 0, 1);
    buttons->addWidget(m_duplicateProfileButton, 1, 0);
    buttons->addWidget(m_deleteProfileButton, 1, 1);
    layout->addLayout(buttons);
    panel->setMinimumWidth(panel->fontMetrics().averageCharWidth() * 18);
    return panel;
}

QWidget *MainWindow::createJobsPanel()
{
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    // A banner in the tooltip colours: the palette's own "attention" pair, readable in light
    // and dark themes alike.
    m_banner = new QFrame;
    m_banner->setObjectName(u"expiryBanner"_s);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    m_bannerIcon = new QLabel;
    m_bannerText = new QLabel;
    m_bannerText->setWordWrap(true);
    m_bannerText->setForegroundRole(QPalette::ToolTipText);
    m_bannerText->setAccessibleName(tr("Expiry warning"));
    m_bannerButton = new QPushButton(tr("Save files now"));
    m_bannerButton->setObjectName(u"expiryBannerButton"_s);
    connect(m_bannerButton, &QPushButton::clicked, this, [this] {
        for (const QString &id : std::as_const(m_expiringSoon))
            m_manager->startDownload(id);
    });
    bannerLayout->addWidget(m_bannerIcon);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerButton);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_view = new QTableView;
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
        QStringList{},
        QStringList{JobTableModel::tr("next check in %1").arg(u"10:00"_s)},
        QStringList{JobTableModel::tr("%1 / %2").arg(12).arg(12)},
        QStringList{sizeText(999'900'000)},
        QStringList{formatDateTime(earlierDay), formatTime(earlierDay.time())},
        QStringList{JobTableModel::formatDuration(3900)},
        QStringList{JobTableModel::tr("expires in %1").arg(JobTableModel::formatDuration(4320))},
    };
    for (int c = 0; c < JobTableModel::Count; ++c)
        header->resizeSection(
            c, columnWidth(m_view, m_model->headerData(c, Qt::Horizontal).toString(),
                           samples[size_t(c)], c == JobTableModel::State ? icon : 0));
    header->setStretchLastSection(false);
    const QFontMetrics fm = m_view->fontMetrics();
    m_jobColumnFit = new FlexibleColumn(m_view, header, JobTableModel::ServerSays,
                                        fm.averageCharWidth() * 16, fm.averageCharWidth() * 60);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction *a : {m_cancel, m_retry, m_download, m_checkNow, m_openFolder})
        m_view->addAction(a);
    auto *sep = new QAction(this);
    sep->setSeparator(true);
    m_view->addAction(sep);
    m_view->addAction(m_remove);
    connect(m_view, &QTableView::activated, this, &MainWindow::onJobActivated);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onSelectionChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onSelectionChanged);
    layout->addWidget(m_view, 1);
    return panel;
}

QWidget *MainWindow::createDetailsPane()
{
    m_details = new QTabWidget;
    m_details->setObjectName(u"detailsTabs"_s);
    m_details->setAccessibleName(tr("Export details"));
    m_details->setDocumentMode(true);
    m_details->addTab(createDetailsTab(), tr("&Details"));
    m_details->addTab(createFilesTab(), tr("F&iles"));
    m_details->addTab(createResourcesTab(), tr("Re&sources"));
    m_details->addTab(createActivityTab(), tr("&Activity"));
    return m_details;
}

QWidget *MainWindow::createDetailsTab()
{
    auto *page = new QWidget;
    auto *outer = new QVBoxLayout(page);

    m_emptyDetails = new QLabel(tr("Choose an export in the list to see its details."));
    m_emptyDetails->setAlignment(Qt::AlignCenter);
    m_emptyDetails->setEnabled(false);
    outer->addWidget(m_emptyDetails);

    m_detailsForm = new QWidget;
    auto *split = new QHBoxLayout(m_detailsForm);
    split->setContentsMargins(0, 0, 0, 0);
    // A grid rather than a QFormLayout: rows come and go with the job, and hiding widgets of
    // a QFormLayout corrupts its row table in Qt 6.4 (heap overrun in setGeometry).
    auto *form = new QGridLayout;
    m_form = form;
    form->setColumnStretch(1, 1);
    const auto addRow = [this, form](const QString &key, const QString &label, QWidget *field) {
        const int row = form->rowCount();
        auto *caption = new QLabel(label);
        caption->setAlignment(Qt::AlignRight | Qt::AlignTop);
        caption->setBuddy(field);
        field->setObjectName(u"detail-"_s + key);
        form->addWidget(caption, row, 0);
        form->addWidget(field, row, 1);
        m_fields.insert(key, field);
        m_fieldLabels.insert(key, caption);
    };
    addRow(u"state"_s, tr("State:"), textField(tr("State")));
    addRow(u"error"_s, tr("Problem:"), textField(tr("Problem")));
    addRow(u"says"_s, tr("Server says:"), textField(tr("Server says")));
    addRow(u"message"_s, tr("Message:"), textField(tr("Message")));
    addRow(u"what"_s, tr("Export:"), textField(tr("Export")));
    addRow(u"request"_s, tr("Request:"), urlField(tr("Request")));
    addRow(u"status"_s, tr("Status URL:"), urlField(tr("Status URL")));
    addRow(u"transaction"_s, tr("Data as of:"), textField(tr("Data as of")));
    addRow(u"expires"_s, tr("Files kept until:"), textField(tr("Files kept until")));
    auto *folder = textField(tr("Folder"));
    folder->setTextFormat(Qt::RichText);
    folder->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(folder, &QLabel::linkActivated, this,
            [this](const QString &link) { openFolder(QUrl(link).toLocalFile()); });
    addRow(u"folder"_s, tr("Folder:"), folder);
    form->setRowStretch(form->rowCount(), 1);
    split->addLayout(form, 3);

    auto *issuesBox = new QVBoxLayout;
    m_issuesTitle = new QLabel(tr("Issues reported by the server"));
    issuesBox->addWidget(m_issuesTitle);
    m_issues = new QTreeWidget;
    m_issues->setObjectName(u"issuesList"_s);
    m_issues->setAccessibleName(tr("Issues reported by the server"));
    m_issues->setRootIsDecorated(false);
    m_issues->setAlternatingRowColors(true);
    m_issues->setHeaderLabels({tr("Severity"), tr("Code"), tr("Diagnostics"), tr("Where")});
    m_issues->header()->setStretchLastSection(false);
    m_issues->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_issuesTitle->setBuddy(m_issues);
    issuesBox->addWidget(m_issues, 1);
    split->addLayout(issuesBox, 2);
    outer->addWidget(m_detailsForm, 1);
    return page;
}

QWidget *MainWindow::createFilesTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_files = new QTableWidget(0, FileColumnCount);
    m_files->setObjectName(u"filesTable"_s);
    m_files->setAccessibleName(tr("Files of the export"));
    m_files->setHorizontalHeaderLabels(
        {tr("File"), tr("Type"), tr("State"), tr("Progress"), tr("Resources"), tr("Size")});
    m_files->verticalHeader()->hide();
    m_files->setShowGrid(false);
    m_files->setAlternatingRowColors(true);
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_files->setSelectionMode(QAbstractItemView::SingleSelection);
    m_files->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_files->setWordWrap(false);
    m_files->verticalHeader()->setDefaultSectionSize(qRound(m_files->fontMetrics().height() * 1.6));
    m_files->setItemDelegateForColumn(FileProgress, new ProgressDelegate(m_files));
    // Widths from the longest usual contents in the user's font; the file name takes the rest.
    const int ch = m_files->fontMetrics().averageCharWidth();
    const QLocale locale;
    const auto fileTitle = [this](int column) {
        return m_files->horizontalHeaderItem(column)->text();
    };
    QHeaderView *fileHeader = m_files->horizontalHeader();
    fileHeader->resizeSection(FileName, 34 * ch);
    fileHeader->resizeSection(FileType, columnWidth(m_files, fileTitle(FileType),
                                                    {u"MedicationRequest"_s, u"OperationOutcome"_s,
                                                     u"AllergyIntolerance"_s}));
    fileHeader->resizeSection(FileStateColumn, columnWidth(m_files, fileTitle(FileStateColumn),
                                                           {fileStateText(FileState::Downloading),
                                                            fileStateText(FileState::Saved),
                                                            fileStateText(FileState::Failed)}));
    fileHeader->resizeSection(FileProgress, 18 * ch);
    fileHeader->resizeSection(
        FileResources,
        columnWidth(m_files, fileTitle(FileResources),
                    {tr("%1 of %2").arg(locale.toString(123456), locale.toString(123456))}));
    fileHeader->resizeSection(FileSize,
                              columnWidth(m_files, fileTitle(FileSize), {sizeText(999'900'000)}));
    fileHeader->setSectionResizeMode(FileName, QHeaderView::Stretch);
    fileHeader->setStretchLastSection(false);
    connect(m_files, &QTableWidget::itemSelectionChanged, this, &MainWindow::updateFileButtons);
    m_noFiles = new QLabel(tr("The server lists the files when the export is finished."));
    m_noFiles->setObjectName(u"noFilesLabel"_s);
    m_noFiles->setEnabled(false);
    m_noFiles->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_noFiles);
    layout->addWidget(m_files, 1);

    auto *buttons = new QHBoxLayout;
    m_retryFile = new QPushButton(tr("&Retry file"));
    m_retryFile->setObjectName(u"retryFileButton"_s);
    m_retryFile->setToolTip(tr("Download the selected failed file again"));
    connect(m_retryFile, &QPushButton::clicked, this, &MainWindow::retryCurrentFile);
    m_filesOpenFolder = new QPushButton(tr("Open &folder"));
    m_filesOpenFolder->setObjectName(u"filesOpenFolderButton"_s);
    connect(m_filesOpenFolder, &QPushButton::clicked, this, &MainWindow::openFolderOfCurrent);
    buttons->addStretch(1);
    buttons->addWidget(m_retryFile);
    buttons->addWidget(m_filesOpenFolder);
    layout->addLayout(buttons);
    return page;
}

QWidget *MainWindow::createResourcesTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_resources = new QTableWidget(0, 4);
    m_resources->setObjectName(u"resourcesTable"_s);
    m_resources->setAccessibleName(tr("Resources per type"));
    m_resources->setHorizontalHeaderLabels(
        {tr("Resource type"), tr("Files"), tr("Resources saved"), tr("Server said")});
    m_resources->verticalHeader()->hide();
    m_resources->setShowGrid(false);
    m_resources->setAlternatingRowColors(true);
    m_resources->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resources->setSelectionBehavior(QAbstractItemView::SelectRows);
    QHeaderView *resourceHeader = m_resources->horizontalHeader();
    resourceHeader->resizeSection(0, columnWidth(m_resources,
                                                 m_resources->horizontalHeaderItem(0)->text(),
                                                 {u"MedicationAdministration"_s}));
    // The counts are numbers: as wide as their titles (and a large count) need.
    for (int c = 1; c < m_resources->columnCount(); ++c)
        resourceHeader->resizeSection(c, columnWidth(m_resources,
                                                     m_resources->horizontalHeaderItem(c)->text(),
                                                     {QLocale().toString(12345678)}));
    resourceHeader->setStretchLastSection(true);
    m_resources->verticalHeader()->setDefaultSectionSize(
        qRound(m_resources->fontMetrics().height() * 1.6));
    layout->addWidget(m_resources);
    return page;
}

QWidget *MainWindow::createActivityTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_activity = new QTreeWidget;
    m_activity->setObjectName(u"activityList"_s);
    m_activity->setAccessibleName(tr("Activity: every request sent for this export"));
    m_activity->setRootIsDecorated(false);
    m_activity->setAlternatingRowColors(true);
    m_activity->setUniformRowHeights(true);
    m_activity->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_activity->setHeaderLabels(
        {tr("Time"), tr("Request"), tr("URL"), tr("Status"), tr("Took"), tr("Note")});
    // The time with seconds in the locale's style, whole; the URL takes what is left, the note
    // (usually empty) a modest width.
    const int ch = m_activity->fontMetrics().averageCharWidth();
    QHeaderView *activityHeader = m_activity->header();
    const QString timeTitle = m_activity->headerItem()->text(ActivityTime);
    activityHeader->resizeSection(
        ActivityTime, columnWidth(m_activity, timeTitle, {formatTime(QTime(23, 59, 59), true)}));
    activityHeader->resizeSection(ActivityMethod, 9 * ch);
    activityHeader->resizeSection(ActivityUrl, 60 * ch);
    activityHeader->resizeSection(ActivityStatus, 8 * ch);
    activityHeader->resizeSection(ActivityMs, 9 * ch);
    activityHeader->resizeSection(ActivityNote, 24 * ch);
    activityHeader->setStretchLastSection(false);
    activityHeader->setSectionResizeMode(ActivityUrl, QHeaderView::Stretch);
    m_activity->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_activity->addAction(m_copyCurl);
    m_copyCurl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyCurl->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_activity, &QTreeWidget::itemSelectionChanged, this, [this] {
        const bool any = !m_activity->selectedItems().isEmpty() &&
                         !m_activity->selectedItems().constFirst()->data(0, kCurlRole).isNull();
        m_copyCurl->setEnabled(any);
        m_copyCurlButton->setEnabled(any);
    });
    layout->addWidget(m_activity, 1);
    auto *buttons = new QHBoxLayout;
    auto *hint = new QLabel(tr("The Authorization header and tokens are never shown or copied."));
    hint->setEnabled(false);
    buttons->addWidget(hint, 1);
    m_copyCurlButton = new QPushButton(tr("Copy as &curl"));
    m_copyCurlButton->setObjectName(u"copyCurlButton"_s);
    m_copyCurlButton->setToolTip(m_copyCurl->toolTip());
    m_copyCurlButton->setEnabled(false);
    m_copyCurl->setEnabled(false);
    connect(m_copyCurlButton, &QPushButton::clicked, this, &MainWindow::copyActivityAsCurl);
    buttons->addWidget(m_copyCurlButton);
    layout->addLayout(buttons);
    return page;
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(u"statusSummary"_s);
    m_statusLabel->setAccessibleName(tr("Summary"));
    statusBar()->addWidget(m_statusLabel, 1);
    m_keychainLabel = new QLabel(m_app->keychainText());
    m_keychainLabel->setObjectName(u"keychainState"_s);
    m_keychainLabel->setAccessibleName(tr("Keychain state"));
    statusBar()->addPermanentWidget(m_keychainLabel);
}

void MainWindow::createTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(this);
    m_tray->setObjectName(u"trayIcon"_s);
    m_tray->setToolTip(tr("FHIR Bulk Monitor"));
    connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
}

void MainWindow::applyIcons()
{
    QStyle *s = style();
    const auto themed = [s](const char *name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QString::fromLatin1(name), s->standardIcon(fallback));
    };
    m_newExport->setIcon(themed("document-new", QStyle::SP_FileDialogNewFolder));
    m_cancel->setIcon(themed("process-stop", QStyle::SP_BrowserStop));
    m_retry->setIcon(themed("view-refresh", QStyle::SP_BrowserReload));
    m_download->setIcon(themed("document-save", QStyle::SP_ArrowDown));
    m_checkNow->setIcon(themed("view-refresh", QStyle::SP_BrowserReload));
    m_openFolder->setIcon(themed("folder-open", QStyle::SP_DirOpenIcon));
    m_remove->setIcon(themed("edit-delete", QStyle::SP_TrashIcon));
    m_quit->setIcon(themed("application-exit", QStyle::SP_DialogCloseButton));
    m_addProfile->setIcon(themed("list-add", QStyle::SP_FileDialogNewFolder));
    m_deleteProfile->setIcon(themed("list-remove", QStyle::SP_TrashIcon));
    m_copyCurl->setIcon(themed("edit-copy", QStyle::SP_FileLinkIcon));
    m_bannerIcon->setPixmap(s->standardIcon(QStyle::SP_MessageBoxWarning)
                                .pixmap(s->pixelMetric(QStyle::PM_SmallIconSize)));

    // In JobState order: Starting, Running, Completed, Downloading, Saved, Failed, Cancelled,
    // Expired.
    std::array<QIcon, 8> icons = {
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
    if (m_tray)
        m_tray->setIcon(windowIcon().isNull() ? s->standardIcon(QStyle::SP_DriveNetIcon)
                                              : windowIcon());
    if (m_tray && !m_tray->isVisible())
        m_tray->show();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange)
        if (m_proxy)
            applyIcons();
}

// --- settings -------------------------------------------------------------------------------

void MainWindow::loadSettings()
{
    const std::unique_ptr<QSettings> s = m_app->uiSettings();
    s->beginGroup(u"MainWindow"_s);
    if (!restoreGeometry(s->value(u"geometry"_s).toByteArray()))
        resize(1280, 800);
    restoreState(s->value(u"state"_s).toByteArray());
    m_mainSplitter->restoreState(s->value(u"mainSplitter"_s).toByteArray());
    m_centreSplitter->restoreState(s->value(u"centreSplitter"_s).toByteArray());
    QHeaderView *header = m_view->horizontalHeader();
    // Widths the user left are kept as they were: no fitting of "Server says" then.
    if (header->restoreState(s->value(u"jobColumns"_s).toByteArray())) {
        delete m_jobColumnFit;
        m_jobColumnFit = nullptr;
    }
    m_view->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    m_files->horizontalHeader()->restoreState(s->value(u"fileColumns"_s).toByteArray());
    m_activity->header()->restoreState(s->value(u"activityColumns"_s).toByteArray());
    m_details->setCurrentIndex(s->value(u"detailsTab"_s, 0).toInt());
    const QString profile = s->value(u"profile"_s).toString();
    s->endGroup();
    // In demo mode the demo server is what the user came to see.
    selectProfile(m_app->demoServer() ? Session::demoProfileId() : profile);
}

void MainWindow::saveSettings() const
{
    const std::unique_ptr<QSettings> s = m_app->uiSettings();
    s->beginGroup(u"MainWindow"_s);
    s->setValue(u"geometry"_s, saveGeometry());
    s->setValue(u"state"_s, saveState());
    s->setValue(u"mainSplitter"_s, m_mainSplitter->saveState());
    s->setValue(u"centreSplitter"_s, m_centreSplitter->saveState());
    s->setValue(u"jobColumns"_s, m_view->horizontalHeader()->saveState());
    s->setValue(u"fileColumns"_s, m_files->horizontalHeader()->saveState());
    s->setValue(u"activityColumns"_s, m_activity->header()->saveState());
    s->setValue(u"detailsTab"_s, m_details->currentIndex());
    const QString profile = selectedProfileId();
    if (!m_app->isDemoProfile(profile))
        s->setValue(u"profile"_s, profile);
    s->endGroup();
    s->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

// --- profiles -------------------------------------------------------------------------------

void MainWindow::reloadProfiles()
{
    const QString selected = selectedProfileId();
    QSignalBlocker blocker(m_profileList);
    m_profileList->clear();
    auto *all = new QListWidgetItem(tr("All servers"), m_profileList);
    all->setData(kProfileIdRole, QString());
    all->setToolTip(tr("The exports of every server"));
    all->setIcon(style()->standardIcon(QStyle::SP_DirHomeIcon));
    QListWidgetItem *current = all;
    const QList<Profile> profiles = m_app->profiles();
    for (const Profile &p : profiles) {
        auto *item = new QListWidgetItem(p.name, m_profileList);
        item->setData(kProfileIdRole, p.id);
        item->setIcon(style()->standardIcon(QStyle::SP_DriveNetIcon));
        QString tip = p.baseUrl.toString();
        if (m_app->isDemoProfile(p.id))
            tip += u'\n' + tr("The built-in demo server on this computer; it is not saved.");
        else if (p.reporting)
            tip += u'\n' + tr("A reporting server");
        item->setToolTip(tip);
        if (p.id == selected)
            current = item;
    }
    m_profileList->setCurrentItem(current);
    blocker.unblock();
    onProfileSelected();
}

QString MainWindow::selectedProfileId() const
{
    const QListWidgetItem *item = m_profileList ? m_profileList->currentItem() : nullptr;
    return item ? item->data(kProfileIdRole).toString() : QString();
}

void MainWindow::selectProfile(const QString &id)
{
    for (int i = 0; i < m_profileList->count(); ++i) {
        if (m_profileList->item(i)->data(kProfileIdRole).toString() == id) {
            m_profileList->setCurrentRow(i);
            return;
        }
    }
    m_profileList->setCurrentRow(0);
}

void MainWindow::showCentreFor(const QString &profileId)
{
    const std::optional<Profile> profile =
        profileId.isEmpty() ? std::nullopt : m_app->profile(profileId);
    if (!profile || !profile->reporting) {
        m_centre->setCurrentIndex(0);
        setExportActionsAvailable(true);
        return;
    }
    ReportJobsView *&page = m_reportPages[profile->id];
    if (!page) {
        HttpClient *client = m_app->clientFor(*profile);
        page = new ReportJobsView(*profile, client, m_centre);
        connect(page, &ReportJobsView::notify, this,
                [this](const QString &title, const QString &message) {
                    if (m_tray && m_tray->isVisible())
                        m_tray->showMessage(title, message, QSystemTrayIcon::Information, 10000);
                    statusBar()->showMessage(title + u": "_s + message, 15000);
                });
        m_centre->addWidget(page);
    }
    m_centre->setCurrentWidget(page);
    // The report page has its own actions (F5, Ctrl+D, Ctrl+O…): the export actions step aside
    // so that no shortcut is ambiguous.
    setExportActionsAvailable(false);
}

void MainWindow::setExportActionsAvailable(bool available)
{
    // The exports' filter too: it filters nothing on a report page, which has its own.
    for (QAction *a : {m_newExport, m_cancel, m_retry, m_download, m_checkNow, m_openFolder,
                       m_remove, m_findAction, m_filterAction})
        a->setVisible(available);
    m_findAction->setEnabled(available);
    // updateActions() leaves New export alone: it was left disabled after a report page.
    m_newExport->setEnabled(available);
    if (available)
        updateActions();
    else
        for (QAction *a :
             {m_newExport, m_cancel, m_retry, m_download, m_checkNow, m_openFolder, m_remove})
            a->setEnabled(false);
}

void MainWindow::onProfileSelected()
{
    const QString id = selectedProfileId();
    showCentreFor(id);
    m_proxy->setProfileId(id);
    const bool real = !id.isEmpty() && !m_app->isDemoProfile(id);
    for (QWidget *w : {static_cast<QWidget *>(m_editProfileButton),
                       static_cast<QWidget *>(m_duplicateProfileButton),
                       static_cast<QWidget *>(m_deleteProfileButton)})
        w->setEnabled(real);
    m_editProfile->setEnabled(real);
    m_duplicateProfile->setEnabled(real);
    m_deleteProfile->setEnabled(real);
    updateActions();
    scheduleSummary();
}

void MainWindow::addProfile()
{
    Profile p;
    openProfileDialog(p, true);
}

void MainWindow::editProfile()
{
    const std::optional<Profile> p = m_app->profile(selectedProfileId());
    if (!p || m_app->isDemoProfile(p->id))
        return;
    openProfileDialog(*p, false);
}

void MainWindow::duplicateProfile()
{
    const std::optional<Profile> p = m_app->profile(selectedProfileId());
    if (!p)
        return;
    Profile copy = *p;
    // A new id: the copy must not share (or overwrite) the original's secrets.
    copy.id.clear();
    //: %1 is the name of the profile that was copied
    copy.name = tr("%1 (copy)").arg(p->name);
    openProfileDialog(copy, true);
}

void MainWindow::deleteProfile()
{
    const std::optional<Profile> p = m_app->profile(selectedProfileId());
    if (!p || m_app->isDemoProfile(p->id))
        return;
    const QString id = p->id;
    confirm(tr("Delete server"),
            //: %1 is a server profile's name
            tr("Delete the server profile \"%1\" and the secrets kept for it? Exports already "
               "in the list stay there.")
                .arg(p->name),
            tr("Delete"), [this, id] { m_app->removeProfile(id); });
}

void MainWindow::saveProfile(const Profile &profile)
{
    const Result<Profile> saved = m_app->profileStore()->save(profile);
    if (!saved.ok()) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Server not saved"),
                                    saved.error().message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    reloadProfiles();
    selectProfile(saved->id);
}

void MainWindow::openProfileDialog(const Profile &profile, bool isNew)
{
    Q_UNUSED(isNew)
#ifdef FBM_HAVE_PROFILE_DIALOG
    auto *dialog = new ProfileDialog(profile, m_app->secrets(), m_app->network(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Secrets the user keeps for this session only when the keychain fails.
    dialog->setSessionStore(m_app->sessionSecrets());
    connect(dialog, &QDialog::accepted, this, [this, dialog] { saveProfile(dialog->profile()); });
    dialog->open();
#else
    // Until the full profile dialog exists: name and address, no authorization.
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"simpleProfileDialog"_s);
    dialog->setWindowTitle(isNew ? tr("Add server") : tr("Edit server"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *form = new QFormLayout(dialog);
    auto *name = new QLineEdit(profile.name);
    name->setObjectName(u"nameEdit"_s);
    auto *url = new QLineEdit(profile.baseUrl.toString());
    url->setObjectName(u"baseUrlEdit"_s);
    url->setPlaceholderText(u"https://fhir.example.org/fhir"_s);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Server address:"), url);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, profile, name, url] {
        Profile p = profile;
        p.name = name->text().trimmed();
        p.baseUrl = QUrl::fromUserInput(url->text().trimmed());
        saveProfile(p);
    });
    dialog->open();
#endif
}

// --- jobs -----------------------------------------------------------------------------------

QSortFilterProxyModel *MainWindow::proxyModel() const
{
    return m_proxy;
}

Result<QString> MainWindow::startExport(const ExportRequest &request, const JobOptions &options)
{
    Result<QString> id = m_manager->startExport(request, options);
    if (id.ok()) {
        // Show it even when the list is filtered to another server.
        if (!m_proxy->profileId().isEmpty() && m_proxy->profileId() != options.profileId)
            selectProfile({});
        if (!m_filter->text().isEmpty()) {
            m_filter->clear();
            m_proxy->setFilterFixedString({});
        }
        selectJob(id.value());
    }
    return id;
}

QString MainWindow::freshExportFolder(const QString &folder) const
{
    // Two exports in one folder would overwrite each other's Patient.1.ndjson (and a finished
    // file is never replaced, so the second would fail): a folder that already holds files or
    // belongs to another export gets a dated subfolder for this one.
    if (folder.isEmpty())
        return folder;
    const QString clean = QDir::cleanPath(folder);
    const auto taken = [this](const QString &dir) {
        const QDir d(dir);
        if (d.exists() && !d.isEmpty())
            return true;
        for (const QString &id : m_manager->jobIds()) {
            const ExportJob *j = m_manager->job(id);
            if (j && QDir::cleanPath(j->outDir) == dir)
                return true;
        }
        return false;
    };
    if (!taken(clean))
        return clean;
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyy-MM-dd HH.mm.ss"_s);
    QString candidate = QDir(clean).filePath(stamp);
    for (int n = 2; taken(candidate); ++n)
        candidate = QDir(clean).filePath(u"%1 (%2)"_s.arg(stamp).arg(n));
    return candidate;
}

void MainWindow::newExport()
{
    const QList<Profile> profiles = m_app->profiles();
    if (profiles.isEmpty()) {
        statusBar()->showMessage(tr("Add a server first: an export is always started on a "
                                    "server."),
                                 10000);
        addProfile();
        return;
    }
    QString profileId = selectedProfileId();
    if (profileId.isEmpty() || !m_app->profile(profileId))
        profileId = profiles.constFirst().id;
#ifdef FBM_HAVE_NEW_EXPORT_DIALOG
    auto *dialog = new NewExportDialog(
        profiles, profileId, m_manager,
        [app = m_app](const Profile &p) { return app->clientFor(p); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        JobOptions options = dialog->options();
        options.outDir = freshExportFolder(options.outDir);
        const ExportRequest request = dialog->request();
        const Result<QString> id = startExport(request, options);
        if (!id.ok()) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export not started"),
                                        id.error().message, QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });
    dialog->open();
#else
    // Until the New export dialog exists: everything the server has, at system level.
    const Profile p = *m_app->profile(profileId);
    ExportRequest request;
    request.base = p.baseUrl;
    const Result<QString> id = startExport(request, m_app->defaultJobOptions(p));
    if (!id.ok())
        statusBar()->showMessage(id.error().message, 15000);
#endif
}

QString MainWindow::currentJobId() const
{
    return m_currentId;
}

QStringList MainWindow::selectedJobIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids << row.data(JobTableModel::JobIdRole).toString();
    if (ids.isEmpty() && !m_currentId.isEmpty())
        ids << m_currentId;
    return ids;
}

void MainWindow::selectJob(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void MainWindow::onSelectionChanged()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    QString id;
    if (current.isValid() && m_view->selectionModel()->isRowSelected(current.row(), {}))
        id = current.data(JobTableModel::JobIdRole).toString();
    else if (const QModelIndexList rows = m_view->selectionModel()->selectedRows(); !rows.isEmpty())
        id = rows.constFirst().data(JobTableModel::JobIdRole).toString();
    if (id != m_currentId)
        showJob(id);
    updateActions();
}

void MainWindow::updateActions()
{
    bool cancel = false;
    bool retry = false;
    bool download = false;
    bool check = false;
    bool remove = false;
    for (const QString &id : selectedJobIds()) {
        const ExportJob *j = m_manager->job(id);
        if (!j)
            continue;
        remove = true;
        cancel |= !j->isTerminal() && !j->cancelRequested;
        retry |= j->state == JobState::Failed;
        download |=
            j->state == JobState::Completed ||
            (j->state == JobState::Failed && j->completedAt.isValid() && !j->files.isEmpty());
        check |= j->state == JobState::Running && j->isWaitingForPoll();
    }
    const ExportJob *current = m_manager->job(m_currentId);
    const bool folder = current && !current->outDir.isEmpty() && QDir(current->outDir).exists();
    m_cancel->setEnabled(cancel);
    m_retry->setEnabled(retry);
    m_download->setEnabled(download);
    m_checkNow->setEnabled(check);
    m_remove->setEnabled(remove);
    m_openFolder->setEnabled(folder);
    m_filesOpenFolder->setEnabled(folder);
}

void MainWindow::cancelSelected()
{
    QStringList ids;
    for (const QString &id : selectedJobIds()) {
        const ExportJob *j = m_manager->job(id);
        if (j && !j->isTerminal() && !j->cancelRequested)
            ids << id;
    }
    if (ids.isEmpty())
        return;
    confirm(tr("Cancel export"),
            tr("Ask the server to stop %n export(s)? The work the server has done so far is "
               "lost; files already saved stay in their folder.",
               nullptr, int(ids.size())),
            tr("Cancel export"), [this, ids] {
                for (const QString &id : ids)
                    m_manager->cancel(id);
                updateActions();
            });
}

void MainWindow::retrySelected()
{
    for (const QString &id : selectedJobIds())
        m_manager->retry(id);
    updateActions();
}

void MainWindow::downloadSelected()
{
    for (const QString &id : selectedJobIds())
        m_manager->startDownload(id);
    updateActions();
}

void MainWindow::checkNowSelected()
{
    for (const QString &id : selectedJobIds())
        m_manager->pollNow(id);
}

bool MainWindow::openFolder(const QString &path)
{
    if (path.isEmpty() || !QDir(path).exists()) {
        statusBar()->showMessage(tr("The folder does not exist (yet): nothing was saved in it."),
                                 8000);
        return false;
    }
    const bool opened = m_openUrl(QUrl::fromLocalFile(path));
    if (!opened) {
        qCWarning(lcUi) << "the desktop could not open" << path;
        // Without a file manager (or its MIME association) nothing would happen at all: give
        // the path, selectable, so that it can be copied.
        auto *box = new QMessageBox(
            QMessageBox::Information, tr("Folder not opened"),
            //: %1 is a folder path
            tr("The desktop has no program to open folders with. The files are in:\n\n%1")
                .arg(QDir::toNativeSeparators(path)),
            QMessageBox::Ok, this);
        box->setObjectName(u"openFolderFailedBox"_s);
        box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return opened;
}

void MainWindow::openFolderOfCurrent()
{
    if (const ExportJob *j = m_manager->job(m_currentId))
        openFolder(j->outDir);
}

void MainWindow::removeSelected()
{
    const QStringList ids = selectedJobIds();
    if (ids.isEmpty())
        return;
    bool active = false;
    for (const QString &id : ids) {
        const ExportJob *j = m_manager->job(id);
        active |= j && !j->isTerminal();
    }
    const auto remove = [this, ids] {
        for (const QString &id : ids)
            m_manager->remove(id);
    };
    if (!active) {
        remove();
        return;
    }
    confirm(tr("Remove from list"),
            tr("Some of these exports are still running. Removing them stops following them "
               "here; the server is not told to stop. Files already saved stay in their "
               "folder."),
            tr("Remove"), remove);
}

void MainWindow::onJobActivated(const QModelIndex &index)
{
    const ExportJob *j = m_manager->job(index.data(JobTableModel::JobIdRole).toString());
    if (!j)
        return;
    if (j->state == JobState::Saved && QDir(j->outDir).exists()) {
        openFolder(j->outDir);
        return;
    }
    m_details->setCurrentIndex(0);
    m_details->currentWidget()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::confirm(const QString &title, const QString &text, const QString &acceptText,
                         std::function<void()> onAccept)
{
    // Non-blocking: no nested event loop while jobs keep running underneath.
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, this);
    box->setObjectName(u"confirmBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(acceptText, QMessageBox::AcceptRole);
    yes->setObjectName(u"confirmButton"_s);
    box->addButton(tr("Keep"), QMessageBox::RejectRole)->setObjectName(u"keepButton"_s);
    box->setDefaultButton(yes);
    connect(yes, &QPushButton::clicked, this, std::move(onAccept));
    box->open();
}

void MainWindow::onJobAdded(const QString &id)
{
    if (const ExportJob *j = m_manager->job(id))
        m_lastState.insert(id, j->state);
    scheduleSummary();
}

void MainWindow::onJobRemoved(const QString &id)
{
    m_lastState.remove(id);
    m_issueCache.remove(id);
    if (id == m_currentId)
        showJob({});
    scheduleSummary();
    updateActions();
}

void MainWindow::onJobChanged(const QString &id, JobFields fields)
{
    const ExportJob *j = m_manager->job(id);
    if (!j)
        return;
    if (fields.testFlag(JobField::State)) {
        const JobState before = m_lastState.value(id, j->state);
        m_lastState.insert(id, j->state);
        if (before != j->state)
            notifyTransition(*j, before);
        scheduleSummary();
    }
    if (fields.testFlag(JobField::NextPoll) || fields.testFlag(JobField::Manifest) ||
        fields.testFlag(JobField::Files))
        scheduleSummary();
    if (id != m_currentId)
        return;
    if (fields & (JobField::State | JobField::Progress | JobField::Error | JobField::Manifest |
                  JobField::NextPoll))
        updateDetails(j);
    if (fields & (JobField::Files | JobField::Manifest | JobField::State)) {
        updateFiles(j);
        updateResources(j);
    }
    if (fields & (JobField::State | JobField::Files | JobField::Error | JobField::NextPoll))
        updateActions();
}

void MainWindow::notifyTransition(const ExportJob &job, JobState from)
{
    Q_UNUSED(from)
    const QString server = job.serverName.isEmpty() ? job.request.base.host() : job.serverName;
    QString title;
    QString text;
    QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
    switch (job.state) {
    case JobState::Completed:
        if (job.autoDownload)
            return; // the files follow at once; "saved" is the news
        title = tr("Export ready");
        //: %1 is a server name, %2 what was exported
        text = tr("%1: %2 is ready; choose Download to save the files.")
                   .arg(server, job.request.summary());
        break;
    case JobState::Saved:
        title = tr("Export saved");
        //: %1 is a server name, %2 what was exported, %3 a folder
        text = tr("%1: %2 saved in %3.").arg(server, job.request.summary(), job.outDir);
        break;
    case JobState::Failed:
        title = tr("Export failed");
        icon = QSystemTrayIcon::Warning;
        //: %1 is a server name, %2 what was exported, %3 the reason
        text = tr("%1: %2 failed. %3").arg(server, job.request.summary(), job.lastError);
        break;
    default:
        return;
    }
    Q_EMIT notified(title, text);
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(title, text, icon, 10000);
}

void MainWindow::scheduleSummary()
{
    if (!m_summaryTimer.isActive())
        m_summaryTimer.start();
}

void MainWindow::updateSummary()
{
    int running = 0;
    int downloading = 0;
    int ready = 0;
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
    if (downloading > 0)
        parts << tr("%n downloading", nullptr, downloading);
    if (ready > 0)
        parts << tr("%n ready to download", nullptr, ready);
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
    if (m_statusLabel->text() != text)
        m_statusLabel->setText(text);

    if (soon != m_expiringSoon) {
        m_expiringSoon = soon;
        if (soon.isEmpty()) {
            m_banner->hide();
        } else {
            m_bannerText->setText(
                tr("The server will soon delete the files of %n export(s) that are not saved "
                   "yet. Save them now or they are lost.",
                   nullptr, int(soon.size())));
            m_banner->show();
        }
    }
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

bool MainWindow::isExpiryWarningShown() const
{
    return !m_banner->isHidden();
}

void MainWindow::showProblems(const QStringList &problems)
{
    if (problems.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Some saved exports could not be read"),
                                problems.join(u"\n\n"_s), QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

// --- details --------------------------------------------------------------------------------

void MainWindow::showJob(const QString &id)
{
    m_currentId = id;
    // The activity log of an old job is read from disk only when someone looks at it.
    const ExportJob *j = id.isEmpty() ? nullptr : m_manager->jobWithDetails(id);
    m_emptyDetails->setVisible(!j);
    m_detailsForm->setVisible(j);
    updateDetails(j);
    updateFiles(j);
    updateResources(j);
    rebuildActivity(j);
    updateActions();
}

void MainWindow::setField(const QString &key, const QString &text)
{
    QWidget *w = m_fields.value(key);
    if (auto *label = qobject_cast<QLabel *>(w)) {
        if (label->text() != text)
            label->setText(text);
    } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
        if (edit->text() != text) {
            edit->setText(text);
            edit->setCursorPosition(0);
        }
    }
    // An empty row says nothing: hide it rather than show a label without a value.
    const bool visible = !text.isEmpty();
    if (w->isHidden() == visible) {
        w->setVisible(visible);
        m_fieldLabels.value(key)->setVisible(visible);
    }
}

void MainWindow::updateCountdownFields(const ExportJob *j)
{
    if (!j)
        return;
    QString state = jobStateText(j->state);
    if (j->cancelRequested && !j->isTerminal())
        state = tr("Cancelling…");
    const int row = m_model->rowOf(j->id);
    if (j->state == JobState::Running && !j->cancelRequested)
        //: %1 is the state, %2 e.g. "next check in 0:42"
        state = tr("%1 (%2)").arg(state,
                                  m_model->index(row, JobTableModel::NextCheck).data().toString());
    setField(u"state"_s, state);
    QString expires = dateText(j->expiresAt);
    const QString left = m_model->index(row, JobTableModel::Expires).data().toString();
    if (!expires.isEmpty() && !left.isEmpty())
        //: %1 is a date and time, %2 e.g. "expires in 1 h 12 min"
        expires = tr("%1 (%2)").arg(expires, left);
    setField(u"expires"_s, expires);
}

void MainWindow::updateDetails(const ExportJob *j)
{
    if (!j)
        return;
    updateCountdownFields(j);
    setField(u"error"_s, j->lastError);
    setField(u"says"_s, j->state == JobState::Running || j->state == JobState::Starting
                            ? j->progressText
                            : QString());
    setField(u"message"_s, j->message);
    setField(u"what"_s, j->request.summary());
    setField(u"request"_s, j->kickoffUrl.toString());
    setField(u"status"_s, j->statusUrl.toString());
    setField(u"transaction"_s, dateText(j->transactionTime));
    const QString folder =
        j->outDir.isEmpty()
            ? QString()
            : u"<a href=\"%1\">%2</a>"_s.arg(QUrl::fromLocalFile(j->outDir).toString(),
                                             QDir::toNativeSeparators(j->outDir).toHtmlEscaped());
    setField(u"folder"_s, folder);
    updateIssues(j);
}

void MainWindow::updateIssues(const ExportJob *j)
{
    // The error files hold OperationOutcomes, one per line; read them once they are saved.
    QList<QStringList> rows;
    if (const auto it = m_issueCache.constFind(j->id); it != m_issueCache.cend()) {
        rows = it.value();
    } else {
        bool complete = true;
        bool any = false;
        for (const ExportFile &f : j->files) {
            if (f.kind != FileKind::Error)
                continue;
            any = true;
            if (f.state != FileState::Saved) {
                complete = false;
                continue;
            }
            QFile file(QDir(j->outDir).filePath(f.relativePath));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            qint64 read = 0;
            while (!file.atEnd() && read < kMaxErrorFileBytes && rows.size() < kMaxIssues) {
                const QByteArray line = file.readLine(1 << 20);
                read += line.size();
                const std::optional<OperationOutcome> oo = OperationOutcome::fromJson(line);
                if (!oo)
                    continue;
                for (const OutcomeIssue &issue : oo->issues)
                    rows.append({issue.severity, issue.code,
                                 issue.diagnostics.isEmpty() ? issue.details : issue.diagnostics,
                                 f.relativePath});
            }
        }
        if (any && complete)
            m_issueCache.insert(j->id, rows);
    }
    // The job's own error, when the server sent an OperationOutcome, is already rendered
    // in lastError; show it first so that every problem is in one list.
    if (!j->lastError.isEmpty())
        rows.prepend({tr("error"), QString(), j->lastError, tr("this export")});
    m_issues->clear();
    QList<QTreeWidgetItem *> items;
    for (const QStringList &row : std::as_const(rows)) {
        auto *item = new QTreeWidgetItem(row);
        item->setToolTip(2, row.value(2));
        const QString severity = row.value(0);
        QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
        if (severity == "error"_L1 || severity == "fatal"_L1 || severity == tr("error"))
            pixmap = QStyle::SP_MessageBoxCritical;
        else if (severity == "warning"_L1)
            pixmap = QStyle::SP_MessageBoxWarning;
        item->setIcon(0, style()->standardIcon(pixmap));
        items << item;
    }
    m_issues->addTopLevelItems(items);
    const bool show = !items.isEmpty();
    m_issues->setVisible(show);
    m_issuesTitle->setVisible(show);
}

void MainWindow::updateFiles(const ExportJob *j)
{
    const int count = j ? int(j->files.size()) : 0;
    if (m_files->rowCount() != count)
        m_files->setRowCount(count);
    QString none;
    if (j && count == 0)
        none = j->completedAt.isValid()
                   ? (j->message.isEmpty() ? tr("The server found nothing to export.") : j->message)
                   : tr("The server lists the files when the export is finished.");
    m_noFiles->setText(none);
    m_noFiles->setVisible(!none.isEmpty());
    const QLocale locale;
    for (int i = 0; i < count; ++i) {
        const ExportFile &f = j->files.at(i);
        setCell(m_files, i, FileName, f.relativePath);
        QString type = f.type;
        if (f.kind == FileKind::Error)
            //: %1 is a resource type; the file lists problems the server met
            type = tr("%1 (problems)").arg(f.type);
        else if (f.kind == FileKind::Deleted)
            //: %1 is a resource type; the file lists deleted resources
            type = tr("%1 (deleted)").arg(f.type);
        setCell(m_files, i, FileType, type);
        QString state = fileStateText(f.state);
        setCell(m_files, i, FileStateColumn, state);
        cell(m_files, i, FileStateColumn)->setToolTip(f.error);

        const int pct = filePercent(f);
        QTableWidgetItem *progress = cell(m_files, i, FileProgress);
        progress->setData(kProgressRole, pct);
        QString progressText;
        if (f.state == FileState::Failed)
            progressText = tr("failed");
        else if (pct >= 0)
            //: %1 is a percentage
            progressText = tr("%1 %").arg(pct);
        else
            progressText = sizeText(f.bytes);
        if (progress->text() != progressText)
            progress->setText(progressText);

        QString resources;
        if (f.expectedCount)
            //: %1 resources counted in the file, %2 the number the server announced
            resources =
                tr("%1 of %2").arg(locale.toString(f.lines), locale.toString(*f.expectedCount));
        else if (f.lines > 0 || f.state == FileState::Saved)
            resources = locale.toString(f.lines);
        setCell(m_files, i, FileResources, resources, Qt::AlignRight | Qt::AlignVCenter);
        QString size;
        if (f.totalBytes > 0 && f.state != FileState::Saved)
            //: %1 bytes saved of %2
            size = tr("%1 of %2").arg(sizeText(f.bytes), sizeText(f.totalBytes));
        else if (f.bytes > 0 || f.state == FileState::Saved)
            size = sizeText(f.bytes);
        setCell(m_files, i, FileSize, size, Qt::AlignRight | Qt::AlignVCenter);
        if (!f.error.isEmpty())
            cell(m_files, i, FileName)->setToolTip(f.error);
    }
    updateFileButtons();
}

void MainWindow::updateFileButtons()
{
    const ExportJob *j = m_manager->job(m_currentId);
    const int row = m_files->currentRow();
    const bool failed = j && row >= 0 && row < j->files.size() &&
                        j->files.at(row).state == FileState::Failed &&
                        m_files->selectionModel()->isRowSelected(row, {});
    m_retryFile->setEnabled(failed);
}

void MainWindow::retryCurrentFile()
{
    const int row = m_files->currentRow();
    if (row >= 0 && !m_currentId.isEmpty())
        m_manager->retryFile(m_currentId, row);
}

void MainWindow::updateResources(const ExportJob *j)
{
    struct PerType
    {
        QString label;
        int files = 0;
        qint64 saved = 0;
        qint64 expected = 0;
        bool anyExpected = false;
    };
    QList<PerType> types;
    QHash<QString, int> index;
    if (j) {
        for (const ExportFile &f : j->files) {
            QString label = f.type;
            if (f.kind == FileKind::Error)
                label = tr("%1 (problems)").arg(f.type);
            else if (f.kind == FileKind::Deleted)
                label = tr("%1 (deleted)").arg(f.type);
            int i = index.value(label, -1);
            if (i < 0) {
                i = int(types.size());
                index.insert(label, i);
                types.append({label});
            }
            PerType &t = types[i];
            ++t.files;
            t.saved += f.lines;
            if (f.expectedCount) {
                t.expected += *f.expectedCount;
                t.anyExpected = true;
            }
        }
    }
    m_resources->setRowCount(int(types.size()));
    const QLocale locale;
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    for (int r = 0; r < types.size(); ++r) {
        const PerType &t = types.at(r);
        setCell(m_resources, r, 0, t.label);
        setCell(m_resources, r, 1, locale.toString(t.files), right);
        setCell(m_resources, r, 2, locale.toString(t.saved), right);
        setCell(m_resources, r, 3, t.anyExpected ? locale.toString(t.expected) : tr("not said"),
                right);
    }
}

void MainWindow::rebuildActivity(const ExportJob *j)
{
    m_activity->clear();
    if (!j)
        return;
    for (const ActivityEntry &e : j->activity)
        appendActivity(e);
    m_activity->scrollToBottom();
}

void MainWindow::appendActivity(const ActivityEntry &e)
{
    const QLocale locale;
    QStringList texts(ActivityColumnCount);
    texts[ActivityTime] = formatTime(e.at.toLocalTime().time(), true);
    texts[ActivityMethod] = QString::fromLatin1(e.method);
    texts[ActivityUrl] = e.url.toString();
    texts[ActivityStatus] = e.status > 0 ? QString::number(e.status)
                                         : (e.method.isEmpty() ? QString() : tr("no answer"));
    texts[ActivityMs] = e.method.isEmpty() ? QString()
                                           //: %1 is a number of milliseconds
                                           : tr("%1 ms").arg(locale.toString(e.elapsedMs));
    texts[ActivityNote] = e.note;
    auto *item = new QTreeWidgetItem(texts);
    item->setToolTip(ActivityUrl, texts[ActivityUrl]);
    item->setToolTip(ActivityNote, e.note);
    item->setData(ActivityTime, Qt::ToolTipRole, dateText(e.at));
    for (const int c : {int(ActivityStatus), int(ActivityMs)})
        item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    if (!e.method.isEmpty())
        item->setData(0, kCurlRole, e.toCurl());
    if (e.status >= 400 || (!e.method.isEmpty() && e.status == 0))
        item->setIcon(ActivityStatus, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_activity->addTopLevelItem(item);
    // The engine keeps the latest entries only; so does the view.
    while (m_activity->topLevelItemCount() > kMaxActivityEntries)
        delete m_activity->takeTopLevelItem(0);
}

void MainWindow::onActivityAdded(const QString &id, const ActivityEntry &entry)
{
    if (id != m_currentId)
        return;
    QScrollBar *bar = m_activity->verticalScrollBar();
    const bool atEnd = !bar || bar->value() == bar->maximum();
    appendActivity(entry);
    if (atEnd)
        m_activity->scrollToBottom();
}

void MainWindow::copyActivityAsCurl()
{
    QStringList commands;
    const QList<QTreeWidgetItem *> items = m_activity->selectedItems();
    for (const QTreeWidgetItem *item : items) {
        const QString curl = item->data(0, kCurlRole).toString();
        if (!curl.isEmpty())
            commands << curl;
    }
    if (commands.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(commands.join(u'\n'));
    statusBar()->showMessage(tr("Copied %n request(s) as curl; set TOKEN before running them.",
                                nullptr, int(commands.size())),
                             6000);
}

} // namespace fbm
