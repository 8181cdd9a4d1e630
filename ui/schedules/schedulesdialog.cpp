#include "schedulesdialog.h"

#include "schedule/schedulelistmodel.h"
#include "schedule/scheduleservice.h"
#include "scheduledialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fbm {

SchedulesDialog::SchedulesDialog(ScheduleService *service, QStringList profiles,
                                 FileChooser *chooser, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_profiles(std::move(profiles))
    , m_chooser(chooser)
    , m_model(new ScheduleListModel(this))
    , m_view(new QTableView)
    , m_message(new QLabel)
{
    setWindowTitle(tr("Schedules"));
    setObjectName(u"schedulesDialog"_s);
    m_view->setObjectName(u"schedulesView"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_message->setObjectName(u"schedulesMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *addButton = buttons->addButton(tr("&Add…"), QDialogButtonBox::ActionRole);
    m_runNow = buttons->addButton(tr("R&un Now"), QDialogButtonBox::ActionRole);
    m_remove = buttons->addButton(tr("&Remove"), QDialogButtonBox::ActionRole);
    addButton->setObjectName(u"scheduleAdd"_s);
    m_runNow->setObjectName(u"scheduleRunNow"_s);
    m_remove->setObjectName(u"scheduleRemove"_s);
    connect(addButton, &QPushButton::clicked, this, [this] {
        Schedule s;
        s.profile = m_profiles.value(0);
        add(s);
    });
    connect(m_runNow, &QPushButton::clicked, this, &SchedulesDialog::runSelectedNow);
    connect(m_remove, &QPushButton::clicked, this, &SchedulesDialog::removeSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(760, 360);
    refresh();
}

SchedulesDialog::~SchedulesDialog() = default;

void SchedulesDialog::refresh()
{
    const QString selected = selectedName();
    bool session = false;
    m_model->setRows(m_service->rows(&session));
    m_view->resizeColumnsToContents();
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->row(r)->schedule.name == selected)
            m_view->selectRow(r);
    }
    if (!m_view->selectionModel()->hasSelection() && m_model->rowCount() > 0)
        m_view->selectRow(0);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SchedulesDialog::updateButtons, Qt::UniqueConnection);
    updateButtons();
}

void SchedulesDialog::add(const Schedule &initial)
{
    auto *dialog = new ScheduleDialog(initial, m_profiles, m_service->program(), m_chooser, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { addSchedule(dialog->schedule()); });
    dialog->open();
}

void SchedulesDialog::addSchedule(const Schedule &schedule)
{
    const ScheduleService::Added added = m_service->add(schedule);
    refresh();
    if (added.error) {
        say(added.error.message);
        return;
    }
    if (!added.enabled) {
        //: %1 is a command, %2 a line for the crontab
        say(tr("There is no systemd user session here, so the timer is not on. To turn it on "
               "later, run in a session of yours:\n%1\nOr add this line to your crontab "
               "(crontab -e):\n%2")
                .arg(added.enableLater, added.crontabLine));
        return;
    }
    if (added.nextRun.isValid())
        //: %1 is a schedule's name, %2 a date and time
        say(tr("Schedule \"%1\" is on; the next run is at %2.")
                .arg(schedule.name,
                     QLocale().toString(added.nextRun.toLocalTime(), QLocale::ShortFormat)));
    else
        //: %1 is a schedule's name
        say(tr("Schedule \"%1\" is on.").arg(schedule.name));
}

void SchedulesDialog::removeSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    bool session = false;
    const Error e = m_service->remove(name, &session);
    refresh();
    if (e)
        say(e.message);
    else if (!session)
        //: %1 is a schedule's name
        say(tr("Schedule \"%1\" removed. If you added its line to your crontab, remove it there "
               "too.")
                .arg(name));
    else
        //: %1 is a schedule's name
        say(tr("Schedule \"%1\" removed.").arg(name));
}

void SchedulesDialog::runSelectedNow()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    bool viaSystemd = false;
    if (const Error e = m_service->runNow(name, &viaSystemd)) {
        say(e.message);
        return;
    }
    //: %1 is a schedule's name
    say(tr("Schedule \"%1\" runs now; its export appears in the list when it has ended.")
            .arg(name));
    Q_EMIT runStarted(name);
}

QString SchedulesDialog::message() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

QString SchedulesDialog::selectedName() const
{
    if (!m_view->selectionModel())
        return {};
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const ScheduleService::Row *r = m_model->row(rows.first().row());
    return r ? r->schedule.name : QString();
}

void SchedulesDialog::say(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void SchedulesDialog::updateButtons()
{
    const bool any = !selectedName().isEmpty();
    m_remove->setEnabled(any);
    m_runNow->setEnabled(any);
}

} // namespace fbm
