#pragma once

#include <QAbstractItemView>
#include <QObject>
#include <QPointer>

namespace fbm {

/// A frame in the highlight colour around the list or table that has the keyboard focus in a
/// window. The Fusion style marks a focused line edit or button, but a focused table looks like
/// any other (and an empty one shows nothing at all), so keyboard users lose track of where
/// they are. The frame is a child of the focused view drawn over its edge, never taking the
/// mouse.
class FocusRing final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FocusRing)
public:
    /// Follows the focus inside \a window, which owns the ring.
    explicit FocusRing(QWidget *window);
    ~FocusRing() override;

    /// The view the frame is around now (null: no list or table has the focus).
    [[nodiscard]] QAbstractItemView *view() const
    {
        return qobject_cast<QAbstractItemView *>(m_view.data());
    }
    /// The frame itself, a child of view() while it has the focus.
    [[nodiscard]] QWidget *frame() const { return m_frame; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onFocusChanged(QWidget *now);
    void follow(QAbstractItemView *view);

    QWidget *m_window;
    // A QWidget pointer: while the view is being destroyed it is no QAbstractItemView any more,
    // and the events it still sends then (to eventFilter) must not cast it to one (UBSan).
    QPointer<QWidget> m_view;
    // A child of the view it frames, so it goes with the view; made again when it went.
    QPointer<QWidget> m_frame;
};

} // namespace fbm
