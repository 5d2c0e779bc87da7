#version 330 compatibility
// Shaded 2.5D village colour; alpha 0 hides the village.
flat in vec4 bp_fill;
in float bp_shade;
out vec4 bp_frag_color;

void main() {
    if (bp_fill.a <= 0.0) {
        discard;
    }
    bp_frag_color = vec4(bp_fill.rgb * bp_shade, bp_fill.a);
}
