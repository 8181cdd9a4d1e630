#pragma once

#include <QAbstractItemModel>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace fbm {

/// One JSON value (a resource) as a tree: a member's name or an element's index, and the
/// value (objects and arrays say how many they hold). Read-only; setValue() replaces it all.
class JsonTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonTreeModel)
public:
    enum Column
    {
        Key,
        Value,
        Count
    };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setValue(const QJsonValue &value);

    [[nodiscard]] QModelIndex index(int row, int column,
                                    const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    struct Node
    {
        QString key;
        QString value;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    void fill(Node *node, const QJsonValue &value);
    [[nodiscard]] const Node *node(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
};

} // namespace fbm
