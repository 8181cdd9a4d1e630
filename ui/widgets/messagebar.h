#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace fbm {

/// A non-modal message in the window, above what it is about: an icon for its kind, a text
/// that wraps and can be selected, an optional action button and, when closable, a close
/// button. It stays until it is replaced or dismissed, so nothing goes unseen. Painted in the
/// tooltip colours by default: the palette's own "attention" pair, readable in light and dark
/// themes alike. Serves every banner of the application (files about to expire, a keychain
/// that fails, the report page's results).
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)
public:
    enum class Kind
    {
        Information,
        Warning,
        Error,
    };
    Q_ENUM(Kind)

    explicit MessageBar(QWidget *parent = nullptr);
    ~MessageBar() override;

    /// Shows the message; the action button shows only with a text and an action.
    void showMessage(Kind kind, const QString &text, const QString &actionText = {},
                     std::function<void()> action = {});
    /// Changes the text of the message on screen, nothing else.
    void setText(const QString &text);
    void dismiss();

    /// The text on screen; empty while hidden.
    [[nodiscard]] QString text() const;
    [[nodiscard]] Kind kind() const { return m_kind; }

    /// Whether a close button lets the user dismiss the message (off by default).
    void setClosable(bool closable);

    /// What a screen reader calls the text; empty: the kind ("Warning").
    void setTextAccessibleName(const QString &name);

    /// The parts, for object and accessible names.
    [[nodiscard]] QLabel *textLabel() const { return m_text; }
    [[nodiscard]] QPushButton *actionButton() const { return m_action; }
    [[nodiscard]] QToolButton *closeButton() const { return m_close; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyIcons();
    [[nodiscard]] QString kindName() const;

    Kind m_kind = Kind::Information;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
    std::function<void()> m_callback;
    QString m_textName;
};

} // namespace fbm
