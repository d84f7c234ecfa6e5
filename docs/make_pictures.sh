#!/usr/bin/env bash
# Regenerate every picture the README shows, with the app itself (no display needed).
#
#   docs/make_pictures.sh                # uses python3
#   PYTHON=.venv/bin/python docs/make_pictures.sh
#   docs/make_pictures.sh --slides       # only the pictures made by the commands
#
# The slide pictures come from the `nnviz render` and `nnviz animate` commands,
# exactly as a user would type them (PNGs are then reduced to a 256-color
# palette so the repository stays small); the window, inspector, presenter and
# comparison screenshots need clicks and come from docs/screenshots.py.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
nnviz() { "$PYTHON" -m nnviz "$@"; }

nnviz render --lesson vanishing-sigmoid --steps 40 --phase backward:4 --view network --zoom 1.25 \
    --size 1280x720 --out docs/slides-vanishing-network.png --force
nnviz render --lesson vanishing-sigmoid --steps 40 --view gradients \
    --size 1200x520 --out docs/slides-vanishing-gradients.png --force
nnviz render --lesson xor --steps 400 --view boundary \
    --size 560x500 --out docs/slides-xor-boundary.png --force
nnviz animate --lesson xor --steps 150 --view network --size 960x540 --fps 10 --tween 3 \
    --out docs/slides-xor-step.gif --force
nnviz render --lesson momentum --view landscape --size 1280x720 \
    --out docs/view-landscape-momentum.png --force
nnviz render --lesson vanishing-sigmoid --phase backward:1 --view activations --layer 1 --size 1280x720 \
    --out docs/view-activations-sigmoid.png --force
nnviz render --lesson vanishing-sigmoid --phase backward:1 --view neuron-graph --neuron 1:1 --size 1280x720 \
    --out docs/view-neuron-graph.png --force

"$PYTHON" - <<'EOF'
from pathlib import Path
from PIL import Image

for name in ("slides-vanishing-network.png", "slides-vanishing-gradients.png", "slides-xor-boundary.png"):
    path = Path("docs") / name
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
    print(f"{path}: {path.stat().st_size // 1024} KB after palette reduction")
EOF

if [ "${1:-}" != "--slides" ]; then
    "$PYTHON" docs/screenshots.py
fi
