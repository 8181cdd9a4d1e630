#pragma once

#include "auth/profile.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace fbm {

/// The profile editor's Server page: name, address, kind of server and export folder.
class ServerPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPage)
public:
    explicit ServerPage(const Profile &profile, QWidget *parent = nullptr);
    ~ServerPage() override;

    /// Writes the page's fields into p.
    void applyTo(Profile &p) const;
    /// The address as typed (for the plain-HTTP warning).
    [[nodiscard]] QString baseUrlText() const;
    void focusName();

Q_SIGNALS:
    void changed();
    void baseUrlChanged();
    /// The user left the address field (time to look for the token endpoint).
    void baseUrlEdited();

private:
    void browseOutputDir();

    QLineEdit *m_name = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_outputDir = nullptr;
    QCheckBox *m_keepOnServer = nullptr;
    QCheckBox *m_attachments = nullptr;
    QCheckBox *m_gzip = nullptr;
};

} // namespace fbm
