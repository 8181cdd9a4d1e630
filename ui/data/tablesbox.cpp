#include "tablesbox.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fbm {

TablesBox::TablesBox(QWidget *parent)
    : QWidget(parent)
    , m_choice(new QComboBox)
    , m_open(new QPushButton(tr("&Open as spreadsheet")))
    , m_saveAll(new QPushButton(tr("Sa&ve all tables")))
    , m_stop(new QPushButton(tr("Stop")))
    , m_status(new QLabel)
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(u"tablesBox"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("Tab&le:"));
    label->setBuddy(m_choice);
    row->addWidget(label);
    m_choice->setObjectName(u"tableChoice"_s);
    m_choice->setToolTip(tr("A table made from the export by a SQL on FHIR view: the built-in "
                            "ones, and your own in %1")
                             .arg(QDir::toNativeSeparators(BuiltinViews::userFolder())));
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    row->addWidget(m_choice, 1);
    m_open->setObjectName(u"openTableButton"_s);
    m_open->setToolTip(tr("Write the table as a CSV file into the export's tables folder and open "
                          "it with your spreadsheet program"));
    row->addWidget(m_open);
    m_saveAll->setObjectName(u"saveAllTablesButton"_s);
    m_saveAll->setToolTip(tr("Write one CSV file per table into the export's tables folder"));
    row->addWidget(m_saveAll);
    m_stop->setObjectName(u"stopTablesButton"_s);
    row->addWidget(m_stop);
    layout->addLayout(row);
    m_status->setObjectName(u"tablesStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    connect(m_open, &QPushButton::clicked, this,
            [this] { openAsSpreadsheet(m_choice->currentData().toString()); });
    connect(m_saveAll, &QPushButton::clicked, this, &TablesBox::saveAll);
    connect(m_stop, &QPushButton::clicked, this, [this] { m_watcher.cancel(); });
    connect(&m_watcher, &QFutureWatcher<QList<ViewTable>>::progressValueChanged, this,
            &TablesBox::updateState);
    connect(&m_watcher, &QFutureWatcher<QList<ViewTable>>::finished, this, &TablesBox::onFinished);
    updateState();
}

TablesBox::~TablesBox()
{
    // The writing thread notices within one block; the table it was writing is not kept.
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void TablesBox::setFolder(const QString &folder, bool saved)
{
    if (folder == m_folder && saved == m_saved)
        return;
    m_folder = folder;
    m_saved = saved;
    m_status->clear();
    m_views = saved && !folder.isEmpty() ? ViewTables::applicable(folder) : QList<ViewSource>();
    m_choice->clear();
    for (const ViewSource &v : std::as_const(m_views))
        m_choice->addItem(v.title.isEmpty() ? v.name : v.title, v.name);
    updateState();
}

QStringList TablesBox::viewNames() const
{
    QStringList names;
    for (const ViewSource &v : m_views)
        names.append(v.name);
    return names;
}

void TablesBox::openAsSpreadsheet(const QString &name)
{
    for (const ViewSource &v : std::as_const(m_views)) {
        if (v.name == name) {
            start({v}, true);
            return;
        }
    }
}

void TablesBox::saveAll()
{
    start(m_views, false);
}

void TablesBox::start(const QList<ViewSource> &views, bool openWhenDone)
{
    if (views.isEmpty() || m_watcher.isRunning())
        return;
    m_openWhenDone = openWhenDone;
    m_watcher.setFuture(ViewTables::writeLater(views, m_folder));
    updateState();
}

void TablesBox::onFinished()
{
    const QList<ViewTable> tables =
        m_watcher.future().resultCount() > 0 ? m_watcher.future().result() : QList<ViewTable>();
    QStringList lines;
    QString opened;
    bool stopped = m_watcher.isCanceled();
    for (const ViewTable &t : tables) {
        stopped = stopped || t.stopped;
        if (t.stopped)
            continue;
        if (!t.error.isEmpty()) {
            //: %1 is a view's name, %2 why its table was not written
            lines.append(tr("%1: not written: %2").arg(t.name, t.error));
            continue;
        }
        //: %n is a number of rows, %1 a file
        lines.append(tr("%n row(s) in %1", nullptr, int(qMin<qint64>(t.rows, INT_MAX)))
                         .arg(QDir::toNativeSeparators(t.path)));
        if (t.badLines > 0)
            //: %n is a number of lines
            lines.append(tr("%n line(s) of the files are not JSON and were left out.", nullptr,
                            int(qMin<qint64>(t.badLines, INT_MAX))));
        opened = t.path;
    }
    if (stopped)
        lines.append(tr("Stopped: the table being written was not kept."));
    else if (m_openWhenDone && !opened.isEmpty() && !m_openUrl(QUrl::fromLocalFile(opened)))
        lines.append(tr("The desktop has no program to open CSV files with; the table is saved "
                        "as shown above."));
    m_status->setText(lines.join(u'\n'));
    updateState();
    Q_EMIT tablesWritten(tables);
}

void TablesBox::updateState()
{
    const bool writing = m_watcher.isRunning();
    const bool any = !m_views.isEmpty();
    m_choice->setEnabled(any && !writing);
    m_open->setEnabled(any && !writing);
    m_saveAll->setEnabled(any && !writing);
    m_stop->setVisible(writing);
    if (writing)
        //: %1 is a percentage
        m_status->setText(
            tr("Writing tables… %1 %").arg(QLocale().toString(m_watcher.progressValue() / 10)));
    else if (!any && m_saved)
        m_status->setText(tr("None of the views has data in this export."));
    setVisible(m_saved);
}

} // namespace fbm
