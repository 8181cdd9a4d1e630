#include "logging.h"

namespace fbm {

Q_LOGGING_CATEGORY(lcSignals, "fbm.base.signals", QtInfoMsg)
// Only problems: the language chosen is said once in the window.
Q_LOGGING_CATEGORY(lcI18n, "fbm.base.i18n", QtWarningMsg)
Q_LOGGING_CATEGORY(lcHttp, "fbm.net.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDiscovery, "fbm.fhir.discovery", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProbe, "fbm.fhir.probe", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJobs, "fbm.export.jobs", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "fbm.export.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFolders, "fbm.export.folders", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTable, "fbm.export.table", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTokens, "fbm.auth.tokens", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "fbm.auth.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReports, "fbm.reports", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReportParse, "fbm.reports.parse", QtInfoMsg)
Q_LOGGING_CATEGORY(lcZip, "fbm.reports.zip", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "fbm.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemoBulk, "fbm.demo.bulk", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemoToken, "fbm.demo.token", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemoReports, "fbm.demo.reports", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "fbm.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiProfiles, "fbm.ui.profiles", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiReports, "fbm.ui.reports", QtInfoMsg)

} // namespace fbm
