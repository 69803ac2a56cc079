#!/usr/bin/env bash
# Generates every sound of Frontlijn from nothing but Debian's sox (synthesis, filters, reverb),
# espeak-ng (the murmur of voices, filtered until no word is intelligible) and ffmpeg (encoding).
#
#   bash scripts/make-audio.sh                 # writes public/audio/*.webm (Opus) and *.mp3
#   bash scripts/make-audio.sh --spectrograms DIR   # also writes one spectrogram PNG per clip
#
# Ambiences (shop, station, terrace, tram, clothing, stop, phone) are seamless loops: each bed is rendered LOOP+XFADE
# seconds long and its tail is cross-faded (equal power) into its head, so the last sample of the
# loop flows into the first. Cues are short, soft and never clip. The script measures each clip
# (peak and RMS level with `sox stat`), prints its sizes and fails when a file is 100 KB or more,
# when a clip clips, or when an ambience is louder than a calm background should be.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/public/audio"
SPECTRO=""
if [[ "${1:-}" == "--spectrograms" ]]; then SPECTRO=${2:?"--spectrograms needs a folder"}; mkdir -p "$SPECTRO"; fi
for tool in sox ffmpeg espeak-ng; do
  command -v "$tool" >/dev/null || { echo "make-audio: '$tool' is missing (sudo apt-get install -y sox ffmpeg espeak-ng)" >&2; exit 1; }
done

SR=48000
LOOP=10     # seconds in a loop
XFADE=2     # seconds of tail cross-faded into the head
BED=$((LOOP + XFADE))
MAX_BYTES=100000
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$OUT"

# sox, repeatable (fixed random seed); any clipping at any stage is an error, not a warning.
s() {
  local err
  err=$(sox -R -D -V2 "$@" 2>&1 >/dev/null) || { echo "make-audio: sox $* failed: $err" >&2; return 1; }
  if grep -q clipped <<<"$err"; then echo "make-audio: clipping in 'sox $*': $err" >&2; return 1; fi
}
tmp() { mktemp -p "$T" --suffix=.wav; }

# silence OUT SECONDS
silence() { s -n -r $SR -c 1 -b 16 "$1" trim 0 "$2"; }

# mix OUT IN... — sums the inputs at half gain each, for headroom (shorter inputs are padded with
# silence). Every chain ends in `gain -n`, so only the balance between inputs matters.
MIXV=${MIXV:-0.5}
mix() {
  local out=$1; shift
  local args=()
  for f in "$@"; do args+=(-v "$MIXV" "$f"); done
  if (( $# == 1 )); then cp "$1" "$out"; else s -m "${args[@]}" "$out"; fi
}

# place OUT LENGTH FILE@SECONDS... — an event track of LENGTH seconds with each FILE starting at SECONDS.
place() {
  local out=$1 len=$2; shift 2
  local base; base=$(tmp); silence "$base" "$len"
  local parts=("$base")
  for spec in "$@"; do
    local f=${spec%@*} at=${spec##*@} p; p=$(tmp)
    s "$f" "$p" pad "$at"
    parts+=("$p")
  done
  local m; m=$(tmp); mix "$m" "${parts[@]}"
  s "$m" "$out" trim 0 "$len"
}

# partial OUT FREQ SECONDS GAIN_DB — one decaying sine partial (soft attack, logarithmic decay).
partial() { s -n -r $SR -c 1 -b 16 "$1" synth "$3" sine "$2" gain "$4" fade q 0.004 "$3" "$(echo "$3 - 0.005" | bc -l)"; }

# note OUT FREQ SECONDS — a mellow bell/marimba-like note: fundamental, octave and a bell partial.
note() {
  local out=$1 f=$2 d=$3 a b c
  a=$(tmp); b=$(tmp); c=$(tmp)
  partial "$a" "$f" "$d" -3
  partial "$b" "$(echo "$f * 2" | bc -l)" "$(echo "$d * 0.6" | bc -l)" -15
  partial "$c" "$(echo "$f * 2.76" | bc -l)" "$(echo "$d * 0.3" | bc -l)" -24
  local m; m=$(tmp); mix "$m" "$a" "$b" "$c"
  s "$m" "$out" fade l 0 "$d" "$(echo "$d * 0.97" | bc -l)"
}

# babble OUT SECONDS LOWPASS "voice|speed|pitch|text"... — voices speaking at once, filtered to a murmur.
babble() {
  local out=$1 len=$2 lp=$3; shift 3
  local parts=() i=0
  for spec in "$@"; do
    IFS='|' read -r voice speed pitch text <<<"$spec"
    local raw; raw=$(tmp)
    espeak-ng -v "$voice" -s "$speed" -p "$pitch" -a 60 -w "$raw" "$text"
    local r; r=$(tmp)
    # resample, start each voice at a different moment, repeat it to fill the bed
    s "$raw" -r $SR "$r" pad "$(echo "$i * 0.7" | bc -l)" repeat 4 trim 0 "$len"
    parts+=("$r"); i=$((i + 1))
  done
  local m; m=$(tmp); MIXV=0.3 mix "$m" "${parts[@]}"
  s "$m" "$out" highpass 180 lowpass "$lp" lowpass "$lp" gain -6 reverb 60 50 80 gain -n -6
}

# loopify IN OUT — IN is BED seconds long; OUT is LOOP seconds and loops seamlessly.
loopify() {
  local in=$1 out=$2 head tail
  head=$(tmp); tail=$(tmp)
  s "$in" "$head" trim 0 $LOOP fade q $XFADE
  s "$in" "$tail" trim $LOOP $XFADE fade q 0 $XFADE $XFADE
  MIXV=1 mix "$out" "$head" "$tail"
}

# noise OUT SECONDS TYPE EFFECTS... — filtered noise.
noise() { local out=$1 len=$2 type=$3; shift 3; s -n -r $SR -c 1 -b 16 "$out" synth "$len" "$type" "$@"; }

# ---------------------------------------------------------------------------------------------
# Ambiences
# ---------------------------------------------------------------------------------------------
make_shop() {
  local room voices beep1 beep2 beep till bed
  room=$(tmp); noise "$room" $BED pinknoise highpass 120 lowpass 1800 gain -38
  voices=$(tmp)
  babble "$voices" $BED 1400 \
    "nl+f3|150|62|Goedemiddag, heeft u dit ook in het blauw? Ja hoor, kijkt u maar even mee naar achteren." \
    "nl+m3|140|40|Nee, die ligt daar bij de puzzels, naast de knuffels. Zal ik het even inpakken voor u?" \
    "nl+f2|165|70|Mama, mag ik deze? Nee schat, we kijken alleen even rond vandaag, dat weet je toch." \
    "nl+m1|135|35|Dat is dan negentien vijfennegentig. Pinnen of contant? Het bonnetje zit in de tas." \
    "nl+f4|155|55|Ik zoek een cadeautje voor een jongen van zes, hij houdt erg van treinen en dino's." \
    "nl+m2|145|45|Kijk, deze is nieuw binnen, die verkopen we heel goed. Fijne dag nog, tot ziens!"
  beep1=$(tmp); partial "$beep1" 1568 0.09 -2
  beep=$(tmp); place "$beep" 0.4 "$beep1@0" "$beep1@0.15"
  till=$(tmp); place "$till" $BED "$beep@3.1" "$beep@7.6"
  local tillsoft; tillsoft=$(tmp); s "$till" "$tillsoft" lowpass 4000 gain -16 reverb 30
  bed=$(tmp); mix "$bed" "$room" "$voices" "$tillsoft"
  local normal; normal=$(tmp); s "$bed" "$normal" gain -n -14
  loopify "$normal" "$1"
}

make_station() {
  local hum50 hum100 hum150 neon1 neon2 air fridge car engine swoosh bed
  hum50=$(tmp);  s -n -r $SR -c 1 -b 16 "$hum50" synth $BED sine 50 gain -26
  hum100=$(tmp); s -n -r $SR -c 1 -b 16 "$hum100" synth $BED sine 100 tremolo 0.3 20 gain -22
  hum150=$(tmp); s -n -r $SR -c 1 -b 16 "$hum150" synth $BED sine 150 gain -30
  neon1=$(tmp);  s -n -r $SR -c 1 -b 16 "$neon1" synth $BED sine 200 gain -30
  neon2=$(tmp);  s -n -r $SR -c 1 -b 16 "$neon2" synth $BED sine 300 tremolo 0.2 30 gain -34
  air=$(tmp);    noise "$air" $BED pinknoise highpass 200 lowpass 2200 gain -27
  fridge=$(tmp); mix "$fridge" "$hum50" "$hum100" "$hum150" "$neon1" "$neon2" "$air"
  # a car passing outside: tyre noise and a low engine swelling in and out, heard through glass
  swoosh=$(tmp); noise "$swoosh" 5.5 brownnoise lowpass 1400 highpass 80 gain 0 fade q 2.6 5.5 2.9
  engine=$(tmp); s -n -r $SR -c 1 -b 16 "$engine" synth 5.5 sawtooth 95-70 lowpass 300 gain -22 fade q 2.6 5.5 2.9
  car=$(tmp); mix "$car" "$swoosh" "$engine"
  local carat; carat=$(tmp); place "$carat" $BED "$car@2.6"
  local carsoft; carsoft=$(tmp); s "$carat" "$carsoft" lowpass 1500 gain 0
  bed=$(tmp); mix "$bed" "$fridge" "$carsoft"
  local normal; normal=$(tmp); s "$bed" "$normal" highpass 40 gain -n -19
  loopify "$normal" "$1"
}

make_terrace() {
  local air voices clink1 clink2 clink3 c1 c2 clinks bird chirp chirp2 birds bed
  air=$(tmp); noise "$air" $BED pinknoise highpass 300 lowpass 5000 tremolo 0.15 40 gain -40
  voices=$(tmp)
  babble "$voices" $BED 2200 \
    "nl+f3|150|65|Wat een heerlijk weer vandaag, zullen we nog een cappuccino nemen? Ja, lekker." \
    "nl+m3|140|42|Ik heb hem gisteren nog gesproken, hij komt volgende week langs met de kinderen." \
    "nl+f2|160|72|Mogen wij de kaart nog even zien? En twee glazen water graag, dank je wel." \
    "nl+m1|138|38|Die zon, hè, eindelijk. We zitten hier prima, lekker rustig aan de gracht."
  local voicesfar; voicesfar=$(tmp); s "$voices" "$voicesfar" gain -5
  # china cups: high, inharmonic partials that ring briefly
  c1=$(tmp); c2=$(tmp)
  partial "$c1" 2900 0.35 -6
  partial "$c2" 4630 0.22 -12
  clink1=$(tmp); mix "$clink1" "$c1" "$c2"
  local c3 c4; c3=$(tmp); c4=$(tmp)
  partial "$c3" 3410 0.3 -8
  partial "$c4" 5210 0.18 -14
  clink2=$(tmp); mix "$clink2" "$c3" "$c4"
  clinks=$(tmp); place "$clinks" $BED "$clink1@2.2" "$clink2@2.45" "$clink1@7.9"
  local clinksoft; clinksoft=$(tmp); s "$clinks" "$clinksoft" gain -14 reverb 20
  # a small bird: quick rising chirps, then an answer
  chirp=$(tmp); s -n -r $SR -c 1 -b 16 "$chirp" synth 0.07 sine 3600:4900 fade q 0.01 0.07 0.03
  chirp2=$(tmp); s -n -r $SR -c 1 -b 16 "$chirp2" synth 0.11 sine 5200:3900 fade q 0.01 0.11 0.05
  birds=$(tmp); place "$birds" $BED "$chirp@4.8" "$chirp@4.93" "$chirp@5.06" "$chirp2@5.3" "$chirp@8.6" "$chirp2@8.75"
  local birdsoft; birdsoft=$(tmp); s "$birds" "$birdsoft" gain -20 reverb 25
  bed=$(tmp); mix "$bed" "$air" "$voicesfar" "$clinksoft" "$birdsoft"
  local normal; normal=$(tmp); s "$bed" "$normal" gain -n -15
  loopify "$normal" "$1"
}

make_tram() {
  local rumble motor inside click thud clack clacks bell b1 b2 b3 bells bed
  rumble=$(tmp); noise "$rumble" $BED brownnoise lowpass 160 lowpass 160 tremolo 0.4 25 gain -4
  motor=$(tmp);  s -n -r $SR -c 1 -b 16 "$motor" synth $BED sine 62 tremolo 0.7 30 gain -18
  inside=$(tmp); noise "$inside" $BED pinknoise highpass 250 lowpass 1200 gain -32
  # rail joints: a muffled clack under each bogie, in pairs
  click=$(tmp); noise "$click" 0.07 brownnoise lowpass 1100 highpass 90 fade l 0.002 0.07 0.065
  thud=$(tmp);  s -n -r $SR -c 1 -b 16 "$thud" synth 0.09 sine 85 fade l 0.002 0.09 0.085 gain -6
  clack=$(tmp); mix "$clack" "$click" "$thud"
  clacks=$(tmp); place "$clacks" $BED "$clack@0.8" "$clack@0.98" "$clack@3.3" "$clack@3.48" \
    "$clack@5.8" "$clack@5.98" "$clack@8.3" "$clack@8.48" "$clack@10.8" "$clack@10.98"
  local clacksoft; clacksoft=$(tmp); s "$clacks" "$clacksoft" gain -8 reverb 20
  # the tram bell, far away and soft: ding ding
  b1=$(tmp); b2=$(tmp); b3=$(tmp)
  partial "$b1" 1180 1.4 -4
  partial "$b2" 2950 0.8 -14
  partial "$b3" 4320 0.4 -22
  bell=$(tmp); mix "$bell" "$b1" "$b2" "$b3"
  bells=$(tmp); place "$bells" $BED "$bell@6.6" "$bell@6.95"
  local bellsoft; bellsoft=$(tmp); s "$bells" "$bellsoft" gain -17 reverb 40
  bed=$(tmp); mix "$bed" "$rumble" "$motor" "$inside" "$clacksoft" "$bellsoft"
  local normal; normal=$(tmp); s "$bed" "$normal" highpass 30 gain -n -14
  loopify "$normal" "$1"
}

make_clothing() {
  local room voices h1 h2 hanger slide slides hangers bed
  room=$(tmp); noise "$room" $BED pinknoise highpass 150 lowpass 2000 gain -40
  voices=$(tmp)
  babble "$voices" $BED 1200 \
    "nl+f3|150|60|Heeft u deze ook een maat kleiner? Ik kijk even achter voor u, een momentje." \
    "nl+m3|140|42|De paskamers zijn daar achteraan, links naast de spiegel. Neemt u gerust de tijd." \
    "nl+f2|160|68|Staat me dit, denk je? Ik twijfel nog over de kleur, die blauwe vond ik ook mooi." \
    "nl+m1|136|36|Wilt u er een tasje bij? Het bonnetje doe ik erin, ruilen kan binnen dertig dagen."
  local voicesfar; voicesfar=$(tmp); s "$voices" "$voicesfar" gain -6
  # metal hangers on a rail: a short bright tick, and a slide of a few hangers pushed aside
  h1=$(tmp); partial "$h1" 3700 0.06 -4
  h2=$(tmp); partial "$h2" 5150 0.04 -10
  hanger=$(tmp); mix "$hanger" "$h1" "$h2"
  slide=$(tmp); noise "$slide" 0.45 pinknoise highpass 2500 lowpass 7000 fade q 0.05 0.45 0.2 gain -10
  slides=$(tmp); place "$slides" $BED "$hanger@1.7" "$hanger@1.82" "$slide@1.85" "$hanger@2.2" \
    "$hanger@6.4" "$slide@6.45" "$hanger@6.9" "$hanger@7.02"
  hangers=$(tmp); s "$slides" "$hangers" gain -16 reverb 30
  bed=$(tmp); mix "$bed" "$room" "$voicesfar" "$hangers"
  local normal; normal=$(tmp); s "$bed" "$normal" gain -n -15
  loopify "$normal" "$1"
}

make_stop() {
  local traffic wind car engine swoosh b1 b2 b3 bell bells steps bed
  traffic=$(tmp); noise "$traffic" $BED brownnoise lowpass 700 highpass 60 tremolo 0.12 30 gain -6
  wind=$(tmp); noise "$wind" $BED pinknoise highpass 400 lowpass 3000 tremolo 0.2 50 gain -30
  # a car passing in the street
  swoosh=$(tmp); noise "$swoosh" 4.5 brownnoise lowpass 1800 highpass 90 gain 0 fade q 2.1 4.5 2.4
  engine=$(tmp); s -n -r $SR -c 1 -b 16 "$engine" synth 4.5 sawtooth 110-80 lowpass 350 gain -20 fade q 2.1 4.5 2.4
  car=$(tmp); mix "$car" "$swoosh" "$engine"
  local carat; carat=$(tmp); place "$carat" $BED "$car@1.0"
  local carsoft; carsoft=$(tmp); s "$carat" "$carsoft" gain -4
  # the tram bell at the stop, nearer than inside the tram: ding ding
  b1=$(tmp); b2=$(tmp); b3=$(tmp)
  partial "$b1" 1180 1.4 -4
  partial "$b2" 2950 0.8 -14
  partial "$b3" 4320 0.4 -22
  bell=$(tmp); mix "$bell" "$b1" "$b2" "$b3"
  bells=$(tmp); place "$bells" $BED "$bell@7.0" "$bell@7.35"
  local bellsoft; bellsoft=$(tmp); s "$bells" "$bellsoft" gain -12 reverb 50
  bed=$(tmp); mix "$bed" "$traffic" "$wind" "$carsoft" "$bellsoft"
  local normal; normal=$(tmp); s "$bed" "$normal" highpass 35 gain -n -15
  loopify "$normal" "$1"
}

make_phone() {
  local line hum voices bed
  # the line: a soft hiss in the telephone band (300-3400 Hz) and a faint mains hum
  line=$(tmp); noise "$line" $BED whitenoise gain -12 highpass 300 lowpass 3400 gain -22
  hum=$(tmp); s -n -r $SR -c 1 -b 16 "$hum" synth $BED sine 100 tremolo 0.2 15 gain -30
  # the shop behind the player, far away
  voices=$(tmp)
  babble "$voices" $BED 900 \
    "nl+f3|150|60|Goedemiddag, kan ik u ergens mee helpen? Ja hoor, kijkt u maar rustig rond." \
    "nl+m3|140|40|Dat ligt in het rek bij de ingang, naast de kassa. Pinnen kan daar ook." \
    "nl+m1|136|36|Het bonnetje zit in de tas. Fijne dag nog, tot ziens."
  local voicesfar; voicesfar=$(tmp); s "$voices" "$voicesfar" gain -12
  bed=$(tmp); mix "$bed" "$line" "$hum" "$voicesfar"
  local normal; normal=$(tmp); s "$bed" "$normal" highpass 60 gain -n -20
  loopify "$normal" "$1"
}

# ---------------------------------------------------------------------------------------------
# Cues (equal-tempered notes; A4 = 440 Hz)
# ---------------------------------------------------------------------------------------------
C5=523.25; D5=587.33; E5=659.25; G5=783.99; A5=880.00; C6=1046.50; E6=1318.51
A4=440.00; F4=349.23; E4=329.63; C4=261.63; G4=392.00; B4=493.88

# melody OUT "FREQ@START:LENGTH"... — notes placed in time, a little room reverb, normalised.
melody() {
  local out=$1 peak=$2; shift 2
  local parts=() end=0
  for spec in "$@"; do
    local f=${spec%@*} rest=${spec#*@}; local at=${rest%:*} len=${rest#*:} nf
    nf=$(tmp); note "$nf" "$f" "$len"
    parts+=("$nf@$at")
    end=$(echo "if ($at + $len > $end) $at + $len else $end" | bc -l)
  done
  local total placed; total=$(echo "$end + 0.25" | bc -l); placed=$(tmp)
  place "$placed" "$total" "${parts[@]}"
  s "$placed" "$out" gain -8 reverb 25 40 60 gain -n "$peak" fade q 0.002 "$total" 0.2
}

make_cues() {
  melody "$T/cue-arrive.wav" -9 "$E5@0:0.5" "$A5@0.14:0.7"
  # the shop door bell: a small bell on a spring, two tinkles
  local d1 d2 d3 door; d1=$(tmp); d2=$(tmp); d3=$(tmp)
  partial "$d1" 2093 0.6 -4
  partial "$d2" 3320 0.4 -12
  partial "$d3" 5274 0.25 -20
  door=$(tmp); mix "$door" "$d1" "$d2" "$d3"
  local dd; dd=$(tmp); place "$dd" 1.1 "$door@0" "$door@0.12" "$door@0.3"
  s "$dd" "$T/cue-doorbell.wav" gain -8 reverb 30 gain -n -10 fade q 0.002 1.1 0.25
  melody "$T/cue-confirm.wav" -12 "$G5@0:0.22"
  melody "$T/cue-timeout.wav" -11 "$A4@0:0.45" "$F4@0.22:0.6"
  melody "$T/cue-ending-fan.wav" -8 "$C5@0:0.9" "$E5@0.14:0.9" "$G5@0.28:0.9" "$C6@0.42:1.3" "$E6@0.56:1.2"
  melody "$T/cue-ending-neutral.wav" -10 "$C5@0:0.8" "$G4@0.22:0.8" "$C5@0.44:1.0"
  melody "$T/cue-ending-lost.wav" -11 "$E5@0:0.8" "$C5@0.26:0.8" "$A4@0.52:1.2"
}

# ---------------------------------------------------------------------------------------------
# Encode, measure, check
# ---------------------------------------------------------------------------------------------
encode() {
  local wav=$1 name=$2 kbps_opus=$3 kbps_mp3=$4
  ffmpeg -nostdin -loglevel error -y -i "$wav" -fflags +bitexact -flags:a +bitexact -map_metadata -1 -ac 1 -c:a libopus -b:a "${kbps_opus}k" \
    -application audio -f webm "$OUT/$name.webm"
  ffmpeg -nostdin -loglevel error -y -i "$wav" -fflags +bitexact -flags:a +bitexact -map_metadata -1 -ac 1 -ar 44100 -c:a libmp3lame \
    -b:a "${kbps_mp3}k" -write_xing 0 -id3v2_version 0 "$OUT/$name.mp3"
}

fail=0
# measure WAV NAME MAX_PEAK_DB MAX_RMS_DB
measure() {
  local wav=$1 name=$2 maxpeak=$3 maxrms=$4 stats peak rms dur
  stats=$(sox "$wav" -n stats 2>&1)
  peak=$(awk '/^Pk lev dB/ {print $4}' <<<"$stats")
  rms=$(awk '/^RMS lev dB/ {print $4}' <<<"$stats")
  dur=$(sox --i -D "$wav")
  local wb mb; wb=$(stat -c %s "$OUT/$name.webm"); mb=$(stat -c %s "$OUT/$name.mp3")
  local verdict=ok
  if (( wb >= MAX_BYTES || mb >= MAX_BYTES )); then verdict="TOO BIG (limit $MAX_BYTES bytes)"; fail=1; fi
  if (( $(echo "$peak > $maxpeak" | bc -l) )); then verdict="TOO LOUD (peak above $maxpeak dBFS)"; fail=1; fi
  if (( $(echo "$rms > $maxrms" | bc -l) )); then verdict="TOO LOUD (RMS above $maxrms dBFS)"; fail=1; fi
  printf '%-20s %6.2fs  peak %6.1f dBFS  rms %6.1f dBFS  webm %6d B  mp3 %6d B  %s\n' \
    "$name" "$dur" "$peak" "$rms" "$wb" "$mb" "$verdict"
  if [[ -n "$SPECTRO" ]]; then
    sox "$wav" -n spectrogram -x 800 -y 257 -z 90 -t "$name" -o "$SPECTRO/$name.png"
  fi
}

AMBIENCES="shop station terrace tram clothing stop phone"
echo "make-audio: rendering into $OUT"
make_shop "$T/ambience-shop.wav"
make_station "$T/ambience-station.wav"
make_terrace "$T/ambience-terrace.wav"
make_tram "$T/ambience-tram.wav"
make_clothing "$T/ambience-clothing.wav"
make_stop "$T/ambience-stop.wav"
make_phone "$T/ambience-phone.wav"
make_cues

for a in $AMBIENCES; do encode "$T/ambience-$a.wav" "ambience-$a" 32 56; done
for c in arrive doorbell confirm timeout ending-fan ending-neutral ending-lost; do encode "$T/cue-$c.wav" "cue-$c" 48 64; done

for a in $AMBIENCES; do measure "$T/ambience-$a.wav" "ambience-$a" -12 -24; done
for c in arrive doorbell confirm timeout ending-fan ending-neutral ending-lost; do measure "$T/cue-$c.wav" "cue-$c" -6 -12; done

if [[ -n "$SPECTRO" ]]; then
  # the seam of each loop: the loop played twice, so a click at the joint would show as a vertical line
  for a in $AMBIENCES; do
    sox "$T/ambience-$a.wav" "$T/ambience-$a.wav" -n trim 7 6 spectrogram -x 800 -y 257 -z 90 -t "ambience-$a seam at 3s" -o "$SPECTRO/seam-$a.png"
  done
fi
if (( fail )); then echo "make-audio: FAILED (see above)" >&2; exit 1; fi
echo "make-audio: all clips under $MAX_BYTES bytes, no clipping, ambiences calm"
