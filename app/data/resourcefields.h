#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringView>

/// What the data views read out of one FHIR resource: its clinical date, the patient it is
/// about and a one-line summary. Pure functions on a parsed resource.
namespace fbm::fields {

/**
 * The date a clinician would sort by, as written in the resource (empty when it has none):
 * Observation effectiveDateTime, effectivePeriod.start or issued; Condition onsetDateTime or
 * recordedDate; Encounter period.start; MedicationRequest authoredOn; Procedure
 * performedDateTime or performedPeriod.start; Immunization occurrenceDateTime;
 * DiagnosticReport effectiveDateTime (or effectivePeriod.start, issued); DocumentReference
 * date; AllergyIntolerance recordedDate (or onsetDateTime); Patient birthDate. Other types:
 * effectiveDateTime, date or authoredOn when present.
 */
[[nodiscard]] QString clinicalDate(const QJsonObject &resource, QStringView type);
/// Where clinicalDate() looks, in order: "name" or "name.member" (one level down).
[[nodiscard]] const QList<const char *> &clinicalDatePaths(QStringView type);

/**
 * The id of the patient \a resource is about: a Patient's own id; otherwise the id in
 * `subject.reference` or `patient.reference` when that names a Patient ("Patient/123",
 * "https://server/fhir/Patient/123", "Patient/123/_history/2"). Empty when there is none.
 */
[[nodiscard]] QString patientId(const QJsonObject &resource, QStringView type);
/// The patient id a reference names ("Patient/123", ".../Patient/123/_history/2"); empty
/// when it names no Patient.
[[nodiscard]] QString patientIdOf(QStringView reference);

/**
 * One line saying what the resource holds: Observation code and value with its unit;
 * Condition its code; Patient name, gender and birth date; Encounter class or type and period;
 * MedicationRequest the medication; otherwise the display of its first coding.
 */
[[nodiscard]] QString summary(const QJsonObject &resource, QStringView type);

/**
 * Orders two FHIR date or dateTime values (YYYY, YYYY-MM, YYYY-MM-DD, or a dateTime with its
 * zone): negative, 0 or positive. The calendar day decides when it differs; a dateTime is
 * compared in UTC only when the days are the same, so that most comparisons cost no parsing.
 */
[[nodiscard]] int compareDates(const QString &a, const QString &b);

} // namespace fbm::fields
