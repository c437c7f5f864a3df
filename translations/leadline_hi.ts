<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi" sourcelanguage="en">
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
        <source>Queued</source>
        <translation>कतार में</translation>
    </message>
    <message>
        <source>Dialing</source>
        <translation>डायल हो रहा है</translation>
    </message>
    <message>
        <source>In call</source>
        <translation>कॉल पर</translation>
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
        <source>Qualified</source>
        <translation>योग्य</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>रुचि नहीं</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>विफल</translation>
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
        <source>Live calls arrive with the dialer and the live call engine: one row per active call with its state, duration and live transcript.</source>
        <translation>लाइव कॉल डायलर और लाइव कॉल इंजन के साथ आएँगी: हर चालू कॉल की एक पंक्ति, उसकी स्थिति, अवधि और लाइव ट्रांसक्रिप्ट के साथ।</translation>
    </message>
    <message>
        <source>Call history arrives with the dialer and the live call engine: every finished call with its transcript, outcome and extracted fields.</source>
        <translation>कॉल इतिहास डायलर और लाइव कॉल इंजन के साथ आएगा: हर पूरी हुई कॉल, उसकी ट्रांसक्रिप्ट, नतीजे और निकाली गई जानकारी के साथ।</translation>
    </message>
    <message>
        <source>Analytics arrive with the dialer and the live call engine: outcomes, connects per hour, talk time and cost per qualified lead.</source>
        <translation>विश्लेषण डायलर और लाइव कॉल इंजन के साथ आएगा: नतीजे, प्रति घंटा जुड़ी कॉल, बातचीत का समय और हर योग्य लीड की लागत।</translation>
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
