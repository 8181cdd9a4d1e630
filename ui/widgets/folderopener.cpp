#include "folderopener.h"

#include "logging.h"

#include <QDesktopServices>
#include <QDir>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace fbm {

FolderOpener::FolderOpener(QWidget *parent, std::function<void(const QString &)> say)
    : m_parent(parent)
    , m_say(std::move(say))
    , m_open([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{}

bool FolderOpener::open(const QString &path) const
{
    if (path.isEmpty() || !QDir(path).exists()) {
        m_say(tr("The folder does not exist (yet): nothing was saved in it."));
        return false;
    }
    const bool opened = m_open(QUrl::fromLocalFile(path));
    if (!opened) {
        qCWarning(fbm::lcUi) << "the desktop could not open" << path;
        // Without a file manager (or its MIME association) nothing would happen at all: give
        // the path, selectable, so that it can be copied.
        auto *box = new QMessageBox(
            QMessageBox::Information, tr("Folder not opened"),
            //: %1 is a folder path
            tr("The desktop has no program to open folders with. The files are in:\n\n%1")
                .arg(QDir::toNativeSeparators(path)),
            QMessageBox::Ok, m_parent);
        box->setObjectName(u"openFolderFailedBox"_s);
        box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return opened;
}

} // namespace fbm
