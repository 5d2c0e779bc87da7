#version 330 compatibility
// Flat marker colour.
in vec4 bp_marker_color;
out vec4 bp_frag_color;

void main() {
    bp_frag_color = bp_marker_color;
}
