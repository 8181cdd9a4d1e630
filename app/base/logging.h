#pragma once

#include <QLoggingCategory>

// One tree of logging categories, "fbm.<area>": QT_LOGGING_RULES="fbm.*.debug=true" shows
// everything, "fbm.export.*.debug=true" the engine. Debug lines are off unless a rule turns
// them on (the command line's standard error is for its own lines).

namespace fbm {

Q_DECLARE_LOGGING_CATEGORY(lcSignals)     // fbm.base.signals
Q_DECLARE_LOGGING_CATEGORY(lcI18n)        // fbm.base.i18n
Q_DECLARE_LOGGING_CATEGORY(lcHttp)        // fbm.net.http
Q_DECLARE_LOGGING_CATEGORY(lcDiscovery)   // fbm.fhir.discovery
Q_DECLARE_LOGGING_CATEGORY(lcProbe)       // fbm.fhir.probe
Q_DECLARE_LOGGING_CATEGORY(lcJobs)        // fbm.export.jobs
Q_DECLARE_LOGGING_CATEGORY(lcStore)       // fbm.export.store
Q_DECLARE_LOGGING_CATEGORY(lcFolders)     // fbm.export.folders
Q_DECLARE_LOGGING_CATEGORY(lcTable)       // fbm.export.table
Q_DECLARE_LOGGING_CATEGORY(lcTokens)      // fbm.auth.tokens
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)     // fbm.auth.secrets
Q_DECLARE_LOGGING_CATEGORY(lcReports)     // fbm.reports
Q_DECLARE_LOGGING_CATEGORY(lcReportParse) // fbm.reports.parse
Q_DECLARE_LOGGING_CATEGORY(lcZip)         // fbm.reports.zip
Q_DECLARE_LOGGING_CATEGORY(lcSession)     // fbm.session
Q_DECLARE_LOGGING_CATEGORY(lcDemoBulk)    // fbm.demo.bulk
Q_DECLARE_LOGGING_CATEGORY(lcDemoToken)   // fbm.demo.token
Q_DECLARE_LOGGING_CATEGORY(lcDemoReports) // fbm.demo.reports
Q_DECLARE_LOGGING_CATEGORY(lcUi)          // fbm.ui
Q_DECLARE_LOGGING_CATEGORY(lcUiProfiles)  // fbm.ui.profiles
Q_DECLARE_LOGGING_CATEGORY(lcUiReports)   // fbm.ui.reports

} // namespace fbm
