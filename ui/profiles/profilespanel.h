#pragma once

#include <QWidget>

class QAction;
class QListWidget;
class QPushButton;

namespace fbm {

class Session;
struct Profile;

/// The server profiles on the left of the window: "All servers" and one entry per profile, with
/// Add, Edit, Duplicate and Delete (buttons, context menu and the actions for the Servers
/// menu). Edits go through the ProfileDialog and are saved in the Session's profile store.
class ProfilesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesPanel)
public:
    explicit ProfilesPanel(Session *session, QWidget *parent = nullptr);
    ~ProfilesPanel() override;

    /// Empty: "All servers".
    [[nodiscard]] QString selectedProfileId() const;
    void selectProfile(const QString &id);

    /// Add, Edit, Duplicate, (separator) Delete: for the window's Servers menu.
    [[nodiscard]] QList<QAction *> profileActions() const;

    void addProfile();
    void editProfile();
    void duplicateProfile();
    void deleteProfile();

    void applyIcons();

Q_SIGNALS:
    /// Another entry was chosen (empty: "All servers").
    void profileSelected(const QString &id);

private:
    void reload();
    void onCurrentChanged();
    void openDialog(const Profile &profile);
    void save(const Profile &profile);

    Session *m_session;
    QListWidget *m_list = nullptr;
    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
};

} // namespace fbm
