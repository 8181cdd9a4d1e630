#pragma once

#include <QDateTime>
#include <QWidget>

class QCheckBox;
class QDateTimeEdit;
class QLabel;

namespace fbm {

class Clock;

/// New export's "Changes" row: only resources changed since an instant (and before another),
/// or since the user's last finished export of the same data from the server, with a line that
/// says which export that is or why there is none. The dialog tells it the last export's
/// transaction time; it gives the request's _since and _until.
class ChangesBox final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangesBox)
public:
    /// The editors start a week ago and now, by \a clock.
    explicit ChangesBox(const Clock *clock, QWidget *parent = nullptr);
    ~ChangesBox() override;

    /// Why "since my last export" can or cannot be chosen: the transaction time of the last
    /// finished export of the same data (invalid: none), and whether some other export from
    /// the server has finished (then the reason is that it asked for other data).
    void setLastExport(const QDateTime &transactionTime, bool otherDataFinished);
    /// _since: exactly the last export's instant when that is chosen (not the editor's
    /// rounding), else the editor's when ticked; invalid when neither.
    [[nodiscard]] QDateTime since() const;
    /// _until when ticked, else invalid.
    [[nodiscard]] QDateTime until() const;
    /// The first check box, for the form row's label.
    [[nodiscard]] QWidget *firstField() const;

Q_SIGNALS:
    void changed();

private:
    void updateEnabled();

    QCheckBox *m_sinceLast = nullptr;
    QLabel *m_sinceLastNote = nullptr;
    QCheckBox *m_sinceCheck = nullptr;
    QDateTimeEdit *m_since = nullptr;
    QCheckBox *m_untilCheck = nullptr;
    QDateTimeEdit *m_until = nullptr;
    QDateTime m_lastTransaction;
};

} // namespace fbm
