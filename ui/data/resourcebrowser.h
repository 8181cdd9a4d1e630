#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QTableView;
class QTreeView;

namespace fbm {

class FilterEdit;
class JsonTreeModel;
class ResourceTableModel;

/// A window on the resources of one NDJSON file of a saved export: a file picker (every data
/// file of the folder), a table over ResourceTableModel that reads only the rows on screen, a
/// filter, and the selected resource as a tree of its JSON.
class ResourceBrowser final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceBrowser)
public:
    explicit ResourceBrowser(QWidget *parent = nullptr);
    ~ResourceBrowser() override;

    /// Lists the data files of \a folder and opens the first of \a type in \a kind
    /// ("output", "error", "deleted").
    void open(const QString &folder, const QString &kind, const QString &type);

    [[nodiscard]] ResourceTableModel *model() const { return m_model; }
    [[nodiscard]] JsonTreeModel *jsonModel() const { return m_json; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QComboBox *filePicker() const { return m_files; }
    [[nodiscard]] FilterEdit *filterEdit() const { return m_filter; }

protected:
    /// Closed: lets go of the file (and the decompressed copy of a .gz); open() comes again.
    void hideEvent(QHideEvent *event) override;

private:
    void openFile(int index);
    void showCurrent();
    void updateStatus();

    QString m_folder;
    ResourceTableModel *m_model;
    JsonTreeModel *m_json;
    QComboBox *m_files;
    FilterEdit *m_filter;
    QLabel *m_status;
    QTableView *m_table;
    QTreeView *m_tree;
};

} // namespace fbm
