#version 330 compatibility
// The disc's translucent fill or its rim, in one colour.
uniform vec4 bp_reach_color;
out vec4 bp_frag_color;

void main() {
    bp_frag_color = bp_reach_color;
}
