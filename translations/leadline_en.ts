<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Labels</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate in file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On do-not-call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid UTF-8; save it as &quot;CSV UTF-8&quot; and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a usable CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no phone column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing from this file was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is not reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::CampaignEditorDialog</name>
    <message>
        <source>New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert %1 at the cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Script:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telugu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kannada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gujarati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling &amp;window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max &amp;concurrent calls:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max &amp;attempts per lead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long (at most 200 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calling window must start before it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the calling window as hours and minutes (HH:MM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one calling day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a known time zone; use a name such as Asia/Kolkata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max concurrent calls must be between 1 and 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max attempts must be between 1 and 20.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retry delay must be between 1 minute and 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables: {name}, {property_type}, {city} are filled in from each lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown variable(s): %1. Available: {name}, {property_type}, {city}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start calling the leads of “%1” within its calling window?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause “%1”? Calls in progress finish; no new calls are placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved campaign cannot be edited yet; that arrives with the campaign update service. You can start or pause it here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::CampaignsModel</name>
    <message numerus="yes">
        <source>%1 · %2 · %n lead(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n lead</numerusform>
            <numerusform>%1 · %2 · %n leads</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::ImportProgressPanel</name>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n lead(s).</source>
        <translation>
            <numerusform>Imported %n lead.</numerusform>
            <numerusform>Imported %n leads.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected.</source>
        <translation>
            <numerusform>%n row rejected.</numerusform>
            <numerusform>%n rows rejected.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 accepted, %3 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nothing imported. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::LeadsModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::LeadsView</name>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone or city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop one or more CSV files here, or use File → Import CSV…, to add leads to the selected campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n lead(s)</source>
        <translation>
            <numerusform>Showing %1 of %n lead</numerusform>
            <numerusform>Showing %1 of %n leads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::MainWindow</name>
    <message>
        <source>About Leadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leadline %1: AI voice campaigns for real-estate sales teams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Leadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Li&amp;ve calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live calls arrive with the dialer and the live call engine: one row per active call with its state, duration and live transcript.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call history arrives with the dialer and the live call engine: every finished call with its transcript, outcome and extracted fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analytics arrive with the dialer and the live call engine: outcomes, connects per hour, talk time and cost per qualified lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;mpaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server port: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Providers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – Leadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import leads from CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is already running; wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or select a campaign first; leads are imported into the selected campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n lead(s).</source>
        <translation>
            <numerusform>Imported %n lead.</numerusform>
            <numerusform>Imported %n leads.</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign “%1” created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start calling the leads of “%1” within its calling window?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause “%1”? Calls in progress finish; no new calls are placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A campaign with this name already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign not changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider, database and port changes are saved to %1 and take effect the next time Leadline starts. Environment variables override them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exotel account SID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exotel API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exotel API token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exotel virtual number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exotel API base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deepgram API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deepgram base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ElevenLabs API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ElevenLabs voice ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ElevenLabs base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the embedded SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
