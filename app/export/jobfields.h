#pragma once

#include <QFlags>
#include <QtGlobal>

namespace fbm {

/// Which facts of a job changed, so views update only those cells and the store knows how soon
/// the change must be on the disk.
enum class JobField : quint32
{
    State = 1 << 0,
    Progress = 1 << 1, ///< X-Progress text
    NextPoll = 1 << 2,
    Files = 1 << 3, ///< per-file progress, bytes, counts
    Error = 1 << 4,
    Manifest = 1 << 5,
    Activity = 1 << 6,
    All = 0xffff,
};
Q_DECLARE_FLAGS(JobFields, JobField)

} // namespace fbm

Q_DECLARE_OPERATORS_FOR_FLAGS(fbm::JobFields)
