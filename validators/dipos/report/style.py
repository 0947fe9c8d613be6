"""How moves are drawn, in the report and on the documentation's timeline: a colour *and*
a shape for each move, so that no view tells moves apart by colour alone."""

from typing import Final

# Tableau 10: distinct colours, readable on light and dark backgrounds.
MOVE_COLOURS: Final = {
    "demand": "#e15759",
    "appeal": "#f28e2b",
    "goal": "#edc948",
    "offer": "#59a14f",
    "proposal": "#76b7b2",
    "acceptance": "#4e79a7",
    "agreement": "#17becf",
    "rejection": "#b07aa1",
    "refusal": "#9c755f",
    "assurance": "#bab0ac",
    "threat": "#ff9da7",
}
OTHER_COLOUR: Final = "#888888"

# One shape a move; the page draws them (report.js, `SHAPES`). Asking moves point up,
# giving moves are round or square, refusing moves are crosses.
MOVE_SHAPES: Final = {
    "demand": "triangle",
    "appeal": "triangle-down",
    "goal": "star",
    "offer": "circle",
    "proposal": "diamond",
    "acceptance": "square",
    "agreement": "hexagon",
    "rejection": "cross",
    "refusal": "x-square",
    "assurance": "pentagon",
    "threat": "bolt",
}
OTHER_SHAPE: Final = "ring"
