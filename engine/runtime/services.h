// Services: the use-case services every front end goes through (REST, the CLI verbs and the
// console alike): campaigns (create, import, status), the project brief, and whether campaigns
// may start on offline speech. Built from Settings without the network engine, so the CLI verbs
// need nothing else. Thread: any; the services hold no mutable state and use the calling
// thread's database connection.
#pragma once

#include "campaigns/campaignservice.h"
#include "projects/briefservice.h"
#include "screening/screeningpolicy.h"

namespace Leadline { class Settings; class Clock; }
namespace Leadline::Storage { class Database; }

namespace Leadline::Runtime {

class Services
{
public:
    Services(const Settings &settings, const Storage::Database &db, const Clock &clock);

    // Real numbers on the offline recogniser only when ALLOW_OFFLINE_SPEECH_FOR_LIVE_CALLS says so.
    const Screening::OfflineSpeechPolicy offlineSpeech;
    Campaigns::CampaignService campaigns;
    Projects::BriefService briefs;
};

} // namespace Leadline::Runtime
