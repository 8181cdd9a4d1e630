#include "filechooser.h"

#include <QFileDialog>

namespace fbm {

namespace {

class DialogFileChooser final : public FileChooser
{
public:
    QString existingFolder(QWidget *parent, const QString &title, const QString &start) override
    {
        return QFileDialog::getExistingDirectory(parent, title, start);
    }
    QString saveFileName(QWidget *parent, const QString &title, const QString &suggestion,
                         const QString &filter, QString *selectedFilter) override
    {
        return QFileDialog::getSaveFileName(parent, title, suggestion, filter, selectedFilter);
    }
    QString openFileName(QWidget *parent, const QString &title, const QString &start,
                         const QString &filter) override
    {
        return QFileDialog::getOpenFileName(parent, title, start, filter);
    }
};

} // namespace

FileChooser::~FileChooser() = default;

FileChooser *FileChooser::dialogs()
{
    static DialogFileChooser chooser;
    return &chooser;
}

} // namespace fbm
