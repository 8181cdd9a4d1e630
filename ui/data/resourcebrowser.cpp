#include "resourcebrowser.h"

#include "exportoverview.h"
#include "filteredit.h"
#include "jsontreemodel.h"
#include "ndjsonindex.h"
#include "resourcetablemodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHideEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <climits>

using namespace Qt::StringLiterals;

namespace fbm {

ResourceBrowser::ResourceBrowser(QWidget *parent)
    : QDialog(parent)
    , m_model(new ResourceTableModel(this))
    , m_json(new JsonTreeModel(this))
    , m_files(new QComboBox)
    , m_filter(new FilterEdit(20, 40))
    , m_status(new QLabel)
    , m_table(new QTableView)
    , m_tree(new QTreeView)
{
    setObjectName(u"resourceBrowser"_s);
    setWindowTitle(tr("Resources"));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    resize(1000, 650);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *fileLabel = new QLabel(tr("&File:"));
    fileLabel->setBuddy(m_files);
    m_files->setObjectName(u"browserFiles"_s);
    m_files->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    top->addWidget(fileLabel);
    top->addWidget(m_files);
    top->addSpacing(12);
    auto *filterLabel = new QLabel(tr("Fi&lter:"));
    filterLabel->setBuddy(m_filter);
    m_filter->setObjectName(u"browserFilter"_s);
    m_filter->setPlaceholderText(tr("Text anywhere in the resource"));
    top->addWidget(filterLabel);
    top->addWidget(m_filter);
    top->addStretch(1);
    layout->addLayout(top);
    m_status->setObjectName(u"browserStatus"_s);
    layout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Horizontal);
    m_table->setObjectName(u"browserTable"_s);
    m_table->setAccessibleName(tr("Resources in the file"));
    m_table->setModel(m_model);
    m_table->setTabKeyNavigation(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Rows of one height, known without asking each row: a view of millions stays quick.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(qRound(m_table->fontMetrics().height() * 1.5));
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int chars = m_table->fontMetrics().averageCharWidth();
    m_table->horizontalHeader()->resizeSection(ResourceTableModel::Id, chars * 24);
    m_table->horizontalHeader()->resizeSection(ResourceTableModel::Date, chars * 26);
    splitter->addWidget(m_table);
    m_tree->setObjectName(u"browserJson"_s);
    m_tree->setAccessibleName(tr("The selected resource"));
    m_tree->setModel(m_json);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->resizeSection(JsonTreeModel::Key, chars * 22);
    splitter->addWidget(m_tree);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_files, &QComboBox::currentIndexChanged, this, &ResourceBrowser::openFile);
    connect(m_filter, &FilterEdit::filterChanged, m_model, &ResourceTableModel::setFilterText);
    connect(m_model, &ResourceTableModel::stateChanged, this, &ResourceBrowser::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ResourceBrowser::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_json->setValue({});
        updateStatus();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ResourceBrowser::showCurrent);
}

ResourceBrowser::~ResourceBrowser() = default;

void ResourceBrowser::open(const QString &folder, const QString &kind, const QString &type)
{
    m_folder = folder;
    const QString prefix =
        kind == "error"_L1 ? u"errors/"_s : (kind == "deleted"_L1 ? u"deleted/"_s : QString());
    const QStringList files = exportDataFiles(folder);
    int wanted = 0;
    {
        const QSignalBlocker block(m_files);
        m_files->clear();
        for (const QString &f : files) {
            if (wanted == 0 && f.startsWith(prefix) && dataFileType(f) == type &&
                (!prefix.isEmpty() || !f.contains(u'/')))
                wanted = int(m_files->count());
            m_files->addItem(f, QDir(folder).filePath(f));
        }
        m_files->setCurrentIndex(wanted);
    }
    //: %1 is a folder
    setWindowTitle(tr("Resources in %1").arg(QDir::toNativeSeparators(folder)));
    openFile(wanted);
}

void ResourceBrowser::hideEvent(QHideEvent *event)
{
    QDialog::hideEvent(event);
    if (!event->spontaneous())
        m_model->setFile({});
}

void ResourceBrowser::openFile(int index)
{
    m_model->setFile(m_files->itemData(index).toString());
}

void ResourceBrowser::showCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    m_json->setValue(current.isValid() ? QJsonValue(m_model->resource(current.row()))
                                       : QJsonValue());
    m_tree->expandToDepth(1);
}

void ResourceBrowser::updateStatus()
{
    const QLocale locale;
    const QString total = locale.toString(m_model->totalRows());
    const int rows = int(qMin<qint64>(m_model->totalRows(), INT_MAX));
    QString text;
    if (!m_model->lineIndex()->errorString().isEmpty())
        text = m_model->lineIndex()->errorString();
    else if (m_model->filterText().isEmpty())
        text = m_model->isIndexing() ? tr("Reading the file… %Ln resource(s) so far", nullptr, rows)
                                     : tr("%Ln resource(s)", nullptr, rows);
    else
        text =
            m_model->isFiltering()
                //: %1 is a number of resources
                ? tr("Searching… %1 match so far").arg(locale.toString(m_model->rowCount()))
                //: %1 and %2 are numbers of resources
                : tr("%1 of %2 resources match").arg(locale.toString(m_model->rowCount()), total);
    m_status->setText(text);
}

} // namespace fbm
