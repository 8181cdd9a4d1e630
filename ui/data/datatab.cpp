#include "datatab.h"

#include "tablesbox.h"

#include "exportoverviewmodel.h"
#include "resourcebrowser.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

void setUpTable(QTableView *table)
{
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setDefaultSectionSize(qRound(table->fontMetrics().height() * 1.6));
    table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace

DataTab::DataTab(QWidget *parent)
    : QWidget(parent)
    , m_typesModel(new OverviewTypesModel(this))
    , m_problemsModel(new OverviewProblemsModel(this))
    , m_status(new QLabel)
    , m_stop(new QPushButton(tr("Stop readi&ng")))
    , m_again(new QPushButton(tr("Read a&gain")))
    , m_browse(new QPushButton(tr("&Browse…")))
    , m_types(new QTableView)
    , m_problemsTitle(new QLabel)
    , m_problems(new QTableView)
{
    setObjectName(u"dataTab"_s);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_status->setObjectName(u"dataStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_status, 1);
    m_stop->setObjectName(u"dataStop"_s);
    m_stop->setToolTip(tr("Stop reading the export's files"));
    top->addWidget(m_stop);
    m_again->setObjectName(u"dataAgain"_s);
    m_again->setToolTip(tr("Read the export's files again"));
    top->addWidget(m_again);
    m_browse->setObjectName(u"dataBrowse"_s);
    m_browse->setToolTip(tr("Look through the resources of the selected type"));
    top->addWidget(m_browse);
    layout->addLayout(top);

    m_types->setObjectName(u"dataTypes"_s);
    m_types->setAccessibleName(tr("Resources per type in the saved files"));
    m_types->setModel(m_typesModel);
    setUpTable(m_types);
    layout->addWidget(m_types, 3);

    m_problemsTitle->setObjectName(u"dataProblemsTitle"_s);
    layout->addWidget(m_problemsTitle);
    m_problems->setObjectName(u"dataProblems"_s);
    m_problems->setAccessibleName(tr("Lines that are not resources of their file's type"));
    m_problems->setModel(m_problemsModel);
    setUpTable(m_problems);
    layout->addWidget(m_problems, 1);
    m_tables = new TablesBox;
    layout->addWidget(m_tables);

    connect(m_stop, &QPushButton::clicked, this, &DataTab::stopReading);
    connect(m_again, &QPushButton::clicked, this, &DataTab::startReading);
    connect(m_browse, &QPushButton::clicked, this, [this] { browse(); });
    connect(m_types, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { browse(index.row()); });
    connect(&m_watcher, &QFutureWatcher<ExportOverview>::progressValueChanged, this,
            &DataTab::updateState);
    connect(&m_watcher, &QFutureWatcher<ExportOverview>::finished, this, &DataTab::onFinished);
    updateState();
}

DataTab::~DataTab()
{
    // The reading thread notices within one block; its result is dropped.
    m_watcher.cancel();
}

void DataTab::setFolder(const QString &folder, bool saved)
{
    if (folder == m_folder && saved == m_saved)
        return;
    m_folder = folder;
    m_saved = saved;
    m_tables->setFolder(folder, saved);
    if (m_shownFolder != folder || !saved) {
        stopReading();
        m_shownFolder.clear();
        const ExportOverview known = saved ? m_read.value(folder) : ExportOverview();
        if (!known.folder.isEmpty())
            m_shownFolder = folder;
        m_typesModel->setOverview(known);
        m_problemsModel->setProblems(known.problems);
    }
    if (m_active && saved && m_shownFolder.isEmpty())
        startReading();
    updateState();
}

void DataTab::setActive(bool active)
{
    m_active = active;
    if (active && m_saved && !m_folder.isEmpty() && m_shownFolder.isEmpty())
        startReading();
}

void DataTab::startReading()
{
    if (m_folder.isEmpty() || !m_saved)
        return;
    stopReading();
    m_shownFolder = m_folder;
    m_watcher.setFuture(ExportOverview::computeLater(m_folder));
    updateState();
}

void DataTab::stopReading()
{
    if (m_watcher.isRunning()) {
        m_watcher.cancel();
        // What was read so far comes with the future's result (cancelled): not waited for.
        m_watcher.setFuture({});
    }
    updateState();
}

void DataTab::onFinished()
{
    if (m_watcher.future().resultCount() == 0) {
        updateState();
        return;
    }
    const ExportOverview o = m_watcher.result();
    if (o.folder != m_shownFolder)
        return;
    if (o.ok())
        m_read.insert(o.folder, o);
    m_typesModel->setOverview(o);
    m_problemsModel->setProblems(o.problems);
    m_types->resizeColumnsToContents();
    m_problems->resizeColumnToContents(OverviewProblemsModel::File);
    m_problems->resizeColumnToContents(OverviewProblemsModel::Line);
    if (m_typesModel->rowCount() > 0)
        m_types->selectRow(0);
    updateState();
    Q_EMIT overviewReady();
}

void DataTab::updateState()
{
    const bool reading = m_watcher.isRunning();
    const ExportOverview &o = m_typesModel->overview();
    const QLocale locale;
    QString status;
    if (m_folder.isEmpty())
        status = tr("Choose an export in the list to see what it holds.");
    else if (!m_saved)
        status = tr("The data can be looked at once every file is saved.");
    else if (reading)
        //: %1 is a percentage such as 45
        status = tr("Reading the saved files… %1 %").arg(m_watcher.progressValue() / 10);
    else if (!o.error.isEmpty())
        status = o.error;
    else if (o.folder.isEmpty())
        status = tr("Reading stopped.");
    else
        //: %1 resources, %2 patients, %3 a size such as 1.2 MB
        status = tr("%1 resources of %2 patients, %3.")
                     .arg(locale.toString(o.resources()), locale.toString(o.patients),
                          locale.formattedDataSize(o.bytes, 1, QLocale::DataSizeTraditionalFormat));
    if (!reading && o.cancelled && !o.folder.isEmpty())
        status += u' ' + tr("Reading was stopped: the counts are partial.");
    m_status->setText(status);
    m_stop->setVisible(reading);
    m_again->setVisible(!reading && m_saved && !m_folder.isEmpty());
    m_browse->setEnabled(!m_folder.isEmpty() && m_saved && m_typesModel->rowCount() > 0);
    if (o.problemCount == 0)
        m_problemsTitle->setText(o.folder.isEmpty() || !o.error.isEmpty()
                                     ? QString()
                                     : tr("No problems: every line is a resource of its file's "
                                          "type."));
    else if (o.problemCount > o.problems.size())
        //: %1 and %2 are numbers of lines
        m_problemsTitle->setText(
            tr("Problems: the first %1 of %2 lines")
                .arg(locale.toString(o.problems.size()), locale.toString(o.problemCount)));
    else
        m_problemsTitle->setText(tr("Problems: %n line(s)", nullptr, int(o.problems.size())));
    m_problems->setVisible(o.problemCount > 0);
}

void DataTab::browse(int row)
{
    if (row < 0)
        row = m_types->currentIndex().isValid() ? m_types->currentIndex().row() : 0;
    if (m_shownFolder.isEmpty() || row >= m_typesModel->rowCount())
        return;
    const QModelIndex index = m_typesModel->index(row, 0);
    const QString kind = index.data(OverviewTypesModel::KindRole).toString();
    const QString type = index.data(OverviewTypesModel::TypeNameRole).toString();
    if (!m_browser) {
        m_browser = new ResourceBrowser(this);
        m_browser->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    m_browser->open(m_shownFolder, kind, type);
    m_browser->show();
    m_browser->raise();
    m_browser->activateWindow();
}

} // namespace fbm
