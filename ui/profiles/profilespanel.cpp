#include "profilespanel.h"

#include "auth/profile.h"
#include "confirmbox.h"
#include "profiledialog.h"
#include "session.h"

#include <QAction>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

constexpr int kProfileIdRole = Qt::UserRole + 1;
/// What an Edit, Duplicate or Delete button or action says when it can act; disabled, it says
/// why it cannot instead.
constexpr char kEnabledTip[] = "fbmEnabledToolTip";

} // namespace

ProfilesPanel::ProfilesPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    const auto action = [this](const QString &text, const QString &name, const QString &tip,
                               void (ProfilesPanel::*slot)()) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        a->setProperty(kEnabledTip, tip);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_add = action(tr("&Add server…"), u"addProfileAction"_s, tr("Add a server profile"),
                   &ProfilesPanel::addProfile);
    m_edit = action(tr("&Edit server…"), u"editProfileAction"_s,
                    tr("Change the selected server profile"), &ProfilesPanel::editProfile);
    m_duplicate = action(tr("D&uplicate server…"), u"duplicateProfileAction"_s,
                         tr("Make a new profile from a copy of the selected one"),
                         &ProfilesPanel::duplicateProfile);
    m_delete = action(tr("&Delete server"), u"deleteProfileAction"_s,
                      tr("Delete the selected server profile and its secrets"),
                      &ProfilesPanel::deleteProfile);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Servers"));
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    title->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(title);

    m_list = new QListWidget;
    m_list->setObjectName(u"profileList"_s);
    m_list->setAccessibleName(tr("Servers"));
    m_list->setToolTip(tr("Choose a server to see only its exports; New export starts "
                          "on the chosen server"));
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->addActions({m_add, m_edit, m_duplicate, m_delete});
    title->setBuddy(m_list);
    connect(m_list, &QListWidget::currentItemChanged, this, &ProfilesPanel::onCurrentChanged);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        const QString id = item->data(kProfileIdRole).toString();
        if (!id.isEmpty() && !m_session->isDemoProfile(id))
            editProfile();
    });
    layout->addWidget(m_list, 1);

    const auto button = [](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setProperty(kEnabledTip, tip);
        return b;
    };
    auto *addButton = button(tr("Add…"), u"addProfileButton"_s, tr("Add a server profile"));
    m_editButton =
        button(tr("Edit…"), u"editProfileButton"_s, tr("Change the selected server profile"));
    m_duplicateButton = button(tr("Duplicate…"), u"duplicateProfileButton"_s,
                               tr("Copy the selected server profile"));
    m_deleteButton =
        button(tr("Delete"), u"deleteProfileButton"_s, tr("Delete the selected server profile"));
    connect(addButton, &QPushButton::clicked, this, &ProfilesPanel::addProfile);
    connect(m_editButton, &QPushButton::clicked, this, &ProfilesPanel::editProfile);
    connect(m_duplicateButton, &QPushButton::clicked, this, &ProfilesPanel::duplicateProfile);
    connect(m_deleteButton, &QPushButton::clicked, this, &ProfilesPanel::deleteProfile);
    auto *buttons = new QGridLayout;
    buttons->addWidget(addButton, 0, 0);
    buttons->addWidget(m_editButton, 0, 1);
    buttons->addWidget(m_duplicateButton, 1, 0);
    buttons->addWidget(m_deleteButton, 1, 1);
    layout->addLayout(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 18);

    connect(m_session, &Session::profilesChanged, this, &ProfilesPanel::reload);
    applyIcons();
    reload();
}

ProfilesPanel::~ProfilesPanel() = default;

QList<QAction *> ProfilesPanel::profileActions() const
{
    return {m_add, m_edit, m_duplicate, m_delete};
}

void ProfilesPanel::applyIcons()
{
    QStyle *s = style();
    m_add->setIcon(
        QIcon::fromTheme(u"list-add"_s, s->standardIcon(QStyle::SP_FileDialogNewFolder)));
    m_delete->setIcon(QIcon::fromTheme(u"list-remove"_s, s->standardIcon(QStyle::SP_TrashIcon)));
}

void ProfilesPanel::reload()
{
    const QString selected = selectedProfileId();
    QSignalBlocker blocker(m_list);
    m_list->clear();
    auto *all = new QListWidgetItem(tr("All servers"), m_list);
    all->setData(kProfileIdRole, QString());
    all->setToolTip(tr("The exports of every server"));
    all->setIcon(style()->standardIcon(QStyle::SP_DirHomeIcon));
    QListWidgetItem *current = all;
    const QList<Profile> profiles = m_session->profiles();
    for (const Profile &p : profiles) {
        auto *item = new QListWidgetItem(p.name, m_list);
        item->setData(kProfileIdRole, p.id);
        item->setIcon(style()->standardIcon(QStyle::SP_DriveNetIcon));
        QString tip = p.baseUrl.toString();
        if (m_session->isDemoProfile(p.id))
            tip += u'\n' + tr("The built-in demo server on this computer; it is not saved.");
        else if (p.reporting)
            tip += u'\n' + tr("A reporting server");
        item->setToolTip(tip);
        if (p.id == selected)
            current = item;
    }
    m_list->setCurrentItem(current);
    blocker.unblock();
    onCurrentChanged();
}

QString ProfilesPanel::selectedProfileId() const
{
    const QListWidgetItem *item = m_list ? m_list->currentItem() : nullptr;
    return item ? item->data(kProfileIdRole).toString() : QString();
}

void ProfilesPanel::selectProfile(const QString &id)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(kProfileIdRole).toString() == id) {
            m_list->setCurrentRow(i);
            return;
        }
    }
    m_list->setCurrentRow(0);
}

void ProfilesPanel::onCurrentChanged()
{
    const QString id = selectedProfileId();
    const bool demo = !id.isEmpty() && m_session->isDemoProfile(id);
    const bool real = !id.isEmpty() && !demo;
    // A greyed-out button with its usual tooltip leaves the user guessing: say why instead.
    QString why;
    if (demo)
        why = tr("The demo profiles are built in: they cannot be changed, copied or deleted.");
    else if (id.isEmpty())
        why = tr("Choose a server in the list first.");
    for (QPushButton *b : {m_editButton, m_duplicateButton, m_deleteButton}) {
        b->setEnabled(real);
        b->setToolTip(real ? b->property(kEnabledTip).toString() : why);
        b->setAccessibleDescription(why);
    }
    for (QAction *a : {m_edit, m_duplicate, m_delete}) {
        a->setEnabled(real);
        a->setToolTip(real ? a->property(kEnabledTip).toString() : why);
    }
    Q_EMIT profileSelected(id);
}

void ProfilesPanel::addProfile()
{
    openDialog(Profile());
}

void ProfilesPanel::editProfile()
{
    const std::optional<Profile> p = m_session->profile(selectedProfileId());
    if (!p || m_session->isDemoProfile(p->id))
        return;
    openDialog(*p);
}

void ProfilesPanel::duplicateProfile()
{
    const std::optional<Profile> p = m_session->profile(selectedProfileId());
    if (!p)
        return;
    Profile copy = *p;
    // A new id: the copy must not share (or overwrite) the original's secrets.
    copy.id.clear();
    //: %1 is the name of the profile that was copied
    copy.name = tr("%1 (copy)").arg(p->name);
    openDialog(copy);
}

void ProfilesPanel::deleteProfile()
{
    const std::optional<Profile> p = m_session->profile(selectedProfileId());
    if (!p || m_session->isDemoProfile(p->id))
        return;
    const QString id = p->id;
    ConfirmBox::ask(this, tr("Delete server"),
                    //: %1 is a server profile's name
                    tr("Delete the server profile \"%1\" and the secrets kept for it? Exports "
                       "already in the list stay there.")
                        .arg(p->name),
                    tr("Delete"), [this, id] { m_session->removeProfile(id); });
}

void ProfilesPanel::openDialog(const Profile &profile)
{
    auto *dialog = new ProfileDialog(profile, m_session->secrets(), m_session->network(), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Secrets the user keeps for this session only when the keychain fails.
    dialog->setSessionStore(m_session->sessionSecrets());
    connect(dialog, &QDialog::accepted, this, [this, dialog] { save(dialog->profile()); });
    dialog->open();
}

void ProfilesPanel::save(const Profile &profile)
{
    const Result<Profile> saved = m_session->profileStore()->save(profile);
    if (!saved.ok()) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Server not saved"),
                                    saved.error().message, QMessageBox::Ok, window());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    reload();
    selectProfile(saved->id);
}

} // namespace fbm
