#pragma once

#include <QString>

class QWidget;

namespace fbm {

/// Asks the user for a file or a folder. The views ask through this seam; the default asks with
/// QFileDialog, tests answer with what they like. An empty answer means "cancelled".
class FileChooser
{
public:
    FileChooser() = default;
    virtual ~FileChooser();
    FileChooser(const FileChooser &) = delete;
    FileChooser &operator=(const FileChooser &) = delete;

    [[nodiscard]] virtual QString existingFolder(QWidget *parent, const QString &title,
                                                 const QString &start) = 0;
    /// filter lists the types ("CSV table (*.csv);;…"); selectedFilter, when given, comes in
    /// as the one to offer first and goes out as the one the user chose.
    [[nodiscard]] virtual QString saveFileName(QWidget *parent, const QString &title,
                                               const QString &suggestion, const QString &filter,
                                               QString *selectedFilter) = 0;
    [[nodiscard]] virtual QString openFileName(QWidget *parent, const QString &title,
                                               const QString &start, const QString &filter) = 0;

    /// The QFileDialog one, shared.
    [[nodiscard]] static FileChooser *dialogs();
};

} // namespace fbm
