#pragma once

#include <QLineEdit>
#include <QTimer>

namespace fbm {

/// The filter box of a list: a line with a clear button, as wide as minChars to maxChars
/// average characters, that announces its text only after a pause in typing (re-filtering a
/// thousand rows on every key press would make typing stutter).
class FilterEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterEdit)
public:
    FilterEdit(int minChars, int maxChars, QWidget *parent = nullptr);
    ~FilterEdit() override;

    /// Focus with the text selected, for the Find shortcut.
    void focusForTyping();
    /// Empties the box and announces it at once.
    void clearNow();

Q_SIGNALS:
    /// The text after a pause in typing.
    void filterChanged(const QString &text);

private:
    QTimer m_debounce;
};

} // namespace fbm
