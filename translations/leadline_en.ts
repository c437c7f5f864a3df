<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>HistoryLabels</name>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hung up by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone menu (IVR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On do-not-call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calling window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
        <source>Retry scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
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
    <message>
        <source>Calling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calling window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone menu (IVR)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::AnalyticsView</name>
    <message>
        <source>Could not load analytics: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a campaign, or show all campaigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls placed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified leads: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk time: %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per qualified lead: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per qualified lead: no qualified lead yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per qualified lead: prices not configured (Settings → Costs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes (no finished conversation yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funnel: dialled → connected → qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls / leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls and connects per hour (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk time distribution (connected calls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor latency over time (average per turn, ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No latency measurements yet: they are recorded per conversation turn (speech-to-text, language model first token, text-to-speech first audio).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech-to-text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text-to-speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figures loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export analytics as CSV</source>
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
        <source>Export charts as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m</source>
        <comment>minutes, short</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1s</source>
        <comment>seconds, short</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≥%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::ApiTokensPage</name>
    <message>
        <source>Bearer tokens let other programs use the REST API and the live events feed. Leadline stores only a hash of each token, so a new token is shown once, right after it is created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. crm-sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New token name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token was copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this token now and keep it somewhere safe: it will not be shown again. If it is lost, revoke it and create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API tokens can be managed here once the console is connected to its database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the new token (for example the program that will use it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the token to revoke first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token “%1” is already revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the token “%1”? Programs using it will be refused from now on. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An active token named “%1” already exists. Choose another name, or revoke that token first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token name must have 1 to 100 characters and must not be just a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That token no longer exists; the list has been reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be created (database error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be revoked (database error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tokens could not be loaded (database error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token “%1” created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token “%1” revoked: it is no longer accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no (active)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::CallDetailView</name>
    <message>
        <source>Extracted &amp;fields (select one to see where it was said):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transcript:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Understood as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a call to see its transcript.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign: %1 · attempt %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1 · Outcome: %2 · Duration: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller language: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost estimate: prices not configured (Settings → Costs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cost estimate: %1 (telephony %2 for %n started minute(s), speech and language %3)</source>
        <translation>
            <numerusform>Cost estimate: %1 (telephony %2 for %n started minute, speech and language %3)</numerusform>
            <numerusform>Cost estimate: %1 (telephony %2 for %n started minutes, speech and language %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(interrupted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speech-to-text %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language model %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text-to-speech %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transcript for this call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said in turn %1 of the transcript</source>
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
    <message>
        <source>%1 of %2 leads done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) live now</source>
        <translation>
            <numerusform>%n call live now</numerusform>
            <numerusform>%n calls live now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n live</source>
        <translation>
            <numerusform>%1 · %n live</numerusform>
            <numerusform>%1 · %n live</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::HandoffsView</name>
    <message>
        <source>Waiting to connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent did not answer: callback scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent free: callback scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent picked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load handoffs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a campaign, or show all campaigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody (no agent free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handoffs: %1, answered by the agent: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::HistoryModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::HistoryView</name>
    <message>
        <source>Could not load calls: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the call: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searc&amp;h:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name, phone or campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
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
    <name>Leadline::Ui::LiveCallsModel</name>
    <message>
        <source>Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1 · attempt %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last utterance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::LiveCallsView</name>
    <message>
        <source>&amp;Hang up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the selected call now (supervisor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active calls. Start a campaign (or run the demo) and its calls appear here as they are dialled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up the call with %1 now? The lead hears the call end immediately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a call to follow its transcript.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first words…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n active call(s)</source>
        <translation>
            <numerusform>%n active call</numerusform>
            <numerusform>%n active calls</numerusform>
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
        <source>Hand&amp;offs</source>
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
        <source>campaigns running on offline speech recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Deepgram key: calls are recognised offline (PocketSphinx, a few English replies). Opt-outs it hears never go on the DNC list.</source>
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
    <message>
        <source>Starting the demo campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;demo campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a demo campaign with simulated leads and watch it call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active calls: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hanging up call %1…</source>
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
    <message>
        <source>Costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices per minute in rupees, for the cost estimates in History and Analytics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telephony (per started minute):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech-to-text (per talk minute):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language model (per talk minute):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text-to-speech (per talk minute):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected (%1 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was rejected (HTTP 401).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was accepted but access was refused (HTTP 403).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing at this address (HTTP 404): check the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key works but is being rate limited (HTTP 429).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer in time (timeout).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host not found (DNS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection refused: nothing listens at that address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection (TLS) failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the key (and, for Exotel, the account SID and token) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::TrayNotifier</name>
    <message>
        <source>&amp;Show Leadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has no leads left to call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(call %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider error</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Leadline – %n active call(s)</source>
        <translation>
            <numerusform>Leadline – %n active call</numerusform>
            <numerusform>Leadline – %n active calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::WelcomePanel</name>
    <message>
        <source>Welcome to Leadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no campaigns yet. Run the demo campaign to watch simulated calls, transcripts and charts in a minute, or create your own campaign and drop a CSV of leads onto this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run demo campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
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
