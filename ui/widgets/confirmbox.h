#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace fbm {

/// A question with an accept button and "Keep", asked without blocking: no nested event loop
/// while jobs keep running underneath. onAccept runs when the accept button is pressed.
class ConfirmBox
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ConfirmBox)
public:
    static void ask(QWidget *parent, const QString &title, const QString &text,
                    const QString &acceptText, std::function<void()> onAccept);
};

} // namespace fbm
