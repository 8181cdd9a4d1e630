#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;

namespace fbm {

/// The resource types of a new export: a grid of the common types to tick, a field for others
/// ("Claim, ExplanationOfBenefit"), Clear, and a line that says what is chosen ("Nothing
/// chosen: every type the server exports.", "2 types chosen: Patient, Observation").
class TypesPicker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TypesPicker)
public:
    explicit TypesPicker(QWidget *parent = nullptr);

    /// The types offered to tick, the most asked for first.
    [[nodiscard]] static QStringList commonResourceTypes();
    /// The ticked types, then the typed ones not ticked, in that order.
    [[nodiscard]] QStringList chosenTypes() const;
    /// The grid (the "Resource types" label's buddy).
    [[nodiscard]] QListWidget *list() const { return m_types; }

Q_SIGNALS:
    void changed();

private:
    void onChanged();
    void updateHint();

    QListWidget *m_types = nullptr;
    QLineEdit *m_extraTypes = nullptr;
    QLabel *m_typesHint = nullptr;
};

} // namespace fbm
