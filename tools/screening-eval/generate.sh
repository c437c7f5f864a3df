#!/usr/bin/env bash
# Generates the call-screening evaluation set: 8 kHz mono S16LE WAV streams as Exotel delivers
# them, over four classes (human, voicemail, announcement, ivr), with each stream's spoken words
# as its label. Deterministic: espeak-ng is deterministic and every sox call runs with -R
# (repeatable random numbers), so the same script gives byte-identical files (check with
# `md5sum OUT/*.wav`).
#
# Usage: tools/screening-eval/generate.sh [--held-out | --fresh] [--every N] OUT_DIR
# Needs: espeak-ng, sox (Debian packages; scripts/install-deps.sh installs them).
#
# Two sets:
#   (default)   the tuning set: 56 base clips x 4 variants = 224 streams; screening was tuned on it.
#   --held-out  the held-out set: 38 other base clips x 4 = 152 streams, NOT to be tuned on. Same
#               classes and dimensions; different wordings, espeak-ng voices (en-gb/en-us/en-029
#               with female and male variants, two Hindi variants), speeds (145-190 wpm),
#               pitches, noise levels (-28/-34/-40 dBFS) and noise seed, quiet peaks (-24 dBFS),
#               lead-ins, beep frequencies/lengths, SIT timing (the older 950/1400/1800 Hz
#               tri-tone), pip cadence, hold-music chords and jingle notes. Ids start with "h".
#   --fresh     a second held-out set: 33 other base clips x 4 = 132 streams, written (session 9)
#               before that session's phrase-table changes and measured after them, never tuned on.
#               Other voices (en-gb-scotland, West Midlands, Caribbean, en-us variants; two more
#               Hindi variants), speeds, noise levels (-29/-33/-38 dBFS), 400 Hz pips, other beeps,
#               chords and jingles, and harder people (a missed-call returner, someone taking a
#               message for another). Ids start with "f".
#   --every N   only every Nth base clip (all four variants of each), for a quicker subset.
#
# Each base clip (the table below) is rendered in four variants:
#   v0 clean, speech peaks at -4 dBFS
#   v1 white or pink line noise at -30/-36/-42 dBFS RMS (cycling over the clips)
#   v2 the other noise colour at the next level
#   v3 quiet speech (peaks at -22 dBFS, i.e. below -20), clean or under -42 dBFS noise
# Dimensions covered by the table: English, Hindi (Devanagari), mixed/romanized and Hindi-first
# wordings; hold music (chords) and jingles (sine arpeggios) before IVR menus; beeps at
# 425-1400 Hz lasting 300-600 ms after voicemail greetings; SIT tri-tones and 425 Hz pips before
# announcements; short and long greetings; humans who pause before speaking, say "hello?" twice,
# or say a long first sentence; humans who ask not to be called again.
#
# OUT_DIR/labels.tsv, one line per stream (tab-separated, with a header):
#   id  class  language  tags  speech  transcript
# speech: the far end's speech spans in ms ("start-end;start-end"); transcript: the words spoken
# (what a perfect recogniser returns), spans joined with " | ".
set -euo pipefail

heldout=0
every=1
while [ $# -gt 1 ]; do
  case "$1" in
    --held-out) heldout=1; shift ;;
    --fresh) heldout=2; shift ;;
    --every) every=${2:?--every needs a number}; shift 2 ;;
    *) echo "generate.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
out=${1:?usage: generate.sh [--held-out | --fresh] [--every N] OUT_DIR}
case "$out" in -*) echo "usage: generate.sh [--held-out | --fresh] [--every N] OUT_DIR" >&2; exit 2 ;; esac
case "$every" in '' | *[!0-9]* | 0) echo "generate.sh: --every needs a positive number" >&2; exit 2 ;; esac
for tool in espeak-ng sox soxi; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool is missing (run scripts/install-deps.sh)" >&2; exit 2; }
done
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
RATE=8000
MINLEN=8.0   # seconds: every stream lasts at least this long (screening deadline + grace)

# What differs between the tuning and the held-out set (the held-out values follow the table).
EN_VOICES=(en-us); HI_VOICES=(hi); SPEEDS=(160); PITCHES=(50)
LEVELS=(-30 -36 -42); QUIET_PEAK=-22; QUIET_NOISE=-42; NOISE_SKIP=0
SIT_TONES=("913.8 274" "1370.6 274" "1776.7 380"); PIP_HZ=425; PIP_MS=200; PIP_GAP=200; PIP_COUNT=3
HOLD_CHORDS=("261.6 329.6 392.0" "220.0 261.6 329.6" "174.6 220.0 261.6" "196.0 246.9 293.7"); HOLD_CHORD_MS=750
JINGLE_NOTES=("523.3 200" "659.3 200" "784.0 200" "1046.5 300" "784.0 150" "1046.5 300"); JINGLE_CHORD="523.3 659.3 784.0"
PREFIX=""

sx() { sox -R -D "$@"; }
ms() { soxi -D "$1" | awk '{ printf "%d", $1 * 1000 + 0.5 }'; }
silence() { sx -n -r $RATE -c 1 -b 16 "$2" trim 0 "$(awk -v m="$1" 'BEGIN { printf "%.3f", m / 1000 }')"; }
tone() { # hz ms amplitude(0..1) file
  sx -n -r $RATE -c 1 -b 16 "$4" synth "$(awk -v m="$2" 'BEGIN { printf "%.3f", m / 1000 }')" sine "$1" vol "$3"
}
say() { # voice peak_dbfs file text [speed [pitch]]
  espeak-ng -v "$1" -s "${5:-160}" -p "${6:-50}" -w "$tmp/say22.wav" "$4"
  sx "$tmp/say22.wav" -r $RATE -c 1 -b 16 "$3" gain -n "$2"
}
# SIT tri-tone (ITU-T E.180: 913.8, 1370.6, 1776.7 Hz) then a short gap.
sit() {
  local dest=$1 parts=() i=0
  for note in "${SIT_TONES[@]}"; do
    set -- $note
    tone "$1" "$2" 0.3 "$tmp/sit$i.wav"; parts+=("$tmp/sit$i.wav"); i=$((i + 1))
  done
  silence 400 "$tmp/sitgap.wav"
  sx "${parts[@]}" "$tmp/sitgap.wav" "$dest"
}
# Indian network pips: PIP_COUNT 425 Hz pips of PIP_MS, PIP_GAP apart.
pips() {
  local dest=$1 parts=() k
  tone "$PIP_HZ" "$PIP_MS" 0.3 "$tmp/pip.wav"; silence "$PIP_GAP" "$tmp/pipgap.wav"
  for ((k = 0; k < PIP_COUNT; k++)); do parts+=("$tmp/pip.wav" "$tmp/pipgap.wav"); done
  sx "${parts[@]}" "$tmp/pipgap.wav" "$dest"
}
# Hold music: sustained three-note chords.
hold() {
  local dest=$1 parts=() i=0
  for chord in "${HOLD_CHORDS[@]}"; do
    set -- $chord
    sx -n -r $RATE -c 3 -b 16 "$tmp/ch3.wav" synth "$(awk -v m="$HOLD_CHORD_MS" 'BEGIN { printf "%.3f", m / 1000 }')" sine "$1" sine "$2" sine "$3"
    sx "$tmp/ch3.wav" -c 1 "$tmp/chord$i.wav" remix - vol 0.25
    parts+=("$tmp/chord$i.wav"); i=$((i + 1))
  done
  silence 300 "$tmp/holdgap.wav"
  sx "${parts[@]}" "$tmp/holdgap.wav" "$dest"
}
# Jingle: an arpeggio of sine notes (150-300 ms each) ending on a held chord.
jingle() {
  local dest=$1 parts=() i=0
  for note in "${JINGLE_NOTES[@]}"; do
    set -- $note
    tone "$1" "$2" 0.3 "$tmp/note$i.wav"; parts+=("$tmp/note$i.wav"); i=$((i + 1))
  done
  set -- $JINGLE_CHORD
  sx -n -r $RATE -c 3 -b 16 "$tmp/jc3.wav" synth 0.6 sine "$1" sine "$2" sine "$3"
  sx "$tmp/jc3.wav" -c 1 "$tmp/jchord.wav" remix - vol 0.25
  silence 400 "$tmp/jgap.wav"
  sx "${parts[@]}" "$tmp/jchord.wav" "$tmp/jgap.wav" "$dest"
}
noise() { # colour dbfs seconds file (the held-out set skips NOISE_SKIP s of the generator: another seed)
  sx -n -r $RATE -c 1 -b 16 "$tmp/n0.wav" synth "$(awk -v s="$3" -v k="$NOISE_SKIP" 'BEGIN { printf "%.3f", s + k }')" "$1"noise trim "$NOISE_SKIP"
  local rms
  rms=$(sox "$tmp/n0.wav" -n stats 2>&1 | awk '/RMS lev dB/ { print $4 }')
  sx "$tmp/n0.wav" "$4" gain "$(awk -v t="$2" -v r="$rms" 'BEGIN { printf "%.2f", t - r }')"
}

# class | voice | lead-in ms | before the speech | text | after the speech (beep:HZ:MS or again:GAP_MS:TEXT) | tags
# Voices: en = en-us, hi = Hindi (Devanagari; Latin words in it are read as English).
TABLE=$(cat <<'EOF'
human|en|400||Hello?|again:2200:Hello?|en,short
human|en|500||Hello, who is this?||en,short
human|en|300||Yes, speaking.||en,short
human|en|600||Hi, who's calling please?||en,short
human|hi|400||हेलो?|again:2000:हाँ जी?|hi,short
human|hi|500||हाँ जी, बोलिए||hi,short
human|hi|400||हाँ, कौन बोल रहा है?||hi,short
human|en|500||haan ji, boliye||mixed,short
human|en|400||Hello ji, kaun bol raha hai?||mixed,short
human|hi|500||हाँ जी, hello, who is this?||hindi-first,short
human|en|2600||Hello?||en,pause-first
human|hi|3000||जी, बताइए||hi,pause-first
human|en|400||Hello yes tell me, I was looking for a two bedroom flat in Pune near the station.||en,long-first
human|en|400||Hello, I am busy right now in a meeting, can you call me later in the evening please?||en,long-first
human|en|500||Thank you for calling Sunrise Realty, how may I help you today?||en,long-first,receptionist
human|hi|400||हाँ जी बोलिए, मैं अभी ऑफिस में हूँ, आप थोड़ी देर बाद कॉल कर सकते हैं क्या?||hi,long-first
human|en|400||Hello? Please do not call me again.||en,opt-out
human|hi|500||हेलो, मुझे दोबारा कॉल मत करना||hi,opt-out
human|en|400||Sorry, he is not available right now, may I know who is calling?||en,long-first,someone-else
human|en|500||haan boliye, abhi main gaadi chala raha hoon, baad mein call karna||mixed,long-first
voicemail|en|400||Please leave a message after the beep.|beep:1000:400|en,short
voicemail|en|500||You have reached Rahul. Leave a message.|beep:850:300|en,short
voicemail|en|400||Hi, you have reached Priya Sharma. I can't take your call right now. Please leave your name and number after the tone and I will call you back.|beep:1400:500|en,long
voicemail|en|400||The person you are calling is not available. Please record your message after the tone.|beep:425:600|en,long
voicemail|en|500||Hello, this is Amit Kumar. I am not available right now. Please leave your name and number and I will call you back as soon as I can.||en,long,no-beep
voicemail|hi|400||नमस्ते, मैं अभी फोन नहीं उठा सकता। कृपया बीप के बाद अपना संदेश छोड़ें।|beep:1000:500|hi,long
voicemail|hi|400||कृपया अपना नाम और नंबर छोड़ें, मैं आपको वापस कॉल करूँगा।|beep:600:400|hi,short
voicemail|hi|500||आप जिस व्यक्ति को कॉल कर रहे हैं वह अभी उपलब्ध नहीं है। कृपया अपना संदेश रिकॉर्ड करें।||hi,long,no-beep
voicemail|en|400||Hello, main abhi available nahi hoon, please beep ke baad apna message chhodiye.|beep:1200:350|mixed,long
voicemail|en|500||Namaste, abhi main phone nahi utha sakta, apna naam aur number chhod dijiye.|beep:950:450|mixed,short
voicemail|hi|400||नमस्ते, you have reached Amit. Please leave a message after the beep.|beep:1100:300|hindi-first,short
voicemail|hi|400||नमस्ते, मैं अभी उपलब्ध नहीं हूँ। Please leave your message after the tone, I will call you back.|beep:700:550|hindi-first,long
announcement|en|400|sit|The number you are calling is currently switched off. Please try again later.||en,sit
announcement|en|300|pips|The number you have dialled does not exist. Please check the number and dial again.||en,pips
announcement|en|400||The number you are calling is not reachable at the moment. Please try again later.||en
announcement|en|400|sit|The subscriber you are calling is busy on another call. Please try later.||en,sit
announcement|en|400||Incoming calls to this number have been barred.||en
announcement|hi|400|pips|आप जिस नंबर पर कॉल कर रहे हैं वह अभी बंद है। कृपया थोड़ी देर बाद प्रयास करें।||hi,pips
announcement|hi|400|sit|आपके द्वारा डायल किया गया नंबर मौजूद नहीं है। कृपया नंबर की जांच करें।||hi,sit
announcement|hi|400||आप जिस नंबर पर कॉल कर रहे हैं वह अभी पहुँच से बाहर है।||hi
announcement|hi|300|pips|आप जिस नंबर पर कॉल कर रहे हैं वह अभी दूसरी कॉल पर व्यस्त है।||hi,pips
announcement|en|400||aap jis number par call kar rahe hain vah abhi switch off hai||mixed
announcement|en|400|sit|Aapke dwara dial kiya gaya number maujood nahi hai.||mixed,sit
announcement|hi|400|pips|आप जिस नंबर पर कॉल कर रहे हैं वह अभी बंद है। The number you are calling is switched off.||hindi-first,pips
ivr|en|400||Welcome to Sunrise Realty. For sales, press 1. For customer support, press 2.||en
ivr|en|300|hold|Thank you for calling. Please hold while we connect your call to the next available executive.||en,hold-music
ivr|en|400|jingle|Please enter your extension number followed by the hash key.||en,jingle
ivr|en|400|hold|Thank you for calling Green Homes. All our executives are busy. Please stay on the line.||en,hold-music
ivr|hi|400|jingle|सनराइज़ रियल्टी में आपका स्वागत है। बिक्री के लिए एक दबाएं। सहायता के लिए दो दबाएं।||hi,jingle
ivr|hi|400|hold|कृपया प्रतीक्षा करें, आपकी कॉल हमारे अगले उपलब्ध अधिकारी से जोड़ी जा रही है।||hi,hold-music
ivr|hi|400||कॉल करने के लिए धन्यवाद। कृपया अपना एक्सटेंशन नंबर डालें।||hi
ivr|en|400|jingle|Sales ke liye ek dabayein, support ke liye do dabayein.||mixed,jingle
ivr|en|400||Hindi ke liye do dabaiye. For English, press 1.||mixed
ivr|hi|400|hold|हिंदी के लिए एक दबाएं। For English, press 2.||hindi-first,hold-music
ivr|hi|400|jingle|ग्रीन होम्स में आपका स्वागत है। For sales, press 1.||hindi-first,jingle
ivr|en|400||Your call is important to us. Please stay on the line, an executive will be with you shortly.||en
EOF
)

if [ "$heldout" = 1 ]; then
  # Written apart from the tuning table and never tuned on: other wordings for the same classes and
  # dimensions, including people who say machine-like words ("I am not available right now, I am
  # driving") and a receptionist.
  TABLE=$(cat <<'EOF'
human|en|700||Hello, yes?|again:1800:Hello? Anyone there?|en,short
human|en|300||Yeah, hi, go ahead.||en,short
human|hi|450||हाँ, बोलो?||hi,short
human|en|500||Haan bhai, kaun?||mixed,short
human|hi|400||जी हाँ, hello?||hindi-first,short
human|en|3200||Yes? Hello?||en,pause-first
human|hi|2700||हेलो, हाँ जी?||hi,pause-first
human|en|450||Hello, I am actually not available right now, I am driving, please call me after some time.||en,long-first
human|en|400||Good morning, this is Karan from the accounts team, I was expecting a call from the bank about my loan.||en,long-first
human|hi|500||नमस्ते, मैं अभी एक मीटिंग में हूँ, आप शाम को फोन कीजिए||hi,long-first
human|en|400||Good afternoon, Skyline Properties, Neha speaking, how can I help you?||en,long-first,receptionist
human|en|400||Please don't call this number again, I am not interested.||en,opt-out
human|en|500||Mujhe dobara call mat karna, main interested nahi hoon.||mixed,opt-out
human|en|400||Shop is closed today, sir is not here, you can call on Monday.||en,long-first,someone-else
voicemail|en|400||Hi, this is Neha. Sorry I missed your call. Leave a message and I will get back to you.|beep:780:450|en,short
voicemail|en|500||You have reached the voicemail of Sanjay Mehta. Please leave a message at the tone.|beep:1300:380|en,long
voicemail|en|400||Hello, I am not able to take your call at the moment. Please leave your details and I will call you back.|beep:480:320|en,long
voicemail|en|400||Sorry, I can't answer the phone right now. Please leave a short message after the tone.||en,long,no-beep
voicemail|hi|500||नमस्कार, मैं अभी कॉल नहीं ले सकता। कृपया टोन के बाद अपना संदेश छोड़ दें।|beep:900:580|hi,long
voicemail|hi|400||अभी मैं उपलब्ध नहीं हूँ, बीप के बाद संदेश छोड़िए।|beep:1150:420|hi,short
voicemail|en|400||Hi, abhi main busy hoon, apna message chhod dijiye, main call back karunga.|beep:650:500|mixed,short
voicemail|hi|450||नमस्ते, this is Rohit. I am unable to take your call, please leave a message.||hindi-first,long,no-beep
announcement|en|350|sit|The mobile number you have dialled is switched off. Kindly try after some time.||en,sit
announcement|en|400|pips|The number you are trying to reach is not reachable at present.||en,pips
announcement|en|300||The dialled number is not in service. Please check the number before dialling.||en
announcement|hi|400|sit|आपने जो नंबर डायल किया है वह अभी स्विच ऑफ है।||hi,sit
announcement|hi|400|pips|जिस नंबर पर आप कॉल कर रहे हैं वह अभी व्यस्त है, कृपया बाद में कॉल करें।||hi,pips
announcement|en|400||Aap jis number ko dial kar rahe hain vah abhi pahunch se bahar hai.||mixed
announcement|hi|350|pips|आपके द्वारा डायल किया गया नंबर अभी उपलब्ध नहीं है। The number you have dialled is not available.||hindi-first,pips
announcement|en|400|sit|Sorry, incoming calls to this number are not allowed at present.||en,sit
ivr|en|400||Thanks for calling Skyline Homes. To speak to our sales team press 1, for site visits press 3.||en
ivr|en|350|hold|Please wait, your call is being transferred to our property advisor.||en,hold-music
ivr|en|400|jingle|Welcome to Orchid Builders. Please dial the extension number of the person you wish to reach.||en,jingle
ivr|hi|400|hold|आपकी कॉल हमारे लिए महत्वपूर्ण है, कृपया लाइन पर बने रहें।||hi,hold-music
ivr|hi|400|jingle|स्काईलाइन होम्स में आपका स्वागत है। नई बुकिंग के लिए तीन दबाइए।||hi,jingle
ivr|en|350|hold|Kripya pratiksha karein, aapki call agle executive ko transfer ki ja rahi hai.||mixed,hold-music
ivr|hi|400||अंग्रेज़ी के लिए दो दबाएं। For Hindi, press 1.||hindi-first
ivr|en|400|jingle|Hello and welcome. For new projects press 1, for existing customers press 2.||en,jingle
EOF
)
  EN_VOICES=(en-gb+f3 en-us+m3 en-029+f2 en-gb-x-rp+m5); HI_VOICES=(hi+f2 hi+m4); SPEEDS=(145 175 190); PITCHES=(35 60 70)
  LEVELS=(-28 -34 -40); QUIET_PEAK=-24; QUIET_NOISE=-40; NOISE_SKIP=3.7
  SIT_TONES=("950 330" "1400 330" "1800 330"); PIP_HZ=425; PIP_MS=150; PIP_GAP=250; PIP_COUNT=4
  HOLD_CHORDS=("293.7 370.0 440.0" "246.9 293.7 370.0" "196.0 246.9 293.7" "220.0 277.2 329.6" "293.7 370.0 440.0"); HOLD_CHORD_MS=600
  JINGLE_NOTES=("587.3 180" "740.0 180" "880.0 250" "740.0 180" "1174.7 280"); JINGLE_CHORD="587.3 740.0 880.0"
  PREFIX=h
fi

if [ "$heldout" = 2 ]; then
  # The fresh set: written before session 9 tuned any phrase, from how Indian voicemail, carrier
  # and PBX prompts are usually worded, and not tuned on afterwards.
  TABLE=$(cat <<'EOF'
human|en|600||Hello?|again:2000:Hello, who's this?|en,short
human|hi|350||जी, बताइए?||hi,short
human|en|2900||Haan ji?||mixed,pause-first
human|en|400||Hi, yes, I got a missed call from this number earlier, what is it about?||en,long-first,missed-call
human|hi|450||हेलो, मैं अभी गाड़ी चला रहा हूँ, थोड़ी देर बाद बात करते हैं।||hi,long-first
human|en|400||Hello, Mehta residence, he is not at home right now, can I take a message?||en,long-first,someone-else
human|en|450||Sorry, I am in a meeting right now, can you call back in an hour?||en,long-first
human|en|500||Please remove my number from your list, I do not want these calls.||en,opt-out
human|en|500||Arre yaar, phir se call? Main busy hoon abhi, baad mein karo.||mixed,long-first
voicemail|en|400||Hi, you have reached Arjun. I can't come to the phone right now, please leave your name and number after the beep.|beep:1000:400|en,long
voicemail|en|450||This is Kavita, please leave a message.|beep:620:350|en,short
voicemail|en|400||Hello, the person you are calling is unavailable. Please record your message after the tone.|beep:850:500|en,long
voicemail|hi|450||नमस्ते, मैं अभी आपकी कॉल का जवाब नहीं दे सकती, कृपया अपना नाम और नंबर छोड़ें।|beep:720:450|hi,long
voicemail|en|400||Namaste, main abhi phone nahi utha sakta, beep ke baad apna sandesh chhodiye.|beep:1400:300|mixed,short
voicemail|en|400||Hey, it's Vikram. I am away from my phone, drop me a message and I will call you back soon.||en,long,no-beep
voicemail|hi|400||मैं अभी व्यस्त हूँ, कृपया बाद में कॉल करें या संदेश छोड़ें।|beep:440:600|hi,short
voicemail|en|500||Hello, you've reached the office of Doctor Rao. We are closed right now. Please leave a message and we will return your call.|beep:950:380|en,long
announcement|en|350|sit|The number you have called does not exist. Please check the number and try again.||en,sit
announcement|en|400|pips|The subscriber you are trying to call is busy on another call, please try later.||en,pips
announcement|hi|400|sit|आप जिस नंबर पर संपर्क करना चाहते हैं, वह अभी नेटवर्क कवरेज क्षेत्र से बाहर है।||hi,sit
announcement|en|300||Incoming calls to this number have been temporarily barred.||en
announcement|hi|400|pips|कृपया जाँच लें, आपके द्वारा डायल किया गया नंबर मौजूद नहीं है।||hi,pips
announcement|en|350|pips|Aapne jo number dial kiya hai vah abhi band hai, kripya thodi der baad prayas karein.||mixed,pips
announcement|en|400|sit|The person you are calling is currently not answering. Please try again later.||en,sit
ivr|en|400|hold|Thank you for your patience. All our executives are currently busy, please stay on the line.||en,hold-music
ivr|en|400|jingle|Welcome to Prestige Realty. Press 1 for sales, press 2 for customer service.||en,jingle
ivr|hi|400|hold|हमारे सभी प्रतिनिधि अभी व्यस्त हैं, कृपया प्रतीक्षा करें।||hi,hold-music
ivr|en|350||For English, press 9. Hindi ke liye 8 dabayein.||mixed
ivr|en|400|jingle|You have reached the sales desk of Green Valley. If you know your party's extension, dial it now.||en,jingle
ivr|hi|400|jingle|गोदरेज प्रॉपर्टीज़ में आपका स्वागत है। बिक्री के लिए एक दबाएं।||hi,jingle
ivr|en|400|hold|This call may be recorded for quality purposes. Please hold, connecting you to an agent.||en,hold-music
announcement|hi|400|sit|यह नंबर अभी सेवा में नहीं है। This number is currently not in service.||hindi-first,sit
ivr|hi|400|hold|कृपया प्रतीक्षा करें। Your call is important to us, an executive will be with you shortly.||hindi-first,hold-music
EOF
)
  EN_VOICES=(en-gb-scotland+f4 en-us+m6 en-gb-x-gbcwmd+f1 en-029+m2); HI_VOICES=(hi+f3 hi+m6); SPEEDS=(150 170 185); PITCHES=(40 55 65)
  LEVELS=(-29 -33 -38); QUIET_PEAK=-26; QUIET_NOISE=-38; NOISE_SKIP=6.1
  SIT_TONES=("913.8 330" "1370.6 330" "1776.7 380"); PIP_HZ=400; PIP_MS=180; PIP_GAP=220; PIP_COUNT=3
  HOLD_CHORDS=("277.2 349.2 415.3" "233.1 293.7 349.2" "207.7 261.6 311.1" "233.1 277.2 349.2"); HOLD_CHORD_MS=700
  JINGLE_NOTES=("440.0 220" "554.4 220" "659.3 160" "880.0 320"); JINGLE_CHORD="440.0 554.4 659.3"
  PREFIX=f
fi

levels=("${LEVELS[@]}")
colours=(white pink)
printf 'id\tclass\tlanguage\ttags\tspeech\ttranscript\n' >"$out/labels.tsv"
i=0
while IFS='|' read -r cls voice lead pre text post tags; do
  [ -n "$cls" ] || continue
  if [ $((i % every)) != 0 ]; then i=$((i + 1)); continue; fi
  if [ "$voice" = hi ]; then espeak_voice=${HI_VOICES[$((i % ${#HI_VOICES[@]}))]}; else espeak_voice=${EN_VOICES[$((i % ${#EN_VOICES[@]}))]}; fi
  for v in 0 1 2 3; do
    speed=${SPEEDS[$(((i + v) % ${#SPEEDS[@]}))]}
    pitch=${PITCHES[$(((i + 2 * v) % ${#PITCHES[@]}))]}
    peak=-4
    [ "$v" = 3 ] && peak=$QUIET_PEAK
    parts=()
    silence "$lead" "$tmp/lead.wav"; parts+=("$tmp/lead.wav")
    pos=$lead
    vtags=$tags
    case "$pre" in
      sit) sit "$tmp/pre.wav" ;;
      pips) pips "$tmp/pre.wav" ;;
      hold) hold "$tmp/pre.wav" ;;
      jingle) jingle "$tmp/pre.wav" ;;
    esac
    if [ -n "$pre" ]; then parts+=("$tmp/pre.wav"); pos=$((pos + $(ms "$tmp/pre.wav"))); fi
    say "$espeak_voice" "$peak" "$tmp/speech.wav" "$text" "$speed" "$pitch"
    parts+=("$tmp/speech.wav")
    len=$(ms "$tmp/speech.wav")
    spans="$pos-$((pos + len))"
    transcript=$text
    pos=$((pos + len))
    case "$post" in
      beep:*)
        IFS=: read -r _ hz bms <<<"$post"
        silence 300 "$tmp/bgap.wav"; tone "$hz" "$bms" 0.25 "$tmp/beep.wav"
        parts+=("$tmp/bgap.wav" "$tmp/beep.wav"); pos=$((pos + 300 + bms))
        vtags="$vtags,beep-${hz}hz-${bms}ms" ;;
      again:*)
        gap=${post#again:}; gap=${gap%%:*}; again=${post#again:*:}
        silence "$gap" "$tmp/agap.wav"; say "$espeak_voice" "$peak" "$tmp/again.wav" "$again" "$speed" "$pitch"
        parts+=("$tmp/agap.wav" "$tmp/again.wav")
        alen=$(ms "$tmp/again.wav")
        spans="$spans;$((pos + gap))-$((pos + gap + alen))"
        transcript="$transcript | $again"
        pos=$((pos + gap + alen)) ;;
    esac
    sx "${parts[@]}" "$tmp/body.wav"
    total=$(awk -v p="$pos" -v m="$MINLEN" 'BEGIN { s = p / 1000 + 0.5; if (s < m) s = m; printf "%.3f", s }')
    sx "$tmp/body.wav" "$tmp/padded.wav" pad 0 "$total" trim 0 "$total" 2>/dev/null
    id=$(printf '%s%03d_%s_v%d' "$PREFIX" "$i" "$cls" "$v")
    nz=""
    case "$v" in
      1) nz="${colours[$((i % 2))]}:${levels[$((i % 3))]}" ;;
      2) nz="${colours[$(((i + 1) % 2))]}:${levels[$(((i + 1) % 3))]}" ;;
      3) [ $((i % 2)) = 1 ] && nz="$([ "$heldout" != 0 ] && echo pink || echo white):$QUIET_NOISE" ;;
    esac
    if [ -n "$nz" ]; then
      noise "${nz%%:*}" "${nz##*:}" "$total" "$tmp/noise.wav"
      sx -m -v 1 "$tmp/padded.wav" -v 1 "$tmp/noise.wav" -b 16 "$out/$id.wav" 2>/dev/null
      vtags="$vtags,noise-${nz%%:*}${nz##*:}dBFS"
    else
      cp "$tmp/padded.wav" "$out/$id.wav"
    fi
    [ "$v" = 3 ] && vtags="$vtags,quiet"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$cls" "$voice" "$vtags" "$spans" "$transcript" >>"$out/labels.tsv"
  done
  i=$((i + 1))
done <<<"$TABLE"
echo "generate.sh: $(($(wc -l <"$out/labels.tsv") - 1)) streams in $out" >&2
