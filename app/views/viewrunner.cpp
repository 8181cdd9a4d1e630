#include "viewrunner.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fbm {

using fhirpath::Collection;
using fhirpath::Evaluator;
using fhirpath::Item;

/// What every expression of one resource shares.
struct ViewRunner::Frame
{
    fhirpath::Context context;
    QString *error;
};

namespace {

/// Every row of \a a combined with every row of \a b (their columns do not overlap: each
/// fills the places the other leaves undefined).
std::vector<ViewRow> product(const std::vector<ViewRow> &a, const std::vector<ViewRow> &b)
{
    std::vector<ViewRow> out;
    out.reserve(a.size() * b.size());
    for (const ViewRow &x : a) {
        for (const ViewRow &y : b) {
            ViewRow r = x;
            for (qsizetype i = 0; i < y.size(); ++i) {
                if (!y.at(i).isUndefined())
                    r[i] = y.at(i);
            }
            out.push_back(std::move(r));
        }
    }
    return out;
}

} // namespace

ViewRunner::ViewRunner(ViewDefinition view)
    : m_view(std::move(view))
    , m_width(int(m_view.columns().size()))
{}

bool ViewRunner::evaluate(const QJsonObject &resource, std::vector<ViewRow> *rows,
                          QString *error) const
{
    if (resource.value("resourceType"_L1).toString() != m_view.resource())
        return true;
    Frame frame{{&m_view.constants(), Item{resource, m_view.resource()}, 0}, error};
    const Item root{resource, m_view.resource()};
    const Collection input{root};
    for (size_t i = 0; i < m_view.where().size(); ++i) {
        const Collection c =
            Evaluator::evaluate(*m_view.where().at(i).root, input, frame.context, error);
        if (!error->isEmpty()) {
            *error = u"where[%1]: "_s.arg(i) + *error;
            return false;
        }
        if (c.empty())
            return true;
        if (c.size() != 1 || !c.front().value.isBool()) {
            *error = u"where[%1]: "_s.arg(i) +
                     tr("the path must give true or false, not %1")
                         .arg(c.size() == 1 ? Evaluator::typeOf(c.front())
                                            : tr("%n values", nullptr, int(c.size())));
            return false;
        }
        if (!c.front().value.toBool())
            return true;
    }
    std::vector<ViewRow> all{ViewRow(m_width, QJsonValue(QJsonValue::Undefined))};
    for (const ViewSelect &s : m_view.select()) {
        std::vector<ViewRow> part;
        if (!selectRows(s, root, 0, frame, &part))
            return false;
        all = product(all, part);
        if (all.empty())
            return true;
    }
    for (ViewRow &r : all) {
        for (QJsonValue &v : r) {
            if (v.isUndefined())
                v = QJsonValue::Null;
        }
        rows->push_back(std::move(r));
    }
    return true;
}

bool ViewRunner::selectRows(const ViewSelect &s, const Item &focus, qint64 rowIndex,
                            const Frame &frame, std::vector<ViewRow> *out) const
{
    if (s.iteration == ViewSelect::Iteration::None)
        return focusRows(s, focus, rowIndex, frame, out);
    Collection foci;
    QString *error = frame.error;
    if (s.iteration == ViewSelect::Iteration::Repeat) {
        // Depth first: each item, then what the paths find in it, before its next sibling.
        std::vector<Item> stack{focus};
        std::vector<std::pair<Collection, size_t>> levels;
        const auto expand = [&](const Item &from) {
            Collection next;
            for (const fhirpath::Expression &e : s.repeat) {
                Collection c = Evaluator::evaluate(*e.root, {from}, frame.context, error);
                std::move(c.begin(), c.end(), std::back_inserter(next));
            }
            return next;
        };
        levels.emplace_back(expand(focus), 0);
        while (!levels.empty() && error->isEmpty()) {
            auto &[items, at] = levels.back();
            if (at >= items.size()) {
                levels.pop_back();
                continue;
            }
            const Item item = items.at(at++);
            foci.push_back(item);
            levels.emplace_back(expand(item), 0);
        }
    } else {
        foci = Evaluator::evaluate(*s.forEach.root, {focus}, frame.context, error);
    }
    if (!error->isEmpty()) {
        *error = s.location + u": "_s + *error;
        return false;
    }
    for (size_t i = 0; i < foci.size(); ++i) {
        if (!focusRows(s, foci.at(i), qint64(i), frame, out))
            return false;
    }
    if (foci.empty() && s.iteration == ViewSelect::Iteration::ForEachOrNull) {
        // The row of nulls; its own columns see an empty focus, so that %rowIndex reads 0.
        ViewRow row(m_width, QJsonValue(QJsonValue::Undefined));
        if (!columnValues(s.columns, {}, 0, frame, &row))
            return false;
        out->push_back(std::move(row));
    }
    return true;
}

bool ViewRunner::focusRows(const ViewSelect &s, const Item &focus, qint64 rowIndex,
                           const Frame &frame, std::vector<ViewRow> *out) const
{
    std::vector<ViewRow> rows{ViewRow(m_width, QJsonValue(QJsonValue::Undefined))};
    if (!columnValues(s.columns, {focus}, rowIndex, frame, &rows.front()))
        return false;
    for (const ViewSelect &n : s.select) {
        std::vector<ViewRow> part;
        if (!selectRows(n, focus, rowIndex, frame, &part))
            return false;
        rows = product(rows, part);
        if (rows.empty())
            return true;
    }
    if (!s.unionAll.empty()) {
        std::vector<ViewRow> part;
        for (const ViewSelect &branch : s.unionAll) {
            if (!selectRows(branch, focus, rowIndex, frame, &part))
                return false;
        }
        rows = product(rows, part);
    }
    std::move(rows.begin(), rows.end(), std::back_inserter(*out));
    return true;
}

bool ViewRunner::columnValues(const std::vector<ViewColumn> &columns, const Collection &input,
                              qint64 rowIndex, const Frame &frame, ViewRow *row) const
{
    if (columns.empty())
        return true;
    fhirpath::Context context = frame.context;
    context.rowIndex = rowIndex;
    for (const ViewColumn &c : columns) {
        const Collection values = Evaluator::evaluate(*c.path.root, input, context, frame.error);
        if (!frame.error->isEmpty()) {
            *frame.error = c.location + u": "_s + *frame.error;
            return false;
        }
        if (c.collection) {
            QJsonArray a;
            for (const Item &v : values)
                a.append(v.value);
            (*row)[c.index] = a;
        } else if (values.size() > 1) {
            //: %1 is where in the view, %2 the column's name; %n a number above 1
            *frame.error = tr("%1 (%2): the path gives %n values; a column that is not "
                              "\"collection\": true takes one",
                              nullptr, int(values.size()))
                               .arg(c.location, c.name);
            return false;
        } else {
            (*row)[c.index] = values.empty() ? QJsonValue(QJsonValue::Null) : values.front().value;
        }
    }
    return true;
}

} // namespace fbm
