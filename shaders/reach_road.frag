#version 330 compatibility
// Keeps the part of a road piece within bp_reach_m of a site along the roads.
in float bp_road_m;
uniform float bp_reach_m;
uniform vec4 bp_reach_color;
out vec4 bp_frag_color;

void main() {
    if (bp_road_m > bp_reach_m) {
        discard;
    }
    bp_frag_color = bp_reach_color;
}
