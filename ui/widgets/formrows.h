#pragma once

#include <QString>

class QFormLayout;
class QLabel;
class QWidget;

namespace fbm {

/// The label text without its mnemonic and colon ("Client &secret:" → "Client secret"), for
/// accessible names.
[[nodiscard]] QString plainLabel(QString text);

/// Adds a labelled row to a form: the label is the buddy of focus (or of field), and, unless it
/// has one, focus gets the label's text as its accessible name for screen readers.
QLabel *addFormRow(QFormLayout *form, const QString &label, QWidget *field,
                   QWidget *focus = nullptr);

/// A wrapped, quieter line of explanation under a field.
[[nodiscard]] QLabel *hintLabel(const QString &text = {});

/// A field and a button beside it on one line ("Browse…"), as one widget for a form row.
[[nodiscard]] QWidget *fieldWithButton(QWidget *field, QWidget *button);

} // namespace fbm
