#include "exporthistory.h"

namespace fbm::ExportHistory {

bool canContinueFrom(const ExportJob &earlier, const QString &profileId, const ExportRequest &like)
{
    if (earlier.profileId != profileId || earlier.state != JobState::Saved ||
        !earlier.transactionTime.isValid())
        return false;
    ExportRequest sameServer = like;
    if (!profileId.isEmpty())
        sameServer.base = earlier.request.base;
    return earlier.request.coversTheSameDataAs(sameServer);
}

} // namespace fbm::ExportHistory
