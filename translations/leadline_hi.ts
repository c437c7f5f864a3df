<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi" sourcelanguage="en">
<context>
    <name>HistoryLabels</name>
    <message>
        <source>Completed</source>
        <translation>पूरी हुई</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>जारी</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>घंटी बज रही है</translation>
    </message>
    <message>
        <source>Dialing</source>
        <translation>डायल हो रही है</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>बनाई गई</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>व्यस्त</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>जवाब नहीं मिला</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <source>Not placed</source>
        <translation>नहीं लगाई गई</translation>
    </message>
    <message>
        <source>Interested</source>
        <translation>रुचि है</translation>
    </message>
    <message>
        <source>Site visit booked</source>
        <translation>साइट विज़िट बुक</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>योग्य</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>वापस कॉल</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>रुचि नहीं</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>गलत नंबर</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>कॉल न करें</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>वॉइसमेल</translation>
    </message>
    <message>
        <source>No response</source>
        <translation>कोई जवाब नहीं</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>अधूरी</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>बजट</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>प्रॉपर्टी</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>स्थान</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>समय-सीमा</translation>
    </message>
    <message>
        <source>Callback time</source>
        <translation>वापस कॉल का समय</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>टिप्पणियाँ</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>सारांश</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>विफलता</translation>
    </message>
    <message>
        <source>Hung up by</source>
        <translation>कॉल काटने वाला</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>एजेंट</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>कॉलर</translation>
    </message>
    <message>
        <source>Technical failure</source>
        <translation>तकनीकी खराबी</translation>
    </message>
    <message>
        <source>Phone menu (IVR)</source>
        <translation>फ़ोन मेन्यू (IVR)</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>संपर्क नहीं हो सका</translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation>अमान्य नंबर</translation>
    </message>
    <message>
        <source>On do-not-call list</source>
        <translation>&quot;कॉल न करें&quot; सूची में</translation>
    </message>
    <message>
        <source>No calling window</source>
        <translation>कॉल का समय उपलब्ध नहीं</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Draft</source>
        <translation>ड्राफ़्ट</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>चालू</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>रुका हुआ</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>पूरा</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>बाकी</translation>
    </message>
    <message>
        <source>Retry scheduled</source>
        <translation>दोबारा कॉल तय</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>पूरी हुई</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>कॉल न करें</translation>
    </message>
    <message>
        <source>Missing phone</source>
        <translation>फ़ोन नंबर नहीं है</translation>
    </message>
    <message>
        <source>Invalid phone</source>
        <translation>अमान्य फ़ोन नंबर</translation>
    </message>
    <message>
        <source>Duplicate in file</source>
        <translation>फ़ाइल में दोहराया गया</translation>
    </message>
    <message>
        <source>Already in campaign</source>
        <translation>अभियान में पहले से है</translation>
    </message>
    <message>
        <source>On do-not-call list</source>
        <translation>&quot;कॉल न करें&quot; सूची में</translation>
    </message>
    <message>
        <source>Bad encoding</source>
        <translation>गलत एन्कोडिंग</translation>
    </message>
    <message>
        <source>Too many columns</source>
        <translation>बहुत ज़्यादा कॉलम</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8; save it as &quot;CSV UTF-8&quot; and try again.</source>
        <translation>फ़ाइल मान्य UTF-8 नहीं है; इसे &quot;CSV UTF-8&quot; के रूप में सहेजकर फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The file is not a usable CSV.</source>
        <translation>यह फ़ाइल इस्तेमाल करने लायक CSV नहीं है।</translation>
    </message>
    <message>
        <source>The file has no phone column.</source>
        <translation>फ़ाइल में फ़ोन नंबर का कॉलम नहीं है।</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>फ़ाइल खाली है।</translation>
    </message>
    <message>
        <source>Cancelled; nothing from this file was imported.</source>
        <translation>रद्द किया गया; इस फ़ाइल से कुछ भी आयात नहीं हुआ।</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>फ़ाइल खोली नहीं जा सकी।</translation>
    </message>
    <message>
        <source>The file is too large.</source>
        <translation>फ़ाइल बहुत बड़ी है।</translation>
    </message>
    <message>
        <source>The campaign no longer exists.</source>
        <translation>यह अभियान अब मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>The database is not reachable.</source>
        <translation>डेटाबेस से संपर्क नहीं हो पा रहा है।</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>सोम</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>मंगल</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>बुध</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>गुरु</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>शुक्र</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>शनि</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>रवि</translation>
    </message>
    <message>
        <source>The import failed (%1).</source>
        <translation>आयात विफल रहा (%1)।</translation>
    </message>
    <message>
        <source>Calling</source>
        <translation>कॉल हो रही है</translation>
    </message>
    <message>
        <source>Callback scheduled</source>
        <translation>कॉलबैक तय</translation>
    </message>
    <message>
        <source>Attempts used up</source>
        <translation>सभी प्रयास पूरे</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>संपर्क नहीं हो सका</translation>
    </message>
    <message>
        <source>No calling window</source>
        <translation>कॉल का समय उपलब्ध नहीं</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>गलत नंबर</translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation>अमान्य नंबर</translation>
    </message>
    <message>
        <source>Phone menu (IVR)</source>
        <translation>फ़ोन मेन्यू (IVR)</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::AnalyticsView</name>
    <message>
        <source>Could not load analytics: %1</source>
        <translation>विश्लेषण लोड नहीं हो सका: %1</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>दिखाएँ(&amp;S):</translation>
    </message>
    <message>
        <source>This campaign</source>
        <translation>यह अभियान</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>सभी अभियान</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>PNG निर्यात करें(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>CSV निर्यात करें(&amp;C)…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>%1 पर अपडेट हुआ</translation>
    </message>
    <message>
        <source>Select a campaign, or show all campaigns.</source>
        <translation>कोई अभियान चुनें, या सभी अभियान दिखाएँ।</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <source>Calls placed: %1</source>
        <translation>लगाई गई कॉल: %1</translation>
    </message>
    <message>
        <source>Connected: %1 (%2%)</source>
        <translation>जुड़ी: %1 (%2%)</translation>
    </message>
    <message>
        <source>Qualified leads: %1</source>
        <translation>योग्य लीड: %1</translation>
    </message>
    <message>
        <source>Talk time: %1 min</source>
        <translation>बातचीत का समय: %1 मिनट</translation>
    </message>
    <message>
        <source>Reply latency: p50 %1 ms, p90 %2 ms</source>
        <translation>जवाब की देरी: p50 %1 ms, p90 %2 ms</translation>
    </message>
    <message>
        <source>Active now: %1</source>
        <translation>अभी सक्रिय: %1</translation>
    </message>
    <message>
        <source>Estimated cost: %1</source>
        <translation>अनुमानित लागत: %1</translation>
    </message>
    <message>
        <source>Cost per qualified lead: %1</source>
        <translation>प्रति योग्य लीड लागत: %1</translation>
    </message>
    <message>
        <source>Cost per qualified lead: no qualified lead yet</source>
        <translation>प्रति योग्य लीड लागत: अभी कोई योग्य लीड नहीं</translation>
    </message>
    <message>
        <source>Cost per qualified lead: prices not configured (Settings → Costs)</source>
        <translation>प्रति योग्य लीड लागत: दरें सेट नहीं हैं (सेटिंग्स → लागत)</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Outcomes (no finished conversation yet)</source>
        <translation>परिणाम (अभी कोई बातचीत पूरी नहीं हुई)</translation>
    </message>
    <message>
        <source>Funnel: dialled → connected → qualified</source>
        <translation>फ़नल: डायल → जुड़ी → योग्य</translation>
    </message>
    <message>
        <source>Calls / leads</source>
        <translation>कॉल / लीड</translation>
    </message>
    <message>
        <source>Dialled</source>
        <translation>डायल की गई</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>जुड़ी</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>योग्य</translation>
    </message>
    <message>
        <source>Calls and connects per hour (%1)</source>
        <translation>प्रति घंटा कॉल और जुड़ाव (%1)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>कॉल</translation>
    </message>
    <message>
        <source>Connects</source>
        <translation>जुड़ाव</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Talk time distribution (connected calls)</source>
        <translation>बातचीत के समय का वितरण (जुड़ी कॉल)</translation>
    </message>
    <message>
        <source>Vendor latency over time (average per turn, ms)</source>
        <translation>समय के साथ वेंडर की देरी (प्रति बारी औसत, ms)</translation>
    </message>
    <message>
        <source>No latency measurements yet: they are recorded per conversation turn (speech-to-text, language model first token, text-to-speech first audio).</source>
        <translation>अभी देरी का कोई माप नहीं: यह बातचीत की हर बारी पर दर्ज होता है (स्पीच-टू-टेक्स्ट, भाषा मॉडल का पहला टोकन, टेक्स्ट-टू-स्पीच की पहली आवाज़)।</translation>
    </message>
    <message>
        <source>Speech-to-text</source>
        <translation>स्पीच-टू-टेक्स्ट</translation>
    </message>
    <message>
        <source>Language model</source>
        <translation>भाषा मॉडल</translation>
    </message>
    <message>
        <source>Text-to-speech</source>
        <translation>टेक्स्ट-टू-स्पीच</translation>
    </message>
    <message>
        <source>Reply at the caller</source>
        <translation>कॉल करने वाले तक जवाब</translation>
    </message>
    <message>
        <source>No figures loaded yet.</source>
        <translation>अभी कोई आँकड़े लोड नहीं हुए।</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 नहीं लिखी जा सकी: %2</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 नहीं लिखी जा सकी।</translation>
    </message>
    <message>
        <source>Export analytics as CSV</source>
        <translation>विश्लेषण CSV के रूप में निर्यात करें</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>निर्यात विफल</translation>
    </message>
    <message>
        <source>Export charts as PNG</source>
        <translation>चार्ट PNG के रूप में निर्यात करें</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG चित्र (*.png)</translation>
    </message>
    <message>
        <source>%1m</source>
        <comment>minutes, short</comment>
        <translation>%1 मि</translation>
    </message>
    <message>
        <source>%1s</source>
        <comment>seconds, short</comment>
        <translation>%1 से</translation>
    </message>
    <message>
        <source>≥%1</source>
        <translation>≥%1</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::ApiTokensPage</name>
    <message>
        <source>Bearer tokens let other programs use the REST API and the live events feed. Leadline stores only a hash of each token, so a new token is shown once, right after it is created.</source>
        <translation>बेयरर टोकन से दूसरे प्रोग्राम REST API और लाइव इवेंट फ़ीड का उपयोग कर सकते हैं। Leadline हर टोकन का केवल हैश सहेजता है, इसलिए नया टोकन सिर्फ़ एक बार, बनते ही दिखाया जाता है।</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>बनाया गया</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>अंतिम उपयोग</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>रद्द किया गया</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>रद्द करें(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>ताज़ा करें(&amp;F)</translation>
    </message>
    <message>
        <source>e.g. crm-sync</source>
        <translation>जैसे crm-sync</translation>
    </message>
    <message>
        <source>&amp;Create token</source>
        <translation>टोकन बनाएँ(&amp;C)</translation>
    </message>
    <message>
        <source>New token name:</source>
        <translation>नए टोकन का नाम:</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>कॉपी करें(&amp;P)</translation>
    </message>
    <message>
        <source>The token was copied to the clipboard.</source>
        <translation>टोकन क्लिपबोर्ड पर कॉपी हो गया।</translation>
    </message>
    <message>
        <source>Copy this token now and keep it somewhere safe: it will not be shown again. If it is lost, revoke it and create a new one.</source>
        <translation>इस टोकन को अभी कॉपी करके सुरक्षित जगह रखें: यह दोबारा नहीं दिखाया जाएगा। खो जाने पर इसे रद्द करें और नया टोकन बनाएँ।</translation>
    </message>
    <message>
        <source>New token:</source>
        <translation>नया टोकन:</translation>
    </message>
    <message>
        <source>API tokens can be managed here once the console is connected to its database.</source>
        <translation>कंसोल के अपने डेटाबेस से जुड़ने के बाद यहाँ API टोकन प्रबंधित किए जा सकते हैं।</translation>
    </message>
    <message>
        <source>Enter a name for the new token (for example the program that will use it).</source>
        <translation>नए टोकन का नाम लिखें (जैसे उस प्रोग्राम का नाम जो इसका उपयोग करेगा)।</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>बनाया जा रहा है…</translation>
    </message>
    <message>
        <source>Select the token to revoke first.</source>
        <translation>पहले वह टोकन चुनें जिसे रद्द करना है।</translation>
    </message>
    <message>
        <source>The token “%1” is already revoked.</source>
        <translation>टोकन “%1” पहले से रद्द है।</translation>
    </message>
    <message>
        <source>Revoke API token</source>
        <translation>API टोकन रद्द करें</translation>
    </message>
    <message>
        <source>Revoke the token “%1”? Programs using it will be refused from now on. This cannot be undone.</source>
        <translation>टोकन “%1” रद्द करें? इसका उपयोग करने वाले प्रोग्राम अब से अस्वीकार किए जाएँगे। इसे वापस नहीं लिया जा सकता।</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>An active token named “%1” already exists. Choose another name, or revoke that token first.</source>
        <translation>“%1” नाम का एक सक्रिय टोकन पहले से मौजूद है। कोई दूसरा नाम चुनें, या पहले उस टोकन को रद्द करें।</translation>
    </message>
    <message>
        <source>A token name must have 1 to 100 characters and must not be just a number.</source>
        <translation>टोकन के नाम में 1 से 100 अक्षर होने चाहिए और वह केवल एक संख्या नहीं हो सकता।</translation>
    </message>
    <message>
        <source>That token no longer exists; the list has been reloaded.</source>
        <translation>वह टोकन अब मौजूद नहीं है; सूची फिर से लोड कर दी गई है।</translation>
    </message>
    <message>
        <source>The token could not be created (database error).</source>
        <translation>टोकन नहीं बन सका (डेटाबेस त्रुटि)।</translation>
    </message>
    <message>
        <source>The token could not be revoked (database error).</source>
        <translation>टोकन रद्द नहीं हो सका (डेटाबेस त्रुटि)।</translation>
    </message>
    <message>
        <source>The tokens could not be loaded (database error).</source>
        <translation>टोकन लोड नहीं हो सके (डेटाबेस त्रुटि)।</translation>
    </message>
    <message>
        <source>Token “%1” created.</source>
        <translation>टोकन “%1” बन गया।</translation>
    </message>
    <message>
        <source>Token “%1” revoked: it is no longer accepted.</source>
        <translation>टोकन “%1” रद्द कर दिया गया: अब यह स्वीकार नहीं किया जाएगा।</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>no (active)</source>
        <translation>नहीं (सक्रिय)</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::CallDetailView</name>
    <message>
        <source>Extracted &amp;fields (select one to see where it was said):</source>
        <translation>निकाली गई जानकारी(&amp;F) (चुनें, तो दिखेगा कि कहाँ कहा गया):</translation>
    </message>
    <message>
        <source>&amp;Transcript:</source>
        <translation>बातचीत का लेखा(&amp;T):</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>जानकारी</translation>
    </message>
    <message>
        <source>Said</source>
        <translation>कहा गया</translation>
    </message>
    <message>
        <source>Understood as</source>
        <translation>समझा गया</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>बारी</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>बोलने वाला</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>पाठ</translation>
    </message>
    <message>
        <source>Select a call to see its transcript.</source>
        <translation>बातचीत देखने के लिए कोई कॉल चुनें।</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Call %1 – %2</source>
        <translation>कॉल %1 – %2</translation>
    </message>
    <message>
        <source>Campaign: %1 · attempt %2</source>
        <translation>अभियान: %1 · प्रयास %2</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>समय: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <source>Status: %1 · Outcome: %2 · Duration: %3</source>
        <translation>स्थिति: %1 · परिणाम: %2 · अवधि: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>नहीं जुड़ी</translation>
    </message>
    <message>
        <source>Caller language: %1</source>
        <translation>कॉलर की भाषा: %1</translation>
    </message>
    <message>
        <source>Failure: %1</source>
        <translation>विफलता: %1</translation>
    </message>
    <message>
        <source>Cost estimate: prices not configured (Settings → Costs).</source>
        <translation>लागत का अनुमान: दरें सेट नहीं हैं (सेटिंग्स → लागत)।</translation>
    </message>
    <message numerus="yes">
        <source>Cost estimate: %1 (telephony %2 for %n started minute(s), speech and language %3)</source>
        <translation>
            <numerusform>लागत का अनुमान: %1 (%n शुरू हुए मिनट की टेलीफ़ोनी %2, आवाज़ और भाषा %3)</numerusform>
            <numerusform>लागत का अनुमान: %1 (%n शुरू हुए मिनटों की टेलीफ़ोनी %2, आवाज़ और भाषा %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording: %1</source>
        <translation>रिकॉर्डिंग: %1</translation>
    </message>
    <message>
        <source>Recording: none</source>
        <translation>रिकॉर्डिंग: नहीं है</translation>
    </message>
    <message>
        <source>(interrupted)</source>
        <translation>(बीच में रोकी गई)</translation>
    </message>
    <message>
        <source>speech-to-text %1 ms</source>
        <translation>स्पीच-टू-टेक्स्ट %1 ms</translation>
    </message>
    <message>
        <source>language model %1 ms</source>
        <translation>भाषा मॉडल %1 ms</translation>
    </message>
    <message>
        <source>text-to-speech %1 ms</source>
        <translation>टेक्स्ट-टू-स्पीच %1 ms</translation>
    </message>
    <message>
        <source>No transcript for this call.</source>
        <translation>इस कॉल का कोई लेखा नहीं है।</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 से %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>%1 से</translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>%1 तक</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <source>no</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <source>Said in turn %1 of the transcript</source>
        <translation>बातचीत की बारी %1 में कहा गया</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::CampaignEditorDialog</name>
    <message>
        <source>New campaign</source>
        <translation>नया अभियान</translation>
    </message>
    <message>
        <source>Campaign “%1”</source>
        <translation>अभियान “%1”</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>नाम(&amp;N):</translation>
    </message>
    <message>
        <source>Insert:</source>
        <translation>जोड़ें:</translation>
    </message>
    <message>
        <source>Insert %1 at the cursor</source>
        <translation>कर्सर की जगह %1 जोड़ें</translation>
    </message>
    <message>
        <source>&amp;Script:</source>
        <translation>स्क्रिप्ट(&amp;S):</translation>
    </message>
    <message>
        <source>English</source>
        <translation>अंग्रेज़ी</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>हिन्दी</translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation>तमिल</translation>
    </message>
    <message>
        <source>Telugu</source>
        <translation>तेलुगु</translation>
    </message>
    <message>
        <source>Kannada</source>
        <translation>कन्नड़</translation>
    </message>
    <message>
        <source>Marathi</source>
        <translation>मराठी</translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation>बांग्ला</translation>
    </message>
    <message>
        <source>Gujarati</source>
        <translation>गुजराती</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>भाषा(&amp;L):</translation>
    </message>
    <message>
        <source>Provider default</source>
        <translation>प्रदाता की डिफ़ॉल्ट आवाज़</translation>
    </message>
    <message>
        <source>&amp;Voice:</source>
        <translation>आवाज़(&amp;V):</translation>
    </message>
    <message>
        <source>to</source>
        <translation>से</translation>
    </message>
    <message>
        <source>Calling &amp;window:</source>
        <translation>कॉल का समय(&amp;W):</translation>
    </message>
    <message>
        <source>Calling days:</source>
        <translation>कॉल के दिन:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>समय क्षेत्र(&amp;T):</translation>
    </message>
    <message>
        <source>Max &amp;concurrent calls:</source>
        <translation>एक साथ अधिकतम कॉल(&amp;C):</translation>
    </message>
    <message>
        <source>Max &amp;attempts per lead:</source>
        <translation>हर लीड के लिए अधिकतम प्रयास(&amp;A):</translation>
    </message>
    <message>
        <source> min</source>
        <translation> मिनट</translation>
    </message>
    <message>
        <source>&amp;Retry after:</source>
        <translation>दोबारा कोशिश इतने समय बाद(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>बनाएँ(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Start…</source>
        <translation>शुरू करें(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Pause…</source>
        <translation>रोकें(&amp;P)…</translation>
    </message>
    <message>
        <source>Enter a name for the campaign.</source>
        <translation>अभियान का नाम लिखें।</translation>
    </message>
    <message>
        <source>The name is too long (at most 200 characters).</source>
        <translation>नाम बहुत लंबा है (अधिकतम 200 अक्षर)।</translation>
    </message>
    <message>
        <source>The calling window must start before it ends.</source>
        <translation>कॉल का समय खत्म होने से पहले शुरू होना चाहिए।</translation>
    </message>
    <message>
        <source>Enter the calling window as hours and minutes (HH:MM).</source>
        <translation>कॉल का समय घंटे और मिनट (HH:MM) में लिखें।</translation>
    </message>
    <message>
        <source>Choose at least one calling day.</source>
        <translation>कम से कम एक कॉल का दिन चुनें।</translation>
    </message>
    <message>
        <source>“%1” is not a known time zone; use a name such as Asia/Kolkata.</source>
        <translation>“%1” कोई ज्ञात समय क्षेत्र नहीं है; Asia/Kolkata जैसा नाम इस्तेमाल करें।</translation>
    </message>
    <message>
        <source>Max concurrent calls must be between 1 and 1000.</source>
        <translation>एक साथ अधिकतम कॉल 1 से 1000 के बीच होनी चाहिए।</translation>
    </message>
    <message>
        <source>Max attempts must be between 1 and 20.</source>
        <translation>अधिकतम प्रयास 1 से 20 के बीच होने चाहिए।</translation>
    </message>
    <message>
        <source>The retry delay must be between 1 minute and 7 days.</source>
        <translation>दोबारा कोशिश का अंतराल 1 मिनट से 7 दिन के बीच होना चाहिए।</translation>
    </message>
    <message>
        <source>Variables: {name}, {property_type}, {city} are filled in from each lead.</source>
        <translation>चर: {name}, {property_type}, {city} हर लीड की जानकारी से भरे जाते हैं।</translation>
    </message>
    <message>
        <source>Unknown variable(s): %1. Available: {name}, {property_type}, {city}.</source>
        <translation>अज्ञात चर: %1। उपलब्ध: {name}, {property_type}, {city}।</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>स्थिति: %1</translation>
    </message>
    <message>
        <source>Start calling the leads of “%1” within its calling window?</source>
        <translation>“%1” की लीड को उसके कॉल के समय में कॉल करना शुरू करें?</translation>
    </message>
    <message>
        <source>Pause “%1”? Calls in progress finish; no new calls are placed.</source>
        <translation>“%1” को रोकें? चल रही कॉल पूरी होंगी; कोई नई कॉल नहीं की जाएगी।</translation>
    </message>
    <message>
        <source>Start campaign</source>
        <translation>अभियान शुरू करें</translation>
    </message>
    <message>
        <source>Pause campaign</source>
        <translation>अभियान रोकें</translation>
    </message>
    <message>
        <source>A saved campaign cannot be edited yet; that arrives with the campaign update service. You can start or pause it here.</source>
        <translation>सहेजे गए अभियान को अभी बदला नहीं जा सकता; यह सुविधा अभियान अपडेट सेवा के साथ आएगी। आप इसे यहाँ शुरू या रोक सकते हैं।</translation>
    </message>
    <message>
        <source>Project &amp;brief…</source>
        <translation>प्रोजेक्ट ब्रीफ़…(&amp;B)</translation>
    </message>
    <message>
        <source>Site &amp;visits…</source>
        <translation>साइट विज़िट…(&amp;V)</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::CampaignsModel</name>
    <message numerus="yes">
        <source>%1 · %2 · %n lead(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n लीड</numerusform>
            <numerusform>%1 · %2 · %n लीड</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>अभियान</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>लीड</translation>
    </message>
    <message>
        <source>%1 of %2 leads done</source>
        <translation>%2 में से %1 लीड पूरी</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) live now</source>
        <translation>
            <numerusform>अभी %n कॉल चल रही है</numerusform>
            <numerusform>अभी %n कॉल चल रही हैं</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n live</source>
        <translation>
            <numerusform>%1 · %n लाइव</numerusform>
            <numerusform>%1 · %n लाइव</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::HandoffsView</name>
    <message>
        <source>Waiting to connect</source>
        <translation>कनेक्ट होने का इंतज़ार</translation>
    </message>
    <message>
        <source>Connecting to the agent</source>
        <translation>एजेंट से जोड़ा जा रहा है</translation>
    </message>
    <message>
        <source>Agent answered</source>
        <translation>एजेंट ने कॉल उठाई</translation>
    </message>
    <message>
        <source>Agent did not answer: callback scheduled</source>
        <translation>एजेंट ने कॉल नहीं उठाई: कॉलबैक तय है</translation>
    </message>
    <message>
        <source>No agent free: callback scheduled</source>
        <translation>कोई एजेंट खाली नहीं: कॉलबैक तय है</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>दिखाएँ(&amp;S):</translation>
    </message>
    <message>
        <source>This campaign</source>
        <translation>यह अभियान</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>सभी अभियान</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>अनुरोध का समय</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>लीड</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>किसे सौंपा गया</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Agent picked up</source>
        <translation>एजेंट ने उठाया</translation>
    </message>
    <message>
        <source>Could not load handoffs: %1</source>
        <translation>हैंडऑफ़ लोड नहीं हो सके: %1</translation>
    </message>
    <message>
        <source>Select a campaign, or show all campaigns.</source>
        <translation>कोई अभियान चुनें, या सभी अभियान दिखाएँ।</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <source>No</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <source>Nobody (no agent free)</source>
        <translation>कोई नहीं (कोई एजेंट खाली नहीं)</translation>
    </message>
    <message>
        <source>Handoffs: %1, answered by the agent: %2 of %3</source>
        <translation>हैंडऑफ़: %1, एजेंट ने उठाए: %3 में से %2</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>अभियान</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>लीड</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Call status</source>
        <translation>कॉल की स्थिति</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>अवधि</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>प्रयास</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::HistoryView</name>
    <message>
        <source>Could not load calls: %1</source>
        <translation>कॉल लोड नहीं हो सकीं: %1</translation>
    </message>
    <message>
        <source>Could not load the call: %1</source>
        <translation>कॉल लोड नहीं हो सकी: %1</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>कोई भी स्थिति</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>कोई भी परिणाम</translation>
    </message>
    <message>
        <source>No outcome</source>
        <translation>कोई परिणाम नहीं</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>दिखाएँ(&amp;S):</translation>
    </message>
    <message>
        <source>This campaign</source>
        <translation>यह अभियान</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>सभी अभियान</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>स्थिति(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>परिणाम(&amp;O):</translation>
    </message>
    <message>
        <source>Searc&amp;h:</source>
        <translation>खोजें(&amp;H):</translation>
    </message>
    <message>
        <source>name, phone or campaign</source>
        <translation>नाम, फ़ोन या अभियान</translation>
    </message>
    <message>
        <source>&amp;Between</source>
        <translation>इनके बीच(&amp;B)</translation>
    </message>
    <message>
        <source>and</source>
        <translation>और</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>ताज़ा करें(&amp;R)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n कॉल</numerusform>
            <numerusform>%n कॉल</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::ImportProgressPanel</name>
    <message>
        <source>Cancel import</source>
        <translation>आयात रद्द करें</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>आयात हो रहा है…</translation>
    </message>
    <message>
        <source>Importing %1 (%2 of %3)</source>
        <translation>%1 का आयात हो रहा है (%3 में से %2)</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>आयात रिपोर्ट</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n lead(s).</source>
        <translation>
            <numerusform>%n लीड आयात की गई।</numerusform>
            <numerusform>%n लीड आयात की गईं।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected.</source>
        <translation>
            <numerusform>%n पंक्ति अस्वीकार की गई।</numerusform>
            <numerusform>%n पंक्तियाँ अस्वीकार की गईं।</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>आयात रद्द कर दिया गया।</translation>
    </message>
    <message>
        <source>%1: %2 accepted, %3 rejected</source>
        <translation>%1: %2 स्वीकार, %3 अस्वीकार</translation>
    </message>
    <message>
        <source>%1: nothing imported. %2</source>
        <translation>%1: कुछ भी आयात नहीं हुआ। %2</translation>
    </message>
    <message>
        <source>File</source>
        <translation>फ़ाइल</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>पंक्ति</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>निर्यात करें(&amp;E)…</translation>
    </message>
    <message>
        <source>Export rejected rows</source>
        <translation>अस्वीकृत पंक्तियाँ निर्यात करें</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>निर्यात विफल</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 नहीं लिखी जा सकी: %2</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::LeadsModel</name>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>City</source>
        <translation>शहर</translation>
    </message>
    <message>
        <source>Property type</source>
        <translation>प्रॉपर्टी का प्रकार</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>बजट</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>प्रयास</translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation>पिछला नतीजा</translation>
    </message>
    <message>
        <source>CSV line</source>
        <translation>CSV पंक्ति</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::LeadsView</name>
    <message>
        <source>&amp;Search:</source>
        <translation>खोजें(&amp;S):</translation>
    </message>
    <message>
        <source>Name, phone or city</source>
        <translation>नाम, फ़ोन या शहर</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>स्थिति(&amp;T):</translation>
    </message>
    <message>
        <source>Drop one or more CSV files here, or use File → Import CSV…, to add leads to the selected campaign.</source>
        <translation>चुने गए अभियान में लीड जोड़ने के लिए एक या ज़्यादा CSV फ़ाइलें यहाँ छोड़ें, या फ़ाइल → CSV आयात करें… का इस्तेमाल करें।</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>सभी स्थितियाँ</translation>
    </message>
    <message>
        <source>No campaign selected</source>
        <translation>कोई अभियान नहीं चुना गया</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n lead(s)</source>
        <translation>
            <numerusform>%n में से %1 लीड दिखाई जा रही हैं</numerusform>
            <numerusform>%n में से %1 लीड दिखाई जा रही हैं</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::LiveCallsModel</name>
    <message>
        <source>Listening</source>
        <translation>सुन रहा है</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>सोच रहा है</translation>
    </message>
    <message>
        <source>Speaking</source>
        <translation>बोल रहा है</translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation>डायल हो रहा है</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>घंटी बज रही है</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>जुड़ रहा है</translation>
    </message>
    <message>
        <source>Call %1 · attempt %2</source>
        <translation>कॉल %1 · प्रयास %2</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>कॉल %1</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>एजेंट: %1</translation>
    </message>
    <message>
        <source>Caller: %1</source>
        <translation>कॉलर: %1</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>लीड</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>अवधि</translation>
    </message>
    <message>
        <source>Last utterance</source>
        <translation>आख़िरी बात</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::LiveCallsView</name>
    <message>
        <source>&amp;Hang up…</source>
        <translation>कॉल काटें(&amp;H)…</translation>
    </message>
    <message>
        <source>End the selected call now (supervisor)</source>
        <translation>चुनी हुई कॉल अभी समाप्त करें (सुपरवाइज़र)</translation>
    </message>
    <message>
        <source>No active calls. Start a campaign (or run the demo) and its calls appear here as they are dialled.</source>
        <translation>कोई सक्रिय कॉल नहीं। कोई अभियान शुरू करें (या डेमो चलाएँ), उसकी कॉल डायल होते ही यहाँ दिखेंगी।</translation>
    </message>
    <message>
        <source>call %1</source>
        <translation>कॉल %1</translation>
    </message>
    <message>
        <source>Hang up call</source>
        <translation>कॉल काटें</translation>
    </message>
    <message>
        <source>Hang up the call with %1 now? The lead hears the call end immediately.</source>
        <translation>%1 के साथ कॉल अभी काटें? लीड के लिए कॉल तुरंत समाप्त हो जाएगी।</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>एजेंट</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>कॉलर</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 मि.से.</translation>
    </message>
    <message>
        <source>Select a call to follow its transcript.</source>
        <translation>ट्रांसक्रिप्ट देखने के लिए कोई कॉल चुनें।</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>कॉल %1</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>कॉल समाप्त</translation>
    </message>
    <message>
        <source>Waiting for the first words…</source>
        <translation>पहले शब्दों की प्रतीक्षा…</translation>
    </message>
    <message numerus="yes">
        <source>%n active call(s)</source>
        <translation>
            <numerusform>%n सक्रिय कॉल</numerusform>
            <numerusform>%n सक्रिय कॉल</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::MainWindow</name>
    <message>
        <source>About Leadline</source>
        <translation>Leadline के बारे में</translation>
    </message>
    <message>
        <source>Leadline %1: AI voice campaigns for real-estate sales teams.</source>
        <translation>Leadline %1: रियल-एस्टेट सेल्स टीमों के लिए AI वॉइस अभियान।</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>अभियान(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>दृश्य(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV आयात करें(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>नया अभियान(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>सेटिंग्स(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बाहर निकलें(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Open campaign…</source>
        <translation>अभियान खोलें(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Start campaign…</source>
        <translation>अभियान शुरू करें(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Pause campaign…</source>
        <translation>अभियान रोकें(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>ताज़ा करें(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find lead</source>
        <translation>लीड खोजें(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;About Leadline</source>
        <translation>Leadline के बारे में(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Leads</source>
        <translation>लीड(&amp;L)</translation>
    </message>
    <message>
        <source>Li&amp;ve calls</source>
        <translation>लाइव कॉल(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>इतिहास(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Analytics</source>
        <translation>विश्लेषण(&amp;A)</translation>
    </message>
    <message>
        <source>Hand&amp;offs</source>
        <translation>हैंडऑफ़(&amp;O)</translation>
    </message>
    <message>
        <source>Ca&amp;mpaigns</source>
        <translation>अभियान(&amp;M)</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>नया अभियान…</translation>
    </message>
    <message>
        <source>Server port: %1</source>
        <translation>सर्वर पोर्ट: %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>डेटाबेस: %1</translation>
    </message>
    <message>
        <source>live</source>
        <translation>लाइव</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>ऑफ़लाइन</translation>
    </message>
    <message>
        <source>Providers: %1</source>
        <translation>प्रदाता: %1</translation>
    </message>
    <message>
        <source>campaigns running on offline speech recognition</source>
        <translation>ऑफ़लाइन स्पीच पहचान पर अभियान चल रहे हैं</translation>
    </message>
    <message>
        <source>No Deepgram key: calls are recognised offline (PocketSphinx, a few English replies). Opt-outs it hears never go on the DNC list.</source>
        <translation>कोई Deepgram कुंजी नहीं: कॉल ऑफ़लाइन पहचानी जाती हैं (PocketSphinx, कुछ अंग्रेज़ी जवाब)। इससे सुने गए ऑप्ट-आउट कभी DNC सूची में नहीं जाते।</translation>
    </message>
    <message>
        <source>%1 – Leadline</source>
        <translation>%1 – Leadline</translation>
    </message>
    <message>
        <source>Leadline</source>
        <translation>Leadline</translation>
    </message>
    <message>
        <source>Import leads from CSV</source>
        <translation>CSV से लीड आयात करें</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV फ़ाइलें (*.csv);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>An import is already running; wait for it to finish.</source>
        <translation>एक आयात पहले से चल रहा है; उसके पूरा होने तक रुकें।</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV आयात करें</translation>
    </message>
    <message>
        <source>Create or select a campaign first; leads are imported into the selected campaign.</source>
        <translation>पहले कोई अभियान बनाएँ या चुनें; लीड चुने गए अभियान में आयात होती हैं।</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n lead(s).</source>
        <translation>
            <numerusform>%n लीड आयात की गई।</numerusform>
            <numerusform>%n लीड आयात की गईं।</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign “%1” created.</source>
        <translation>अभियान “%1” बन गया।</translation>
    </message>
    <message>
        <source>“%1” is now %2.</source>
        <translation>“%1” अब %2 है।</translation>
    </message>
    <message>
        <source>Start calling the leads of “%1” within its calling window?</source>
        <translation>“%1” की लीड को उसके कॉल के समय में कॉल करना शुरू करें?</translation>
    </message>
    <message>
        <source>Pause “%1”? Calls in progress finish; no new calls are placed.</source>
        <translation>“%1” को रोकें? चल रही कॉल पूरी होंगी; कोई नई कॉल नहीं की जाएगी।</translation>
    </message>
    <message>
        <source>Start campaign</source>
        <translation>अभियान शुरू करें</translation>
    </message>
    <message>
        <source>Pause campaign</source>
        <translation>अभियान रोकें</translation>
    </message>
    <message>
        <source>A campaign with this name already exists.</source>
        <translation>इस नाम का अभियान पहले से मौजूद है।</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>त्रुटि: %1</translation>
    </message>
    <message>
        <source>Campaign not changed</source>
        <translation>अभियान नहीं बदला गया</translation>
    </message>
    <message>
        <source>Starting the demo campaign…</source>
        <translation>डेमो अभियान शुरू हो रहा है…</translation>
    </message>
    <message>
        <source>Run &amp;demo campaign</source>
        <translation>डेमो अभियान चलाएँ(&amp;D)</translation>
    </message>
    <message>
        <source>Create a demo campaign with simulated leads and watch it call</source>
        <translation>सिम्युलेटेड लीड के साथ डेमो अभियान बनाएँ और उसे कॉल करते देखें</translation>
    </message>
    <message>
        <source>Active calls: %1</source>
        <translation>सक्रिय कॉल: %1</translation>
    </message>
    <message>
        <source>Hanging up call %1…</source>
        <translation>कॉल %1 काटी जा रही है…</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::ProjectBriefDialog</name>
    <message>
        <source>Project brief — %1</source>
        <translation>प्रोजेक्ट ब्रीफ़ — %1</translation>
    </message>
    <message>
        <source>The brief as JSON: project_name, builder, location, landmarks, configurations, possession, rera_id, amenities, offers, site_visit, brochure_url, faqs</source>
        <translation>ब्रीफ़ JSON में: project_name, builder, location, landmarks, configurations, possession, rera_id, amenities, offers, site_visit, brochure_url, faqs</translation>
    </message>
    <message>
        <source>Brief (JSON):</source>
        <translation>ब्रीफ़ (JSON):</translation>
    </message>
    <message>
        <source>What the agent will be told:</source>
        <translation>एजेंट को यह बताया जाएगा:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>JSON इम्पोर्ट करें…(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Save as new version</source>
        <translation>नए वर्ज़न के रूप में सेव करें(&amp;S)</translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation>मान्य नहीं: %1</translation>
    </message>
    <message>
        <source>This campaign has no brief yet: the agent answers only from the campaign script.</source>
        <translation>इस कैंपेन का अभी कोई ब्रीफ़ नहीं है: एजेंट सिर्फ़ कैंपेन स्क्रिप्ट से जवाब देता है।</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>सेव नहीं हुआ: %1</translation>
    </message>
    <message>
        <source>Saved as version %1. New calls use it.</source>
        <translation>वर्ज़न %1 के रूप में सेव हुआ। नई कॉल इसी का इस्तेमाल करेंगी।</translation>
    </message>
    <message>
        <source>Version %1. Calls record the version they used.</source>
        <translation>वर्ज़न %1। हर कॉल अपना इस्तेमाल किया गया वर्ज़न दर्ज करती है।</translation>
    </message>
    <message>
        <source>Import project brief</source>
        <translation>प्रोजेक्ट ब्रीफ़ इम्पोर्ट करें</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON फ़ाइलें (*.json)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 पढ़ी नहीं जा सकी: %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 JSON ऑब्जेक्ट नहीं है।</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>Console &amp;language:</source>
        <translation>कंसोल की भाषा(&amp;L):</translation>
    </message>
    <message>
        <source>General</source>
        <translation>सामान्य</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>प्रदाता</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>सर्वर</translation>
    </message>
    <message>
        <source>Provider, database and port changes are saved to %1 and take effect the next time Leadline starts. Environment variables override them.</source>
        <translation>प्रदाता, डेटाबेस और पोर्ट के बदलाव %1 में सहेजे जाते हैं और Leadline के अगली बार शुरू होने पर लागू होते हैं। एनवायरनमेंट वेरिएबल इनसे ऊपर माने जाते हैं।</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>सेटिंग्स सहेजी नहीं गईं</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>सेट नहीं है</translation>
    </message>
    <message>
        <source>Exotel account SID:</source>
        <translation>Exotel खाता SID:</translation>
    </message>
    <message>
        <source>Exotel API key:</source>
        <translation>Exotel API कुंजी:</translation>
    </message>
    <message>
        <source>Exotel API token:</source>
        <translation>Exotel API टोकन:</translation>
    </message>
    <message>
        <source>Exotel virtual number:</source>
        <translation>Exotel वर्चुअल नंबर:</translation>
    </message>
    <message>
        <source>Exotel API base URL:</source>
        <translation>Exotel API बेस URL:</translation>
    </message>
    <message>
        <source>Deepgram API key:</source>
        <translation>Deepgram API कुंजी:</translation>
    </message>
    <message>
        <source>Deepgram base URL:</source>
        <translation>Deepgram बेस URL:</translation>
    </message>
    <message>
        <source>OpenAI-compatible API key:</source>
        <translation>OpenAI-संगत API कुंजी:</translation>
    </message>
    <message>
        <source>OpenAI-compatible base URL:</source>
        <translation>OpenAI-संगत बेस URL:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>मॉडल:</translation>
    </message>
    <message>
        <source>ElevenLabs API key:</source>
        <translation>ElevenLabs API कुंजी:</translation>
    </message>
    <message>
        <source>ElevenLabs voice ID:</source>
        <translation>ElevenLabs आवाज़ ID:</translation>
    </message>
    <message>
        <source>ElevenLabs base URL:</source>
        <translation>ElevenLabs बेस URL:</translation>
    </message>
    <message>
        <source>Database URL:</source>
        <translation>डेटाबेस URL:</translation>
    </message>
    <message>
        <source>empty: the embedded SQLite database</source>
        <translation>खाली: अंतर्निहित SQLite डेटाबेस</translation>
    </message>
    <message>
        <source>HTTP port:</source>
        <translation>HTTP पोर्ट:</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 नहीं लिखी जा सकी।</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>लागत</translation>
    </message>
    <message>
        <source>Prices per minute in rupees, for the cost estimates in History and Analytics.</source>
        <translation>प्रति मिनट दरें रुपये में, इतिहास और विश्लेषण में लागत के अनुमान के लिए।</translation>
    </message>
    <message>
        <source>Telephony (per started minute):</source>
        <translation>टेलीफ़ोनी (हर शुरू हुए मिनट पर):</translation>
    </message>
    <message>
        <source>Speech-to-text (per talk minute):</source>
        <translation>स्पीच-टू-टेक्स्ट (प्रति बातचीत मिनट):</translation>
    </message>
    <message>
        <source>Language model (per talk minute):</source>
        <translation>भाषा मॉडल (प्रति बातचीत मिनट):</translation>
    </message>
    <message>
        <source>Text-to-speech (per talk minute):</source>
        <translation>टेक्स्ट-टू-स्पीच (प्रति बातचीत मिनट):</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>कनेक्शन जाँचें</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>Connected (%1 ms).</source>
        <translation>जुड़ गया (%1 ms)।</translation>
    </message>
    <message>
        <source>The key was rejected (HTTP 401).</source>
        <translation>कुंजी अस्वीकार कर दी गई (HTTP 401)।</translation>
    </message>
    <message>
        <source>The key was accepted but access was refused (HTTP 403).</source>
        <translation>कुंजी स्वीकार हुई, पर पहुँच नहीं दी गई (HTTP 403)।</translation>
    </message>
    <message>
        <source>Nothing at this address (HTTP 404): check the base URL.</source>
        <translation>इस पते पर कुछ नहीं मिला (HTTP 404): बेस URL जाँचें।</translation>
    </message>
    <message>
        <source>The key works but is being rate limited (HTTP 429).</source>
        <translation>कुंजी काम करती है, पर अनुरोधों की सीमा लागू है (HTTP 429)।</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>सर्वर ने त्रुटि लौटाई (HTTP %1)।</translation>
    </message>
    <message>
        <source>No answer in time (timeout).</source>
        <translation>समय पर जवाब नहीं मिला (टाइमआउट)।</translation>
    </message>
    <message>
        <source>Host not found (DNS).</source>
        <translation>होस्ट नहीं मिला (DNS)।</translation>
    </message>
    <message>
        <source>Connection refused: nothing listens at that address.</source>
        <translation>कनेक्शन अस्वीकार: उस पते पर कोई सुन नहीं रहा।</translation>
    </message>
    <message>
        <source>Secure connection (TLS) failed.</source>
        <translation>सुरक्षित कनेक्शन (TLS) विफल रहा।</translation>
    </message>
    <message>
        <source>Fill in the key (and, for Exotel, the account SID and token) first.</source>
        <translation>पहले कुंजी भरें (और Exotel के लिए अकाउंट SID और टोकन भी)।</translation>
    </message>
    <message>
        <source>The URL is not valid.</source>
        <translation>URL मान्य नहीं है।</translation>
    </message>
    <message>
        <source>Could not connect to the database.</source>
        <translation>डेटाबेस से जुड़ नहीं सके।</translation>
    </message>
    <message>
        <source>Network error.</source>
        <translation>नेटवर्क त्रुटि।</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>API टोकन</translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::SiteVisitsDialog</name>
    <message>
        <source>Site visits — %1</source>
        <translation>साइट विज़िट — %1</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>लीड</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>विज़िटर</translation>
    </message>
    <message>
        <source>Confirmation SMS</source>
        <translation>पुष्टि SMS</translation>
    </message>
    <message>
        <source>Question for advisor</source>
        <translation>एडवाइज़र के लिए सवाल</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>ताज़ा करें(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV निर्यात करें…(&amp;E)</translation>
    </message>
    <message>
        <source>Export site visits</source>
        <translation>साइट विज़िट निर्यात करें</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>निर्यात विफल</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>भेजा गया</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>भेजा जा रहा है</translation>
    </message>
    <message>
        <source>SMS not configured</source>
        <translation>SMS सेट नहीं है</translation>
    </message>
    <message>
        <source>None</source>
        <translation>कोई नहीं</translation>
    </message>
    <message numerus="yes">
        <source>%n site visit(s) booked</source>
        <translation>
            <numerusform>%n साइट विज़िट बुक</numerusform>
            <numerusform>%n साइट विज़िट बुक</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visitor(s) expected</source>
        <translation>
            <numerusform>%n विज़िटर आने वाले हैं</numerusform>
            <numerusform>%n विज़िटर आने वाले हैं</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::TrayNotifier</name>
    <message>
        <source>&amp;Show Leadline</source>
        <translation>Leadline दिखाएँ(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बाहर निकलें(&amp;Q)</translation>
    </message>
    <message>
        <source>Campaign %1</source>
        <translation>अभियान %1</translation>
    </message>
    <message>
        <source>Campaign finished</source>
        <translation>अभियान पूरा हुआ</translation>
    </message>
    <message>
        <source>“%1” has no leads left to call.</source>
        <translation>“%1” में कॉल करने के लिए कोई लीड नहीं बची।</translation>
    </message>
    <message>
        <source>A provider</source>
        <translation>एक प्रदाता</translation>
    </message>
    <message>
        <source>%1 reported an error.</source>
        <translation>%1 ने त्रुटि बताई।</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(call %1)</source>
        <translation>(कॉल %1)</translation>
    </message>
    <message>
        <source>Provider error</source>
        <translation>प्रदाता त्रुटि</translation>
    </message>
    <message numerus="yes">
        <source>Leadline – %n active call(s)</source>
        <translation>
            <numerusform>Leadline – %n सक्रिय कॉल</numerusform>
            <numerusform>Leadline – %n सक्रिय कॉल</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Leadline::Ui::WelcomePanel</name>
    <message>
        <source>Welcome to Leadline</source>
        <translation>Leadline में आपका स्वागत है</translation>
    </message>
    <message>
        <source>There are no campaigns yet. Run the demo campaign to watch simulated calls, transcripts and charts in a minute, or create your own campaign and drop a CSV of leads onto this window.</source>
        <translation>अभी कोई अभियान नहीं है। एक मिनट में सिम्युलेटेड कॉल, ट्रांसक्रिप्ट और चार्ट देखने के लिए डेमो अभियान चलाएँ, या अपना अभियान बनाएँ और लीड की CSV फ़ाइल इस विंडो पर छोड़ें।</translation>
    </message>
    <message>
        <source>&amp;Run demo campaign</source>
        <translation>डेमो अभियान चलाएँ(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>नया अभियान(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>हाँ(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>नहीं(&amp;N)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
</context>
</TS>
