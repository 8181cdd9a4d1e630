#include "reportdetailspane.h"

#include "i18n.h"
#include "reports/reportjob.h"
#include "reports/reportjobmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fbm {

ReportDetailsPane::ReportDetailsPane(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Job details"));
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    title->setContentsMargins(4, 2, 4, 0);
    layout->addWidget(title);

    m_empty = new QLabel(tr("Select a report job to see all it says."));
    m_empty->setObjectName(u"reportDetailsEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    layout->addWidget(m_empty, 1);

    m_tree = new QTreeWidget;
    m_tree->setObjectName(u"reportJobDetails"_s);
    m_tree->setAccessibleName(tr("Details of the selected report job"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Part"), tr("Value")});
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(0, m_tree->fontMetrics().averageCharWidth() * 24);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("&Copy value"), m_tree);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] {
        if (const QTreeWidgetItem *item = m_tree->currentItem())
            QApplication::clipboard()->setText(item->text(1));
    });
    m_tree->addAction(copy);
    title->setBuddy(m_tree);
    layout->addWidget(m_tree, 1);
}

ReportDetailsPane::~ReportDetailsPane() = default;

void ReportDetailsPane::showJob(const ReportJob *job, const QUrl &downloadUrl,
                                const QString &savedPath)
{
    m_empty->setVisible(!job);
    m_tree->setVisible(job != nullptr);
    // Rebuilt only when something changed, so the reader's place in it is kept.
    const QString signature =
        job ? QString::fromUtf8(QJsonDocument(job->toJson()).toJson()) + savedPath : QString();
    if (signature == m_signature)
        return;
    m_signature = signature;
    const QString currentPart = m_tree->currentItem() ? m_tree->currentItem()->text(0) : QString();
    m_tree->clear();
    if (!job)
        return;

    const auto add = [this](const QString &part, const QString &value,
                            QTreeWidgetItem *parent = nullptr) {
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
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

    add(tr("Report"), orNone(job->title()));
    add(tr("Report class"), orNone(job->reportClass));
    // A status the program does not know is shown as the server wrote it: once is enough.
    auto *status = add(tr("Status"), ReportJobModel::statusTitle(*job));
    status->setToolTip(1, ReportJobModel::statusToolTip(*job));
    if (!job->userName.isEmpty())
        add(tr("User"), job->userName);
    add(job->userName.isEmpty() ? tr("User") : tr("User ID"), orNone(job->userId));
    add(tr("Created"), time(job->created));
    add(tr("Started"), time(job->started));
    add(tr("Ended"), time(job->ended));
    add(tr("Run time"), orNone(formatRunTime(job->runTimeSeconds())));
    auto *params =
        add(tr("Parameters"), job->parameters.isEmpty() ? tr("(none)") : job->parameterSummary());
    for (const NamedValue &p : job->parameters)
        add(p.first, p.second, params);
    params->setExpanded(true);
    auto *binary = add(tr("Report file (Binary)"), orNone(job->binaryReference));
    if (job->binaryUrl.isValid()) {
        add(tr("Fetched from"), downloadUrl.toString(), binary);
        binary->setExpanded(true);
    }
    if (!savedPath.isEmpty())
        add(tr("Saved as"), QDir::toNativeSeparators(savedPath));
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
        const auto found = m_tree->findItems(currentPart, Qt::MatchExactly | Qt::MatchRecursive);
        if (!found.isEmpty())
            m_tree->setCurrentItem(found.first());
    }
}

} // namespace fbm
