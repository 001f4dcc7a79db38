#!/usr/bin/env bash
# Draws the sample workspace's brand logos and product shots (resources/sample/*) with ImageMagick.
# Run by hand when a sample image changes (apt-get install imagemagick); the files are committed, so
# neither the app nor CI needs ImageMagick. Every file stays well under 30 KB.
set -euo pipefail
cd "$(dirname "$0")/../resources/sample"
IM=/usr/bin/convert
CJK=/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
LATIN=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
S=240

# product <file> <bg-top> <bg-bottom> <shape> <body> <accent> <label>
product() {
  local file=$1 top=$2 bottom=$3 shape=$4 body=$5 accent=$6 label=$7
  local draw dy
  case $shape in
    dropper)dy=28;  draw="fill $body roundrectangle 88,78 152,206 14,14 fill $accent roundrectangle 104,40 136,80 6,6 fill $accent rectangle 112,24 128,42 fill white roundrectangle 96,128 144,168 4,4" ;;
    jar)    dy=32;  draw="fill $accent roundrectangle 62,86 178,112 8,8 fill $body roundrectangle 56,108 184,196 18,18 fill white roundrectangle 80,136 160,168 4,4" ;;
    tube)   dy=10;  draw="fill $accent roundrectangle 106,30 134,58 4,4 fill $body polygon 84,58 156,58 150,200 90,200 fill white rectangle 98,110 142,150" ;;
    sachet) dy=11;  draw="fill $body roundrectangle 60,46 180,206 10,10 fill $accent rectangle 60,46 180,70 fill white roundrectangle 82,112 158,150 4,4" ;;
    pump)   dy=28;  draw="fill $accent rectangle 112,30 152,42 fill $accent rectangle 112,30 124,70 fill $accent roundrectangle 100,66 140,86 4,4 fill $body roundrectangle 84,84 156,206 16,16 fill white roundrectangle 94,130 146,166 4,4" ;;
    bag)    dy=19;  draw="fill $body polygon 70,60 170,60 180,206 60,206 fill $accent rectangle 70,60 170,80 fill white roundrectangle 86,118 154,160 4,4" ;;
    jarsm)  dy=24;  draw="fill $accent roundrectangle 80,70 160,96 6,6 fill $body roundrectangle 72,92 168,204 14,14 fill white roundrectangle 86,126 154,162 4,4" ;;
    skillet)dy=8;  draw="fill $body circle 106,128 106,56 fill $accent roundrectangle 170,118 228,138 8,8 fill #00000022 circle 106,128 106,70" ;;
    board)  dy=8;  draw="fill $body roundrectangle 40,70 200,190 18,18 fill $accent circle 176,88 176,80 stroke #00000030 stroke-width 3 fill none roundrectangle 54,84 186,176 12,12" ;;
    tin)    dy=25;  draw="fill $body roundrectangle 48,80 192,196 10,10 fill $accent roundrectangle 42,66 198,92 8,8 fill white roundrectangle 78,126 162,164 4,4" ;;
  esac
  "$IM" -size ${S}x${S} "gradient:${top}-${bottom}" \
    -fill '#00000018' -draw "ellipse 120,214 70,10 0,360" \
    -draw "$draw" \
    -font "$LATIN" -pointsize 11 -fill '#374151' -gravity center -annotate +0+$dy "$label" \
    -strip -quality 82 "$file"
}

product glow-ha-serum.jpg '#EAF4FB' '#CFE3F2' dropper '#7FB8DE' '#1E3A5F' 'HA'
product glow-ceramide-cream.jpg '#F7F1EA' '#E8DCCB' jar '#F4EDE3' '#B08D62' 'CERAMIDE'
product glow-sunscreen.jpg '#FFF6E0' '#FBE3A8' tube '#FFFFFF' '#E3A008' 'SPF50+'
product glow-cica-mask.jpg '#ECF6EC' '#CFE8D0' sachet '#8CC79A' '#2F6B3F' 'CICA'
product glow-cleanser.jpg '#F2F0FA' '#DCD6F0' tube '#F8F7FD' '#6D5FB0' 'AMINO'
product glow-vc-serum.jpg '#FFF1E6' '#FFD2AE' pump '#F59E42' '#8A4B12' 'VIT C'
product hearth-granola.jpg '#FBF3E4' '#EBD5AE' bag '#C98F4A' '#7A4A1C' 'GRANOLA'
product hearth-chili-crisp.jpg '#FCEDEA' '#F2C6BC' jarsm '#B93A2B' '#2B2B2B' 'CHILI'
product hearth-seaweed.jpg '#EEF5EE' '#D3E4D1' bag '#3F6B4A' '#C9A227' 'SEAWEED'
product hearth-skillet.jpg '#F1F1F1' '#D9D9D9' skillet '#3A3A3A' '#2A2A2A' ''
product hearth-board.jpg '#F5EFE6' '#E2D2BC' board '#B9834C' '#8A5A2B' ''
product hearth-snack-tin.jpg '#FBEFEF' '#EFD0D0' tin '#B3261E' '#1F5F3A' 'SNACKS'

# Logos (PNG, 256 px).
"$IM" -size 256x256 xc:none -fill '#1E3A5F' -draw 'circle 128,128 128,8' \
  -fill '#7FB8DE' -draw 'circle 170,86 170,70' \
  -font "$CJK" -pointsize 92 -fill white -gravity center -annotate +0-12 '光研' \
  -font "$LATIN" -pointsize 20 -fill '#CFE3F2' -annotate +0+62 'GLOW THEORY' \
  -strip PNG8:glow-theory-logo.png
"$IM" -size 256x256 xc:none -fill '#7A4A1C' -draw 'roundrectangle 8,8 248,248 36,36' \
  -fill '#E8B04B' -draw 'polygon 128,44 164,112 92,112' -fill '#F6C76B' -draw 'polygon 128,64 150,112 106,112' \
  -font "$LATIN" -pointsize 54 -fill white -gravity center -annotate +0+26 'H&C' \
  -font "$LATIN" -pointsize 17 -fill '#F3DFC1' -annotate +0+78 'HEARTH & CRUMB' \
  -strip PNG8:hearth-crumb-logo.png
ls -la
