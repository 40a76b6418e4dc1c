#!/bin/sh
# Regenerates the recorded announcements the board plays when the PC has no en-IN / hi-IN speech voice
# (see clips.js for how a call becomes a list of these clips). Needs espeak-ng and opus-tools (Debian:
# apt-get install espeak-ng opus-tools). Run from anywhere: ./display-board/audio/make.sh
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

EN_VOICE=${EN_VOICE:-en-gb}   # espeak-ng 1.51 has no en-IN voice; en-gb is the clearest of its English ones
HI_VOICE=${HI_VOICE:-hi}
SPEED=${SPEED:-135}           # words a minute: a little slow, for a large echoing hall

# clip LANG NAME TEXT: one short Ogg Opus file, mono, 16 kbit/s (a few kB each; Chromium plays it)
clip() {
  voice=$EN_VOICE
  [ "$1" = hi ] && voice=$HI_VOICE
  mkdir -p "$1"
  espeak-ng -v "$voice" -s "$SPEED" -w "$tmp/clip.wav" "$3"
  opusenc --quiet --bitrate 16 --downmix-mono "$tmp/clip.wav" "$1/$2.opus"
}

clip en token-number "Token number"
clip en please-go-to "please go to"
clip en room "room"
clip en counter "counter"
clip en hundred "hundred"

clip hi token-number "टोकन नंबर"
clip hi please "कृपया"
clip hi room "कमरा"
clip hi counter "काउंटर"
clip hi go "पर जाएँ"
clip hi hundred "सौ"

n=0
while [ $n -le 99 ]; do
  clip en "n$n" "$n"
  clip hi "n$n" "$n"
  n=$((n + 1))
done

# Letter names as words: espeak reads a lone "A" as the article.
for pair in a:ay b:bee c:see d:dee e:ee f:eff g:jee h:aitch i:eye j:jay k:kay l:ell m:em n:en o:oh p:pee \
    q:cue r:are s:ess t:tee u:you v:vee w:double-you x:ex y:why z:zed; do
  clip en "letter-${pair%%:*}" "$(echo "${pair#*:}" | tr - ' ')"
done
for pair in a:ए b:बी c:सी d:डी e:ई f:एफ g:जी h:एच i:आई j:जे k:के l:एल m:एम n:एन o:ओ p:पी q:क्यू r:आर s:एस \
    t:टी u:यू v:वी w:डब्ल्यू x:एक्स y:वाई z:ज़ेड; do
  clip hi "letter-${pair%%:*}" "${pair#*:}"
done
