#include "typespicker.h"

#include "formrows.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fbm {

QStringList TypesPicker::commonResourceTypes()
{
    return {u"Patient"_s,
            u"Observation"_s,
            u"Condition"_s,
            u"Encounter"_s,
            u"MedicationRequest"_s,
            u"Procedure"_s,
            u"DiagnosticReport"_s,
            u"Immunization"_s,
            u"AllergyIntolerance"_s,
            u"CarePlan"_s,
            u"CareTeam"_s,
            u"Goal"_s,
            u"MedicationStatement"_s,
            u"MedicationAdministration"_s,
            u"DocumentReference"_s,
            u"ServiceRequest"_s,
            u"Questionnaire"_s,
            u"QuestionnaireResponse"_s,
            u"Device"_s,
            u"Coverage"_s,
            u"Practitioner"_s,
            u"PractitionerRole"_s,
            u"Organization"_s,
            u"Location"_s};
}

TypesPicker::TypesPicker(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_types = new QListWidget;
    m_types->setObjectName(u"typesList"_s);
    m_types->setAccessibleName(tr("Resource types"));
    // A grid of check boxes in columns, readable at a glance. Its height is fixed at what
    // the columns need: given less (the group's status line, Advanced open), it grew a
    // horizontal scroll bar, which took a row more and hid whole columns of types.
    m_types->setViewMode(QListView::ListMode);
    m_types->setFlow(QListView::TopToBottom);
    m_types->setWrapping(true);
    m_types->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_types->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_types->setResizeMode(QListView::Adjust);
    m_types->setUniformItemSizes(true);
    const QStringList types = commonResourceTypes();
    int widest = 0;
    for (const QString &t : types) {
        auto *item = new QListWidgetItem(t, m_types);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        widest = qMax(widest, fontMetrics().horizontalAdvance(t));
    }
    const int check = style()->pixelMetric(QStyle::PM_IndicatorWidth) + 16;
    const int rowHeight =
        qMax(fontMetrics().height(), style()->pixelMetric(QStyle::PM_IndicatorHeight)) + 6;
    m_types->setGridSize(QSize(widest + check + 12, rowHeight));
    // Every type shows at the minimum width (four columns), with no scroll bar.
    const int columns = 4;
    const int rows = int((types.size() + columns - 1) / columns);
    m_types->setFixedHeight(rowHeight * rows + 2 * m_types->frameWidth() + 4);
    m_types->setMinimumWidth((widest + check + 12) * columns + 2 * m_types->frameWidth() + 4);

    auto *extraRow = new QHBoxLayout;
    auto *extraLabel = new QLabel(tr("&Other types:"));
    m_extraTypes = new QLineEdit;
    m_extraTypes->setObjectName(u"extraTypesEdit"_s);
    m_extraTypes->setAccessibleName(tr("Other resource types"));
    m_extraTypes->setPlaceholderText(tr("For example: Claim, ExplanationOfBenefit"));
    extraLabel->setBuddy(m_extraTypes);
    auto *none = new QPushButton(tr("C&lear"));
    none->setObjectName(u"clearTypesButton"_s);
    none->setAccessibleName(tr("Clear the chosen types"));
    extraRow->addWidget(extraLabel);
    extraRow->addWidget(m_extraTypes, 1);
    extraRow->addWidget(none);
    connect(none, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_types->count(); ++i)
            m_types->item(i)->setCheckState(Qt::Unchecked);
        m_extraTypes->clear();
    });
    layout->addWidget(m_types);
    layout->addLayout(extraRow);
    m_typesHint = fbm::hintLabel();
    m_typesHint->setObjectName(u"typesHint"_s);
    layout->addWidget(m_typesHint);
    connect(m_types, &QListWidget::itemChanged, this, &TypesPicker::onChanged);
    connect(m_extraTypes, &QLineEdit::textChanged, this, &TypesPicker::onChanged);
    updateHint();
}

void TypesPicker::onChanged()
{
    updateHint();
    Q_EMIT changed();
}

QStringList TypesPicker::chosenTypes() const
{
    QStringList types;
    for (int i = 0; i < m_types->count(); ++i) {
        if (m_types->item(i)->checkState() == Qt::Checked)
            types << m_types->item(i)->text();
    }
    static const QRegularExpression separators(u"[\\s,;]+"_s);
    const QStringList extra = m_extraTypes->text().split(separators, Qt::SkipEmptyParts);
    for (const QString &t : extra) {
        if (!types.contains(t))
            types << t;
    }
    return types;
}

void TypesPicker::updateHint()
{
    // What the boxes and the typed types say together, never "nothing" while some are chosen.
    const QStringList types = chosenTypes();
    if (types.isEmpty())
        m_typesHint->setText(tr("Nothing chosen: every type the server exports."));
    else
        //: %n is the number of resource types chosen, %1 their names
        m_typesHint->setText(
            tr("%n type(s) chosen: %1", nullptr, int(types.size())).arg(types.join(u", "_s)));
}

} // namespace fbm
