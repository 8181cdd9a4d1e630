#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <functional>

class QWidget;

namespace fbm {

/// Opens a folder in the desktop's file manager, or says why not: a folder that does not
/// exist (yet), or a desktop without a program for folders (then the path is shown, selectable,
/// so that it can be copied). The desktop is reached through a seam that tests replace.
class FolderOpener
{
    Q_DECLARE_TR_FUNCTIONS(fbm::FolderOpener)

public:
    using UrlOpener = std::function<bool(const QUrl &)>;

    /// \a parent: the window its message box belongs to; \a say: a short status message.
    FolderOpener(QWidget *parent, std::function<void(const QString &)> say);

    void setUrlOpener(UrlOpener opener) { m_open = std::move(opener); }
    /// Whether the desktop was asked to open it (and accepted).
    bool open(const QString &path) const;

private:
    QWidget *m_parent;
    std::function<void(const QString &)> m_say;
    UrlOpener m_open;
};

} // namespace fbm
