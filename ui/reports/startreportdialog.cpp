#include "startreportdialog.h"

#include "clock.h"
#include "i18n.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <climits>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// "organization" -> "Organization", "reportPeriod" -> "Report period": a label from a name.
QString labelFor(const QString &name)
{
    QString out;
    for (int i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (i > 0 && c.isUpper() && !name.at(i - 1).isUpper())
            out += u' ' + c.toLower();
        else if (c == u'-' || c == u'_')
            out += u' ';
        else
            out += c;
    }
    if (!out.isEmpty())
        out[0] = out.at(0).toUpper();
    return out;
}

bool isIntegerType(const QString &type)
{
    return type == "integer"_L1 || type == "positiveInt"_L1 || type == "unsignedInt"_L1;
}

/// The [x] of value[x] for a FHIR type: "string" -> "String", "dateTime" -> "DateTime".
QString valueSuffix(const QString &type)
{
    if (type.isEmpty())
        return u"String"_s;
    return type.at(0).toUpper() + type.mid(1);
}

} // namespace

StartReportDialog::StartReportDialog(ReportClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(u"startReportDialog"_s);
    setWindowTitle(tr("Start a report"));
    setAccessibleName(tr("Start a report"));

    auto *layout = new QVBoxLayout(this);
    auto *top = new QFormLayout;
    m_report = new QComboBox;
    m_report->setObjectName(u"reportChoice"_s);
    m_report->setAccessibleName(tr("Report"));
    m_report->setToolTip(tr("The reports this server can run ($execute operations)"));
    m_report->setMinimumContentsLength(32);
    m_report->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    top->addRow(tr("&Report:"), m_report);
    layout->addLayout(top);

    m_description = new QLabel;
    m_description->setObjectName(u"reportDescription"_s);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    m_description->setEnabled(false);
    layout->addWidget(m_description);

    m_formHost = new QWidget;
    m_form = new QFormLayout(m_formHost);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addWidget(m_formHost);

    m_message = new QLabel;
    m_message->setObjectName(u"startReportMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Message"));
    layout->addWidget(m_message);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->setObjectName(u"buttonBox"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start report"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &StartReportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &StartReportDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_report, &QComboBox::currentIndexChanged, this, &StartReportDialog::onOperationChosen);

    if (m_client) {
        connect(m_client, &ReportClient::operationsListed, this,
                &StartReportDialog::onOperationsListed);
        connect(m_client, &ReportClient::operationsFailed, this,
                &StartReportDialog::onOperationsFailed);
        connect(m_client, &ReportClient::reportExecuted, this, [this](const QString &name) {
            if (!m_starting || name != m_startingName)
                return;
            m_starting = false;
            Q_EMIT reportStarted(name);
            QDialog::accept();
        });
        connect(m_client, &ReportClient::executeFailed, this,
                [this](const QString &name, const Error &error) {
                    if (!m_starting || name != m_startingName)
                        return;
                    m_starting = false;
                    setMessage(error.message, true);
                    m_formHost->setEnabled(true);
                    m_report->setEnabled(true);
                    updateOk();
                });
        // What the client already knows fills the form at once; the list is read again.
        if (!m_client->operations().isEmpty())
            onOperationsListed(m_client->operations());
        m_loading = true;
        if (m_operations.isEmpty())
            setMessage(tr("Reading the reports this server offers…"), false);
        m_client->listReportOperations();
    } else {
        setMessage(tr("No reporting server is connected."), true);
    }
    updateOk();
    resize(sizeHint().expandedTo(QSize(fontMetrics().averageCharWidth() * 70, 0)));
}

StartReportDialog::~StartReportDialog() = default;

void StartReportDialog::onOperationsListed(const QList<ReportOperation> &operations)
{
    m_loading = false;
    const QString previous = selectedReport();
    m_operations = operations;
    {
        const QSignalBlocker block(m_report);
        m_report->clear();
        for (const ReportOperation &op : operations) {
            // The title names the Java report class; the operation name is what users type.
            const QString text =
                op.title.isEmpty() || op.title == op.name ? op.name : op.name + u" — "_s + op.title;
            m_report->addItem(text, op.name);
        }
    }
    if (operations.isEmpty()) {
        setMessage(tr("The server offers no reports to start (no $execute operations in its "
                      "CapabilityStatement)."),
                   true);
    } else if (!m_starting) {
        setMessage({}, false);
    }
    if (previous.isEmpty() || !selectReport(previous)) {
        m_report->setCurrentIndex(operations.isEmpty() ? -1 : 0);
        onOperationChosen();
    }
    updateOk();
}

void StartReportDialog::onOperationsFailed(const Error &error)
{
    m_loading = false;
    if (m_operations.isEmpty())
        setMessage(error.message, true);
    updateOk();
}

QString StartReportDialog::selectedReport() const
{
    return m_report->currentData().toString();
}

bool StartReportDialog::selectReport(const QString &name)
{
    QString n = name;
    if (n.startsWith(u'$'))
        n.remove(0, 1);
    if (n.startsWith("execute-"_L1))
        n.remove(0, 8);
    const int i = m_report->findData(n);
    if (i < 0)
        return false;
    m_report->setCurrentIndex(i);
    onOperationChosen(); // also when the index did not change, so the form exists
    return true;
}

void StartReportDialog::onOperationChosen()
{
    const QString name = selectedReport();
    for (const ReportOperation &op : std::as_const(m_operations)) {
        if (op.name == name) {
            if (m_form->property("operation").toString() != name)
                buildForm(op);
            return;
        }
    }
    buildForm({});
}

void StartReportDialog::buildForm(const ReportOperation &op)
{
    m_form->setProperty("operation", op.name);
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();

    QString description = op.description;
    if (!op.name.isEmpty() && !op.definitionFound) {
        description = tr("The server publishes no definition for this report, so only "
                         "anonymization is asked for.");
    }
    m_description->setText(description);
    m_description->setVisible(!description.isEmpty());
    if (op.name.isEmpty())
        return;

    for (const ReportInputDefinition &def : op.inputs) {
        Field field = makeField(def);
        QString label = labelFor(def.name);
        if (def.isRequired())
            //: a form label of a required value; %1 the label
            label = tr("%1 (required)").arg(label);
        label += u':';
        field.editor->setObjectName(u"input_"_s + def.name);
        field.editor->setAccessibleName(labelFor(def.name));
        if (!def.documentation.isEmpty())
            field.editor->setToolTip(def.documentation);
        m_form->addRow(label, field.editor);
        m_fields.append(field);
    }
    updateOk();
}

StartReportDialog::Field StartReportDialog::makeField(const ReportInputDefinition &def)
{
    Field field;
    field.definition = def;
    const QString name = def.name;
    const QString type = def.type;
    const QString title = labelFor(name);
    const bool required = def.isRequired();

    if (name == "anonymization"_L1) {
        // The IG's examples use "None" and "ANONYMIZED"; servers also know "NONE": editable.
        auto *combo = new QComboBox;
        combo->setEditable(true);
        combo->addItems({u"None"_s, u"ANONYMIZED"_s});
        combo->setCurrentIndex(0);
        field.editor = combo;
        field.read = [combo, name, title](QStringList *errors) -> QList<ReportInput> {
            const QString v = combo->currentText().trimmed();
            if (v.isEmpty()) {
                if (errors)
                    //: %1 the name of a form field
                    *errors << tr("%1 must be given.").arg(title);
                return {};
            }
            return {ReportInput::string(name, v)};
        };
        return field;
    }

    if (type == "Period"_L1 || name == "period"_L1) {
        auto *box = new QWidget;
        auto *row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        QCheckBox *use = nullptr;
        if (!required) {
            use = new QCheckBox(tr("Only"));
            use->setObjectName(name + u"_use"_s);
            use->setToolTip(tr("Limit the report to a period"));
            row->addWidget(use);
        }
        const QDate today =
            (m_client ? m_client->clock() : Clock::system())->now().toLocalTime().date();
        auto *from = new QDateEdit(QDate(today.year() - 1, 1, 1));
        auto *to = new QDateEdit(QDate(today.year() - 1, 12, 31));
        for (QDateEdit *d : {from, to}) {
            d->setCalendarPopup(true);
            d->setDisplayFormat(fbm::dateFormat()); // as every other date on screen
        }
        from->setObjectName(name + u"_start"_s);
        to->setObjectName(name + u"_end"_s);
        from->setAccessibleName(tr("%1 from").arg(title));
        to->setAccessibleName(tr("%1 to").arg(title));
        row->addWidget(new QLabel(tr("from")));
        row->addWidget(from);
        //: between the two dates of a period
        row->addWidget(new QLabel(tr("to")));
        row->addWidget(to);
        row->addStretch(1);
        if (use) {
            from->setEnabled(false);
            to->setEnabled(false);
            connect(use, &QCheckBox::toggled, from, &QWidget::setEnabled);
            connect(use, &QCheckBox::toggled, to, &QWidget::setEnabled);
        }
        field.editor = box;
        field.read = [use, from, to, name, title](QStringList *errors) -> QList<ReportInput> {
            if (use && !use->isChecked())
                return {};
            if (to->date() < from->date()) {
                if (errors)
                    //: %1 the name of a form field
                    *errors << tr("%1 ends before it starts.").arg(title);
                return {};
            }
            return {ReportInput::period(name, from->date(), to->date())};
        };
        return field;
    }

    auto *edit = new QLineEdit;
    edit->setClearButtonEnabled(true);
    const bool reference = type == "Reference"_L1 || name == "organization"_L1;
    const bool integer = isIntegerType(type);
    if (reference) {
        //: an example of a FHIR reference; keep the resource type in English
        edit->setPlaceholderText(name == "organization"_L1 ? tr("Organization/123")
                                 : name == "patient"_L1    ? tr("Patient/123")
                                                           : tr("ResourceType/id"));
    } else if (integer) {
        edit->setValidator(new QIntValidator(type == "integer"_L1 ? INT_MIN : 0, INT_MAX, edit));
    } else if (type == "Coding"_L1) {
        edit->setPlaceholderText(tr("system|code, or a code"));
    }
    if (def.repeats())
        edit->setToolTip(tr("Several values may be given, separated by commas"));
    field.editor = edit;
    field.read = [edit, name, title, type, required, reference, integer,
                  repeats = def.repeats()](QStringList *errors) -> QList<ReportInput> {
        const QString text = edit->text().trimmed();
        if (text.isEmpty()) {
            if (required && errors)
                *errors << tr("%1 must be given.").arg(title);
            return {};
        }
        const QStringList values =
            repeats ? text.split(u',', Qt::SkipEmptyParts) : QStringList{text};
        QList<ReportInput> out;
        for (QString v : values) {
            v = v.trimmed();
            if (v.isEmpty())
                continue;
            if (reference) {
                out << ReportInput::reference(name, v);
            } else if (integer) {
                bool ok = false;
                const int n = v.toInt(&ok);
                if (!ok) {
                    if (errors)
                        //: %1 the name of a form field
                        *errors << tr("%1 must be a whole number.").arg(title);
                    return {};
                }
                out << ReportInput::integer(name, n);
            } else if (type == "Coding"_L1) {
                const qsizetype bar = v.indexOf(u'|');
                out << (bar < 0 ? ReportInput::coding(name, {}, v)
                                : ReportInput::coding(name, v.left(bar), v.mid(bar + 1)));
            } else if (type == "boolean"_L1) {
                out << ReportInput{name, u"Boolean"_s,
                                   v.compare("true"_L1, Qt::CaseInsensitive) == 0};
            } else {
                out << ReportInput{name, valueSuffix(type), v};
            }
        }
        return out;
    };
    connect(edit, &QLineEdit::textChanged, this, &StartReportDialog::updateOk);
    return field;
}

QList<ReportInput> StartReportDialog::inputs(QStringList *errors) const
{
    QList<ReportInput> out;
    for (const Field &f : m_fields)
        out << f.read(errors);
    return out;
}

void StartReportDialog::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_message->setForegroundRole(error ? QPalette::BrightText : QPalette::WindowText);
    QPalette p = m_message->palette();
    p.setColor(QPalette::WindowText,
               error ? QColor(0xb0, 0x10, 0x10) : palette().color(QPalette::WindowText));
    m_message->setPalette(p);
    m_message->setForegroundRole(QPalette::WindowText);
    m_message->setProperty("error", error);
}

QString StartReportDialog::messageText() const
{
    return m_message->text();
}

void StartReportDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_starting && !selectedReport().isEmpty() && m_client);
}

void StartReportDialog::accept()
{
    if (m_starting || !m_client)
        return;
    const QString name = selectedReport();
    if (name.isEmpty())
        return;
    QStringList errors;
    const QList<ReportInput> values = inputs(&errors);
    if (!errors.isEmpty()) {
        setMessage(errors.join(u'\n'), true);
        return;
    }
    m_starting = true;
    m_startingName = name;
    m_formHost->setEnabled(false);
    m_report->setEnabled(false);
    //: %1 a report's name
    setMessage(tr("Starting %1…").arg(name), false);
    updateOk();
    m_client->executeReport(name, values);
}

} // namespace fbm
