#include "jobdetailspane.h"

#include "clock.h"
#include "datatab.h"
#include "flexiblecolumn.h"
#include "i18n.h"
#include "jobactivitymodel.h"
#include "jobcellformat.h"
#include "jobfilesmodel.h"
#include "jobissuesmodel.h"
#include "jobresourcesmodel.h"
#include "jobtablemodel.h"
#include "progressdelegate.h"
#include "roleiconproxy.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QString dateText(const QDateTime &t)
{
    return t.isValid() ? formatDateTimeSeconds(t.toLocalTime()) : QString();
}

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

/// The look of the Files and Resources tables: whole rows, no grid, read-only; Tab goes on to
/// the next widget instead of from cell to cell.
void setUpDetailTable(QTableView *table)
{
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setDefaultSectionSize(qRound(table->fontMetrics().height() * 1.6));
}

QString title(const QAbstractItemModel *model, int column)
{
    return model->headerData(column, Qt::Horizontal).toString();
}

} // namespace

JobDetailsPane::JobDetailsPane(JobManager *manager, JobTableModel *table, QWidget *parent)
    : QTabWidget(parent)
    , m_manager(manager)
    , m_table(table)
    , m_filesModel(new JobFilesModel(manager, this))
    , m_resourcesModel(new JobResourcesModel(manager, this))
    , m_activityModel(new JobActivityModel(manager, this))
    , m_issuesModel(new JobIssuesModel(manager, this))
{
    setObjectName(u"detailsTabs"_s);
    setAccessibleName(tr("Export details"));
    setDocumentMode(true);
    addTab(createDetailsTab(), tr("&Details"));
    addTab(createFilesTab(), tr("F&iles"));
    addTab(createResourcesTab(), tr("Re&sources"));
    m_dataTab = new DataTab;
    addTab(m_dataTab, tr("Da&ta"));
    addTab(createActivityTab(), tr("&Activity"));
    connect(this, &QTabWidget::currentChanged, this,
            [this] { m_dataTab->setActive(currentWidget() == m_dataTab); });

    connect(m_manager, &JobManager::jobChanged, this, &JobDetailsPane::onJobChanged);
    connect(m_manager, &JobManager::jobRemoved, this, [this](const QString &id) {
        if (id == m_jobId)
            setJob({});
    });
    connect(m_table, &JobTableModel::ticked, this,
            [this] { updateCountdownFields(m_manager->job(m_jobId)); });
    applyIcons();
    setJob({});
}

JobDetailsPane::~JobDetailsPane() = default;

QWidget *JobDetailsPane::createDetailsTab()
{
    auto *page = new QWidget;
    page->setObjectName(u"detailsPage"_s);
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
    addRow(u"transaction"_s, tr("Data as of:"), textField(tr("Data as of")));
    addRow(u"expires"_s, tr("Files kept until:"), textField(tr("Files kept until")));
    addRow(u"serverCopy"_s, tr("On the server:"), textField(tr("On the server")));
    addRow(u"attachments"_s, tr("Attachments:"), textField(tr("Attachments")));
    auto *folder = textField(tr("Folder"));
    folder->setTextFormat(Qt::RichText);
    folder->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(folder, &QLabel::linkActivated, this,
            [this](const QString &link) { Q_EMIT openFolderRequested(QUrl(link).toLocalFile()); });
    addRow(u"folder"_s, tr("Folder:"), folder);
    // The raw addresses speak to a technician, not to a clinician: behind a toggle that
    // stays as it was left.
    m_technicalKeys = {u"request"_s, u"status"_s};
    m_technicalToggle = new QToolButton;
    m_technicalToggle->setObjectName(u"technicalDetailsToggle"_s);
    m_technicalToggle->setText(tr("Technical details"));
    m_technicalToggle->setToolTip(
        tr("Show the addresses of the export request and of its status, for a technician"));
    m_technicalToggle->setCheckable(true);
    m_technicalToggle->setAutoRaise(true);
    m_technicalToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_technicalToggle->setArrowType(Qt::RightArrow);
    connect(m_technicalToggle, &QToolButton::toggled, this, &JobDetailsPane::showTechnicalDetails);
    form->addWidget(m_technicalToggle, form->rowCount(), 0, 1, 2, Qt::AlignLeft);
    addRow(u"request"_s, tr("Request:"), urlField(tr("Request")));
    addRow(u"status"_s, tr("Status URL:"), urlField(tr("Status URL")));
    for (const QString &key : std::as_const(m_technicalKeys)) {
        m_fields.value(key)->hide();
        m_fieldLabels.value(key)->hide();
    }
    form->setRowStretch(form->rowCount(), 1);
    split->addLayout(form, 3);

    auto *issuesBox = new QVBoxLayout;
    m_issuesTitle = new QLabel(tr("Issues reported by the server"));
    issuesBox->addWidget(m_issuesTitle);
    m_issues = new QTreeView;
    m_issues->setObjectName(u"issuesList"_s);
    m_issues->setAccessibleName(tr("Issues reported by the server"));
    m_issues->setRootIsDecorated(false);
    m_issues->setAlternatingRowColors(true);
    m_issues->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *issueIcons = new RoleIconProxy(
        JobIssuesModel::Severity, JobIssuesModel::SeverityRole,
        [this](const QVariant &severity) {
            const QString s = severity.toString();
            QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
            if (s == "error"_L1 || s == "fatal"_L1)
                pixmap = QStyle::SP_MessageBoxCritical;
            else if (s == "warning"_L1)
                pixmap = QStyle::SP_MessageBoxWarning;
            return style()->standardIcon(pixmap);
        },
        this);
    issueIcons->setSourceModel(m_issuesModel);
    m_issues->setModel(issueIcons);
    {
        // The server's words get the room; where they came from and the code go first when
        // the pane is narrow (a laptop's screen), and every cell has its text as a tooltip.
        QHeaderView *header = m_issues->header();
        header->setStretchLastSection(false);
        const int ch = m_issues->fontMetrics().averageCharWidth();
        header->resizeSection(
            JobIssuesModel::Severity,
            columnWidth(
                m_issues,
                m_issuesModel->headerData(JobIssuesModel::Severity, Qt::Horizontal).toString(),
                {JobIssuesModel::severityText(u"warning"_s),
                 JobIssuesModel::severityText(u"information"_s)},
                style()->pixelMetric(QStyle::PM_SmallIconSize)));
        header->resizeSection(JobIssuesModel::Code, 12 * ch);
        header->resizeSection(JobIssuesModel::Where, 24 * ch);
        auto *fit = new FlexibleColumn(m_issues, header, JobIssuesModel::Text, 24 * ch, 200 * ch);
        fit->setDroppable({JobIssuesModel::Where, JobIssuesModel::Code});
    }
    m_issuesTitle->setBuddy(m_issues);
    issuesBox->addWidget(m_issues, 1);
    split->addLayout(issuesBox, 2);
    connect(m_issuesModel, &QAbstractItemModel::modelReset, this,
            &JobDetailsPane::updateIssuesVisibility);
    outer->addWidget(m_detailsForm, 1);
    return page;
}

QWidget *JobDetailsPane::createFilesTab()
{
    auto *page = new QWidget;
    page->setObjectName(u"filesPage"_s);
    auto *layout = new QVBoxLayout(page);
    m_files = new QTableView;
    m_files->setObjectName(u"filesTable"_s);
    m_files->setAccessibleName(tr("Files of the export"));
    m_files->setModel(m_filesModel);
    setUpDetailTable(m_files);
    m_files->setSelectionMode(QAbstractItemView::SingleSelection);
    m_files->setWordWrap(false);
    m_files->setItemDelegateForColumn(JobFilesModel::Progress,
                                      new ProgressDelegate(JobFilesModel::ProgressRole, m_files));
    // Widths from the longest usual contents in the user's font; the file name takes the rest.
    const int ch = m_files->fontMetrics().averageCharWidth();
    const QLocale locale;
    const auto width = [this](int column, const QStringList &samples) {
        return columnWidth(m_files, title(m_filesModel, column), samples);
    };
    const QString bigSize =
        locale.formattedDataSize(999'900'000, 1, QLocale::DataSizeTraditionalFormat);
    QHeaderView *header = m_files->horizontalHeader();
    header->resizeSection(JobFilesModel::Name, 34 * ch);
    header->resizeSection(JobFilesModel::Type,
                          width(JobFilesModel::Type, {u"MedicationRequest"_s, u"OperationOutcome"_s,
                                                      u"AllergyIntolerance"_s}));
    header->resizeSection(
        JobFilesModel::State,
        width(JobFilesModel::State, {JobFilesModel::stateText(FileState::Downloading),
                                     JobFilesModel::stateText(FileState::Saved),
                                     JobFilesModel::stateText(FileState::Failed)}));
    header->resizeSection(JobFilesModel::Progress, 18 * ch);
    header->resizeSection(
        JobFilesModel::Resources,
        width(
            JobFilesModel::Resources,
            {JobFilesModel::tr("%1 of %2").arg(locale.toString(123456), locale.toString(123456))}));
    header->resizeSection(JobFilesModel::Size, width(JobFilesModel::Size, {bigSize}));
    header->setSectionResizeMode(JobFilesModel::Name, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    connect(m_files->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobDetailsPane::updateFileButtons);
    connect(m_files->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobDetailsPane::updateFileButtons);
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
    connect(m_retryFile, &QPushButton::clicked, this, &JobDetailsPane::retryCurrentFile);
    m_filesOpenFolder = new QPushButton(tr("Open &folder"));
    m_filesOpenFolder->setObjectName(u"filesOpenFolderButton"_s);
    connect(m_filesOpenFolder, &QPushButton::clicked, this, &JobDetailsPane::openFolderOfJob);
    buttons->addStretch(1);
    buttons->addWidget(m_retryFile);
    buttons->addWidget(m_filesOpenFolder);
    layout->addLayout(buttons);
    return page;
}

QWidget *JobDetailsPane::createResourcesTab()
{
    auto *page = new QWidget;
    page->setObjectName(u"resourcesPage"_s);
    auto *layout = new QVBoxLayout(page);
    m_resources = new QTableView;
    m_resources->setObjectName(u"resourcesTable"_s);
    m_resources->setAccessibleName(tr("Resources per type"));
    m_resources->setModel(m_resourcesModel);
    setUpDetailTable(m_resources);
    QHeaderView *header = m_resources->horizontalHeader();
    header->resizeSection(
        0, columnWidth(m_resources, title(m_resourcesModel, 0), {u"MedicationAdministration"_s}));
    // The counts are numbers: as wide as their titles (and a large count) need.
    for (int c = 1; c < JobResourcesModel::Count; ++c)
        header->resizeSection(c, columnWidth(m_resources, title(m_resourcesModel, c),
                                             {QLocale().toString(12345678)}));
    header->setStretchLastSection(true);
    layout->addWidget(m_resources);
    return page;
}

QWidget *JobDetailsPane::createActivityTab()
{
    auto *page = new QWidget;
    page->setObjectName(u"activityPage"_s);
    auto *layout = new QVBoxLayout(page);
    m_activity = new QTreeView;
    m_activity->setObjectName(u"activityList"_s);
    m_activity->setAccessibleName(tr("Activity: every request sent for this export"));
    m_activity->setRootIsDecorated(false);
    m_activity->setAlternatingRowColors(true);
    m_activity->setUniformRowHeights(true);
    m_activity->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_activity->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *warnings = new RoleIconProxy(
        JobActivityModel::Status, JobActivityModel::WarningRole,
        [this](const QVariant &warning) {
            return warning.toBool() ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon();
        },
        this);
    warnings->setSourceModel(m_activityModel);
    m_activity->setModel(warnings);
    // The time with seconds in the locale's style, whole; what happened in words next to it;
    // the URL takes what is left, the note (usually empty) a modest width.
    const int ch = m_activity->fontMetrics().averageCharWidth();
    QHeaderView *header = m_activity->header();
    header->resizeSection(JobActivityModel::Time,
                          columnWidth(m_activity, title(m_activityModel, JobActivityModel::Time),
                                      {formatTime(QTime(23, 59, 59), true)}));

    // Wide enough for their titles in every language ("Forespørgsel", "Varighed" were cut).
    const auto fits = [this](int column, const QStringList &samples, int extra = 0) {
        return columnWidth(m_activity, title(m_activityModel, column), samples, extra);
    };
    header->resizeSection(
        JobActivityModel::Event,
        fits(JobActivityModel::Event,
             {JobActivityModel::tr("Asked how far the server is: still working"),
              JobActivityModel::tr("Asked how far the server is: the files are ready"),
              JobActivityModel::tr("Told the server it may remove the export")}));
    header->resizeSection(JobActivityModel::Method, fits(JobActivityModel::Method, {u"DELETE"_s}));
    header->resizeSection(JobActivityModel::Url, 60 * ch);
    header->resizeSection(
        JobActivityModel::Status,
        fits(JobActivityModel::Status, {u"503"_s}, style()->pixelMetric(QStyle::PM_SmallIconSize)));
    header->resizeSection(JobActivityModel::Took,
                          fits(JobActivityModel::Took, {JobActivityModel::tr("%1 ms").arg(99999)}));
    header->resizeSection(JobActivityModel::Note, 24 * ch);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(JobActivityModel::Url, QHeaderView::Stretch);

    m_copyCurl = new QAction(tr("Copy as &curl"), this);
    m_copyCurl->setObjectName(u"copyCurlAction"_s);
    m_copyCurl->setToolTip(tr("Copy the selected request as a curl command (the token appears as "
                              "$TOKEN)"));
    m_copyCurl->setStatusTip(m_copyCurl->toolTip());
    m_copyCurl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyCurl->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyCurl->setEnabled(false);
    connect(m_copyCurl, &QAction::triggered, this, &JobDetailsPane::copyActivityAsCurl);
    m_activity->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_activity->addAction(m_copyCurl);
    connect(m_activity->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_activity->selectionModel()->selectedRows();
        const bool any = !rows.isEmpty() &&
                         !rows.constFirst().data(JobActivityModel::CurlRole).toString().isEmpty();
        m_copyCurl->setEnabled(any);
        m_copyCurlButton->setEnabled(any);
    });
    // New entries keep the log scrolled to the end when the reader was there.
    connect(m_activityModel, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_activity->verticalScrollBar();
        m_activity->setProperty("atEnd", !bar || bar->value() == bar->maximum());
    });
    connect(m_activityModel, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_activity->property("atEnd").toBool())
            m_activity->scrollToBottom();
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
    connect(m_copyCurlButton, &QPushButton::clicked, this, &JobDetailsPane::copyActivityAsCurl);
    buttons->addWidget(m_copyCurlButton);
    layout->addLayout(buttons);
    return page;
}

void JobDetailsPane::applyIcons()
{
    m_copyCurl->setIcon(
        QIcon::fromTheme(u"edit-copy"_s, style()->standardIcon(QStyle::SP_FileLinkIcon)));
}

void JobDetailsPane::loadSettings(const QSettings &settings)
{
    m_files->horizontalHeader()->restoreState(settings.value(u"fileColumns"_s).toByteArray());
    // Saved under a new name once the activity log gained its "What happened" column: an old
    // layout would put its widths on the wrong columns.
    m_activity->header()->restoreState(settings.value(u"activityColumns2"_s).toByteArray());
    showTechnicalDetails(settings.value(u"technicalDetails"_s, false).toBool());
    // The tab by its page's name: an index saved before the Data tab came would now open
    // the tab before the one left open (Data for Activity).
    const QString page = settings.value(u"detailsTabPage"_s).toString();
    QWidget *named = page.isEmpty() ? nullptr : findChild<QWidget *>(page);
    const int oldIndex = settings.value(u"detailsTab"_s, 0).toInt();
    if (named && indexOf(named) >= 0)
        setCurrentWidget(named);
    else if (oldIndex == 3)
        setCurrentWidget(findChild<QWidget *>(u"activityPage"_s));
    else
        setCurrentIndex(oldIndex);
}

void JobDetailsPane::saveSettings(QSettings &settings) const
{
    settings.setValue(u"fileColumns"_s, m_files->horizontalHeader()->saveState());
    settings.setValue(u"activityColumns2"_s, m_activity->header()->saveState());
    settings.setValue(u"technicalDetails"_s, m_technicalToggle->isChecked());
    settings.setValue(u"detailsTabPage"_s, currentWidget()->objectName());
    settings.remove(u"detailsTab"_s);
}

void JobDetailsPane::setJob(const QString &id)
{
    m_jobId = id;
    // The activity log of an old job is read from disk only when someone looks at it.
    m_activityModel->setJobId(id);
    const ExportJob *j = id.isEmpty() ? nullptr : m_manager->job(id);
    m_filesModel->setJobId(j ? id : QString());
    m_resourcesModel->setJobId(j ? id : QString());
    m_issuesModel->setJobId(j ? id : QString());
    m_emptyDetails->setVisible(!j);
    m_detailsForm->setVisible(j);
    updateDetails(j);
    updateFileButtons();
    updateIssuesVisibility();
    updateDataTab(j);
    m_activity->scrollToBottom();
}

void JobDetailsPane::showDetailsTab()
{
    setCurrentIndex(0);
    currentWidget()->setFocus(Qt::OtherFocusReason);
}

void JobDetailsPane::onJobChanged(const QString &id, JobFields fields)
{
    if (id != m_jobId)
        return;
    const ExportJob *j = m_manager->job(id);
    if (fields & (JobField::State | JobField::Progress | JobField::Error | JobField::Manifest |
                  JobField::NextPoll))
        updateDetails(j);
    if (fields & (JobField::Files | JobField::Manifest | JobField::State)) {
        updateFileButtons();
        updateDataTab(j);
    }
}

void JobDetailsPane::updateDataTab(const ExportJob *job)
{
    // Read only once every file is saved: a folder still being written would count half files.
    m_dataTab->setFolder(job ? job->outDir : QString(), job && job->state == JobState::Saved);
}

void JobDetailsPane::setField(const QString &key, const QString &text)
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
    updateFieldVisibility(key);
}

void JobDetailsPane::updateFieldVisibility(const QString &key)
{
    QWidget *w = m_fields.value(key);
    QString text;
    if (auto *label = qobject_cast<QLabel *>(w))
        text = label->text();
    else if (auto *edit = qobject_cast<QLineEdit *>(w))
        text = edit->text();
    // An empty row says nothing: hide it rather than show a label without a value.
    const bool visible = !text.isEmpty() && (!m_technicalKeys.contains(key) ||
                                             (m_technicalToggle && m_technicalToggle->isChecked()));
    if (w->isHidden() == visible) {
        w->setVisible(visible);
        m_fieldLabels.value(key)->setVisible(visible);
    }
}

void JobDetailsPane::showTechnicalDetails(bool show)
{
    if (m_technicalToggle->isChecked() != show)
        m_technicalToggle->setChecked(show); // comes back here through toggled()
    m_technicalToggle->setArrowType(show ? Qt::DownArrow : Qt::RightArrow);
    for (const QString &key : std::as_const(m_technicalKeys))
        updateFieldVisibility(key);
}

void JobDetailsPane::updateCountdownFields(const ExportJob *j)
{
    if (!j)
        return;
    QString state = jobStateText(j->state);
    if (j->cancelRequested && !j->isTerminal())
        state = tr("Cancelling…");
    const QDateTime now = m_manager->clock()->now();
    if ((j->state == JobState::Running || j->hasCountdown()) && !j->cancelRequested)
        //: %1 is the state, %2 e.g. "next check in 0:42" or "retrying in 0:05 (attempt 2)"
        state = tr("%1 · %2").arg(
            state, JobCellFormat::nextCheckText(*j, now, JobCellFormat::Form::Sentence));
    setField(u"state"_s, state);
    // Removed: the server no longer keeps them, whatever it said it would.
    QString expires = j->removedFromServerAt.isValid() ? QString() : dateText(j->expiresAt);
    const QString left = JobCellFormat::expiryText(*j, now, JobCellFormat::Form::Sentence);
    if (!expires.isEmpty() && !left.isEmpty())
        //: %1 is a date and time, %2 e.g. "expires in 1 h 12 min"
        expires = tr("%1 (%2)").arg(expires, left);
    setField(u"expires"_s, expires);
}

QString JobDetailsPane::serverCopyText(const ExportJob &j)
{
    if (j.removedFromServerAt.isValid())
        //: %1 is a date and time
        return tr("Removed from the server %1").arg(dateText(j.removedFromServerAt));
    if (!j.removalProblem.isEmpty())
        return j.removalProblem;
    if (j.state == JobState::Saved && j.keepOnServer && j.statusUrl.isValid())
        return tr("Left on the server, as the profile asks");
    return {};
}

QString JobDetailsPane::attachmentsText(const ExportJob &j)
{
    if (!j.attachments || j.state != JobState::Saved)
        return {};
    QString text = j.attachmentsSaved > 0
                       //: %n is a number of files
                       ? tr("%n saved in the attachments folder", nullptr, j.attachmentsSaved)
                       : QString();
    if (!j.attachmentProblem.isEmpty())
        text = text.isEmpty() ? j.attachmentProblem : text + u'\n' + j.attachmentProblem;
    return text.isEmpty() ? tr("None in this export") : text;
}

void JobDetailsPane::updateDetails(const ExportJob *j)
{
    if (!j)
        return;
    updateCountdownFields(j);
    setField(u"error"_s, j->lastError);
    setField(u"says"_s, j->state == JobState::Running || j->state == JobState::Starting
                            ? j->progressText
                            : QString());
    setField(u"message"_s, j->message);
    setField(u"serverCopy"_s, serverCopyText(*j));
    setField(u"attachments"_s, attachmentsText(*j));
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
}

void JobDetailsPane::updateIssuesVisibility()
{
    const bool show = m_issuesModel->rowCount() > 0;
    m_issues->setVisible(show);
    m_issuesTitle->setVisible(show);
}

void JobDetailsPane::updateFileButtons()
{
    const ExportJob *j = m_manager->job(m_jobId);
    const QString none = m_filesModel->placeholderText();
    m_noFiles->setText(none);
    m_noFiles->setVisible(!none.isEmpty());
    const QModelIndex current = m_files->selectionModel()->currentIndex();
    const int row = current.isValid() ? current.row() : -1;
    const bool failed = j && canTransition(j->state, JobState::Downloading) && row >= 0 &&
                        row < j->files.size() && j->files.at(row).state == FileState::Failed &&
                        m_files->selectionModel()->isRowSelected(row, {});
    m_retryFile->setEnabled(failed);
    m_filesOpenFolder->setEnabled(j && !j->outDir.isEmpty() && QDir(j->outDir).exists());
}

void JobDetailsPane::retryCurrentFile()
{
    const QModelIndex current = m_files->selectionModel()->currentIndex();
    if (current.isValid() && !m_jobId.isEmpty())
        m_manager->retryFile(m_jobId, current.row());
}

void JobDetailsPane::openFolderOfJob()
{
    if (const ExportJob *j = m_manager->job(m_jobId))
        Q_EMIT openFolderRequested(j->outDir);
}

void JobDetailsPane::copyActivityAsCurl()
{
    QModelIndexList rows = m_activity->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    QStringList commands;
    for (const QModelIndex &row : std::as_const(rows)) {
        const QString curl = row.data(JobActivityModel::CurlRole).toString();
        if (!curl.isEmpty())
            commands << curl;
    }
    if (commands.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(commands.join(u'\n'));
    Q_EMIT statusMessage(tr("Copied %n request(s) as curl; set TOKEN before running them.", nullptr,
                            int(commands.size())),
                         6000);
}

} // namespace fbm
