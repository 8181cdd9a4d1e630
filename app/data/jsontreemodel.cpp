#include "jsontreemodel.h"

#include <QLocale>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fbm {

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setValue(const QJsonValue &value)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    if (!value.isUndefined() && !value.isNull())
        fill(m_root.get(), value);
    endResetModel();
}

void JsonTreeModel::fill(Node *node, const QJsonValue &value)
{
    const auto add = [node, this](const QString &key, const QJsonValue &child) {
        auto n = std::make_unique<Node>();
        n->key = key;
        n->parent = node;
        n->row = int(node->children.size());
        fill(n.get(), child);
        node->children.push_back(std::move(n));
    };
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        //: How many members a JSON object has
        node->value = tr("{%n member(s)}", nullptr, int(o.size()));
        for (auto it = o.begin(); it != o.end(); ++it)
            add(it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        //: How many elements a JSON array has
        node->value = tr("[%n element(s)]", nullptr, int(a.size()));
        for (qsizetype i = 0; i < a.size(); ++i)
            add(QString::number(i), a.at(i));
    } else if (value.isString()) {
        node->value = value.toString();
    } else if (value.isBool()) {
        node->value = value.toBool() ? u"true"_s : u"false"_s;
    } else if (value.isDouble()) {
        node->value = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    } else {
        node->value = u"null"_s;
    }
}

const JsonTreeModel::Node *JsonTreeModel::node(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = node(parent);
    if (row < 0 || column < 0 || column >= Count || size_t(row) >= p->children.size())
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *p = node(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, const_cast<Node *>(p));
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(node(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return Count;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const Node *n = node(index);
    return index.column() == Key ? n->key : n->value;
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    //: A JSON member's name, or an element's number
    return section == Key ? tr("Field") : (section == Value ? tr("Value") : QVariant());
}

} // namespace fbm
