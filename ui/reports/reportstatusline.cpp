#include "reportstatusline.h"

#include "i18n.h"
#include "reports/reportclient.h"
#include "reports/reportjobmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace fbm {

ReportStatusLine::ReportStatusLine(const ReportClient *client, const ReportJobModel *model,
                                   const QSortFilterProxyModel *shown, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(model)
    , m_shown(shown)
{
    m_text = new QLabel;
    m_text->setObjectName(u"reportStatusLine"_s);
    m_text->setAccessibleName(tr("Report list status"));
    m_text->setContentsMargins(4, 0, 4, 2);
    auto *intervalLabel = new QLabel(tr("Auto &refresh:"));
    m_interval = new QSpinBox;
    m_interval->setObjectName(u"autoRefreshSeconds"_s);
    m_interval->setRange(0, 3600);
    m_interval->setSingleStep(10);
    //: the auto refresh interval's unit, after the number
    m_interval->setSuffix(tr(" s"));
    //: shown instead of 0 seconds: no automatic refresh
    m_interval->setSpecialValueText(tr("Off"));
    m_interval->setAccessibleName(tr("Automatic refresh interval in seconds"));
    m_interval->setToolTip(tr("While a report job is unfinished, refresh the list this often "
                              "(Off: only when you ask)"));
    intervalLabel->setBuddy(m_interval);
    connect(m_interval, &QSpinBox::valueChanged, this, &ReportStatusLine::intervalChanged);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 4, 2);
    row->addWidget(m_text, 1);
    row->addWidget(intervalLabel);
    row->addWidget(m_interval);
}

ReportStatusLine::~ReportStatusLine() = default;

int ReportStatusLine::interval() const
{
    return m_interval->value();
}

void ReportStatusLine::setInterval(int seconds)
{
    const QSignalBlocker block(m_interval);
    m_interval->setValue(seconds);
}

void ReportStatusLine::update(bool fetchedOnce, const QString &lastError)
{
    QStringList parts;
    const int total = m_model->rowCount();
    const int shown = m_shown->rowCount();
    if (!fetchedOnce && m_client->isFetching()) {
        parts << tr("Asking the server for its report jobs…");
    } else if (fetchedOnce || total > 0) {
        //: %1 a number of report jobs
        parts << (shown == total ? tr("Report jobs: %1").arg(total)
                                 //: %1 jobs shown by the filter, %2 all jobs
                                 : tr("Report jobs: %1 of %2 shown").arg(shown).arg(total));
        int unfinished = 0;
        for (const ReportJob &j : m_model->jobs())
            unfinished += j.isFinished() ? 0 : 1;
        if (unfinished > 0)
            //: %1 a number of report jobs
            parts << tr("unfinished: %1").arg(unfinished);
    }
    if (m_client->lastFetched().isValid()) {
        //: %1 a time of day
        parts << tr("updated %1").arg(formatTime(m_client->lastFetched().toLocalTime().time()));
    }
    if (m_client->isFetching() && fetchedOnce)
        parts << tr("refreshing…");
    else if (!lastError.isEmpty())
        parts << tr("the last refresh failed");
    else if (m_model->hasUnfinishedJobs() && interval() > 0)
        //: %n seconds between automatic refreshes
        parts << tr("refreshing every %n second(s) while jobs run", nullptr, interval());
    m_text->setText(parts.join(u" · "_s));
}

} // namespace fbm
