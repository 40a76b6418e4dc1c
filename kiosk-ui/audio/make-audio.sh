#!/bin/sh
# Makes the kiosk's spoken prompts (audio/<language>/<screen>.opus) from prompts.txt with espeak-ng, so they play the
# same on every kiosk PC, with or without speech voices installed. Run again after changing prompts.txt, and commit
# the clips. Needs: apt-get install -y espeak-ng opus-tools
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' prompts.txt | while read -r lang screen text; do
  [ -n "$lang" ] || continue
  mkdir -p "$lang"
  voice=$lang
  [ "$lang" = en ] && voice=en-gb
  # Slower than the default 175 words a minute: the listeners are often elderly, in a noisy hall.
  espeak-ng -v "$voice" -s 135 -w "$tmp/clip.wav" "$text"
  opusenc --quiet --bitrate 24 "$tmp/clip.wav" "$lang/$screen.opus"
done
