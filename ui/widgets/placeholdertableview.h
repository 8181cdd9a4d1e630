#pragma once

#include <QTableView>

namespace fbm {

/// A table that says something in its empty area when it has no rows ("No exports yet — New
/// export (Ctrl+N)"), centred, in the placeholder colour, like a line edit's placeholder: a
/// first-time user looks at the empty list, not at the status bar.
class PlaceholderTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderTableView)
public:
    explicit PlaceholderTableView(QWidget *parent = nullptr);
    ~PlaceholderTableView() override;

    /// Shown while the model has no rows; may hold line breaks.
    void setPlaceholderText(const QString &text);
    [[nodiscard]] QString placeholderText() const { return m_placeholder; }
    /// Whether the text is on screen now (no rows, some text).
    [[nodiscard]] bool isPlaceholderShown() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_placeholder;
};

} // namespace fbm
